// What a user sets when starting an optimization, through the dashboard, the GraphQL API, the CLI or code.
// Every field but the dataset is optional; the user-facing defaults live here and nowhere else.
import type { ParamValue } from '../ml/model/search-space.js';

export const OPTIMIZATION_MODES = ['SIMPLE', 'HEALTH_AWARE', 'MULTI_OBJECTIVE'] as const;
/** SIMPLE: validation accuracy. HEALTH_AWARE: a weighted blend of accuracy and health. MULTI_OBJECTIVE: both, Pareto. */
export type OptimizationMode = (typeof OPTIMIZATION_MODES)[number];

export const SAMPLER_KINDS = ['TPE', 'TPE_MULTIVARIATE', 'RANDOM'] as const;
export type SamplerKind = (typeof SAMPLER_KINDS)[number];

export const PRUNER_KINDS = ['MEDIAN', 'SUCCESSIVE_HALVING', 'HYPERBAND', 'NONE'] as const;
export type PrunerKind = (typeof PRUNER_KINDS)[number];

export const OVERRIDE_MODES = ['FIXED', 'RANGE', 'OFF'] as const;
/** FIXED: one value for every trial. RANGE: searched within the bounds or choices given. OFF: the architecture default. */
export type OverrideMode = (typeof OVERRIDE_MODES)[number];

/** How the user narrows one hyperparameter of the family's search space. */
export interface HyperparameterOverride {
  name: string;
  mode: OverrideMode;
  /** FIXED only. */
  value?: ParamValue | null;
  /** RANGE of a numeric hyperparameter. */
  low?: number | null;
  high?: number | null;
  log?: boolean | null;
  /** RANGE of a categorical hyperparameter: a subset of its choices. */
  choices?: ParamValue[] | null;
}

export interface OptimizationInput {
  /** One of the dataset ids (mnist, fashion-mnist, cifar10, cifar100, gtsrb, imdb, reuters). */
  dataset: string;
  /** Also the folder name of the study's artifacts; default `<dataset>-<date>-<time>`. */
  name?: string | null;
  mode?: OptimizationMode | null;
  /** HEALTH_AWARE only: share of the composite health in the objective (the rest is validation accuracy). */
  healthWeight?: number | null;
  /** HEALTH_AWARE only: weight of each health metric in the composite (missing metrics keep their default). */
  healthWeights?: Record<string, number> | null;
  trials?: number | null;
  /** Trials training at once. */
  parallelism?: number | null;
  /** Per-trial budget: epochs and training examples (null: the whole training split). */
  epochs?: number | null;
  trainSubsetSize?: number | null;
  /** Budget of the final model, retrained with the best configuration: epochs and training examples (null: all). */
  finalModelEpochs?: number | null;
  finalModelTrainSubsetSize?: number | null;
  sampler?: SamplerKind | null;
  pruner?: PrunerKind | null;
  seed?: number | null;
  /** No trial starts after this many minutes; running ones finish. */
  timeoutMinutes?: number | null;
  searchSpace?: HyperparameterOverride[] | null;
  /**
   * GPU workers get the heavier trials first: each trial's parameters are chosen when it is queued, so that its
   * cost is known, and CPU workers leave the heavier ones to GPU workers while one is alive.
   */
  heavyTrialsOnGpu?: boolean | null;
}

export const optimizationInputDefaults = {
  mode: 'HEALTH_AWARE',
  trials: 50,
  parallelism: 2,
  epochs: 5,
  trainSubsetSize: 5000,
  finalModelEpochs: 10,
  sampler: 'TPE',
  pruner: 'MEDIAN',
  heavyTrialsOnGpu: false,
  /** Batch size is fixed for every trial unless the search space ranges it. */
  batchSize: 32,
} as const satisfies Partial<Record<keyof OptimizationInput | 'batchSize', unknown>>;
