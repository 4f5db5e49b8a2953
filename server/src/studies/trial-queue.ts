// The Postgres-backed job queue (graphile-worker) that hands trials to workers on any machine. One job is one
// trial slot of a study; the final model is one more job, enqueued once the last slot is done.
import { EventEmitter } from 'node:events';
import { Logger as QueueLogger, makeWorkerUtils, run, type Runner, type Task, type WorkerEvents, type WorkerUtils } from 'graphile-worker';
import type { Logger } from '../logging/logger.js';

export const TASK_RUN_TRIAL = 'run-trial';
export const TASK_FINAL_MODEL = 'final-model';

export interface RunTrialPayload {
  studyId: string;
  /** 0-based slot: the study is done when every slot has a finished trial. */
  slot: number;
}

/** How a slot's job is picked among the others: lower priority runs first; workers may refuse flagged jobs. */
export interface SlotJobOptions {
  priority?: number;
  flags?: string[];
}

export interface FinalModelPayload {
  studyId: string;
}

/**
 * Tries per job: a crash of the worker process, or its shutdown mid-trial, costs one (a failing trial is recorded
 * and costs none). A job out of tries fails its study (`exhausted-jobs.ts`).
 */
export const MAX_ATTEMPTS = 5;

export interface ExhaustedJob {
  studyId: string;
  /** The trial slot, or null for the final model. */
  slot: number | null;
  lastError: string | null;
}

/** graphile-worker's messages through our logger; its routine job messages count as debug. */
function queueLogger(logger: Logger | undefined): QueueLogger {
  return new QueueLogger((scope) => (level, message, meta) => {
    if (!logger) return;
    const fields = { queue: scope, ...(meta ?? {}) };
    if (level === 'error') logger.error(fields, message);
    else if (level === 'warning') logger.warn(fields, message);
    else logger.debug(fields, message);
  });
}

export class TrialQueue {
  private constructor(private readonly utils: WorkerUtils) {}

  /** Connects and creates or upgrades the queue's own schema (graphile_worker) if needed. */
  static async connect(databaseUrl: string, logger?: Logger): Promise<TrialQueue> {
    const utils = await makeWorkerUtils({ connectionString: databaseUrl, logger: queueLogger(logger) });
    await utils.migrate();
    return new TrialQueue(utils);
  }

  /**
   * Enqueues slots `from..to-1`. A slot whose job is waiting or running keeps that one job (job keys), so a job
   * run again after its worker died cannot start a second trial for the next slot. (graphile-worker's other key
   * modes would add a job beside a running one; this one also skips their batch function, a third of the cost.)
   */
  async enqueueTrials(studyId: string, from: number, to: number, { priority = 0, flags = [] }: SlotJobOptions = {}): Promise<void> {
    for (let slot = from; slot < to; slot++) {
      await this.utils.addJob(TASK_RUN_TRIAL, { studyId, slot } satisfies RunTrialPayload, {
        jobKey: `trial:${studyId}:${slot}`,
        jobKeyMode: 'unsafe_dedupe',
        maxAttempts: MAX_ATTEMPTS,
        priority,
        ...(flags.length ? { flags } : {}),
      });
    }
  }

  /**
   * Enqueues the final model once: the workers finishing the last two slots may both see every slot done, and
   * the second must not replace a job the first one's worker already runs (graphile-worker would add another).
   */
  async enqueueFinalModel(studyId: string): Promise<void> {
    await this.utils.addJob(TASK_FINAL_MODEL, { studyId } satisfies FinalModelPayload, {
      jobKey: `final-model:${studyId}`,
      jobKeyMode: 'unsafe_dedupe',
      maxAttempts: MAX_ATTEMPTS,
    });
  }

  /** Drops the study's jobs that no worker holds yet (cancel, delete). */
  async removeStudyJobs(studyId: string): Promise<void> {
    await this.utils.withPgClient((client) =>
      client.query(
        `SELECT graphile_worker.remove_job(key) FROM graphile_worker.jobs
         WHERE key LIKE 'trial:' || $1 || ':%' OR key = 'final-model:' || $1`,
        [studyId],
      ),
    );
  }

  /**
   * Jobs that used up their tries and that graphile-worker will never run again: their study cannot finish on its
   * own. `slot` is null for a final-model job.
   */
  async exhaustedJobs(): Promise<ExhaustedJob[]> {
    const { rows } = await this.utils.withPgClient((client) =>
      client.query<{ key: string; lastError: string | null }>(
        `SELECT key, last_error AS "lastError" FROM graphile_worker.jobs
         WHERE task_identifier = ANY($1::text[]) AND key IS NOT NULL AND locked_at IS NULL AND attempts >= max_attempts
         ORDER BY id`,
        [[TASK_RUN_TRIAL, TASK_FINAL_MODEL]],
      ),
    );
    return rows.flatMap(({ key, lastError }): ExhaustedJob[] => {
      const trial = /^trial:([^:]+):(\d+)$/.exec(key);
      if (trial) return [{ studyId: trial[1]!, slot: Number(trial[2]), lastError }];
      const finalModel = /^final-model:([^:]+)$/.exec(key);
      return finalModel ? [{ studyId: finalModel[1]!, slot: null, lastError }] : [];
    });
  }

  /** Frees the jobs held by workers known to be dead so that live workers run them again. */
  async releaseJobsOf(workerIds: string[]): Promise<void> {
    if (workerIds.length) await this.utils.forceUnlockWorkers(workerIds);
  }

  async close(): Promise<void> {
    await this.utils.release();
  }
}

export interface QueueWorkerOptions {
  databaseUrl: string;
  logger: Logger;
  /**
   * Called with the queue's id for this worker before any job runs: graphile-worker locks jobs by it, so a
   * worker registered under it can have its jobs released when it dies.
   */
  onQueueWorkerId: (id: string) => void;
  runTrial: (payload: RunTrialPayload, signal: AbortSignal) => Promise<void>;
  /** Flags of jobs this worker must not take now, asked before each fetch (default none). */
  forbiddenFlags?: () => Promise<string[]>;
  runFinalModel: (payload: FinalModelPayload, signal: AbortSignal) => Promise<void>;
}

/** Runs jobs one at a time (TF.js trains on one core per process) until the runner is stopped. */
export async function runQueueWorker(options: QueueWorkerOptions): Promise<Runner> {
  const runTrial: Task = async (payload, helpers) => options.runTrial(payload as RunTrialPayload, helpers.abortSignal);
  const runFinalModel: Task = async (payload, helpers) =>
    options.runFinalModel(payload as FinalModelPayload, helpers.abortSignal);
  const events: WorkerEvents = new EventEmitter();
  events.once('pool:create', ({ workerPool }) => options.onQueueWorkerId(workerPool.id));
  return run({
    connectionString: options.databaseUrl,
    concurrency: 1,
    noHandleSignals: true,
    pollInterval: 1000,
    logger: queueLogger(options.logger),
    events,
    ...(options.forbiddenFlags ? { forbiddenFlags: options.forbiddenFlags } : {}),
    taskList: { [TASK_RUN_TRIAL]: runTrial, [TASK_FINAL_MODEL]: runFinalModel },
  });
}
