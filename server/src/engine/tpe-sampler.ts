import { isSingle, toExternal, toInternal, type Distribution, type ParamValue, type SearchSpace } from './distributions.js';
import type { FrozenTrial } from './frozen-trial.js';
import { HYPERVOLUME_EPS, hypervolumeContributions, referencePoint } from './hypervolume.js';
import { ParzenEstimator, type ParzenEstimatorParameters } from './parzen-estimator.js';
import { sampleUniform } from './random-sampler.js';
import type { Sampler, SamplerContext } from './sampler.js';
import { IntersectionSearchSpace, groupDecomposedSearchSpace } from './search-space.js';
import { SeededRandom, deriveSeed, randomSeed } from './seeded-random.js';
import { splitTrials } from './split-trials.js';
import { lossSign } from './study-direction.js';

/** Optuna `default_gamma`: the best 10 % of trials, at most 25, form the "good" density l(x). */
export function defaultGamma(n: number): number {
  return Math.min(Math.ceil(0.1 * n), 25);
}

/** Optuna `hyperopt_default_gamma`: hyperopt's ceil(0.25·√n), at most 25. */
export function hyperoptDefaultGamma(n: number): number {
  return Math.min(Math.ceil(0.25 * Math.sqrt(n)), 25);
}

/**
 * Optuna `default_weights`: the newest 25 observations weigh 1, older ones ramp linearly from 1/n up
 * (Bergstra et al. 2013, "Making a science of model search").
 */
export function defaultWeights(n: number): Float64Array {
  const weights = new Float64Array(n).fill(1);
  const rampLength = n - 25;
  if (n >= 25 && rampLength > 0) {
    // numpy.linspace(1/n, 1, rampLength)
    for (let i = 0; i < rampLength; i++) {
      weights[i] = rampLength === 1 ? 1 / n : 1 / n + ((1 - 1 / n) * i) / (rampLength - 1);
    }
  }
  return weights;
}

export interface TpeSamplerOptions {
  /** Add a wide prior kernel to both densities (Optuna default true). */
  considerPrior?: boolean;
  /** Weight of that prior kernel (Optuna default 1.0). */
  priorWeight?: number;
  /** Bound bandwidths below by range / min(100, 1 + kernels) (Optuna default true). */
  considerMagicClip?: boolean;
  /** Let the outermost kernels' bandwidth reach to the bounds (Optuna default false). */
  considerEndpoints?: boolean;
  /** Trials sampled at random before TPE starts (Optuna default 10). */
  nStartupTrials?: number;
  /** Candidates drawn from l(x) per sample; the one maximizing l(x)/g(x) (expected improvement) wins (Optuna default 24). */
  nEiCandidates?: number;
  /** How many of n trials count as good (Optuna default `defaultGamma`). */
  gamma?: (n: number) => number;
  /** Kernel weights by age (Optuna default `defaultWeights`). */
  weights?: (n: number) => ArrayLike<number>;
  /** Same seed, same values for the same trial numbers and history. Random when omitted. */
  seed?: number;
  /** Model the parameters every trial has jointly (Optuna default false; Falkner et al. 2018). */
  multivariate?: boolean;
  /** With multivariate: model each group of co-occurring parameters jointly (conditional spaces; default false). */
  group?: boolean;
  /** Treat RUNNING trials as bad so concurrent workers spread out (Optuna default false). */
  constantLiar?: boolean;
}

/**
 * Tree-structured Parzen Estimator (Bergstra et al. 2011; Optuna `TPESampler`, v3.1 behaviour). Splits
 * trials into good and bad, fits a Parzen estimator to each, draws candidates from the good one and keeps
 * the candidate with the largest log l(x) − log g(x). Supports one or two objectives.
 */
export class TpeSampler implements Sampler {
  readonly seed: number;
  private readonly nStartupTrials: number;
  private readonly nEiCandidates: number;
  private readonly gamma: (n: number) => number;
  private readonly multivariate: boolean;
  private readonly group: boolean;
  private readonly constantLiar: boolean;
  private readonly estimatorParameters: ParzenEstimatorParameters;
  private readonly intersections = new Map<string, IntersectionSearchSpace>();

  constructor({
    considerPrior = true,
    priorWeight = 1.0,
    considerMagicClip = true,
    considerEndpoints = false,
    nStartupTrials = 10,
    nEiCandidates = 24,
    gamma = defaultGamma,
    weights = defaultWeights,
    seed = randomSeed(),
    multivariate = false,
    group = false,
    constantLiar = false,
  }: TpeSamplerOptions = {}) {
    if (group && !multivariate) throw new Error('TpeSampler: group=true needs multivariate=true.');
    if (!(nEiCandidates >= 1)) throw new Error(`TpeSampler: nEiCandidates must be at least 1; got ${nEiCandidates}.`);
    this.seed = seed;
    this.nStartupTrials = nStartupTrials;
    this.nEiCandidates = nEiCandidates;
    this.gamma = gamma;
    this.multivariate = multivariate;
    this.group = group;
    this.constantLiar = constantLiar;
    this.estimatorParameters = { considerPrior, priorWeight, considerMagicClip, considerEndpoints, multivariate, weights };
  }

