import { randomUUID } from 'node:crypto';
import { checkDistributionCompatibility, type Distribution, type ParamValue } from './distributions.js';
import { isUnfinished, type FrozenTrial, type TrialState } from './frozen-trial.js';
import { InMemoryStorage } from './in-memory-storage.js';
import type { JsonObject, JsonValue } from './json-value.js';
import { MedianPruner } from './median-pruner.js';
import { dominates } from './pareto-front.js';
import type { Pruner, PrunerStudy } from './pruner.js';
import type { Sampler, SamplerContext } from './sampler.js';
import type { Storage, StudyRecord, TrialOutcome } from './storage.js';
import { DuplicateStudyError } from './storage-errors.js';
import { lossSign, type StudyDirection } from './study-direction.js';
import { TpeSampler } from './tpe-sampler.js';
import { Trial, type TrialHost } from './trial.js';
import { TrialPruned } from './trial-pruned.js';

/** Detects trials whose worker died (Optuna `heartbeat_interval` / `grace_period` / `RetryFailedTrialCallback`). */
export interface HeartbeatOptions {
  /** How often a running trial refreshes its heartbeat. */
  intervalMs: number;
  /** A RUNNING trial without a heartbeat for this long is failed by the next `ask()` of any worker. */
  timeoutMs: number;
  /** How many times a dead worker's parameters are run again in a new trial (0: only fail it). */
  maxRetries: number;
}

export interface CreateStudyOptions {
  /** Unique within the storage (default: a random UUID). */
  studyName?: string;
  /** One per objective (default ['minimize']). */
  directions?: readonly StudyDirection[];
  /** Default `new TpeSampler()` (as Optuna). */
  sampler?: Sampler;
  /** Default `new MedianPruner()` (as Optuna). */
  pruner?: Pruner;
  /** Default a fresh `InMemoryStorage`. */
  storage?: Storage;
  /** Reuse an existing study of that name instead of failing (default false). */
  loadIfExists?: boolean;
  /** Heartbeats for RUNNING trials (default none: trials of dead workers stay RUNNING). */
  heartbeat?: HeartbeatOptions | null;
  /** Recorded on the trials this process runs (default null). */
  workerId?: string | null;
}

/** What an objective may return: one value per direction. */
export type ObjectiveResult = number | readonly number[];

export interface OptimizeOptions {
  /** Trials this call starts (at least one of nTrials and timeoutMs is required). */
  nTrials?: number;
  /** Objectives running at once (default 1); pair with `TpeSampler({ constantLiar: true })`. */
  concurrency?: number;
  /** No new trial starts after this many ms; running ones finish. */
  timeoutMs?: number;
  /** Record a throwing objective as FAILED and go on, instead of stopping and rethrowing (default false). */
  catchErrors?: boolean;
}

/** How `tell` closes a trial: the objective values, or 'pruned' / 'failed'. */
export type TellResult = ObjectiveResult | 'pruned' | 'failed';

/** Creates (or with `loadIfExists`, loads) a study. */
export async function createStudy(options: CreateStudyOptions = {}): Promise<Study> {
  const directions = options.directions ?? ['minimize'];
  if (directions.length === 0) throw new Error('createStudy needs at least one direction.');
  for (const d of directions) {
    if (d !== 'minimize' && d !== 'maximize') throw new Error(`Direction must be 'minimize' or 'maximize'; got ${String(d)}.`);
  }
  const heartbeat = options.heartbeat ?? null;
  if (heartbeat && !(heartbeat.intervalMs > 0 && heartbeat.timeoutMs > heartbeat.intervalMs && heartbeat.maxRetries >= 0)) {
    throw new Error('heartbeat needs intervalMs > 0, timeoutMs > intervalMs and maxRetries >= 0.');
  }
  const storage = options.storage ?? new InMemoryStorage();
  const studyName = options.studyName ?? randomUUID();
  let record = await storage.findStudy(studyName);
  if (record) {
    if (!options.loadIfExists) throw new DuplicateStudyError(studyName);
    if (record.directions.join() !== directions.join()) {
      throw new Error(`Study "${studyName}" has directions [${record.directions}], not [${directions}].`);
    }
  } else {
    record = await storage.createStudy({ studyName, directions });
  }
  return new Study(record, storage, options.sampler ?? new TpeSampler(), options.pruner ?? new MedianPruner(), heartbeat, options.workerId ?? null);
}

