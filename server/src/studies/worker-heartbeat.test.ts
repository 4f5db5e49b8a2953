// Heartbeats keep a worker and its running trial alive while the main thread is busy in one long training
// batch, and stop once the main thread has been silent past the stall limit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/support/test-database.js';
import { createPrismaClient } from '../persistence/database.js';
import type { PrismaClient } from '../persistence/generated/prisma/client.js';
import { startWorkerHeartbeat } from './worker-heartbeat.js';

/** Holds this thread, event loop included, as a long synchronous wasm batch does. */
const blockMainThread = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

describe('worker heartbeat thread', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let prisma: PrismaClient;
  beforeAll(async () => {
    database = await createTestDatabase();
    prisma = createPrismaClient(database.url);
  });
  afterAll(async () => {
    await prisma?.$disconnect();
    await database?.drop();
  });

  const setUp = async (workerId: string) => {
    const old = new Date(Date.now() - 60_000);
    await prisma.worker.create({ data: { id: workerId, host: 'test', pid: 1, backend: 'wasm', heartbeatAt: old } });
    const study = await prisma.study.create({ data: { name: `s-${workerId}`, directions: ['maximize'], dataset: 'mnist', mode: 'SIMPLE', config: {} } });
    const trial = await prisma.trial.create({ data: { studyId: study.id, number: 0, values: [], workerId, heartbeatAt: old } });
    const other = await prisma.trial.create({ data: { studyId: study.id, number: 1, values: [], workerId: 'someone-else', heartbeatAt: old } });
    const beats = async () => ({
      worker: (await prisma.worker.findUniqueOrThrow({ where: { id: workerId } })).heartbeatAt.getTime(),
      trial: (await prisma.trial.findUniqueOrThrow({ where: { id: trial.id } })).heartbeatAt!.getTime(),
      other: (await prisma.trial.findUniqueOrThrow({ where: { id: other.id } })).heartbeatAt!.getTime(),
    });
    return { old: old.getTime(), beats };
  };

  it('beats while the main thread is blocked, for the worker and its running trials only', async () => {
    const { old, beats } = await setUp('busy-worker');
    const errors: Error[] = [];
    const heartbeat = startWorkerHeartbeat(
      { databaseUrl: database.url, workerId: 'busy-worker', intervalMs: 100, mainThreadStallLimitMs: 10_000 },
      (error) => errors.push(error),
    );
    const blockedAt = Date.now();
    blockMainThread(1_500);
    const after = await beats();
    await heartbeat.stop();
    expect(errors).toEqual([]);
    // Written during the block, by the database clock (which this machine shares).
    expect(after.worker).toBeGreaterThan(blockedAt - 1_000);
    expect(after.trial).toBeGreaterThan(blockedAt - 1_000);
    expect(after.other).toBe(old);
  });

  it('stops beating once the main thread has been silent past the stall limit', async () => {
    const { old, beats } = await setUp('hung-worker');
    const stallLimitMs = 3_000;
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    // The main thread proves it runs once, at start, then never again within the test: a hung worker.
    const heartbeat = startWorkerHeartbeat(
      { databaseUrl: database.url, workerId: 'hung-worker', intervalMs: 100, mainThreadStallLimitMs: stallLimitMs, mainThreadTickMs: 60_000 },
      () => undefined,
    );
    const startedAt = Date.now();
    // The first beat: the thread's start-up (pg included) takes a while on a loaded machine.
    while ((await beats()).worker === old) await sleep(50);
    await sleep(stallLimitMs + 500);
    const first = await beats();
    await sleep(800);
    const second = await beats();
    await heartbeat.stop();
    expect(second.worker).toBe(first.worker);
    // The last beat came before the stall limit ran out (plus one interval), by the database clock this machine shares.
    expect(first.worker).toBeLessThan(startedAt + stallLimitMs + 1_000);
  });
});
