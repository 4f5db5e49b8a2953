// A queue job that used up its tries (its worker crashed or shut down mid-job every time) is never run again, so
// its study could not finish: the study fails instead, saying which job and why, and its other queued jobs go.
import { appendEvent } from '../events/append-event.js';
import type { Logger } from '../logging/logger.js';
import type { PrismaClient } from '../persistence/generated/prisma/client.js';
import { failWaitingTrials } from './slot-queueing.js';
import { MAX_ATTEMPTS, type ExhaustedJob, type TrialQueue } from './trial-queue.js';

/** Fails the study of every exhausted job; returns the ids of the studies it failed. */
export async function failStudiesOfExhaustedJobs(prisma: PrismaClient, queue: TrialQueue, logger: Logger): Promise<string[]> {
  const failed: string[] = [];
  for (const job of await queue.exhaustedJobs()) {
    const error = exhaustedJobError(job);
    const changed = await prisma.$transaction(async (tx) => {
      const { count } = await tx.study.updateMany({
        where: { id: job.studyId, state: { in: ['QUEUED', 'RUNNING', 'FINAL_MODEL'] } },
        data: { state: 'FAILED', finishedAt: new Date(), error },
      });
      if (count === 1) {
        await appendEvent(tx, { studyId: job.studyId, type: 'STUDY_FAILED', payload: { error } });
        await failWaitingTrials(tx, job.studyId, 'the study failed before this trial started');
      }
      return count === 1;
    });
    // Also when the study had already ended: its dead job would otherwise be reported on every sweep.
    await queue.removeStudyJobs(job.studyId);
    if (changed) {
      failed.push(job.studyId);
      logger.error({ studyId: job.studyId, slot: job.slot }, error);
    }
  }
  return failed;
}

function exhaustedJobError({ slot, lastError }: ExhaustedJob): string {
  const what = slot === null ? 'the final model' : `trial slot ${slot}`;
  return `${what} could not run: its job failed ${MAX_ATTEMPTS} times (workers crashed or stopped mid-job); last error: ${lastError ?? 'none recorded'}`;
}