/** The distribution each parameter had in the finished trials seen so far: those below index `scanned`. */
interface FinishedDistributions {
  scanned: number;
  known: Map<string, Distribution>;
}

const finishedDistributionsByStorage = new WeakMap<Storage, Map<string, FinishedDistributions>>();

/**
 * Finished trials never change, so what they say is shared by every Study object of one study on one storage: a
 * worker that loads the study for each trial scans only the trials finished since, not the whole study again.
 */
function finishedDistributionsOf(storage: Storage, studyId: string): FinishedDistributions {
  let byStudy = finishedDistributionsByStorage.get(storage);
  if (!byStudy) finishedDistributionsByStorage.set(storage, (byStudy = new Map()));
  let finished = byStudy.get(studyId);
  if (!finished) byStudy.set(studyId, (finished = { scanned: 0, known: new Map() }));
  return finished;
}

/**
 * An optimization over one storage (Optuna `Study`): `ask` / `tell` are the core, `optimize` is a loop on top.
 * Several Study objects (in one process or many) may share a study through a shared storage.
 */
export class Study implements TrialHost {
  private readonly heartbeatTimers = new Map<string, NodeJS.Timeout>();
  private readonly retryQueue: FrozenTrial[] = [];
  /** Distributions the finished trials used, shared by every Study object on this storage (see `finishedDistributionsOf`). */
  private readonly finished: FinishedDistributions;
  /** Distributions this object's own trials suggested that no finished trial has yet. */
  private readonly suggestedDistributions = new Map<string, Distribution>();
  private readonly prunerStudy: PrunerStudy;

  constructor(
    private readonly record: StudyRecord,
    readonly storage: Storage,
    readonly sampler: Sampler,
    readonly pruner: Pruner,
    private readonly heartbeat: HeartbeatOptions | null,
    private readonly workerId: string | null,
  ) {
    this.finished = finishedDistributionsOf(storage, record.id);
    this.prunerStudy = {
      studyName: record.name,
      directions: record.directions,
      getTrials: (states) => this.storage.getTrials(this.record.id, states),
      setTrialSystemAttr: (trialId, key, value) => this.storage.setTrialSystemAttr(trialId, key, value),
    };
  }

  get studyName(): string {
    return this.record.name;
  }

  get studyId(): string {
    return this.record.id;
  }

  get directions(): readonly StudyDirection[] {
    return this.record.directions;
  }

  /** The study's trials ordered by number. */
  getTrials(states?: readonly TrialState[]): Promise<readonly FrozenTrial[]> {
    return this.storage.getTrials(this.record.id, states);
  }

  /** Starts a trial: reaps dead workers' trials (with heartbeats on), then samples relative parameters. */
  async ask(): Promise<Trial> {
    if (this.heartbeat) {
      for (const stale of await this.storage.failStaleTrials(this.record.id, this.heartbeat.timeoutMs)) {
        if (stale.retries < this.heartbeat.maxRetries) this.retryQueue.push(stale);
      }
    }
    const retried = this.retryQueue.shift();
    const systemAttrs: JsonObject = retried
      ? { fixedParams: retried.params as JsonObject, retriedFrom: retried.number }
      : {};
    const created = await this.storage.createTrial(this.record.id, {
      workerId: this.workerId,
      systemAttrs,
      retries: retried ? retried.retries + 1 : 0,
    });
    const trial = await this.sampledTrial(created);
    this.startHeartbeat(created.id);
    return trial;
  }

  /**
   * Creates a WAITING trial and samples into it now (its suggest calls choose and record the parameters), for a
   * worker to run later through `startTrial`: a scheduler can then see what each trial will cost before handing
   * it out. Other trials' sampling treats it as running (the constant liar), so waiting trials spread out too.
   */
  async prepareTrial(): Promise<Trial> {
    return this.sampledTrial(await this.storage.createTrial(this.record.id, { waiting: true }));
  }

