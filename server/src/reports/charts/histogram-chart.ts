// A histogram panel: equal-width bins as filled bars, optionally a second histogram of the same values at another
// time drawn as an outline over it (the weights when diagnostics began, against the weights at the end). The
// figure carries the legend, since it is the same for every panel.
import type { WeightHistogram } from '../../ml/trainer/training-types.js';
import { formatTick, linearTicks } from './axis-ticks.js';
import type { LegendEntry } from './chart-legend.js';
import { fitText, num, svgText, type Frame } from '../svg/svg-markup.js';

export interface HistogramChartSpec {
  title: string;
  xLabel: string;
  bars: WeightHistogram;
  /** Drawn as a step outline over the bars. */
  outline?: WeightHistogram;
}

const BAR_COLOR = '#1f77b4';
const OUTLINE_COLOR = '#ff7f0e';
const MARGIN = { left: 58, right: 10, top: 24, bottom: 40 };

export function histogramChartSvg(spec: HistogramChartSpec, frame: Frame): string {
  const plot: Frame = {
    x: frame.x + MARGIN.left,
    y: frame.y + MARGIN.top,
    width: frame.width - MARGIN.left - MARGIN.right,
    height: frame.height - MARGIN.top - MARGIN.bottom,
  };
  const histograms = [spec.bars, ...(spec.outline ? [spec.outline] : [])];
  const xAxis = linearTicks(Math.min(...histograms.map((h) => h.min)), Math.max(...histograms.map((h) => h.max)), 4);
  const yAxis = linearTicks(0, Math.max(1, ...histograms.flatMap((h) => h.counts)), 4);
  const toX = (x: number) => plot.x + ((x - xAxis.min) / (xAxis.max - xAxis.min)) * plot.width;
  const toY = (y: number) => plot.y + plot.height - (y / yAxis.max) * plot.height;

  const parts = [svgText(frame.x + 6, frame.y + 15, fitText(spec.title, 12, frame.width - 12), { size: 12, weight: 'bold' })];
  parts.push(`<rect x="${num(plot.x)}" y="${num(plot.y)}" width="${num(plot.width)}" height="${num(plot.height)}" fill="none" stroke="#999"/>`);
  for (const tick of yAxis.ticks) {
    parts.push(`<line x1="${num(plot.x)}" y1="${num(toY(tick))}" x2="${num(plot.x + plot.width)}" y2="${num(toY(tick))}" stroke="#eee"/>`);
    parts.push(svgText(plot.x - 5, toY(tick) + 3, formatTick(tick, yAxis.step), { size: 9, anchor: 'end', fill: '#444' }));
  }
  for (const tick of xAxis.ticks) {
    parts.push(`<line x1="${num(toX(tick))}" y1="${num(plot.y + plot.height)}" x2="${num(toX(tick))}" y2="${num(plot.y + plot.height + 3)}" stroke="#666"/>`);
    parts.push(svgText(toX(tick), plot.y + plot.height + 14, formatTick(tick, xAxis.step), { size: 9, anchor: 'middle', fill: '#444' }));
  }
  parts.push(svgText(plot.x + plot.width / 2, plot.y + plot.height + 28, spec.xLabel, { size: 10, anchor: 'middle' }));
  parts.push(svgText(plot.x - 44, plot.y + plot.height / 2, 'weights', { size: 10, anchor: 'middle', rotate: -90 }));

  for (const bin of bins(spec.bars, xAxis.max - xAxis.min)) {
    const x = toX(bin.from);
    parts.push(
      `<rect x="${num(x)}" y="${num(toY(bin.count))}" width="${num(Math.max(1, toX(bin.to) - x))}" height="${num(plot.y + plot.height - toY(bin.count))}" fill="${BAR_COLOR}" fill-opacity="0.6"/>`,
    );
  }
  if (spec.outline) {
    const steps = bins(spec.outline, xAxis.max - xAxis.min).flatMap((bin) => [
      `${num(toX(bin.from))},${num(toY(bin.count))}`,
      `${num(toX(bin.to))},${num(toY(bin.count))}`,
    ]);
    parts.push(`<polyline points="${steps.join(' ')}" fill="none" stroke="${OUTLINE_COLOR}" stroke-width="1.5"/>`);
  }
  return parts.join('');
}

/** What the bars and the outline mean, for the figure's legend (the same for every panel of a figure). */
export function histogramLegend(barsLabel: string, outlineLabel?: string): LegendEntry[] {
  const entries: LegendEntry[] = [{ label: barsLabel, color: BAR_COLOR, swatch: 'box' }];
  if (outlineLabel) entries.push({ label: outlineLabel, color: OUTLINE_COLOR, swatch: 'outline' });
  return entries;
}

/** The bins of a histogram; all weights equal (zero width) is one narrow bar at that value. */
function bins(histogram: WeightHistogram, axisRange: number): { from: number; to: number; count: number }[] {
  const width = (histogram.max - histogram.min) / histogram.counts.length;
  if (width === 0) {
    const total = histogram.counts.reduce((a, b) => a + b, 0);
    return [{ from: histogram.min - axisRange / 100, to: histogram.min + axisRange / 100, count: total }];
  }
  return histogram.counts.map((count, i) => ({ from: histogram.min + i * width, to: histogram.min + (i + 1) * width, count }));
}
