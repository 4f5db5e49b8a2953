import { isSingle, toExternal, toInternal, type Distribution, type ParamValue, type SearchSpace } from './distributions.js';
import { isUnfinished, type FrozenTrial } from './frozen-trial.js';
import { HYPERVOLUME_EPS, hypervolumeContributions, referencePoint } from './hypervolume.js';
import { ParzenEstimator, argsort, type ParzenEstimatorParameters } from './parzen-estimator.js';
import { sampleUniform } from './random-sampler.js';
import type { Sampler, SamplerContext } from './sampler.js';
import { IntersectionSearchSpace, groupDecomposedSearchSpace } from './search-space.js';
import { SeededRandom, deriveSeed, randomSeed } from './seeded-random.js';
import { addTrialOutcome, splitTrials, trialOutcomes, type TrialOutcomes } from './split-trials.js';
import { lossSign, type StudyDirection } from './study-direction.js';

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
  /**
   * Score candidates with the normalized Parzen densities (each kernel divided by its bandwidth). Default false:
   * like Optuna 3.1, whose truncated-normal log-pdf omits log σ, so a kernel's height does not grow as its
   * bandwidth shrinks. That version is what Optuna 3.1's benchmark numbers come from and it has the lower
   * regret on bench/sampler (docs/BENCHMARKS.md); the normalized score over-trusts dense clusters of points.
   */
  normalizedKernels?: boolean;
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
  private readonly histories = new Map<string, TrialHistory>();

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
    normalizedKernels = false,
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
    this.estimatorParameters = {
      considerPrior,
      priorWeight,
      considerMagicClip,
      considerEndpoints,
      multivariate,
      weights,
      unnormalizedKernels: !normalizedKernels,
    };
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
    if (Object.keys(searchSpace).length === 0 || this.history(context).trials.length < this.nStartupTrials) return {};
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
    if (this.history(context).trials.length < this.nStartupTrials) return sampleUniform(rng, distribution);
    return this.sample(context, rng, { [name]: distribution })[name]!;
  }

  /** The study's finished trials, split and indexed once per newly finished trial (see `TrialHistory`). */
  private history(context: SamplerContext): TrialHistory {
    let history = this.histories.get(context.studyName);
    if (!history || history.directions.join() !== context.directions.join()) {
      history = new TrialHistory(context.directions);
      this.histories.set(context.studyName, history);
    }
    history.update(context.trials, this.gamma);
    return history;
  }

  private sample(context: SamplerContext, rng: SeededRandom, searchSpace: SearchSpace): Record<string, ParamValue> {
    const { directions } = context;
    if (directions.length > 2) throw new Error('TpeSampler supports one or two objectives.');
    const history = this.history(context);
    const names = Object.keys(searchSpace);
    const columns = names.map((name) => history.column(name, searchSpace[name]!));
    const n = history.trials.length;
    const isBelow = history.below;

    // Split the finished trials that have every parameter of the space, keeping trial order (oldest first).
    const { belowIndex, aboveIndex, position, nBelow, nAbove } = columns.every((column) => column.missing === 0)
      ? history.fullSplit()
      : splitPresent(columns, isBelow, n);

    // The constant liar: RUNNING and WAITING trials (never in the history) count as bad.
    const running: FrozenTrial[] = [];
    if (this.constantLiar) {
      for (const t of context.trials) if (isUnfinished(t.state) && names.every((name) => name in t.params)) running.push(t);
    }

    const belowObs: Record<string, Float64Array> = {};
    const aboveObs: Record<string, Float64Array> = {};
    let belowOrders: Record<string, Int32Array> | undefined;
    let aboveOrders: Record<string, Int32Array> | undefined;
    if (!this.multivariate && names.length === 1 && running.length === 0 && columns[0]!.missing === 0) {
      // Univariate: both sets' values and sorted orders, kept by the history across asks.
      const split = history.sortedSplit(columns[0]!);
      const name = names[0]!;
      belowObs[name] = split.below.subarray(0, nBelow);
      aboveObs[name] = split.above.subarray(0, nAbove);
      belowOrders = { [name]: split.belowOrder.subarray(0, nBelow) };
      aboveOrders = { [name]: split.aboveOrder.subarray(0, nAbove) };
    } else names.forEach((name, d) => {
      const values = columns[d]!.values;
      const below = new Float64Array(nBelow);
      for (let j = 0; j < nBelow; j++) below[j] = values[belowIndex[j]!]!;
      belowObs[name] = below;
      const above = new Float64Array(nAbove + running.length);
      if (running.length === 0) for (let j = 0; j < nAbove; j++) above[j] = values[aboveIndex[j]!]!;
      aboveObs[name] = above;
    });
    if (running.length > 0) {
      // Merge by trial number so the age weights see the RUNNING trials in their place.
      let r = 0;
      let j = 0;
      for (let out = 0; out < nAbove + running.length; out++) {
        const takeRunning =
          r < running.length && (j >= nAbove || running[r]!.number < history.trials[aboveIndex[j]!]!.number);
        names.forEach((name, d) => {
          aboveObs[name]![out] = takeRunning
            ? toInternal(running[r]!.distributions[name] ?? searchSpace[name]!, running[r]!.params[name]!)
            : columns[d]!.values[aboveIndex[j]!]!;
        });
        if (takeRunning) r++;
        else j++;
      }
    }

    // Univariate bandwidths need the observations in sorted order: the history keeps each column sorted.
    if (!this.multivariate && names.length === 1 && running.length === 0 && belowOrders === undefined) {
      const column = columns[0]!;
      const belowOrder = new Int32Array(nBelow);
      const aboveOrder = new Int32Array(nAbove);
      let b = 0;
      let a = 0;
      for (let r = 0; r < column.sortedLength; r++) {
        const i = column.sorted[r]!;
        if (isBelow[i]) belowOrder[b++] = position[i]!;
        else aboveOrder[a++] = position[i]!;
      }
      belowOrders = { [names[0]!]: belowOrder };
      aboveOrders = { [names[0]!]: aboveOrder };
    }

    let belowWeights: ArrayLike<number> | undefined;
    if (directions.length > 1) {
      const losses: number[][] = [];
      for (let j = 0; j < nBelow; j++) {
        losses.push(history.trials[belowIndex[j]!]!.values!.map((v, d) => lossSign(directions[d]!) * v));
      }
      belowWeights = multiObjectiveBelowWeights(losses);
    }
    const mpeBelow = new ParzenEstimator(belowObs, searchSpace, this.estimatorParameters, belowWeights, belowOrders);
    const mpeAbove = new ParzenEstimator(aboveObs, searchSpace, this.estimatorParameters, undefined, aboveOrders);
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

/** Indices of the good and bad trials among those given, oldest first, and each trial's index within its set. */
interface SplitIndex {
  belowIndex: Int32Array;
  aboveIndex: Int32Array;
  /** position[i]: index of trial i within its own set. */
  position: Int32Array;
  nBelow: number;
  nAbove: number;
}

/** The split restricted to the trials that have every parameter of `columns`. */
function splitPresent(columns: readonly ParamColumn[], isBelow: Uint8Array, n: number): SplitIndex {
  const belowIndex = new Int32Array(n);
  const aboveIndex = new Int32Array(n);
  const position = new Int32Array(n);
  let nBelow = 0;
  let nAbove = 0;
  for (let i = 0; i < n; i++) {
    let present = true;
    for (const column of columns) {
      if (Number.isNaN(column.values[i]!)) {
        present = false;
        break;
      }
    }
    if (!present) continue;
    if (isBelow[i]) {
      position[i] = nBelow;
      belowIndex[nBelow++] = i;
    } else {
      position[i] = nAbove;
      aboveIndex[nAbove++] = i;
    }
  }
  return { belowIndex, aboveIndex, position, nBelow, nAbove };
}

/** One parameter's internal values over a history's finished trials. */
interface ParamColumn {
  /** Internal value per finished trial (history order), NaN where the trial lacks the parameter. */
  values: Float64Array;
  /** Indices of the trials that have the parameter, ascending by value (ties: older first); first sortedLength used. */
  sorted: Int32Array;
  sortedLength: number;
  /** How many of the trials lack the parameter. */
  missing: number;
  distribution: Distribution;
  /** The good/bad split of `values` for univariate TPE (see `TrialHistory.sortedSplit`); null until asked. */
  split: SortedSplit | null;
}

/**
 * One parameter's values split into the good and bad sets (trial order, first nBelow / nAbove used) and each set's
 * ascending order (positions within the set; ties: older first), valid for the history's `version`.
 */
interface SortedSplit {
  version: number;
  /** How many trials it covers. */
  n: number;
  nBelow: number;
  nAbove: number;
  below: Float64Array;
  above: Float64Array;
  belowOrder: Int32Array;
  aboveOrder: Int32Array;
}

/**
 * What TPE needs from a study's finished (COMPLETE / PRUNED) trials, kept across asks. A finished trial never
 * changes, so the good/bad split is recomputed once per newly finished trial instead of once per parameter
 * and ask, and each parameter's internal values and their sorted order are appended to, not rebuilt.
 */
class TrialHistory {
  /** Finished trials by number (oldest first). */
  trials: FrozenTrial[] = [];
  /** below[i] = 1 when trials[i] is in the good set. */
  below: Uint8Array = new Uint8Array(0);
  private readonly ids = new Set<string>();
  /** What the split reads of each trial, kept alongside `trials`. */
  private outcomes: TrialOutcomes = trialOutcomes([]);
  private readonly columns = new Map<string, ParamColumn>();
  private scanFrom = 0;
  private finishedBefore = 0;
  /** The split over all trials, shared by every parameter every trial has; null until asked after an update. */
  private split: SplitIndex | null = null;
  /** Counts the updates that changed the finished trials. */
  private version = 0;
  /** How many of the trials before the last update kept their place and their side of the split (0: none). */
  private stablePrefix = 0;

  constructor(readonly directions: readonly StudyDirection[]) {}

  update(all: readonly FrozenTrial[], gamma: (n: number) => number): void {
    // Trials before `scanFrom` were already COMPLETE, PRUNED or FAILED, states that never change: count only
    // from the oldest trial that was still RUNNING (O(1) per call when trials run one at a time).
    if (all.length < this.scanFrom) {
      this.scanFrom = 0;
      this.finishedBefore = 0;
    }
    const knownUpTo = this.scanFrom;
    while (this.scanFrom < all.length && !isUnfinished(all[this.scanFrom]!.state)) {
      const state = all[this.scanFrom++]!.state;
      if (state === 'COMPLETE' || state === 'PRUNED') this.finishedBefore++;
    }
    let finished = this.finishedBefore;
    for (let i = this.scanFrom; i < all.length; i++) {
      const state = all[i]!.state;
      if (state === 'COMPLETE' || state === 'PRUNED') finished++;
    }
    if (finished === this.trials.length) return; // finished trials only accumulate: nothing new
    // New finished trials lie at or after the oldest trial that was RUNNING at the previous call.
    const fresh: FrozenTrial[] = [];
    for (let i = knownUpTo; i < all.length; i++) {
      const t = all[i]!;
      if ((t.state === 'COMPLETE' || t.state === 'PRUNED') && !this.ids.has(t.id)) fresh.push(t);
    }
    const lastNumber = this.trials.length === 0 ? -Infinity : this.trials[this.trials.length - 1]!.number;
    const appendable = fresh.length + this.trials.length === finished && fresh.every((t) => t.number > lastNumber);
    let start = this.trials.length;
    if (appendable) {
      for (const t of fresh) {
        addTrialOutcome(this.outcomes, t, this.trials.length);
        this.trials.push(t);
        this.ids.add(t.id);
      }
    } else {
      // A trial finished out of order (or the history does not match the storage): rebuild in number order.
      start = 0;
      this.trials = all.filter((t) => t.state === 'COMPLETE' || t.state === 'PRUNED');
      this.ids.clear();
      for (const t of this.trials) this.ids.add(t.id);
      this.outcomes = trialOutcomes(this.trials);
    }
    for (const [name, column] of this.columns) this.extend(name, column, start);
    const previousBelow = this.below;
    this.below = splitTrials(this.trials, this.directions, gamma(this.trials.length), this.outcomes);
    this.split = null;
    let stable = start;
    for (let i = 0; i < stable; i++) if (previousBelow[i] !== this.below[i]) stable = 0;
    this.stablePrefix = stable;
    this.version++;
  }

  /**
   * `column`'s values split into the good and bad sets, with each set's sorted order, for a parameter every trial
   * has. Updated in place when the last update only appended trials and left the others' sides unchanged (at 1000
   * trials nearly always: a new trial rarely enters the best 25), instead of a pass over all trials per ask.
   */
  sortedSplit(column: ParamColumn): SortedSplit {
    const n = this.trials.length;
    const below = this.below;
    const values = column.values;
    let split = column.split;
    if (split !== null && split.version === this.version) return split;
    if (split === null || split.version !== this.version - 1 || this.stablePrefix !== split.n || split.n === 0) {
      split = {
        version: this.version,
        n,
        nBelow: 0,
        nAbove: 0,
        below: new Float64Array(2 * n),
        above: new Float64Array(2 * n),
        belowOrder: new Int32Array(2 * n),
        aboveOrder: new Int32Array(2 * n),
      };
      const position = new Int32Array(n);
      for (let i = 0; i < n; i++) {
        if (below[i]) {
          position[i] = split.nBelow;
          split.below[split.nBelow++] = values[i]!;
        } else {
          position[i] = split.nAbove;
          split.above[split.nAbove++] = values[i]!;
        }
      }
      let b = 0;
      let a = 0;
      for (let r = 0; r < column.sortedLength; r++) {
        const i = column.sorted[r]!;
        if (below[i]) split.belowOrder[b++] = position[i]!;
        else split.aboveOrder[a++] = position[i]!;
      }
      column.split = split;
      return split;
    }
    if (split.below.length < n || split.above.length < n) {
      const grow = (array: Float64Array | Int32Array, used: number) => {
        const larger = array instanceof Float64Array ? new Float64Array(2 * n) : new Int32Array(2 * n);
        larger.set(array.subarray(0, used));
        return larger;
      };
      split.below = grow(split.below, split.nBelow) as Float64Array;
      split.above = grow(split.above, split.nAbove) as Float64Array;
      split.belowOrder = grow(split.belowOrder, split.nBelow) as Int32Array;
      split.aboveOrder = grow(split.aboveOrder, split.nAbove) as Int32Array;
    }
    for (let i = split.n; i < n; i++) {
      const v = values[i]!;
      const good = below[i] === 1;
      const set = good ? split.below : split.above;
      const order = good ? split.belowOrder : split.aboveOrder;
      const count = good ? split.nBelow : split.nAbove;
      set[count] = v;
      // After equal values, as in `sorted` (which this order is the restriction of).
      let lo = 0;
      let hi = count;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (set[order[mid]!]! <= v) lo = mid + 1;
        else hi = mid;
      }
      order.copyWithin(lo + 1, lo, count);
      order[lo] = count;
      if (good) split.nBelow++;
      else split.nAbove++;
    }
    split.n = n;
    split.version = this.version;
    return split;
  }

  /** The split of all finished trials (for parameters no trial lacks), computed once per update. */
  fullSplit(): SplitIndex {
    this.split ??= splitPresent([], this.below, this.trials.length);
    return this.split;
  }

  column(name: string, distribution: Distribution): ParamColumn {
    let column = this.columns.get(name);
    if (!column) {
      column = { values: new Float64Array(0), sorted: new Int32Array(0), sortedLength: 0, missing: 0, distribution, split: null };
      this.columns.set(name, column);
      this.extend(name, column, 0);
    }
    return column;
  }

  /** Brings `column` up to date with trials[start..]; start 0 rebuilds it. */
  private extend(name: string, column: ParamColumn, start: number): void {
    const n = this.trials.length;
    if (start === 0) {
      column.sortedLength = 0;
      column.missing = 0;
    }
    if (column.values.length < n) {
      const values = new Float64Array(Math.max(16, 2 * n));
      values.set(column.values.subarray(0, start));
      const sorted = new Int32Array(values.length);
      sorted.set(column.sorted.subarray(0, column.sortedLength));
      column.values = values;
      column.sorted = sorted;
    }
    const { values, sorted } = column;
    let added = 0;
    for (let i = start; i < n; i++) {
      const t = this.trials[i]!;
      if (!(name in t.params)) {
        values[i] = NaN;
        column.missing++;
        continue;
      }
      // The trial's own distribution for categorical lookup: the choices are identical by compatibility.
      values[i] = toInternal(t.distributions[name] ?? column.distribution, t.params[name]!);
      added++;
    }
    if (added === 0) return;
    if (start === 0 || added > 32) {
      // Many new values: one sort of everything.
      const present: number[] = [];
      for (let i = 0; i < n; i++) if (!Number.isNaN(values[i]!)) present.push(i);
      const order = argsort(Float64Array.from(present, (i) => values[i]!));
      for (let r = 0; r < order.length; r++) sorted[r] = present[order[r]!]!;
      column.sortedLength = order.length;
      return;
    }
    for (let i = start; i < n; i++) {
      const v = values[i]!;
      if (Number.isNaN(v)) continue;
      // Upper bound: after equal values, which belong to older trials (smaller indices).
      let lo = 0;
      let hi = column.sortedLength;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (values[sorted[mid]!]! <= v) lo = mid + 1;
        else hi = mid;
      }
      sorted.copyWithin(lo + 1, lo, column.sortedLength);
      sorted[lo] = i;
      column.sortedLength++;
    }
  }
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
