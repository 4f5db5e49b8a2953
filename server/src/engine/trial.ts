import {
  categoricalDistribution,
  contains,
  floatDistribution,
  intDistribution,
  isSingle,
  distributionsEqual,
  type CategoricalChoice,
  type Distribution,
  type NumericOptions,
  type ParamValue,
  type SearchSpace,
} from './distributions.js';
import type { FrozenTrial } from './frozen-trial.js';
import type { JsonValue } from './json-value.js';

/** What a trial needs from its study (implemented by `Study`). */
export interface TrialHost {
  sampleIndependent(trial: Trial, name: string, distribution: Distribution): Promise<ParamValue>;
  recordParam(trial: Trial, name: string, value: ParamValue, distribution: Distribution): Promise<void>;
  report(trial: Trial, value: number, step: number): Promise<void>;
  shouldPrune(trial: Trial): Promise<boolean>;
  setUserAttr(trial: Trial, key: string, value: JsonValue): Promise<void>;
}

/**
 * A trial handed out by `Study.ask()`, `prepareTrial()` or `startTrial()` (Optuna `Trial`). Suggest methods return the value to use:
 * a fixed one (retried trials), the relative sample drawn at ask time, or an independent sample.
 * Suggesting the same name twice returns the first value.
 */
export class Trial {
  private readonly params = new Map<string, ParamValue>();
  private readonly paramDistributions = new Map<string, Distribution>();

  constructor(
    private readonly host: TrialHost,
    /** The trial as created (its parameters are tracked here, not in this snapshot). */
    readonly created: FrozenTrial,
    private readonly relativeSearchSpace: SearchSpace,
    private readonly relativeParams: Readonly<Record<string, ParamValue>>,
    private readonly fixedParams: Readonly<Record<string, ParamValue>>,
    /** Parameters the trial already has in the storage (a WAITING trial prepared earlier, now started). */
    recordedParams: Readonly<Record<string, ParamValue>> = {},
    recordedDistributions: Readonly<Record<string, Distribution>> = {},
  ) {
    for (const [name, value] of Object.entries(recordedParams)) {
      this.params.set(name, value);
      this.paramDistributions.set(name, recordedDistributions[name]!);
    }
  }

  get id(): string {
    return this.created.id;
  }

  get number(): number {
    return this.created.number;
  }

  /** Parameters suggested so far. */
  get currentParams(): Readonly<Record<string, ParamValue>> {
    return Object.fromEntries(this.params);
  }

  /** Distributions of the parameters suggested so far. */
  get currentDistributions(): Readonly<Record<string, Distribution>> {
    return Object.fromEntries(this.paramDistributions);
  }

  async suggestFloat(name: string, low: number, high: number, options?: NumericOptions): Promise<number> {
    return (await this.suggest(name, floatDistribution(low, high, options))) as number;
  }

  async suggestInt(name: string, low: number, high: number, options?: NumericOptions): Promise<number> {
    return (await this.suggest(name, intDistribution(low, high, options))) as number;
  }

  async suggestCategorical<T extends CategoricalChoice>(name: string, choices: readonly T[]): Promise<T> {
    return (await this.suggest(name, categoricalDistribution(choices))) as T;
  }

  /** Records the metric at `step` for the pruner (Optuna ignores a second report of the same step; so do we). */
  async report(value: number, step: number): Promise<void> {
    if (!Number.isInteger(step) || step < 0) throw new Error(`report needs a non-negative integer step; got ${step}.`);
    if (typeof value !== 'number') throw new Error(`report needs a number; got ${String(value)}.`);
    await this.host.report(this, value, step);
  }

  /** Whether the study's pruner says this trial should stop now. */
  async shouldPrune(): Promise<boolean> {
    return this.host.shouldPrune(this);
  }

  async setUserAttr(key: string, value: JsonValue): Promise<void> {
    await this.host.setUserAttr(this, key, value);
  }

  private async suggest(name: string, distribution: Distribution): Promise<ParamValue> {
    const previous = this.params.get(name);
    if (previous !== undefined) {
      if (!distributionsEqual(this.paramDistributions.get(name)!, distribution)) {
        throw new Error(`Parameter "${name}" was already suggested in trial ${this.number} with another distribution.`);
      }
      return previous;
    }
    let value: ParamValue;
    if (name in this.fixedParams) {
      value = this.fixedParams[name]!;
      if (!contains(distribution, value)) {
        throw new Error(`Fixed value ${JSON.stringify(value)} of "${name}" is outside ${JSON.stringify(distribution)}.`);
      }
    } else if (isSingle(distribution)) {
      value = distribution.type === 'categorical' ? distribution.choices[0]! : distribution.low;
    } else if (
      name in this.relativeParams &&
      this.relativeSearchSpace[name] &&
      distributionsEqual(this.relativeSearchSpace[name], distribution)
    ) {
      value = this.relativeParams[name]!;
    } else {
      value = await this.host.sampleIndependent(this, name, distribution);
    }
    // Record locally before awaiting the write so a concurrent suggest of the same name agrees.
    this.params.set(name, value);
    this.paramDistributions.set(name, distribution);
    await this.host.recordParam(this, name, value, distribution);
    return value;
  }
}
