// computeHealth: the six metrics of a trained trial, their weighted composite, and what each was computed from.
import type { TrainingResult } from '../trainer/training-types.js';
import {
  accuracyConsistency,
  convergenceQuality,
  foldAccuracies,
  gradientHealth,
  neuronUtilization,
  parameterEfficiency,
  trainingStability,
  UNMEASURED,
} from './health-metrics.js';

export const HEALTH_METRICS = [
  'neuronUtilization',
  'parameterEfficiency',
  'trainingStability',
  'gradientHealth',
  'convergenceQuality',
  'accuracyConsistency',
] as const;
export type HealthMetric = (typeof HEALTH_METRICS)[number];
export type HealthWeights = Record<HealthMetric, number>;

/** Equal weights: no metric is known to matter more in general; a study may set its own. */
export const DEFAULT_HEALTH_WEIGHTS: Readonly<HealthWeights> = Object.freeze({
  neuronUtilization: 1,
  parameterEfficiency: 1,
  trainingStability: 1,
  gradientHealth: 1,
  convergenceQuality: 1,
  accuracyConsistency: 1,
});

export interface HealthReport extends Record<HealthMetric, number> {
  /** Weighted mean of the six metrics (weights normalized to sum 1). */
  composite: number;
  details: {
    /** Metrics whose inputs were missing and which report UNMEASURED (0.5). */
    unmeasured: HealthMetric[];
    gradientHealthPerLayer: Record<string, number>;
    deadFractionPerLayer: Record<string, number>;
    foldAccuracies: number[];
    accuracy: number;
    parameterCount: number;
    weights: HealthWeights;
  };
}

export interface HealthInput {
  training: TrainingResult;
  parameterCount: number;
  classes: number;
  /** Accuracy the health is judged on; defaults to the final validation (else test, else last epoch) accuracy. */
  accuracy?: number;
  weights?: Partial<HealthWeights>;
}

export function computeHealth(input: HealthInput): HealthReport {
  const { training, parameterCount, classes } = input;
  const weights = healthWeights(input.weights);
  const lastDiagnostics = [...training.epochs].reverse().find((e) => e.diagnostics)?.diagnostics?.layers;
  const evaluation = training.validation ?? training.test;
  const accuracy = input.accuracy ?? evaluation?.accuracy ?? training.epochs.at(-1)?.valAccuracy ?? 0;
  const folds = evaluation ? foldAccuracies(evaluation.correct) : [];
  const gradients = gradientHealth(training.epochs);
  const raw: Record<HealthMetric, number | null> = {
    neuronUtilization: neuronUtilization(lastDiagnostics),
    parameterEfficiency: parameterEfficiency(accuracy, parameterCount, classes),
    trainingStability: trainingStability(training.epochs, classes),
    gradientHealth: gradients.score,
    convergenceQuality: convergenceQuality(training.epochs, classes),
    accuracyConsistency: accuracyConsistency(folds),
  };
  const unmeasured = HEALTH_METRICS.filter((m) => raw[m] === null);
  const metrics = Object.fromEntries(HEALTH_METRICS.map((m) => [m, raw[m] ?? UNMEASURED])) as Record<HealthMetric, number>;
  return {
    ...metrics,
    composite: compositeHealth(metrics, weights),
    details: {
      unmeasured,
      gradientHealthPerLayer: gradients.perLayer,
      deadFractionPerLayer: Object.fromEntries((lastDiagnostics ?? []).filter((l) => l.nonlinear).map((l) => [l.layer, l.activation.deadFraction])),
      foldAccuracies: folds,
      accuracy,
      parameterCount,
      weights,
    },
  };
}

/** Σ wᵢ·mᵢ / Σ wᵢ. */
export function compositeHealth(metrics: Record<HealthMetric, number>, weights: HealthWeights = DEFAULT_HEALTH_WEIGHTS): number {
  const total = HEALTH_METRICS.reduce((sum, m) => sum + weights[m], 0);
  return HEALTH_METRICS.reduce((sum, m) => sum + weights[m] * metrics[m], 0) / total;
}

/** Defaults overridden by a study's weights; rejects negative weights and an all-zero set. */
export function healthWeights(overrides: Partial<HealthWeights> = {}): HealthWeights {
  for (const key of Object.keys(overrides)) {
    if (!(HEALTH_METRICS as readonly string[]).includes(key)) {
      throw new RangeError(`Unknown health metric "${key}" in weights; known: ${HEALTH_METRICS.join(', ')}.`);
    }
  }
  const weights = { ...DEFAULT_HEALTH_WEIGHTS, ...overrides };
  if (HEALTH_METRICS.some((m) => !(weights[m] >= 0))) throw new RangeError('Health weights must be numbers ≥ 0.');
  if (HEALTH_METRICS.every((m) => weights[m] === 0)) throw new RangeError('At least one health weight must be positive.');
  return weights;
}
