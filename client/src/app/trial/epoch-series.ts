// A trial's per-epoch metrics as chart series, and how a live EPOCH_COMPLETED event extends them.
import type { ChartSeries } from '../charts/chart-series';
import { asRecord } from '../study/study-plan';

export interface EpochPoint {
  /** 1-based. */
  epoch: number;
  loss: number;
  accuracy: number;
  valLoss: number | null;
  valAccuracy: number | null;
}

export const TRAIN_COLOUR = '#4f46e5';
export const VALIDATION_COLOUR = '#d97706';

/** The epoch an EPOCH_COMPLETED event of this trial reports; null for any other event. */
export function epochFromEvent(event: { type: string; trialNumber?: number | null; payload: unknown }, trialNumber: number): EpochPoint | null {
  if (event.type !== 'EPOCH_COMPLETED' || event.trialNumber !== trialNumber) return null;
  const payload = asRecord(event.payload);
  const epoch = payload['epoch'];
  const loss = payload['loss'];
  const accuracy = payload['accuracy'];
  if (typeof epoch !== 'number' || typeof loss !== 'number' || typeof accuracy !== 'number') return null;
  const orNull = (value: unknown) => (typeof value === 'number' ? value : null);
  return { epoch, loss, accuracy, valLoss: orNull(payload['valLoss']), valAccuracy: orNull(payload['valAccuracy']) };
}

/** The epochs with `point` added, or replacing the same epoch (an event replayed after a read), in order. */
export function withEpoch(epochs: readonly EpochPoint[], point: EpochPoint): EpochPoint[] {
  return [...epochs.filter((e) => e.epoch !== point.epoch), point].sort((a, b) => a.epoch - b.epoch);
}

export function epochLabels(epochs: readonly EpochPoint[]): number[] {
  return epochs.map((e) => e.epoch);
}

export function lossSeries(epochs: readonly EpochPoint[]): ChartSeries[] {
  return [
    { label: 'Training loss', values: epochs.map((e) => e.loss), colour: TRAIN_COLOUR },
    { label: 'Validation loss', values: epochs.map((e) => e.valLoss), colour: VALIDATION_COLOUR },
  ];
}

export function accuracySeries(epochs: readonly EpochPoint[]): ChartSeries[] {
  return [
    { label: 'Training accuracy', values: epochs.map((e) => e.accuracy), colour: TRAIN_COLOUR },
    { label: 'Validation accuracy', values: epochs.map((e) => e.valAccuracy), colour: VALIDATION_COLOUR },
  ];
}
