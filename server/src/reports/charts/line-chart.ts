// A line chart panel: axes with ticks and labels, one line per series with a marker per point, a legend. Points
// that cannot be drawn (not finite, or not positive on a log axis) break the line and are counted in a note under
// the title, so a chart never silently shows less than was recorded.
import { formatTick, linearTicks, logTicks, type AxisTicks } from './axis-ticks.js';
import { legendSvg } from './chart-legend.js';
import { seriesStyle } from './series-style.js';
import { estimateTextWidth, fitText, num, svgText, type Frame } from '../svg/svg-markup.js';

export interface LinePoint {
  x: number;
  /** Null where the value was not recorded: the line breaks there. */
  y: number | null;
}

export interface LineSeries {
  name: string;
  points: LinePoint[];
}

export interface LineChartSpec {
  title: string;
  xLabel: string;
  yLabel: string;
  series: LineSeries[];
  yScale?: 'linear' | 'log';
  /** Values the y axis always includes (accuracy charts include 0 and 1). */
  yInclude?: number[];
  /** Integer x ticks (epochs). */
  integerX?: boolean;
  /** Room for the legend; stacked panels pass the same width so that their x axes line up. */
  legendWidth?: number;
}

const MARGIN = { left: 66, right: 12, top: 40, bottom: 42 };
const LEGEND_MAX_WIDTH = 260;

export function lineChartSvg(spec: LineChartSpec, frame: Frame): string {
  const scale = spec.yScale ?? 'linear';
  const drawable = (y: number | null): y is number => y !== null && Number.isFinite(y) && (scale === 'linear' || y > 0);
  const omitted = spec.series.reduce((sum, s) => sum + s.points.filter((p) => p.y !== null && !drawable(p.y)).length, 0);
  const legendWidth = spec.legendWidth ?? (spec.series.length > 1 || spec.series[0]?.name ? legendWidthFor(spec.series) : 0);
  const plot: Frame = {
    x: frame.x + MARGIN.left,
    y: frame.y + MARGIN.top,
    width: frame.width - MARGIN.left - MARGIN.right - legendWidth,
    height: frame.height - MARGIN.top - MARGIN.bottom,
  };
  const parts = [svgText(frame.x + 8, frame.y + 16, fitText(spec.title, 13, frame.width - 16), { size: 13, weight: 'bold' })];
  if (omitted > 0) {
    const why = scale === 'log' ? 'not finite or not positive (log axis)' : 'not finite';
    parts.push(svgText(frame.x + 8, frame.y + 31, `${omitted} value${omitted === 1 ? '' : 's'} ${why}, not drawn`, { size: 11, fill: '#b00020' }));
  }

  const xs = spec.series.flatMap((s) => s.points.map((p) => p.x));
  const ys = spec.series.flatMap((s) => s.points.map((p) => p.y).filter(drawable));
  if (xs.length === 0 || ys.length === 0) {
    parts.push(`<rect x="${num(plot.x)}" y="${num(plot.y)}" width="${num(plot.width)}" height="${num(plot.height)}" fill="#fafafa" stroke="#999"/>`);
    parts.push(svgText(plot.x + plot.width / 2, plot.y + plot.height / 2, 'no values recorded', { anchor: 'middle', fill: '#666' }));
    return parts.join('');
  }
  const xAxis = linearTicks(Math.min(...xs), Math.max(...xs), 8, { integer: spec.integerX });
  const yValues = [...ys, ...(spec.yInclude ?? [])];
  const yAxis = scale === 'log' ? logTicks(Math.min(...ys), Math.max(...ys)) : linearTicks(Math.min(...yValues), Math.max(...yValues), 5);
  const toX = (x: number) => plot.x + ((x - xAxis.min) / (xAxis.max - xAxis.min)) * plot.width;
  const toY = (y: number) =>
    scale === 'log'
      ? plot.y + plot.height - ((Math.log10(y) - Math.log10(yAxis.min)) / (Math.log10(yAxis.max) - Math.log10(yAxis.min))) * plot.height
      : plot.y + plot.height - ((y - yAxis.min) / (yAxis.max - yAxis.min)) * plot.height;

  parts.push(axesSvg(plot, xAxis, yAxis, scale, toX, toY, spec));
  spec.series.forEach((series, i) => {
    const { color, dash } = seriesStyle(i);
    const dashAttribute = dash ? ` stroke-dasharray="${dash}"` : '';
    for (const run of drawableRuns(series.points, drawable)) {
      if (run.length > 1) {
        const coordinates = run.map((p) => `${num(toX(p.x))},${num(toY(p.y))}`).join(' ');
        parts.push(`<polyline points="${coordinates}" fill="none" stroke="${color}" stroke-width="2"${dashAttribute}/>`);
      }
    }
    for (const point of series.points) {
      if (drawable(point.y)) parts.push(`<circle cx="${num(toX(point.x))}" cy="${num(toY(point.y))}" r="3" fill="${color}"/>`);
    }
  });
  if (legendWidth > 0) {
    const entries = spec.series.map((series, i) => ({ label: series.name, ...seriesStyle(i) }));
    parts.push(legendSvg(entries, { x: plot.x + plot.width + 14, y: plot.y, width: legendWidth - 14, height: plot.height + MARGIN.bottom }));
  }
  return parts.join('');
}

