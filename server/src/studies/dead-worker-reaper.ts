// Finds workers that stopped heartbeating (killed, machine gone) and frees the jobs they held, so that live
// workers run those trials again; the engine fails the dead trial and retries its parameters.
import { appendEvent } from '../events/append-event.js';
import type { Logger } from '../logging/logger.js';
import type { PrismaClient } from '../persistence/generated/prisma/client.js';
import type { TrialQueue } from './trial-queue.js';
import { WORKER_TIMEOUT_SECONDS } from './training-worker.js';

const SWEEP_SECONDS = 5;

export function startDeadWorkerReaper(prisma: PrismaClient, queue: TrialQueue, logger: Logger): () => void {
  const sweep = async () => {
    const dead = await prisma.$queryRaw<{ id: string }[]>`
      UPDATE "Worker" SET "stoppedAt" = now()
      WHERE "stoppedAt" IS NULL AND "heartbeatAt" < now() - make_interval(secs => ${WORKER_TIMEOUT_SECONDS})
      RETURNING id`;
    if (dead.length === 0) return;
    const ids = dead.map((w) => w.id);
    await queue.releaseJobsOf(ids);
    for (const workerId of ids) await appendEvent(prisma, { studyId: null, type: 'WORKER_LEFT', payload: { workerId, reason: 'no heartbeat' } });
    logger.warn({ workers: ids }, 'workers stopped heartbeating; their jobs go back to the queue');
  };
  const timer = setInterval(() => sweep().catch((error: unknown) => logger.error({ err: error }, 'dead-worker sweep failed')), SWEEP_SECONDS * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