  inferRelativeSearchSpace(context: SamplerContext): SearchSpace {
    if (!this.multivariate) return {};
    let intersection = this.intersections.get(context.studyName);
    if (!intersection) this.intersections.set(context.studyName, (intersection = new IntersectionSearchSpace()));
    const spaces = this.group ? groupDecomposedSearchSpace(context.trials) : [intersection.calculate(context.trials)];
    const result: SearchSpace = {};
    for (const space of spaces) {
      for (const [name, distribution] of Object.entries(space)) if (!isSingle(distribution)) result[name] = distribution;
    }
    return result;
  }

  sampleRelative(context: SamplerContext, trial: FrozenTrial, searchSpace: SearchSpace): Record<string, ParamValue> {
    if (Object.keys(searchSpace).length === 0 || this.finishedCount(context) < this.nStartupTrials) return {};
    const spaces = this.group ? groupDecomposedSearchSpace(context.trials) : [searchSpace];
    const params: Record<string, ParamValue> = {};
    spaces.forEach((space, index) => {
      const subSpace: SearchSpace = {};
      for (const name of Object.keys(space)) if (searchSpace[name]) subSpace[name] = searchSpace[name]!;
      if (Object.keys(subSpace).length === 0) return;
      const rng = new SeededRandom(deriveSeed(this.seed, trial.number, 'relative', index));
      Object.assign(params, this.sample(context, rng, subSpace));
    });
    return params;
  }

  sampleIndependent(context: SamplerContext, trial: FrozenTrial, name: string, distribution: Distribution): ParamValue {
    const rng = new SeededRandom(deriveSeed(this.seed, trial.number, name));
    if (this.finishedCount(context) < this.nStartupTrials) return sampleUniform(rng, distribution);
    return this.sample(context, rng, { [name]: distribution })[name]!;
  }

  private finishedCount(context: SamplerContext): number {
    let n = 0;
    for (const t of context.trials) if (t.state === 'COMPLETE' || t.state === 'PRUNED') n++;
    return n;
  }

  private sample(context: SamplerContext, rng: SeededRandom, searchSpace: SearchSpace): Record<string, ParamValue> {
    const { directions } = context;
    if (directions.length > 2) throw new Error('TpeSampler supports one or two objectives.');
    const trials: FrozenTrial[] = [];
    let n = 0;
    for (const t of context.trials) {
      if (t.state === 'COMPLETE' || t.state === 'PRUNED') {
        trials.push(t);
        n++;
      } else if (t.state === 'RUNNING' && this.constantLiar) trials.push(t);
    }
    const { below, above } = splitTrials(trials, directions, this.gamma(n));

    const belowObs = observations(below, searchSpace);
    const aboveObs = observations(above, searchSpace);
    let belowWeights: ArrayLike<number> | undefined;
    if (directions.length > 1) {
      const used = below.filter((_, i) => belowObs.mask[i]);
      belowWeights = multiObjectiveBelowWeights(used.map((t) => t.values!.map((v, d) => lossSign(directions[d]!) * v)));
    }
    const mpeBelow = new ParzenEstimator(belowObs.values, searchSpace, this.estimatorParameters, belowWeights);
    const mpeAbove = new ParzenEstimator(aboveObs.values, searchSpace, this.estimatorParameters);
    const candidates = mpeBelow.sample(rng, this.nEiCandidates);
    const logL = mpeBelow.logPdf(candidates);
    const logG = mpeAbove.logPdf(candidates);
    let best = 0;
    let bestScore = -Infinity;
    for (let i = 0; i < logL.length; i++) {
      const score = logL[i]! - logG[i]!;
      if (score > bestScore) {
        bestScore = score;
        best = i;
      }
    }
    const result: Record<string, ParamValue> = {};
    for (const [name, distribution] of Object.entries(searchSpace)) {
      result[name] = toExternal(distribution, candidates[name]![best]!);
    }
    return result;
  }
}

/** Internal values of the trials that have every parameter of the space (Optuna `_get_internal_repr`). */
function observations(
  trials: readonly FrozenTrial[],
  searchSpace: SearchSpace,
): { values: Record<string, Float64Array>; mask: boolean[] } {
  const names = Object.keys(searchSpace);
  const mask = trials.map((t) => names.every((name) => name in t.params));
  let count = 0;
  for (const m of mask) if (m) count++;
  const values: Record<string, Float64Array> = {};
  for (const name of names) {
    const column = new Float64Array(count);
    const distribution = searchSpace[name]!;
    let j = 0;
    for (let i = 0; i < trials.length; i++) {
      if (!mask[i]) continue;
      const trial = trials[i]!;
      // Use the trial's own distribution for categorical lookup: the choices are identical by compatibility.
      column[j++] = toInternal(trial.distributions[name] ?? distribution, trial.params[name]!);
    }
    values[name] = column;
  }
  return { values, mask };
}

/**
 * Optuna `_calculate_weights_below_for_multi_objective`: good trials weigh by their exclusive hypervolume
 * contribution, so the ends and knees of the Pareto front attract more samples than crowded points.
 */
function multiObjectiveBelowWeights(losses: number[][]): Float64Array {
  if (losses.length === 0) return new Float64Array(0);
  if (losses.length === 1) return new Float64Array([1]);
  const contributions = hypervolumeContributions(losses, referencePoint(losses)).map((c) => c + HYPERVOLUME_EPS);
  const max = Math.max(...contributions);
  return Float64Array.from(contributions, (c) => Math.min(Math.max(c / max, 0), 1));
}