  /**
   * Starts a WAITING trial on this study's worker (heartbeats as `ask` does). Its suggest calls return the
   * parameters chosen when it was prepared; a name it does not have yet is sampled then, as in `ask`.
   * Throws `TrialNotWaitingError` when another worker started it first.
   */
  async startTrial(trialId: string): Promise<Trial> {
    const started = await this.storage.startTrial(trialId, this.workerId);
    const trial = new Trial(this, started, {}, {}, {}, started.params, started.distributions);
    this.startHeartbeat(started.id);
    return trial;
  }

  private async sampledTrial(created: FrozenTrial): Promise<Trial> {
    const context = this.context(await this.storage.getTrials(this.record.id));
    const searchSpace = this.sampler.inferRelativeSearchSpace(context, created);
    const relative = this.sampler.sampleRelative(context, created, searchSpace);
    const fixed = (created.systemAttrs['fixedParams'] ?? {}) as Record<string, ParamValue>;
    return new Trial(this, created, searchSpace, relative, fixed);
  }

  private startHeartbeat(trialId: string): void {
    if (!this.heartbeat) return;
    const timer = setInterval(() => {
      this.storage.recordHeartbeat(trialId).catch(() => this.stopHeartbeat(trialId));
    }, this.heartbeat.intervalMs);
    timer.unref();
    this.heartbeatTimers.set(trialId, timer);
  }

  /**
   * Finishes a trial. Values must match the directions; a NaN value marks the trial FAILED (as Optuna does);
   * 'pruned' keeps the last reported value for single-objective studies.
   */
  async tell(trial: Trial | number, result: TellResult, options: { error?: string } = {}): Promise<FrozenTrial> {
    const trialId = typeof trial === 'number' ? await this.trialIdOf(trial) : trial.id;
    let outcome: TrialOutcome;
    if (result === 'failed') {
      outcome = { state: 'FAILED', error: options.error ?? null };
    } else if (result === 'pruned') {
      const current = await this.storage.getTrial(trialId);
      const last = current.intermediateValues.at(-1);
      outcome = { state: 'PRUNED', values: this.directions.length === 1 && last ? [last.value] : null };
    } else {
      const values = typeof result === 'number' ? [result] : [...result];
      if (values.length !== this.directions.length || values.some((v) => typeof v !== 'number')) {
        throw new Error(
          `tell needs ${this.directions.length} number(s), one per direction [${this.directions}]; got ${JSON.stringify(result)}.`,
        );
      }
      outcome = values.some(Number.isNaN)
        ? { state: 'FAILED', error: `The objective returned NaN (${JSON.stringify(values)}).` }
        : { state: 'COMPLETE', values };
    }
    this.stopHeartbeat(trialId);
    return this.storage.finishTrial(trialId, outcome);
  }

  /** Runs `objective` on new trials until `nTrials` were started or `timeoutMs` passed. */
  async optimize(
    objective: (trial: Trial) => ObjectiveResult | Promise<ObjectiveResult>,
    { nTrials, concurrency = 1, timeoutMs, catchErrors = false }: OptimizeOptions,
  ): Promise<void> {
    if (nTrials === undefined && timeoutMs === undefined) throw new Error('optimize needs nTrials or timeoutMs.');
    if (!(Number.isInteger(concurrency) && concurrency >= 1)) throw new Error(`concurrency must be a positive integer; got ${concurrency}.`);
    const limit = nTrials ?? Infinity;
    const deadline = timeoutMs === undefined ? Infinity : Date.now() + timeoutMs;
    let started = 0;
    let firstError: unknown = null;
    const worker = async (): Promise<void> => {
      while (firstError === null && started < limit && Date.now() < deadline) {
        started++;
        const trial = await this.ask();
        let result: ObjectiveResult;
        try {
          result = await objective(trial);
        } catch (error) {
          if (error instanceof TrialPruned) {
            await this.tell(trial, 'pruned');
            continue;
          }
          await this.tell(trial, 'failed', { error: error instanceof Error ? error.message : String(error) });
          if (!catchErrors) firstError ??= error;
          continue;
        }
        await this.tell(trial, result);
      }
    };
    const outcomes = await Promise.allSettled(Array.from({ length: concurrency }, worker));
    for (const outcome of outcomes) if (outcome.status === 'rejected') firstError ??= outcome.reason;
    if (firstError !== null) throw firstError;
  }

