// gradient_flow.png: the L2 norm of the loss gradient over each layer's weights per epoch, on the fixed probe
// batch, and the same norm relative to the layer's weight norm (vanishing or exploding gradients show in both).
import type { EpochMetrics, LayerDiagnostics } from '../../ml/trainer/training-types.js';
import { chartFigureSvg } from '../charts/chart-figure.js';
import { legendWidthFor, lineChartSvg, type LineSeries } from '../charts/line-chart.js';
import { diagnosticsCoverage, layerSeries } from './layer-series.js';
import type { ReportSubject } from './report-subject.js';

export function gradientFlowSvg(epochs: readonly EpochMetrics[], subject: ReportSubject): string {
  const norms = layerSeries(epochs, (layer) => layer.gradientNorm);
  const relative = layerSeries(epochs, relativeGradient);
  const legendWidth = legendWidthFor([...norms, ...relative]);
  const probeSize = epochs.find((e) => e.diagnostics)?.diagnostics?.probeSize;
  const notes = [`${subject.outcome}. Measured after each epoch on a fixed probe batch${probeSize ? ` of ${probeSize} examples` : ''}; layers with trainable weights only.`];
  const coverage = diagnosticsCoverage(epochs);
  if (coverage) notes.push(coverage);
  return chartFigureSvg({
    title: `Gradient flow · ${subject.name}`,
    notes,
    panelHeight: 380,
    panels: [
      (frame) => lineChartSvg({ title: 'Gradient norm per layer', xLabel: 'epoch', yLabel: '‖∇w‖', series: norms, yScale: scaleFor(norms), integerX: true, legendWidth }, frame),
      (frame) =>
        lineChartSvg(
          { title: 'Gradient norm relative to weight norm', xLabel: 'epoch', yLabel: '‖∇w‖ / ‖w‖', series: relative, yScale: scaleFor(relative), integerX: true, legendWidth },
          frame,
        ),
    ],
  });
}

function relativeGradient(layer: LayerDiagnostics): number | undefined {
  if (layer.gradientNorm === undefined || !layer.weightNorm) return undefined;
  return layer.gradientNorm / layer.weightNorm;
}

/** Norms span orders of magnitude across layers: a log axis whenever there is a positive value to put on it. */
function scaleFor(series: readonly LineSeries[]): 'linear' | 'log' {
  return series.some((s) => s.points.some((p) => p.y !== null && p.y > 0 && Number.isFinite(p.y))) ? 'log' : 'linear';
}
