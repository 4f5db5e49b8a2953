import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Runner } from 'graphile-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/support/test-database.js';
import { createLogger } from '../logging/logger.js';
import { runQueueWorker, TrialQueue, type RunTrialPayload } from './trial-queue.js';

describe('TrialQueue', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let queue: TrialQueue;
  let client: pg.Client;

  beforeAll(async () => {
    database = await createTestDatabase();
    queue = await TrialQueue.connect(database.url);
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
    await queue?.close();
    await database?.drop();
  });

  /** Every trial job in this test's database, keyed or not (graphile-worker clears the key of a job it replaces). */
  const trialJobs = async () =>
    (
      await client.query<{ key: string | null; locked: boolean }>(
        `SELECT key, locked_at IS NOT NULL AS locked FROM graphile_worker.jobs WHERE task_identifier = 'run-trial' ORDER BY id`,
      )
    ).rows;

  it('keeps one job per slot, whether that job is waiting or running', async () => {
    const studyId = randomUUID();
    await queue.enqueueTrials(studyId, 0, 2);
    await queue.enqueueTrials(studyId, 0, 2);
    expect(await trialJobs()).toEqual([
      { key: `trial:${studyId}:0`, locked: false },
      { key: `trial:${studyId}:1`, locked: false },
    ]);

    // A worker takes slot 0 and holds it; queuing slot 0 again (a re-run of the slot before it) must not add a
    // second job that would start another trial for the same slot.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let started!: (payload: RunTrialPayload) => void;
    const running = new Promise<RunTrialPayload>((resolve) => (started = resolve));
    const runner: Runner = await runQueueWorker({
      databaseUrl: database.url,
      logger: createLogger('trial-queue-test', 'fatal'),
      onQueueWorkerId: () => undefined,
      runTrial: async (payload) => {
        started(payload);
        await held;
      },
      runFinalModel: async () => undefined,
    });
    try {
      const first = await running;
      await queue.enqueueTrials(studyId, first.slot, first.slot + 1);
      const jobs = await trialJobs();
      expect(jobs).toHaveLength(2);
      expect(jobs.find((job) => job.key === `trial:${studyId}:${first.slot}`)).toEqual({ key: `trial:${studyId}:${first.slot}`, locked: true });
    } finally {
      release();
      await runner.stop();
    }
  });
});
