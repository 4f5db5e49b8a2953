import type { Distribution, ParamValue } from './distributions.js';
import type { FrozenTrial, TrialState } from './frozen-trial.js';
import type { JsonObject, JsonValue } from './json-value.js';
import type { StudyDirection } from './study-direction.js';

/** A study as the storage knows it. */
export interface StudyRecord {
  readonly id: string;
  readonly name: string;
  readonly directions: readonly StudyDirection[];
}

/** What a new trial starts with. */
export interface NewTrial {
  readonly workerId?: string | null;
  /** E.g. `fixedParams` of a retried trial (Optuna's enqueue mechanism). */
  readonly systemAttrs?: JsonObject;
  readonly retries?: number;
  /** Create it WAITING: no worker, no heartbeat, until `startTrial` (default false: RUNNING at once). */
  readonly waiting?: boolean;
}

/** How a trial ends. */
export interface TrialOutcome {
  readonly state: 'COMPLETE' | 'PRUNED' | 'FAILED';
  /** Required for COMPLETE (one per direction); optional for PRUNED; absent for FAILED. */
  readonly values?: readonly number[] | null;
  readonly error?: string | null;
}

/**
 * Everything the engine needs from persistence (Optuna `optuna/storages/_base.py`, made async and small).
 * Implementations must be safe when several processes on several machines call them at once:
 * - `createTrial` assigns the next number atomically (distinct per study, counting up from 0);
 * - writes to a trial only succeed while it is unfinished (RUNNING, or WAITING for a worker), so a tell is never
 *   lost silently and a finished trial never changes (they throw `TrialNotRunningError` otherwise);
 * - `startTrial` moves a WAITING trial to RUNNING for exactly one caller;
 * - timestamps (`startedAt`, `heartbeatAt`, `finishedAt`, staleness) use the storage's own clock, so the
 *   machines' clocks do not need to agree.
 * Trials returned are immutable snapshots; callers never mutate them.
 */
export interface Storage {
  /** Creates a study; throws `DuplicateStudyError` when the name is taken. */
  createStudy(input: { studyName: string; directions: readonly StudyDirection[] }): Promise<StudyRecord>;
  /** The study with this name, or null. */
  findStudy(studyName: string): Promise<StudyRecord | null>;

  /** Creates a RUNNING trial with the next number and a fresh heartbeat (or a WAITING one, see `NewTrial`). */
  createTrial(studyId: string, input?: NewTrial): Promise<FrozenTrial>;
  /**
   * Moves a WAITING trial to RUNNING on `workerId` with a fresh heartbeat and start time, in one compare-and-set.
   * Throws `TrialNotWaitingError` when another caller started it first or it was finished meanwhile.
   */
  startTrial(trialId: string, workerId: string | null): Promise<FrozenTrial>;
  /** Records one parameter of an unfinished trial. */
  setTrialParam(trialId: string, name: string, value: ParamValue, distribution: Distribution): Promise<void>;
  /** Records (or overwrites) the value reported at `step` by a RUNNING trial. */
  setTrialIntermediateValue(trialId: string, step: number, value: number): Promise<void>;
  setTrialUserAttr(trialId: string, key: string, value: JsonValue): Promise<void>;
  setTrialSystemAttr(trialId: string, key: string, value: JsonValue): Promise<void>;
  /**
   * Moves an unfinished trial to its final state in one atomic compare-and-set, and returns it.
   * Throws `TrialNotRunningError` when the trial had already finished (for example declared stale).
   */
  finishTrial(trialId: string, outcome: TrialOutcome): Promise<FrozenTrial>;

  /** Refreshes a RUNNING trial's heartbeat (no-op result, throws `TrialNotRunningError` if finished). */
  recordHeartbeat(trialId: string): Promise<void>;
  /**
   * Marks FAILED every RUNNING trial of the study whose heartbeat is older than `heartbeatTimeoutMs`, in
   * one atomic step per trial so that only one caller claims each, and returns the trials it failed.
   */
  failStaleTrials(studyId: string, heartbeatTimeoutMs: number): Promise<FrozenTrial[]>;

  getTrial(trialId: string): Promise<FrozenTrial>;
  /** The study's trials ordered by number, optionally only those in `states` (unfinished ones included on request). */
  getTrials(studyId: string, states?: readonly TrialState[]): Promise<readonly FrozenTrial[]>;
}
