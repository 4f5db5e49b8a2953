import type { Distribution, SearchSpace } from './distributions.js';
import { logGaussMass, truncnormPpf } from './gaussian.js';
import type { SeededRandom } from './seeded-random.js';

/** The knobs of the Parzen estimator; the TPE sampler's options supply them. */
export interface ParzenEstimatorParameters {
  considerPrior: boolean;
  priorWeight: number;
  considerMagicClip: boolean;
  considerEndpoints: boolean;
  multivariate: boolean;
  /** Optuna `default_weights`-style: weights of n observations ordered from oldest to newest. */
  weights: (n: number) => ArrayLike<number>;
}

const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
// Optuna `_parzen_estimator.py`: bandwidth scale of multivariate kernels (Falkner et al. 2018, BOHB's KDE
// rule of thumb n^(-1/(d+4))).
const SIGMA0_MAGNITUDE = 0.2;
// Optuna `_parzen_estimator.py` EPS: the smallest bandwidth when magic clip is off.
const EPS = 1e-12;
// Optuna: magic clip bounds the bandwidth below by range / min(100, 1 + kernels) (Bergstra et al. 2011).
const MAGIC_CLIP_MAX_KERNELS = 100;

type Dimension =
  | { kind: 'continuous'; log: boolean; int: IntRounding | null; low: number; high: number; mus: Float64Array; sigmas: Float64Array; invSigmas: Float64Array; logNorm: Float64Array }
  | { kind: 'discrete'; log: false; int: IntRounding | null; low: number; high: number; step: number; mus: Float64Array; sigmas: Float64Array; invSigmas: Float64Array; logAccept: Float64Array }
  | { kind: 'categorical'; nChoices: number; probs: Float64Array; logProbs: Float64Array };

/** Int parameters snap back to their grid after sampling (Optuna `_untransform`, the log-int case). */
interface IntRounding {
  low: number;
  high: number;
  step: number;
}

/**
 * Mixture of product kernels over a search space (Optuna `_ParzenEstimator`, Bergstra et al. 2011;
 * Watanabe 2023, "Tree-structured Parzen estimator: understanding its algorithm components").
 * One kernel per observation plus an optional prior kernel; numerical dimensions use truncated normals
 * (in log space for log ranges, discretized for steps), categorical ones a smoothed one-hot.
 * Observations are internal values (categorical = index), ordered from oldest to newest.
 */
export class ParzenEstimator {
  private readonly names: string[];
  private readonly dims: Dimension[];
  private readonly weights: Float64Array;
  private readonly logWeights: Float64Array;
  private readonly cumulativeWeights: Float64Array;
  private readonly scratch: Float64Array;
  /** Per kernel: log weight plus every sample-independent term (normalizers of all dimensions). */
  private readonly base: Float64Array;

  constructor(
    observations: Record<string, ArrayLike<number>>,
    searchSpace: SearchSpace,
    parameters: ParzenEstimatorParameters,
    predeterminedWeights?: ArrayLike<number>,
  ) {
    if (parameters.considerPrior && !(parameters.priorWeight > 0)) {
      throw new Error(`priorWeight must be positive; got ${parameters.priorWeight}.`);
    }
    this.names = Object.keys(searchSpace);
    const n = this.names.length === 0 ? 0 : (observations[this.names[0]!]?.length ?? 0);
    const observationWeights = predeterminedWeights ?? parameters.weights(n);
    if (observationWeights.length !== n) {
      throw new Error(`The weights function returned ${observationWeights.length} weights for ${n} observations.`);
    }
    const nKernels = n === 0 ? 1 : n + (parameters.considerPrior ? 1 : 0);
    const weights = new Float64Array(nKernels);
    if (n === 0) weights[0] = 1;
    else {
      for (let i = 0; i < n; i++) weights[i] = observationWeights[i]!;
      if (parameters.considerPrior) weights[n] = parameters.priorWeight;
    }
    let total = 0;
    for (let i = 0; i < nKernels; i++) total += weights[i]!;
    this.weights = weights;
    this.logWeights = new Float64Array(nKernels);
    this.cumulativeWeights = new Float64Array(nKernels);
    let cumulative = 0;
    for (let i = 0; i < nKernels; i++) {
      weights[i]! /= total;
      this.logWeights[i] = Math.log(weights[i]!);
      cumulative += weights[i]!;
      this.cumulativeWeights[i] = cumulative;
    }
    this.scratch = new Float64Array(nKernels);
    this.dims = this.names.map((name) => {
      const raw = observations[name] ?? new Float64Array(0);
      return buildDimension(raw, searchSpace[name]!, parameters, this.names.length);
    });
    this.base = Float64Array.from(this.logWeights);
    for (const dim of this.dims) {
      if (dim.kind === 'continuous') for (let k = 0; k < nKernels; k++) this.base[k]! += dim.logNorm[k]!;
      else if (dim.kind === 'discrete') for (let k = 0; k < nKernels; k++) this.base[k]! -= dim.logAccept[k]!;
    }
  }