export function legendWidthFor(series: readonly LineSeries[]): number {
  if (series.length === 0) return 0;
  const longest = Math.max(...series.map((s) => estimateTextWidth(s.name, 11)));
  return Math.min(LEGEND_MAX_WIDTH, longest + 44);
}

function axesSvg(
  plot: Frame,
  xAxis: AxisTicks,
  yAxis: AxisTicks,
  scale: 'linear' | 'log',
  toX: (x: number) => number,
  toY: (y: number) => number,
  spec: LineChartSpec,
): string {
  const parts = [`<rect x="${num(plot.x)}" y="${num(plot.y)}" width="${num(plot.width)}" height="${num(plot.height)}" fill="none" stroke="#999"/>`];
  for (const tick of yAxis.ticks) {
    const y = toY(tick);
    parts.push(`<line x1="${num(plot.x)}" y1="${num(y)}" x2="${num(plot.x + plot.width)}" y2="${num(y)}" stroke="#e5e5e5"/>`);
    parts.push(`<line x1="${num(plot.x - 4)}" y1="${num(y)}" x2="${num(plot.x)}" y2="${num(y)}" stroke="#666"/>`);
    parts.push(svgText(plot.x - 7, y + 4, formatTick(tick, yAxis.step, scale), { size: 10, anchor: 'end', fill: '#444' }));
  }
  for (const tick of xAxis.ticks) {
    const x = toX(tick);
    parts.push(`<line x1="${num(x)}" y1="${num(plot.y + plot.height)}" x2="${num(x)}" y2="${num(plot.y + plot.height + 4)}" stroke="#666"/>`);
    parts.push(svgText(x, plot.y + plot.height + 16, formatTick(tick, xAxis.step), { size: 10, anchor: 'middle', fill: '#444' }));
  }
  parts.push(svgText(plot.x + plot.width / 2, plot.y + plot.height + 34, spec.xLabel, { size: 11, anchor: 'middle' }));
  const yLabel = spec.yLabel + (scale === 'log' ? ' (log scale)' : '');
  parts.push(svgText(plot.x - 52, plot.y + plot.height / 2, yLabel, { size: 11, anchor: 'middle', rotate: -90 }));
  return parts.join('');
}

function drawableRuns(points: readonly LinePoint[], drawable: (y: number | null) => y is number): { x: number; y: number }[][] {
  const runs: { x: number; y: number }[][] = [[]];
  for (const point of points) {
    if (drawable(point.y)) runs.at(-1)!.push({ x: point.x, y: point.y });
    else if (runs.at(-1)!.length > 0) runs.push([]);
  }
  return runs.filter((run) => run.length > 0);
}
