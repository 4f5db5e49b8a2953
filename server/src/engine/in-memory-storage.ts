import { copyDistribution, type Distribution, type ParamValue } from './distributions.js';
import { isUnfinished, type FrozenTrial, type TrialState } from './frozen-trial.js';
import type { JsonValue } from './json-value.js';
import type { NewTrial, Storage, StudyRecord, TrialOutcome } from './storage.js';
import { DuplicateStudyError, NotFoundError, TrialNotRunningError, TrialNotWaitingError } from './storage-errors.js';
import type { StudyDirection } from './study-direction.js';

export interface InMemoryStorageOptions {
  /** The storage clock in epoch ms; tests inject a fake one to exercise heartbeats. */
  now?: () => number;
}

interface StudyEntry {
  record: StudyRecord;
  trials: FrozenTrial[];
}

/**
 * Storage inside one process (Optuna `InMemoryStorage`). Trials are replaced, never mutated
 * (copy-on-write), so `getTrials` hands out the stored snapshots without copying them.
 */
export class InMemoryStorage implements Storage {
  private readonly now: () => number;
  private readonly studies = new Map<string, StudyEntry>();
  private readonly studyIdsByName = new Map<string, string>();
  private readonly trialLocations = new Map<string, { studyId: string; number: number }>();
  private nextStudyId = 0;

  constructor(options: InMemoryStorageOptions = {}) {
    this.now = options.now ?? Date.now;
  }

  async createStudy(input: { studyName: string; directions: readonly StudyDirection[] }): Promise<StudyRecord> {
    if (this.studyIdsByName.has(input.studyName)) throw new DuplicateStudyError(input.studyName);
    const record: StudyRecord = {
      id: `study-${this.nextStudyId++}`,
      name: input.studyName,
      directions: [...input.directions],
    };
    this.studies.set(record.id, { record, trials: [] });
    this.studyIdsByName.set(record.name, record.id);
    return record;
  }

  async findStudy(studyName: string): Promise<StudyRecord | null> {
    const id = this.studyIdsByName.get(studyName);
    return id === undefined ? null : this.studies.get(id)!.record;
  }

  async createTrial(studyId: string, input: NewTrial = {}): Promise<FrozenTrial> {
    const study = this.study(studyId);
    const number = study.trials.length;
    const now = this.now();
    const trial: FrozenTrial = {
      id: `${studyId}/trial-${number}`,
      studyId,
      number,
      state: input.waiting ? 'WAITING' : 'RUNNING',
      params: {},
      distributions: {},
      values: null,
      intermediateValues: [],
      userAttrs: {},
      systemAttrs: structuredClone(input.systemAttrs ?? {}),
      workerId: input.waiting ? null : (input.workerId ?? null),
      heartbeatAt: input.waiting ? null : now,
      retries: input.retries ?? 0,
      error: null,
      startedAt: now,
      finishedAt: null,
    };
    study.trials.push(trial);
    this.trialLocations.set(trial.id, { studyId, number });
    return trial;
  }

  async startTrial(trialId: string, workerId: string | null): Promise<FrozenTrial> {
    const location = this.trialLocations.get(trialId);
    if (!location) throw new NotFoundError(`Trial ${trialId}`);
    const trials = this.study(location.studyId).trials;
    const current = trials[location.number]!;
    if (current.state !== 'WAITING') throw new TrialNotWaitingError(current.number, current.state);
    const now = this.now();
    const next: FrozenTrial = { ...current, state: 'RUNNING', workerId, heartbeatAt: now, startedAt: now };
    trials[location.number] = next;
    return next;
  }

  async setTrialParam(trialId: string, name: string, value: ParamValue, distribution: Distribution): Promise<void> {
    this.updateUnfinished(trialId, (t) => ({
      ...t,
      params: { ...t.params, [name]: value },
      distributions: { ...t.distributions, [name]: copyDistribution(distribution) },
    }));
  }

  async setTrialIntermediateValue(trialId: string, step: number, value: number): Promise<void> {
    this.updateUnfinished(trialId, (t) => {
      const rows = t.intermediateValues.filter((row) => row.step !== step);
      rows.push({ step, value });
      rows.sort((a, b) => a.step - b.step);
      return { ...t, intermediateValues: rows };
    });
  }

  async setTrialUserAttr(trialId: string, key: string, value: JsonValue): Promise<void> {
    this.updateUnfinished(trialId, (t) => ({ ...t, userAttrs: { ...t.userAttrs, [key]: structuredClone(value) } }));
  }

  async setTrialSystemAttr(trialId: string, key: string, value: JsonValue): Promise<void> {
    this.updateUnfinished(trialId, (t) => ({ ...t, systemAttrs: { ...t.systemAttrs, [key]: structuredClone(value) } }));
  }

  async finishTrial(trialId: string, outcome: TrialOutcome): Promise<FrozenTrial> {
    return this.updateUnfinished(trialId, (t) => ({
      ...t,
      state: outcome.state,
      values: outcome.values ? [...outcome.values] : null,
      error: outcome.error ?? null,
      finishedAt: this.now(),
    }));
  }

  async recordHeartbeat(trialId: string): Promise<void> {
    this.updateUnfinished(trialId, (t) => ({ ...t, heartbeatAt: this.now() }));
  }

  async failStaleTrials(studyId: string, heartbeatTimeoutMs: number): Promise<FrozenTrial[]> {
    const study = this.study(studyId);
    const now = this.now();
    const failed: FrozenTrial[] = [];
    study.trials.forEach((t, i) => {
      if (t.state === 'RUNNING' && t.heartbeatAt !== null && now - t.heartbeatAt > heartbeatTimeoutMs) {
        const next: FrozenTrial = {
          ...t,
          state: 'FAILED',
          error: `No heartbeat for ${now - t.heartbeatAt} ms (timeout ${heartbeatTimeoutMs} ms): worker presumed dead.`,
          finishedAt: now,
        };
        study.trials[i] = next;
        failed.push(next);
      }
    });
    return failed;
  }

  async getTrial(trialId: string): Promise<FrozenTrial> {
    const location = this.trialLocations.get(trialId);
    if (!location) throw new NotFoundError(`Trial ${trialId}`);
    return this.study(location.studyId).trials[location.number]!;
  }

  async getTrials(studyId: string, states?: readonly TrialState[]): Promise<readonly FrozenTrial[]> {
    const trials = this.study(studyId).trials;
    return states ? trials.filter((t) => states.includes(t.state)) : trials.slice();
  }

  private study(studyId: string): StudyEntry {
    const study = this.studies.get(studyId);
    if (!study) throw new NotFoundError(`Study ${studyId}`);
    return study;
  }

  private updateUnfinished(trialId: string, update: (trial: FrozenTrial) => FrozenTrial): FrozenTrial {
    const location = this.trialLocations.get(trialId);
    if (!location) throw new NotFoundError(`Trial ${trialId}`);
    const trials = this.study(location.studyId).trials;
    const current = trials[location.number]!;
    if (!isUnfinished(current.state)) throw new TrialNotRunningError(current.number, current.state);
    const next = update(current);
    trials[location.number] = next;
    return next;
  }
}
