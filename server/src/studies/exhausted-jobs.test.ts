import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/support/test-database.js';
import { createLogger } from '../logging/logger.js';
import { createPrismaClient } from '../persistence/database.js';
import type { PrismaClient } from '../persistence/generated/prisma/client.js';
import { failStudiesOfExhaustedJobs } from './exhausted-jobs.js';
import { TrialQueue } from './trial-queue.js';

describe('failStudiesOfExhaustedJobs', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let prisma: PrismaClient;
  let queue: TrialQueue;
  const logger = createLogger('exhausted-jobs-test', 'fatal');

  beforeAll(async () => {
    database = await createTestDatabase();
    prisma = createPrismaClient(database.url);
    queue = await TrialQueue.connect(database.url);
  });
  afterAll(async () => {
    await queue?.close();
    await prisma?.$disconnect();
    await database?.drop();
  });

  const runningStudy = (name: string) =>
    prisma.study.create({ data: { name, directions: ['maximize'], dataset: 'mnist', mode: 'SIMPLE', config: {}, state: 'RUNNING' } });
  /** What graphile-worker leaves after a job's worker died or stopped mid-job on each of `tries` tries. */
  const triedAndFailed = (key: string, tries: string, lastError: string) =>
    prisma.$executeRawUnsafe(
      `UPDATE graphile_worker._private_jobs SET attempts = ${tries}, last_error = $2 WHERE key = $1`,
      key,
      lastError,
    );
  const jobKeys = async () =>
    (await prisma.$queryRaw<{ key: string }[]>`SELECT key FROM graphile_worker.jobs ORDER BY key`).map((row) => row.key);

  it('fails the study of a job out of tries, says which job and why, and drops its other jobs', async () => {
    const stuck = await runningStudy('stuck');
    const healthy = await runningStudy('healthy');
    await queue.enqueueTrials(stuck.id, 0, 2);
    await queue.enqueueTrials(healthy.id, 0, 1);
    await triedAndFailed(`trial:${stuck.id}:1`, 'max_attempts', 'the worker shut down before the job finished');
    await triedAndFailed(`trial:${healthy.id}:0`, 'max_attempts - 1', 'the worker shut down before the job finished');

    expect(await failStudiesOfExhaustedJobs(prisma, queue, logger)).toEqual([stuck.id]);

    const failed = await prisma.study.findUniqueOrThrow({ where: { id: stuck.id } });
    expect(failed.state).toBe('FAILED');
    expect(failed.error).toMatch(/^trial slot 1 could not run: its job failed 5 times .*last error: the worker shut down/);
    expect(failed.finishedAt).not.toBeNull();
    const events = await prisma.event.findMany({ where: { studyId: stuck.id } });
    expect(events.map((event) => [event.type, event.payload])).toEqual([['STUDY_FAILED', { error: failed.error }]]);
    // The healthy study keeps its job, which has a try left.
    expect((await prisma.study.findUniqueOrThrow({ where: { id: healthy.id } })).state).toBe('RUNNING');
    expect(await jobKeys()).toEqual([`trial:${healthy.id}:0`]);

    // A sweep later finds nothing more to do.
    expect(await failStudiesOfExhaustedJobs(prisma, queue, logger)).toEqual([]);
  });

  it('fails a study whose final model is out of tries', async () => {
    const study = await runningStudy('final-model-stuck');
    await prisma.study.update({ where: { id: study.id }, data: { state: 'FINAL_MODEL' } });
    await queue.enqueueFinalModel(study.id);
    await triedAndFailed(`final-model:${study.id}`, 'max_attempts', 'killed');

    expect(await failStudiesOfExhaustedJobs(prisma, queue, logger)).toEqual([study.id]);
    const failed = await prisma.study.findUniqueOrThrow({ where: { id: study.id } });
    expect([failed.state, failed.error]).toEqual(['FAILED', 'the final model could not run: its job failed 5 times (workers crashed or stopped mid-job); last error: killed']);
  });
});
