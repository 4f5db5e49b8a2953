// The six health metrics (docs/HEALTH.md) as the UI names and explains them. Each is in [0, 1], 1 healthy.
import type { HealthReportFieldsFragment } from '../graphql/generated/graphql';
import { asRecord } from '../study/study-plan';

export type HealthMetricKey = Exclude<keyof HealthReportFieldsFragment, 'composite' | 'details' | '__typename'>;

export interface HealthMetricInfo {
  key: HealthMetricKey;
  label: string;
  /** What a high score means, in one line. */
  explanation: string;
}

/** Same order and meaning as docs/HEALTH.md. */
export const HEALTH_METRICS: readonly HealthMetricInfo[] = [
  {
    key: 'neuronUtilization',
    label: 'Neuron utilization',
    explanation: 'Share of units that still respond to their input: dead ReLUs or saturated units lower it.',
  },
  {
    key: 'parameterEfficiency',
    label: 'Parameter efficiency',
    explanation: 'Accuracy above chance per decade of parameters beyond 10 000: small accurate models score high.',
  },
  {
    key: 'trainingStability',
    label: 'Training stability',
    explanation: 'How steadily the training loss fell: rising epochs, oscillating batches or losses worse than guessing lower it.',
  },
  {
    key: 'gradientHealth',
    label: 'Gradient health',
    explanation: 'Whether every layer’s gradient stays within 10⁻⁵ to 1 of its weights: neither vanishing nor exploding.',
  },
  {
    key: 'convergenceQuality',
    label: 'Convergence quality',
    explanation: 'How smoothly the validation loss went down and settled, without zigzags or climbing back (overfitting).',
  },
  {
    key: 'accuracyConsistency',
    label: 'Accuracy consistency',
    explanation: 'How evenly the model is right across five slices of the validation data.',
  },
];

export const COMPOSITE_EXPLANATION = 'Weighted mean of the six metrics; the health-aware mode optimizes it.';

export type HealthBand = 'good' | 'fair' | 'poor';

/** Bands for colour and wording; thresholds are a reading aid, not part of the metrics. */
export function healthBand(value: number): HealthBand {
  return value >= 0.75 ? 'good' : value >= 0.5 ? 'fair' : 'poor';
}

/** Metrics whose inputs were not recorded: they report 0.5 and are listed in `details.unmeasured`. */
export function unmeasuredMetrics(details: unknown): ReadonlySet<string> {
  const list = asRecord(details)['unmeasured'];
  return new Set(Array.isArray(list) ? list.filter((name): name is string => typeof name === 'string') : []);
}
