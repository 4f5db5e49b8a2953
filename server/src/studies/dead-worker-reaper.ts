// Finds workers that stopped heartbeating (killed, machine gone) and frees the jobs held by workers that are
// gone, so that live workers run those trials again; the engine fails the dead trial and retries its parameters.
// A job freed this way too often runs out of tries, and its study is failed (exhausted-jobs.ts).
import { appendEvent } from '../events/append-event.js';
import type { Logger } from '../logging/logger.js';
import type { PrismaClient } from '../persistence/generated/prisma/client.js';
import { failStudiesOfExhaustedJobs } from './exhausted-jobs.js';
import type { TrialQueue } from './trial-queue.js';
import { WORKER_TIMEOUT_SECONDS } from './training-worker.js';

const SWEEP_SECONDS = 5;

/** Starts sweeping; the function it returns stops, waiting for a sweep in flight so the database can close after. */
export function startDeadWorkerReaper(prisma: PrismaClient, queue: TrialQueue, logger: Logger): () => Promise<void> {
  const sweep = async () => {
    const dead = await prisma.$queryRaw<{ id: string }[]>`
      UPDATE "Worker" SET "stoppedAt" = now()
      WHERE "stoppedAt" IS NULL AND "heartbeatAt" < now() - make_interval(secs => ${WORKER_TIMEOUT_SECONDS})
      RETURNING id`;
    for (const { id } of dead) await appendEvent(prisma, { studyId: null, type: 'WORKER_LEFT', payload: { workerId: id, reason: 'no heartbeat' } });
    // Jobs still held by a worker that is not alive: dead ones, and stopped ones whose last write did not land.
    // Only locks older than the timeout, so a worker that just started and has not registered yet keeps its job.
    const orphaned = await prisma.$queryRaw<{ lockedBy: string }[]>`
      SELECT DISTINCT j.locked_by AS "lockedBy" FROM graphile_worker.jobs j
      WHERE j.locked_by IS NOT NULL
        AND j.locked_at < now() - make_interval(secs => ${WORKER_TIMEOUT_SECONDS})
        AND NOT EXISTS (SELECT 1 FROM "Worker" w WHERE w.id = j.locked_by AND w."stoppedAt" IS NULL)`;
    if (orphaned.length > 0) {
      const ids = orphaned.map((row) => row.lockedBy);
      await queue.releaseJobsOf(ids);
      logger.warn({ workers: ids }, 'workers that are gone still held jobs; the jobs go back to the queue');
    }
    await failStudiesOfExhaustedJobs(prisma, queue, logger);
  };
  let inFlight: Promise<void> | undefined;
  const timer = setInterval(() => {
    inFlight ??= sweep()
      .catch((error: unknown) => logger.error({ err: error }, 'dead-worker sweep failed'))
      .finally(() => (inFlight = undefined));
  }, SWEEP_SECONDS * 1000);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await inFlight;
  };
}
