// training_history.png: training and validation loss and accuracy per epoch.
import type { EpochMetrics } from '../../ml/trainer/training-types.js';
import { chartFigureSvg } from '../charts/chart-figure.js';
import { lineChartSvg, type LineSeries } from '../charts/line-chart.js';
import type { ReportSubject } from './report-subject.js';

export function trainingHistorySvg(epochs: readonly EpochMetrics[], subject: ReportSubject): string {
  const hasValidation = epochs.some((e) => e.valLoss !== null || e.valAccuracy !== null);
  const series = (name: string, value: (e: EpochMetrics) => number | null): LineSeries => ({
    name,
    points: epochs.map((e) => ({ x: e.epoch, y: value(e) })),
  });
  const loss = [series('training', (e) => e.loss), ...(hasValidation ? [series('validation', (e) => e.valLoss)] : [])];
  const accuracy = [series('training', (e) => e.accuracy), ...(hasValidation ? [series('validation', (e) => e.valAccuracy)] : [])];
  const notes = [`${subject.outcome}. Training values are means over the epoch's batches (dropout active).`];
  if (!hasValidation) notes.push('No validation split: only training curves are drawn.');
  return chartFigureSvg({
    title: `Training history · ${subject.name}`,
    notes,
    columns: 2,
    panelHeight: 420,
    panels: [
      (frame) => lineChartSvg({ title: 'Loss (cross-entropy)', xLabel: 'epoch', yLabel: 'loss', series: loss, integerX: true, yInclude: [0] }, frame),
      (frame) => lineChartSvg({ title: 'Accuracy', xLabel: 'epoch', yLabel: 'accuracy', series: accuracy, integerX: true, yInclude: [0, 1] }, frame),
    ],
  });
}
