// activation_progression.png: each layer's output statistics on the probe batch across epochs: mean, standard
// deviation, and the fraction of units that never vary (dead).
import type { EpochMetrics, LayerDiagnostics } from '../../ml/trainer/training-types.js';
import { chartFigureSvg } from '../charts/chart-figure.js';
import { legendWidthFor, lineChartSvg } from '../charts/line-chart.js';
import { diagnosticsCoverage, layerSeries } from './layer-series.js';
import type { ReportSubject } from './report-subject.js';

/** At inference these pass their input's values through, so their lines would repeat the layer before. */
const PASS_THROUGH_CLASSES = new Set(['Dropout', 'Flatten']);

export function activationProgressionSvg(epochs: readonly EpochMetrics[], subject: ReportSubject): string {
  const shown = (layer: LayerDiagnostics) => !PASS_THROUGH_CLASSES.has(layer.layerClass);
  const mean = layerSeries(epochs, (l) => l.activation.mean, shown);
  const std = layerSeries(epochs, (l) => l.activation.std, shown);
  const dead = layerSeries(epochs, (l) => l.activation.deadFraction, (l) => shown(l) && l.nonlinear);
  const notes = [`${subject.outcome}. Statistics of each layer's output on the fixed probe batch; Dropout and Flatten layers are left out (they repeat their input).`];
  const coverage = diagnosticsCoverage(epochs);
  if (coverage) notes.push(coverage);
  const chart = { xLabel: 'epoch', integerX: true, legendWidth: legendWidthFor([...mean, ...dead]) };
  return chartFigureSvg({
    title: `Activation progression · ${subject.name}`,
    notes,
    panelHeight: 330,
    panels: [
      (frame) => lineChartSvg({ ...chart, title: 'Mean activation per layer', yLabel: 'mean', series: mean }, frame),
      (frame) => lineChartSvg({ ...chart, title: 'Activation standard deviation per layer', yLabel: 'std', series: std, yInclude: [0] }, frame),
      (frame) =>
        lineChartSvg({ ...chart, title: 'Dead units per layer (layers with a nonlinearity)', yLabel: 'fraction dead', series: dead, yInclude: [0, 1] }, frame),
    ],
  });
}
