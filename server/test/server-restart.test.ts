// A server restarted in the middle of a study picks the study up again and finishes it.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHARED_DATASETS_DIR } from '../src/ml/datasets/test-datasets-dir.js';
import { createDatabaseClients, type DatabaseClients } from '../src/persistence/database.js';
import type { PrismaClient } from '../src/persistence/generated/prisma/client.js';
import { StudyService } from '../src/studies/study-service.js';
import { TrialQueue } from '../src/studies/trial-queue.js';
import { createTestDatabase } from './support/test-database.js';

const serverRoot = path.resolve(import.meta.dirname, '..');

describe('server restart', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let prisma: PrismaClient;
  let clients: DatabaseClients;
  let queue: TrialQueue;
  let workDir: string;

  const startServer = () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: serverRoot,
      env: {
        ...process.env,
        CI: '1',
        DATABASE_URL: database.url,
        HYPERSCOPE_HOST: '127.0.0.1',
        HYPERSCOPE_PORT: '0',
        HYPERSCOPE_WORKERS: '1',
        HYPERSCOPE_LOG_LEVEL: 'warn',
        HYPERSCOPE_DATASETS_DIR: SHARED_DATASETS_DIR,
        HYPERSCOPE_RESULTS_DIR: path.join(workDir, 'results'),
        HYPERSCOPE_LOGS_DIR: path.join(workDir, 'logs'),
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    return { child, exited };
  };

  const until = async (what: string, check: () => Promise<boolean>, timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    clients = createDatabaseClients(database.url);
    prisma = clients.prisma;
    queue = await TrialQueue.connect(database.url);
    workDir = await mkdtemp(path.join(os.tmpdir(), 'hyperscope-restart-'));
  });
  afterAll(async () => {
    await queue?.close();
    await prisma?.$disconnect();
    await database?.drop();
    await rm(workDir, { recursive: true, force: true });
  });

  it('resumes a running study after SIGTERM and a new start, losing no trial slot', async () => {
    const first = startServer();
    const study = await new StudyService(clients, queue, path.join(workDir, 'results')).startStudy({
      dataset: 'mnist',
      name: 'restarted',
      mode: 'SIMPLE',
      trials: 2,
      parallelism: 1,
      epochs: 3,
      trainSubsetSize: 600,
      finalModelEpochs: 1,
      finalModelTrainSubsetSize: 500,
      searchSpace: [{ name: 'convBlocks', mode: 'FIXED', value: 1 }, { name: 'denseLayers', mode: 'FIXED', value: 0 }],
    });
    await until('the first epoch', async () => (await prisma.epochMetric.count({ where: { trial: { studyId: study.id } } })) > 0, 180_000);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect((await prisma.study.findUniqueOrThrow({ where: { id: study.id } })).state).toBe('RUNNING');

    const second = startServer();
    try {
      await until(
        'the study to finish',
        async () => ['COMPLETE', 'FAILED'].includes((await prisma.study.findUniqueOrThrow({ where: { id: study.id } })).state),
        300_000,
      );
      expect((await prisma.study.findUniqueOrThrow({ where: { id: study.id } })).state).toBe('COMPLETE');
      const trials = await prisma.trial.findMany({ where: { studyId: study.id }, orderBy: { number: 'asc' } });
      const counted = trials.filter((t) => !(t.error ?? '').startsWith('worker stopped sending heartbeats'));
      expect(counted.map((t) => (t.systemAttrs as { slot: number }).slot).sort()).toEqual([0, 1]);
      expect(trials.every((t) => t.state !== 'RUNNING')).toBe(true);
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }
  }, 600_000);
});