  /** The best COMPLETE trial of a single-objective study (lowest number on ties). */
  get bestTrial(): Promise<FrozenTrial> {
    return (async () => {
      if (this.directions.length > 1) {
        throw new Error('A multi-objective study has no single best trial; use bestTrials (the Pareto set).');
      }
      const sign = lossSign(this.directions[0]!);
      let best: FrozenTrial | null = null;
      for (const t of await this.getTrials(['COMPLETE'])) {
        if (best === null || sign * t.values![0]! < sign * best.values![0]!) best = t;
      }
      if (best === null) throw new Error(`Study "${this.studyName}" has no completed trial yet.`);
      return best;
    })();
  }

  /** The COMPLETE trials no other COMPLETE trial dominates (the Pareto set; all best ones for one objective). */
  get bestTrials(): Promise<FrozenTrial[]> {
    return (async () => {
      const complete = await this.getTrials(['COMPLETE']);
      const signs = this.directions.map(lossSign);
      const losses = complete.map((t) => t.values!.map((v, i) => signs[i]! * v));
      return complete.filter((_, i) => !losses.some((other, j) => j !== i && dominates(other, losses[i]!)));
    })();
  }

  // TrialHost: called by Trial.

  async sampleIndependent(trial: Trial, name: string, distribution: Distribution): Promise<ParamValue> {
    const trials = await this.storage.getTrials(this.record.id);
    // Trials are ordered by number, from 0: the current one is usually at its number.
    const atNumber = trials[trial.number];
    const current = (atNumber?.number === trial.number ? atNumber : trials.find((t) => t.number === trial.number)) ?? trial.created;
    return this.sampler.sampleIndependent(this.context(trials), current, name, distribution);
  }

  async recordParam(trial: Trial, name: string, value: ParamValue, distribution: Distribution): Promise<void> {
    const known = this.finished.known.get(name) ?? this.suggestedDistributions.get(name);
    if (known) checkDistributionCompatibility(name, known, distribution);
    else this.suggestedDistributions.set(name, distribution);
    await this.storage.setTrialParam(trial.id, name, value, distribution);
  }

  async report(trial: Trial, value: number, step: number): Promise<void> {
    const current = await this.storage.getTrial(trial.id);
    if (current.intermediateValues.some((row) => row.step === step)) return;
    await this.storage.setTrialIntermediateValue(trial.id, step, value);
  }

  async shouldPrune(trial: Trial): Promise<boolean> {
    return this.pruner.prune(this.prunerStudy, await this.storage.getTrial(trial.id));
  }

  async setUserAttr(trial: Trial, key: string, value: JsonValue): Promise<void> {
    await this.storage.setTrialUserAttr(trial.id, key, value);
  }

  private context(trials: readonly FrozenTrial[]): SamplerContext {
    // Incremental, so that checking parameter compatibility stays O(new trials) per call.
    const finished = this.finished;
    while (finished.scanned < trials.length && !isUnfinished(trials[finished.scanned]!.state)) {
      for (const [name, distribution] of Object.entries(trials[finished.scanned]!.distributions)) {
        if (!finished.known.has(name)) finished.known.set(name, distribution);
      }
      finished.scanned++;
    }
    return { studyName: this.record.name, directions: this.record.directions, trials };
  }

  private stopHeartbeat(trialId: string): void {
    const timer = this.heartbeatTimers.get(trialId);
    if (timer) clearInterval(timer);
    this.heartbeatTimers.delete(trialId);
  }

  private async trialIdOf(number: number): Promise<string> {
    const trial = (await this.getTrials()).find((t) => t.number === number);
    if (!trial) throw new Error(`Study "${this.studyName}" has no trial number ${number}.`);
    return trial.id;
  }
}
