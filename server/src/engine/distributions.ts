/**
 * Parameter distributions as plain JSON values (Optuna `optuna/distributions.py`). A trial stores each
 * parameter's external value (what the objective saw) next to the distribution it came from; samplers work on
 * the internal representation (numbers; categorical choices become their index).
 */

/** A categorical choice; JSON scalars only so that choices round-trip through storage. */
export type CategoricalChoice = string | number | boolean | null;

/** A parameter value as the objective sees it. */
export type ParamValue = number | CategoricalChoice;

export interface FloatDistribution {
  readonly type: 'float';
  readonly low: number;
  readonly high: number;
  readonly log: boolean;
  /** Grid spacing, or null for a continuous range. */
  readonly step: number | null;
}

export interface IntDistribution {
  readonly type: 'int';
  readonly low: number;
  readonly high: number;
  readonly log: boolean;
  readonly step: number;
}

export interface CategoricalDistribution {
  readonly type: 'categorical';
  readonly choices: readonly CategoricalChoice[];
}

export type Distribution = FloatDistribution | IntDistribution | CategoricalDistribution;

/** A named set of distributions, ordered by insertion. */
export type SearchSpace = Record<string, Distribution>;

export interface NumericOptions {
  log?: boolean;
  step?: number;
}

/** Builds a validated float distribution; a `high` off the step grid is lowered onto it (as Optuna does). */
export function floatDistribution(low: number, high: number, options: NumericOptions = {}): FloatDistribution {
  const log = options.log ?? false;
  const step = options.step ?? null;
  checkRange('suggestFloat', low, high, log, step);
  const adjustedHigh = step === null ? high : adjustHighToStep(low, high, step);
  return { type: 'float', low, high: adjustedHigh, log, step };
}

/** Builds a validated integer distribution (Optuna `IntDistribution`, step 1 by default). */
export function intDistribution(low: number, high: number, options: NumericOptions = {}): IntDistribution {
  const log = options.log ?? false;
  const step = options.step ?? 1;
  if (!Number.isInteger(low) || !Number.isInteger(high) || !Number.isInteger(step)) {
    throw new Error(`suggestInt needs integer low, high and step; got low=${low}, high=${high}, step=${step}.`);
  }
  if (log && step !== 1) throw new Error(`suggestInt with log=true needs step=1; got step=${step}.`);
  checkRange('suggestInt', low, high, log, step);
  return { type: 'int', low, high: adjustHighToStep(low, high, step), log, step };
}

/** Builds a validated categorical distribution. */
export function categoricalDistribution(choices: readonly CategoricalChoice[]): CategoricalDistribution {
  if (choices.length === 0) throw new Error('suggestCategorical needs at least one choice.');
  for (const choice of choices) {
    const ok = choice === null || ['string', 'number', 'boolean'].includes(typeof choice);
    if (!ok) throw new Error(`Categorical choices must be string, number, boolean or null; got ${String(choice)}.`);
  }
  return { type: 'categorical', choices: [...choices] };
}

function checkRange(what: string, low: number, high: number, log: boolean, step: number | null): void {
  if (!Number.isFinite(low) || !Number.isFinite(high)) {
    throw new Error(`${what} needs finite bounds; got low=${low}, high=${high}.`);
  }
  if (low > high) throw new Error(`${what} needs low <= high; got low=${low}, high=${high}.`);
  if (log && step !== null && what === 'suggestFloat') {
    throw new Error(`${what} cannot combine log=true with a step; drop one of them.`);
  }
  if (log && low <= 0) throw new Error(`${what} with log=true needs low > 0; got low=${low}.`);
  if (step !== null && !(step > 0)) throw new Error(`${what} needs step > 0; got step=${step}.`);
}

function adjustHighToStep(low: number, high: number, step: number): number {
  // Optuna `_adjust_discrete_uniform_high`: the largest grid point not above `high`.
  const r = high - low;
  const n = Math.floor(r / step + 1e-9);
  const adjusted = low + n * step;
  return Math.abs(adjusted - high) < 1e-12 * Math.max(1, Math.abs(high)) ? high : adjusted;
}

/** A copy that shares nothing with `distribution`, for storages (structuredClone takes about 20× as long). */
export function copyDistribution(distribution: Distribution): Distribution {
  return distribution.type === 'categorical' ? { ...distribution, choices: [...distribution.choices] } : { ...distribution };
}

/** True when the distribution allows only one value (it is then not sampled at all). */
export function isSingle(distribution: Distribution): boolean {
  if (distribution.type === 'categorical') return distribution.choices.length === 1;
  if (distribution.low === distribution.high) return true;
  return distribution.step !== null && distribution.high - distribution.low < distribution.step;
}

/** The number samplers work with: the value itself, or the index of a categorical choice. */
export function toInternal(distribution: Distribution, value: ParamValue): number {
  if (distribution.type === 'categorical') {
    const index = distribution.choices.findIndex((c) => c === value || (Number.isNaN(c) && Number.isNaN(value)));
    if (index < 0) throw new Error(`${JSON.stringify(value)} is not one of ${JSON.stringify(distribution.choices)}.`);
    return index;
  }
  return value as number;
}

/** The value the objective sees for an internal number. */
export function toExternal(distribution: Distribution, internal: number): ParamValue {
  if (distribution.type === 'categorical') return distribution.choices[Math.round(internal)]!;
  if (distribution.type === 'int') return Math.round(internal);
  return internal;
}

/** True when `value` can be drawn from `distribution` (used to validate fixed and stored params). */
export function contains(distribution: Distribution, value: ParamValue): boolean {
  if (distribution.type === 'categorical') return distribution.choices.some((c) => c === value);
  if (typeof value !== 'number' || Number.isNaN(value)) return false;
  if (value < distribution.low || value > distribution.high) return false;
  if (distribution.type === 'int' && !Number.isInteger(value)) return false;
  if (distribution.step !== null) {
    const k = (value - distribution.low) / distribution.step;
    return Math.abs(k - Math.round(k)) < 1e-8;
  }
  return true;
}

/** Structural equality; samplers only model a parameter jointly across trials when this holds. */
export function distributionsEqual(a: Distribution, b: Distribution): boolean {
  if (a.type !== b.type) return false;
  if (a.type === 'categorical') {
    const bc = (b as CategoricalDistribution).choices;
    return a.choices.length === bc.length && a.choices.every((c, i) => c === bc[i]);
  }
  const bn = b as FloatDistribution | IntDistribution;
  return a.low === bn.low && a.high === bn.high && a.log === bn.log && a.step === bn.step;
}

/**
 * Throws unless one parameter name may take both distributions in one study (Optuna
 * `check_distribution_compatibility`): same kind; categorical choices identical; numeric ranges may differ.
 */
export function checkDistributionCompatibility(name: string, previous: Distribution, next: Distribution): void {
  if (previous.type !== next.type) {
    throw new Error(`Parameter "${name}" was suggested as ${previous.type} before and as ${next.type} now; use another name.`);
  }
  if (previous.type === 'categorical' && !distributionsEqual(previous, next)) {
    throw new Error(`Parameter "${name}" changed its categorical choices; a categorical parameter's choices must stay fixed.`);
  }
  if (previous.type !== 'categorical' && previous.log !== (next as FloatDistribution | IntDistribution).log) {
    throw new Error(`Parameter "${name}" changed its log flag; use another name.`);
  }
}
