import type { Distribution, ParamValue, SearchSpace } from './distributions.js';
import type { FrozenTrial } from './frozen-trial.js';
import type { StudyDirection } from './study-direction.js';

/** What a sampler may look at: the study's trials at the moment of the call. */
export interface SamplerContext {
  readonly studyName: string;
  readonly directions: readonly StudyDirection[];
  /** Every trial of the study ordered by number, in every state (the current trial included). */
  readonly trials: readonly FrozenTrial[];
}

/**
 * A sampler proposes parameter values (Optuna `BaseSampler`). It knows nothing about storage or the objective:
 * the study hands it the trials. Relative sampling draws several parameters jointly when a trial is asked;
 * independent sampling draws one parameter when the objective suggests it and no relative value exists.
 */
export interface Sampler {
  /** The parameters to sample jointly for `trial` (empty for samplers that only sample independently). */
  inferRelativeSearchSpace(context: SamplerContext, trial: FrozenTrial): SearchSpace;
  /** Joint values for (a subset of) `searchSpace`; missing names fall back to independent sampling. */
  sampleRelative(context: SamplerContext, trial: FrozenTrial, searchSpace: SearchSpace): Record<string, ParamValue>;
  /** One value for `name`. */
  sampleIndependent(context: SamplerContext, trial: FrozenTrial, name: string, distribution: Distribution): ParamValue;
}
