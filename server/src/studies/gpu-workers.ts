// Whether a CPU worker should leave the heavier trials (`HEAVY_TRIAL_FLAG`) to GPU workers: only while a GPU worker
// is alive, so that a study asking for it still runs every trial when no GPU worker is there, or when it dies.
import { trainsOnGpu } from '../ml/backend/training-backend.js';
import type { PrismaClient } from '../persistence/generated/prisma/client.js';
import { HEAVY_TRIAL_FLAG } from './slot-queueing.js';

/** How long one look at the Worker table is trusted: the queue asks before every job it fetches. */
const GPU_WORKERS_RECHECK_MS = 5_000;

export interface HeavyTrialGateOptions {
  /** This worker's backend and device, as it registered them. */
  backend: string;
  device: string | null;
  /** A worker whose heartbeat is older than this is not counted as alive. */
  aliveWithinSeconds: number;
}

/** The flags this worker refuses right now: none on a GPU, the heavy-trial flag on a CPU while a GPU worker lives. */
export function heavyTrialGate(prisma: PrismaClient, options: HeavyTrialGateOptions): () => Promise<string[]> {
  if (trainsOnGpu(options.backend, options.device)) return async () => [];
  let checkedAt = -Infinity;
  let refused: string[] = [];
  return async () => {
    if (Date.now() - checkedAt < GPU_WORKERS_RECHECK_MS) return refused;
    const alive = await prisma.$queryRaw<{ backend: string; device: string | null }[]>`
      SELECT backend, device FROM "Worker"
      WHERE "stoppedAt" IS NULL AND "heartbeatAt" > now() - make_interval(secs => ${options.aliveWithinSeconds})`;
    refused = alive.some((worker) => trainsOnGpu(worker.backend, worker.device)) ? [HEAVY_TRIAL_FLAG] : [];
    checkedAt = Date.now();
    return refused;
  };
}
