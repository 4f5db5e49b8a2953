import type { Distribution, ParamValue } from './distributions.js';
import type { JsonObject } from './json-value.js';

/**
 * Lifecycle of a trial; the names match the persisted enum. WAITING (Optuna's name): parameters chosen, not yet
 * started by a worker (`Study.prepareTrial`); it counts as running for the sampler, but has no heartbeat.
 */
export type TrialState = 'WAITING' | 'RUNNING' | 'COMPLETE' | 'PRUNED' | 'FAILED';

export const FINISHED_STATES: readonly TrialState[] = ['COMPLETE', 'PRUNED', 'FAILED'];

/** WAITING or RUNNING: the trial may still change. */
export function isUnfinished(state: TrialState): boolean {
  return state === 'RUNNING' || state === 'WAITING';
}

/** One `report(value, step)` call, stored as a (step, value) row. */
export interface IntermediateValue {
  readonly step: number;
  readonly value: number;
}

/**
 * A snapshot of one trial as the storage holds it (Optuna `FrozenTrial`). Plain JSON-serializable data:
 * timestamps are epoch milliseconds of the storage's clock.
 */
export interface FrozenTrial {
  readonly id: string;
  readonly studyId: string;
  /** 0-based, distinct within a study, assigned atomically by the storage. */
  readonly number: number;
  readonly state: TrialState;
  readonly params: Readonly<Record<string, ParamValue>>;
  readonly distributions: Readonly<Record<string, Distribution>>;
  /** One value per study direction once COMPLETE (PRUNED trials may carry their last intermediate value). */
  readonly values: readonly number[] | null;
  /** Ascending by step. */
  readonly intermediateValues: readonly IntermediateValue[];
  readonly userAttrs: Readonly<JsonObject>;
  readonly systemAttrs: Readonly<JsonObject>;
  readonly workerId: string | null;
  readonly heartbeatAt: number | null;
  /** How many times this trial's parameters were already tried by trials whose workers died. */
  readonly retries: number;
  readonly error: string | null;
  readonly startedAt: number;
  readonly finishedAt: number | null;
}

/** The last reported step, or null when nothing was reported. */
export function lastStep(trial: FrozenTrial): number | null {
  const n = trial.intermediateValues.length;
  return n === 0 ? null : trial.intermediateValues[n - 1]!.step;
}

/** The value reported at `step`, or undefined. */
export function intermediateValueAt(trial: FrozenTrial, step: number): number | undefined {
  const values = trial.intermediateValues;
  let lo = 0;
  let hi = values.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const s = values[mid]!.step;
    if (s === step) return values[mid]!.value;
    if (s < step) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}