  /** `count` draws; numerical values are on the parameter's own scale (log ranges exponentiated, ints rounded). */
  sample(rng: SeededRandom, count: number): Record<string, Float64Array> {
    const out = this.names.map(() => new Float64Array(count));
    for (let c = 0; c < count; c++) {
      const k = rng.choiceCumulative(this.cumulativeWeights);
      for (let d = 0; d < this.dims.length; d++) {
        const dim = this.dims[d]!;
        let value: number;
        if (dim.kind === 'categorical') {
          const u = rng.random();
          let acc = 0;
          value = dim.nChoices - 1;
          for (let j = 0; j < dim.nChoices; j++) {
            acc += dim.probs[k * dim.nChoices + j]!;
            if (acc > u) {
              value = j;
              break;
            }
          }
        } else {
          const mu = dim.mus[k]!;
          const sigma = dim.sigmas[k]!;
          const half = dim.kind === 'discrete' ? dim.step / 2 : 0;
          const a = (dim.low - half - mu) / sigma;
          const b = (dim.high + half - mu) / sigma;
          value = mu + sigma * truncnormPpf(rng.random(), a, b);
          if (dim.kind === 'discrete') {
            value = Math.min(Math.max(dim.low + Math.round((value - dim.low) / dim.step) * dim.step, dim.low), dim.high);
          }
          if (dim.log) value = Math.exp(value);
          if (dim.int) {
            const g = dim.int;
            value = Math.min(Math.max(g.low + Math.round((value - g.low) / g.step) * g.step, g.low), g.high);
          }
        }
        out[d]![c] = value;
      }
    }
    const result: Record<string, Float64Array> = {};
    this.names.forEach((name, d) => (result[name] = out[d]!));
    return result;
  }

