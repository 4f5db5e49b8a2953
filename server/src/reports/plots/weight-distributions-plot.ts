// weight_distributions.png: a histogram of each layer's trainable weights after the last measured epoch, with the
// histogram after the first measured epoch drawn over it, so that drift during training shows.
import type { EpochMetrics } from '../../ml/trainer/training-types.js';
import { chartFigureSvg } from '../charts/chart-figure.js';
import { histogramChartSvg, histogramLegend } from '../charts/histogram-chart.js';
import { diagnosticsCoverage } from './layer-series.js';
import type { ReportSubject } from './report-subject.js';

export function weightDistributionsSvg(epochs: readonly EpochMetrics[], subject: ReportSubject): string {
  const measured = epochs.filter((e) => e.diagnostics);
  const first = measured[0];
  const last = measured.at(-1);
  const notes = [`${subject.outcome}. Kernel and bias values of each layer together, in equal-width bins.`];
  const coverage = diagnosticsCoverage(epochs);
  if (coverage) notes.push(coverage);
  if (!first || !last) {
    return chartFigureSvg({ title: `Weight distributions · ${subject.name}`, notes, panelHeight: 0, panels: [] });
  }
  const compare = first !== last;
  const firstByLayer = new Map(first.diagnostics!.layers.map((l) => [l.layer, l.weightHistogram]));
  const layers = last.diagnostics!.layers.filter((l) => l.weightHistogram);
  return chartFigureSvg({
    title: `Weight distributions · ${subject.name} · after epoch ${last.epoch}`,
    notes,
    legend: histogramLegend(`after epoch ${last.epoch}`, compare ? `after epoch ${first.epoch}` : undefined),
    columns: 3,
    panelHeight: 240,
    panels: layers.map((layer) => (frame) => {
      const outline = compare ? firstByLayer.get(layer.layer) : undefined;
      const norm = layer.weightNorm !== undefined ? ` · ‖w‖ ${layer.weightNorm.toPrecision(3)}` : '';
      return histogramChartSvg(
        { title: `${layer.layer} (${layer.layerClass})${norm}`, xLabel: 'weight value', bars: layer.weightHistogram!, ...(outline ? { outline } : {}) },
        frame,
      );
    }),
  });
}
