import type { HyperparameterOverrideInput, OverrideMode, SearchSpaceQuery } from '../graphql/generated/graphql';

export type Hyperparameter = SearchSpaceQuery['searchSpace']['hyperparameters'][number];

/**
 * What the user chose for one hyperparameter. RANGE: searched within `low`..`high` (numbers) or among
 * `choices` (categorical, boolean); FIXED: always `value`; OFF: the architecture default.
 * All fields are kept while the mode changes, so switching back restores what was typed.
 */
export interface HyperparameterSetting {
  readonly mode: OverrideMode;
  readonly low: number | null;
  readonly high: number | null;
  readonly choices: readonly unknown[];
  readonly value: unknown;
}

/** Settings by hyperparameter name. */
export type SearchSpaceSettings = Readonly<Record<string, HyperparameterSetting>>;

export const isNumeric = (hyperparameter: Hyperparameter): boolean => hyperparameter.kind === 'FLOAT' || hyperparameter.kind === 'INT';

/** The untouched setting: the API's default range, with the default (or first choice / low bound) ready for FIXED. */
export function defaultSetting(hyperparameter: Hyperparameter): HyperparameterSetting {
  const choices = hyperparameter.choices ?? [];
  const value = hyperparameter.defaultValue ?? (isNumeric(hyperparameter) ? hyperparameter.low : choices[0]) ?? null;
  return { mode: 'RANGE', low: hyperparameter.low, high: hyperparameter.high, choices: [...choices], value };
}

export function defaultSettings(hyperparameters: readonly Hyperparameter[]): SearchSpaceSettings {
  return Object.fromEntries(hyperparameters.map((hyperparameter) => [hyperparameter.name, defaultSetting(hyperparameter)]));
}

/**
 * The overrides for `OptimizationInput.searchSpace`: only the hyperparameters the user changed from the
 * default range, in the search space's order; a RANGE override carries only what differs.
 */
export function overridesOf(hyperparameters: readonly Hyperparameter[], settings: SearchSpaceSettings): HyperparameterOverrideInput[] {
  const overrides: HyperparameterOverrideInput[] = [];
  for (const hyperparameter of hyperparameters) {
    const setting = settings[hyperparameter.name];
    if (!setting) continue;
    const { name } = hyperparameter;
    if (setting.mode === 'OFF') {
      overrides.push({ name, mode: 'OFF' });
    } else if (setting.mode === 'FIXED') {
      overrides.push({ name, mode: 'FIXED', value: setting.value });
    } else if (isNumeric(hyperparameter)) {
      const override: HyperparameterOverrideInput = { name, mode: 'RANGE' };
      if (setting.low !== hyperparameter.low) override.low = setting.low;
      if (setting.high !== hyperparameter.high) override.high = setting.high;
      if ('low' in override || 'high' in override) overrides.push(override);
    } else {
      const all = hyperparameter.choices ?? [];
      // Keep the API's order whatever order the user ticked them in.
      const chosen = all.filter((choice) => setting.choices.includes(choice));
      if (chosen.length !== all.length) overrides.push({ name, mode: 'RANGE', choices: chosen });
    }
  }
  return overrides;
}

/**
 * What is wrong with a setting, in the API's words (server/src/studies/study-config.ts, resolveSearchSpace),
 * or null. The server checks again; this only saves a round trip.
 */
export function settingProblem(hyperparameter: Hyperparameter, setting: HyperparameterSetting): string | null {
  const { name, low: min, high: max } = hyperparameter;
  const integer = hyperparameter.kind === 'INT';
  if (setting.mode === 'OFF') return null;
  if (setting.mode === 'FIXED') {
    if (setting.value === null || setting.value === undefined) return `FIXED needs a value for ${name}`;
    if (!isNumeric(hyperparameter)) return null;
    const value = setting.value;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < (min ?? -Infinity) || value > (max ?? Infinity)) {
      return `${name} must be a number from ${min} to ${max}`;
    }
    return integer && !Number.isInteger(value) ? `${name} must be an integer` : null;
  }
  if (!isNumeric(hyperparameter)) return setting.choices.length === 0 ? 'needs at least one choice' : null;
  for (const bound of [setting.low, setting.high]) {
    if (bound === null || !Number.isFinite(bound) || bound < (min ?? -Infinity) || bound > (max ?? Infinity)) {
      return `${name} bounds lie within ${min}..${max}`;
    }
    if (integer && !Number.isInteger(bound)) return `${name} bounds must be integers`;
  }
  if (setting.low! >= setting.high!) return `low (${setting.low}) must be below high (${setting.high}); use Fixed for one value`;
  return null;
}

/** Problems by hyperparameter name, plus the whole-space rule that something must remain searched. */
export function searchSpaceProblems(hyperparameters: readonly Hyperparameter[], settings: SearchSpaceSettings): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const hyperparameter of hyperparameters) {
    const setting = settings[hyperparameter.name];
    const problem = setting ? settingProblem(hyperparameter, setting) : null;
    if (problem) problems[hyperparameter.name] = problem;
  }
  if (hyperparameters.length > 0 && hyperparameters.every((h) => settings[h.name]?.mode !== 'RANGE' && settings[h.name] !== undefined)) {
    problems[''] = 'nothing left to search: set at least one hyperparameter to Search';
  }
  return problems;
}

/** "only when convBlocks is 3 or 4". */
export function conditionText(condition: NonNullable<Hyperparameter['condition']>): string {
  const values = condition.oneOf.map(formatValue);
  const list = values.length > 1 ? `${values.slice(0, -1).join(', ')} or ${values.at(-1)}` : values[0];
  return `only when ${condition.param} is ${list}`;
}

export function formatValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}
