// A worker: one process that trains trials from the queue, on this machine or any other that reaches the
// database. It registers itself with its TF.js backend, heartbeats, and leaves cleanly when stopped.
import os from 'node:os';
import { appendEvent } from '../events/append-event.js';
import type { Logger } from '../logging/logger.js';
import { initTrainingBackend, type BackendName } from '../ml/backend/training-backend.js';
import { GradientReplicas, REPLICA_BACKENDS } from '../ml/trainer/data-parallel/gradient-replicas.js';
import type { DatabaseClients } from '../persistence/database.js';
import { PostgresStudyStorage } from '../persistence/postgres-study-storage.js';
import { DatasetCache } from './dataset-cache.js';
import { heavyTrialGate } from './gpu-workers.js';
import { runFinalModel } from './final-model-runner.js';
import { runQueueWorker, TrialQueue } from './trial-queue.js';
import { runTrialSlot } from './trial-runner.js';
import { startWorkerHeartbeat } from './worker-heartbeat.js';

/** Seconds between a worker's heartbeats; the reaper declares a worker dead after WORKER_TIMEOUT_SECONDS. */
export const WORKER_HEARTBEAT_SECONDS = 5;
export const WORKER_TIMEOUT_SECONDS = 30;
/** A main thread silent this long is hung, not busy: no batch takes minutes, so its heartbeats stop. */
const MAIN_THREAD_STALL_LIMIT_MS = 5 * 60_000;

export interface TrainingWorkerOptions {
  database: DatabaseClients;
  databaseUrl: string;
  logger: Logger;
  datasetsDir?: string;
  cacheDir?: string;
  resultsDir: string;
  /** Above 1: data-parallel training with this many threads, on the CPU backends (ServerSettings.trainingThreads). */
  trainingThreads: number;
}

export interface RunningTrainingWorker {
  id: string;
  backend: string;
  /** Lets the job in hand finish its current batch, records it, and leaves. */
  stop(): Promise<void>;
}

export async function startTrainingWorker(options: TrainingWorkerOptions): Promise<RunningTrainingWorker> {
  const { logger } = options;
  const { prisma, pool } = options.database;
  const backend = await initTrainingBackend({ logger });
  const replicas = await startReplicas(options.trainingThreads, backend.name, logger);
  const queue = await TrialQueue.connect(options.databaseUrl, logger);
  const context = {
    prisma,
    studyStorage: new PostgresStudyStorage(pool),
    queue,
    // The queue's own id for this worker, so that jobs of a dead worker can be released by it.
    workerId: '',
    logger,
    resultsDir: options.resultsDir,
    datasets: new DatasetCache({ datasetsDir: options.datasetsDir, cacheDir: options.cacheDir }),
    ...(replicas ? { replicas } : {}),
  };
  const runner = await runQueueWorker({
    databaseUrl: options.databaseUrl,
    logger,
    onQueueWorkerId: (queueWorkerId) => {
      context.workerId = queueWorkerId;
      context.logger = logger.child({ worker: queueWorkerId });
    },
    runTrial: (payload, signal) => runTrialSlot(context, payload, signal),
    forbiddenFlags: heavyTrialGate(prisma, { backend: backend.name, device: backend.device, aliveWithinSeconds: WORKER_TIMEOUT_SECONDS }),
    runFinalModel: (payload, signal) => runFinalModel(context, payload, signal),
  });
  const id = context.workerId;
  await prisma.worker.create({ data: { id, host: os.hostname(), pid: process.pid, backend: backend.name, device: backend.device } });
  await appendEvent(prisma, { studyId: null, type: 'WORKER_JOINED', payload: { workerId: id, backend: backend.name, device: backend.device } });
  // From a thread of its own: a long training batch holds this thread's event loop (see worker-heartbeat.ts).
  const heartbeat = startWorkerHeartbeat(
    { databaseUrl: options.databaseUrl, workerId: id, intervalMs: WORKER_HEARTBEAT_SECONDS * 1000, mainThreadStallLimitMs: MAIN_THREAD_STALL_LIMIT_MS },
    (error) => logger.warn({ err: error }, 'worker heartbeat failed'),
  );
  logger.info({ worker: id, backend: backend.name, trainingThreads: 1 + (replicas?.size ?? 0) }, 'training worker started');

  return {
    id,
    backend: backend.name,
    async stop() {
      await runner.stop();
      await replicas?.close();
      await heartbeat.stop();
      // A job cut short during shutdown goes straight back to the queue for the next worker.
      await queue.releaseJobsOf([id]);
      await queue.close();
      await prisma.worker.update({ where: { id }, data: { stoppedAt: new Date() } });
      await appendEvent(prisma, { studyId: null, type: 'WORKER_LEFT', payload: { workerId: id } });
    },
  };
}

/** The gradient replicas of a worker that trains on more than one thread; none on a GPU backend, which says so. */
async function startReplicas(threads: number, backend: BackendName, logger: Logger): Promise<GradientReplicas | undefined> {
  if (threads <= 1) return undefined;
  if (!REPLICA_BACKENDS.includes(backend)) {
    logger.warn({ backend, trainingThreads: threads }, `training threads apply to the CPU backends (${REPLICA_BACKENDS.join(', ')}); this worker trains on ${backend} with one`);
    return undefined;
  }
  return GradientReplicas.start(threads - 1, backend);
}
