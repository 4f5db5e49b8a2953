// A study that gives GPU workers the heavier trials first, up to the queue: its slots' parameters are chosen when
// they are queued, jobs are ordered by cost, and CPU workers leave the heavier half to a live GPU worker.
import type { Runner } from 'graphile-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/support/test-database.js';
import { createLogger } from '../logging/logger.js';
import { createDatabaseClients, type DatabaseClients } from '../persistence/database.js';
import { heavyTrialGate } from './gpu-workers.js';
import type { OptimizationInput } from './optimization-input.js';
import { HEAVY_TRIAL_FLAG, TRAINING_COST_ATTR } from './slot-queueing.js';
import { StudyService } from './study-service.js';
import { runQueueWorker, TrialQueue, type RunTrialPayload } from './trial-queue.js';

const heavyFirstStudy: OptimizationInput = {
  dataset: 'mnist',
  trials: 20,
  parallelism: 6,
  seed: 11,
  heavyTrialsOnGpu: true,
  // Sizes that differ a lot in cost, so that the heavier half is plain to see.
  searchSpace: [
    { name: 'convBlocks', mode: 'FIXED', value: 1 },
    { name: 'filtersBlock1', mode: 'RANGE', choices: [16, 32, 64, 128] },
    { name: 'kernelSize', mode: 'RANGE', choices: [3, 5] },
  ],
};

