import type { Distribution, ParamValue, SearchSpace } from './distributions.js';
import type { FrozenTrial } from './frozen-trial.js';
import type { Sampler, SamplerContext } from './sampler.js';
import { SeededRandom, deriveSeed, randomSeed } from './seeded-random.js';

export interface RandomSamplerOptions {
  /** Same seed, same values for the same trial numbers. Random when omitted. */
  seed?: number;
}

/**
 * Uniform sampling (Optuna `RandomSampler`): uniform in the (log-)range; stepped and integer ranges are
 * widened by half a step on each side and rounded, so every grid point has equal mass.
 */
export class RandomSampler implements Sampler {
  readonly seed: number;

  constructor(options: RandomSamplerOptions = {}) {
    this.seed = options.seed ?? randomSeed();
  }

  inferRelativeSearchSpace(): SearchSpace {
    return {};
  }

  sampleRelative(): Record<string, ParamValue> {
    return {};
  }

  sampleIndependent(_context: SamplerContext, trial: FrozenTrial, name: string, distribution: Distribution): ParamValue {
    return sampleUniform(new SeededRandom(deriveSeed(this.seed, trial.number, name)), distribution);
  }
}

/** One uniform draw from `distribution` with `rng` (shared with TPE's start-up phase). */
export function sampleUniform(rng: SeededRandom, distribution: Distribution): ParamValue {
  if (distribution.type === 'categorical') return distribution.choices[rng.int(distribution.choices.length)]!;
  const { low, high, log } = distribution;
  const step = distribution.step;
  if (step === null) {
    return log ? Math.exp(rng.uniform(Math.log(low), Math.log(high))) : rng.uniform(low, high);
  }
  // Optuna `_SearchSpaceTransform` with transform_step=True.
  const raw = log
    ? Math.exp(rng.uniform(Math.log(low - 0.5 * step), Math.log(high + 0.5 * step)))
    : rng.uniform(low - 0.5 * step, high + 0.5 * step);
  const snapped = Math.min(Math.max(low + Math.round((raw - low) / step) * step, low), high);
  return distribution.type === 'int' ? Math.round(snapped) : snapped;
}