  /** Log density of each sample (same scale as `sample` returns). */
  logPdf(samples: Record<string, ArrayLike<number>>): Float64Array {
    const count = samples[this.names[0]!]?.length ?? 0;
    const result = new Float64Array(count);
    const acc = this.scratch;
    const base = this.base;
    const nKernels = acc.length;
    const columns = this.names.map((name) => samples[name]!);
    const single = this.dims.length === 1 && this.dims[0]!.kind === 'continuous' ? this.dims[0]! : null;
    for (let c = 0; c < count; c++) {
      let max = -Infinity;
      if (single !== null && single.kind === 'continuous') {
        // Hot path of univariate TPE: one fused pass computes the kernel terms and their maximum.
        const raw = columns[0]![c]!;
        const x = single.log ? Math.log(raw) : raw;
        if (x < single.low || x > single.high) {
          result[c] = -Infinity;
          continue;
        }
        const { mus, invSigmas } = single;
        for (let k = 0; k < nKernels; k++) {
          const z = (x - mus[k]!) * invSigmas[k]!;
          const v = base[k]! - 0.5 * z * z;
          acc[k] = v;
          if (v > max) max = v;
        }
      } else {
        acc.set(base);
        for (let d = 0; d < this.dims.length; d++) {
          const dim = this.dims[d]!;
          const raw = columns[d]![c]!;
          if (dim.kind === 'categorical') {
            const index = Math.round(raw);
            for (let k = 0; k < nKernels; k++) acc[k]! += dim.logProbs[k * dim.nChoices + index]!;
          } else if (dim.kind === 'continuous') {
            const x = dim.log ? Math.log(raw) : raw;
            if (x < dim.low || x > dim.high) {
              acc.fill(-Infinity);
              continue;
            }
            const { mus, invSigmas } = dim;
            for (let k = 0; k < nKernels; k++) {
              const z = (x - mus[k]!) * invSigmas[k]!;
              acc[k]! -= 0.5 * z * z;
            }
          } else {
            const lower = Math.max(raw - dim.step / 2, dim.low - dim.step / 2);
            const upper = Math.min(raw + dim.step / 2, dim.high + dim.step / 2);
            const { mus, invSigmas } = dim;
            for (let k = 0; k < nKernels; k++) {
              acc[k]! += logGaussMass((lower - mus[k]!) * invSigmas[k]!, (upper - mus[k]!) * invSigmas[k]!);
            }
          }
        }
        for (let k = 0; k < nKernels; k++) if (acc[k]! > max) max = acc[k]!;
      }
      if (max === -Infinity) {
        result[c] = -Infinity;
        continue;
      }
      // log-sum-exp; exp(-40) < 2^-57, so such terms cannot change a sum that already holds exp(0) = 1.
      const cutoff = max - 40;
      let sum = 0;
      for (let k = 0; k < nKernels; k++) {
        const v = acc[k]!;
        if (v > cutoff) sum += Math.exp(v - max);
      }
      result[c] = Math.log(sum) + max;
    }
    return result;
  }
}

function buildDimension(
  raw: ArrayLike<number>,
  distribution: Distribution,
  parameters: ParzenEstimatorParameters,
  nDims: number,
): Dimension {
  const n = raw.length;
  if (distribution.type === 'categorical') {
    const nChoices = distribution.choices.length;
    if (n === 0) {
      const probs = new Float64Array(nChoices).fill(1 / nChoices);
      return { kind: 'categorical', nChoices, probs, logProbs: probs.map(Math.log) };
    }
    // Optuna `_calculate_categorical_distributions`: every kernel spreads priorWeight / nKernels over all
    // choices and adds 1 to its observed choice; the prior kernel is the uniform part alone.
    const nKernels = n + (parameters.considerPrior ? 1 : 0);
    const probs = new Float64Array(nKernels * nChoices).fill(parameters.priorWeight / nKernels);
    for (let i = 0; i < n; i++) probs[i * nChoices + Math.round(raw[i]!)]! += 1;
    for (let k = 0; k < nKernels; k++) {
      let rowSum = 0;
      for (let j = 0; j < nChoices; j++) rowSum += probs[k * nChoices + j]!;
      for (let j = 0; j < nChoices; j++) probs[k * nChoices + j]! /= rowSum;
    }
    return { kind: 'categorical', nChoices, probs, logProbs: probs.map(Math.log) };
  }

  const log = distribution.log;
  let low = log ? Math.log(distribution.low) : distribution.low;
  let high = log ? Math.log(distribution.high) : distribution.high;
  let step: number | null = distribution.step;
  const int: IntRounding | null =
    distribution.type === 'int' ? { low: distribution.low, high: distribution.high, step: distribution.step } : null;
  if (step !== null && log) {
    // Optuna's log-int handling: a continuous kernel over [log(low - step/2), log(high + step/2)], rounded after.
    low = Math.log(distribution.low - step / 2);
    high = Math.log(distribution.high + step / 2);
    step = null;
  }
  const mus = new Float64Array(n);
  for (let i = 0; i < n; i++) mus[i] = log ? Math.log(raw[i]!) : raw[i]!;
  const { allMus, sigmas } = kernelBandwidths(mus, low, high, step ?? 0, parameters, nDims);
  if (step === null) {
    const logNorm = new Float64Array(allMus.length);
    for (let k = 0; k < allMus.length; k++) {
      const a = (low - allMus[k]!) / sigmas[k]!;
      const b = (high - allMus[k]!) / sigmas[k]!;
      // More than 8.5 σ inside both bounds the truncated mass is 1 to within 2e-17: skip two erfc calls.
      const logMass = a < -8.5 && b > 8.5 ? 0 : logGaussMass(a, b);
      logNorm[k] = -Math.log(sigmas[k]!) - LOG_SQRT_2PI - logMass;
    }
    const invSigmas = sigmas.map((sigma) => 1 / sigma);
    return { kind: 'continuous', log, int, low, high, mus: allMus, sigmas, invSigmas, logNorm };
  }
  const logAccept = new Float64Array(allMus.length);
  for (let k = 0; k < allMus.length; k++) {
    logAccept[k] = logGaussMass((low - step / 2 - allMus[k]!) / sigmas[k]!, (high + step / 2 - allMus[k]!) / sigmas[k]!);
  }
  const invSigmas = sigmas.map((sigma) => 1 / sigma);
  return { kind: 'discrete', log: false, int, low, high, step, mus: allMus, sigmas, invSigmas, logAccept };
}

