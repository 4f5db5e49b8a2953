// One no-op trial as a worker runs it, minus the training: the engine asks for parameters through the
// Postgres storage, the trial is told its value at once, the event log records it, and the next slot is queued.
import { appendEvent } from '../../server/src/events/append-event.js';
import { createStudy, NopPruner, RandomSampler } from '../../server/src/engine/index.js';
import type { PrismaClient } from '../../server/src/persistence/generated/prisma/client.js';
import { PostgresStudyStorage } from '../../server/src/persistence/postgres-study-storage.js';
import type { TrialQueue } from '../../server/src/studies/trial-queue.js';

export interface NoopStudy {
  studyId: string;
  studyName: string;
  trials: number;
  parallelism: number;
}

/** `storage` is one per process, as a worker keeps it. */
export async function runNoopTrial(
  prisma: PrismaClient,
  storage: PostgresStudyStorage,
  queue: TrialQueue | null,
  study: NoopStudy,
  slot: number,
): Promise<void> {
  const engineStudy = await createStudy({
    studyName: study.studyName,
    storage,
    sampler: new RandomSampler({ seed: slot }),
    pruner: new NopPruner(),
    directions: ['maximize'],
    loadIfExists: true,
  });
  const trial = await engineStudy.ask();
  const x = await trial.suggestFloat('x', 0, 1);
  await engineStudy.tell(trial, x);
  await appendEvent(prisma, { studyId: study.studyId, type: 'TRIAL_COMPLETED', payload: { trialNumber: trial.number, values: [x] } });
  const next = slot + study.parallelism;
  if (queue && next < study.trials) await queue.enqueueTrials(study.studyId, next, next + 1);
}