describe('slots queued heaviest first', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let clients: DatabaseClients;
  let queue: TrialQueue;
  let service: StudyService;

  beforeAll(async () => {
    database = await createTestDatabase();
    clients = createDatabaseClients(database.url);
    queue = await TrialQueue.connect(database.url);
    service = new StudyService(clients, queue, '/nonexistent-results');
  });
  afterAll(async () => {
    await queue?.close();
    await clients?.prisma.$disconnect();
    await database?.drop();
  });

  const slotJobs = async (studyId: string) =>
    (
      await clients.pool.query<{ slot: number; priority: number; flags: Record<string, true> | null }>(
        `SELECT split_part(key, ':', 3)::int AS slot, priority, flags FROM graphile_worker.jobs
         WHERE task_identifier = 'run-trial' AND key LIKE 'trial:' || $1 || ':%' ORDER BY slot`,
        [studyId],
      )
    ).rows;

  it('prepares each queued slot as a WAITING trial and orders its job by the trial’s cost', async () => {
    const study = await service.startStudy({ ...heavyFirstStudy, name: 'heavy-first-prepared' });
    const trials = await clients.prisma.trial.findMany({ where: { studyId: study.id }, orderBy: { number: 'asc' } });
    expect(trials.map((t) => t.state)).toEqual(Array(6).fill('WAITING'));
    expect(trials.map((t) => (t.systemAttrs as { slot: number }).slot)).toEqual([0, 1, 2, 3, 4, 5]);
    for (const trial of trials) {
      expect(trial).toMatchObject({ workerId: null, heartbeatAt: null });
      // The sampled parameters, written before any worker saw the trial.
      expect(trial.params).toMatchObject({ filtersBlock1: expect.any(Number), kernelSize: expect.any(Number), learningRate: expect.any(Number) });
    }

    const costs = trials.map((t) => (t.systemAttrs as Record<string, number>)[TRAINING_COST_ATTR]!);
    const jobs = await slotJobs(study.id);
    expect(jobs.map((job) => job.slot)).toEqual([0, 1, 2, 3, 4, 5]);
    const median = [...costs].sort((a, b) => a - b).slice(2, 4).reduce((a, b) => a + b) / 2;
    jobs.forEach((job, slot) => {
      expect(job.priority).toBe(-Math.round(Math.log2(costs[slot]!)));
      expect(job.flags !== null && HEAVY_TRIAL_FLAG in job.flags).toBe(costs[slot]! >= median);
    });
    expect(jobs.some((job) => job.flags === null)).toBe(true);

    await service.cancelStudy(study.id);
    expect(await clients.prisma.trial.count({ where: { studyId: study.id, state: 'WAITING' } })).toBe(0);
    expect((await clients.prisma.trial.findFirstOrThrow({ where: { studyId: study.id } })).error).toMatch(/cancelled before this trial started/);
  });

  it('lets a CPU worker take only the lighter jobs while a GPU worker lives, heaviest first on the GPU', async () => {
    const study = await service.startStudy({ ...heavyFirstStudy, name: 'heavy-first-workers' });
    const jobs = await slotJobs(study.id);
    const heavy = jobs.filter((job) => job.flags !== null).map((job) => job.slot);
    const light = jobs.filter((job) => job.flags === null).map((job) => job.slot);
    const { prisma } = clients;
    const gpu = await prisma.worker.create({ data: { id: 'gpu-elsewhere', host: 'gpu-box', pid: 1, backend: 'webgpu', device: 'vulkan: NVIDIA H100 80GB HBM3' } });

    // A worker's gate says what it refuses: a GPU worker nothing, a CPU worker the heavy flag while a GPU one lives.
    const aliveWithinSeconds = 30;
    expect(await heavyTrialGate(prisma, { backend: 'webgpu', device: gpu.device, aliveWithinSeconds })()).toEqual([]);
    expect(await heavyTrialGate(prisma, { backend: 'wasm', device: null, aliveWithinSeconds })()).toEqual([HEAVY_TRIAL_FLAG]);
    // Not a GPU: webgpu on a software renderer.
    await prisma.worker.update({ where: { id: gpu.id }, data: { device: 'opengles: llvmpipe (software renderer)' } });
    expect(await heavyTrialGate(prisma, { backend: 'wasm', device: null, aliveWithinSeconds })()).toEqual([]);
    await prisma.worker.update({ where: { id: gpu.id }, data: { device: 'vulkan: NVIDIA H100 80GB HBM3' } });

    const takeAll = async (forbiddenFlags: () => Promise<string[]>, expected: number): Promise<number[]> => {
      const taken: number[] = [];
      let done!: () => void;
      const finished = new Promise<void>((resolve) => (done = resolve));
      const runner: Runner = await runQueueWorker({
        databaseUrl: database.url,
        logger: createLogger('slot-queueing-test', 'fatal'),
        onQueueWorkerId: () => undefined,
        forbiddenFlags,
        runTrial: async ({ slot }: RunTrialPayload) => {
          taken.push(slot);
          if (taken.length === expected) done();
        },
        runFinalModel: async () => undefined,
      });
      try {
        await Promise.race([finished, new Promise((resolve) => setTimeout(resolve, 20_000))]);
        // A moment more: a job the worker should have refused would show up now.
        await new Promise((resolve) => setTimeout(resolve, 1_500));
      } finally {
        await runner.stop();
      }
      return taken;
    };

    const cpuTook = await takeAll(heavyTrialGate(prisma, { backend: 'wasm', device: null, aliveWithinSeconds }), light.length);
    expect([...cpuTook].sort()).toEqual(light);
    expect((await slotJobs(study.id)).map((job) => job.slot)).toEqual(heavy);

    const gpuTook = await takeAll(heavyTrialGate(prisma, { backend: 'webgpu', device: gpu.device, aliveWithinSeconds }), heavy.length);
    const priorityOf = new Map(jobs.map((job) => [job.slot, job.priority]));
    expect([...gpuTook].sort()).toEqual(heavy);
    expect(gpuTook.map((slot) => priorityOf.get(slot))).toEqual(heavy.map((slot) => priorityOf.get(slot)!).sort((a, b) => a - b));
  });

  it('leaves every job to CPU workers when no GPU worker is alive', async () => {
    const { prisma } = clients;
    await prisma.worker.updateMany({ data: { stoppedAt: new Date() } });
    expect(await heavyTrialGate(prisma, { backend: 'wasm', device: null, aliveWithinSeconds: 30 })()).toEqual([]);
  });
});