/** Optuna `_calculate_numerical_distributions`: kernel centres and bandwidths, prior kernel last. */
function kernelBandwidths(
  mus: Float64Array,
  low: number,
  high: number,
  step: number,
  parameters: ParzenEstimatorParameters,
  nDims: number,
): { allMus: Float64Array; sigmas: Float64Array } {
  const n = mus.length;
  const considerPrior = parameters.considerPrior || n === 0;
  const range = high - low + step;
  const priorMu = 0.5 * (low + high);
  const sigmas = new Float64Array(n + (considerPrior ? 1 : 0));
  if (parameters.multivariate) {
    const sigma = SIGMA0_MAGNITUDE * Math.max(n, 1) ** (-1 / (nDims + 4)) * range;
    sigmas.fill(sigma, 0, n);
  } else {
    // Univariate: each kernel is as wide as the larger gap to its neighbours (Bergstra et al. 2011).
    const m = n + (considerPrior ? 1 : 0);
    const withPrior = new Float64Array(m);
    withPrior.set(mus);
    if (considerPrior) withPrior[n] = priorMu;
    // Stable argsort without a comparator (this runs per parameter per ask): sort the values natively, then
    // give each observation the next free slot among equal values.
    const sortedValues = Float64Array.from(withPrior).sort();
    const used = new Int32Array(m);
    const position = new Int32Array(m);
    for (let i = 0; i < m; i++) {
      const v = withPrior[i]!;
      let lo = 0;
      let hi = m;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (sortedValues[mid]! < v) lo = mid + 1;
        else hi = mid;
      }
      position[i] = lo + used[lo]!++;
    }
    const sorted = new Float64Array(m + 2);
    sorted[0] = low - step / 2;
    sorted.set(sortedValues, 1);
    sorted[m + 1] = high + step / 2;
    const sortedSigmas = new Float64Array(m);
    for (let i = 0; i < m; i++) {
      sortedSigmas[i] = Math.max(sorted[i + 1]! - sorted[i]!, sorted[i + 2]! - sorted[i + 1]!);
    }
    if (!parameters.considerEndpoints && m + 2 >= 4) {
      // Without endpoints, the outermost kernels use their inner gap only.
      sortedSigmas[0] = sorted[2]! - sorted[1]!;
      sortedSigmas[m - 1] = sorted[m]! - sorted[m - 1]!;
    }
    for (let i = 0; i < n; i++) sigmas[i] = sortedSigmas[position[i]!]!;
  }
  const maxSigma = range;
  const minSigma = parameters.considerMagicClip
    ? range / Math.min(MAGIC_CLIP_MAX_KERNELS, 1 + n + (considerPrior ? 1 : 0))
    : EPS;
  for (let i = 0; i < n; i++) sigmas[i] = Math.min(Math.max(sigmas[i]!, minSigma), maxSigma);
  const allMus = new Float64Array(sigmas.length);
  allMus.set(mus);
  if (considerPrior) {
    allMus[n] = priorMu;
    sigmas[n] = range; // Optuna: prior sigma = 1.0 * (high - low + step)
  }
  return { allMus, sigmas };
}
