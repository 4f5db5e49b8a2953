// What a report's figures are about, for their titles: which run, and how it ended.
import type { EpochMetrics, StopReason } from '../../ml/trainer/training-types.js';

export interface ReportSubject {
  /** e.g. `trial 3` or `final model`. */
  name: string;
  /** e.g. `pruned after epoch 1 of 5`: a short history is read differently from a finished one. */
  outcome: string;
}

export function outcomeOf(stopReason: StopReason, epochs: readonly EpochMetrics[], budgetEpochs: number): string {
  const done = epochs.length;
  switch (stopReason) {
    case 'completed':
      return `completed ${done} of ${budgetEpochs} epochs`;
    case 'pruned':
      return `pruned after epoch ${done} of ${budgetEpochs}`;
    case 'early-stopped':
      return `stopped early after epoch ${done} of ${budgetEpochs}`;
    case 'diverged':
      return `diverged in epoch ${done} of ${budgetEpochs}`;
    case 'cancelled':
      return `cancelled after epoch ${done} of ${budgetEpochs}`;
  }
}
