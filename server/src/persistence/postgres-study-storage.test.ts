import { spawn } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/support/test-database.js';
import { floatDistribution } from '../engine/distributions.js';
import { DuplicateStudyError, TrialNotRunningError, TrialNotWaitingError } from '../engine/storage-errors.js';
import { createDatabaseClients } from './database.js';
import type { PrismaClient } from './generated/prisma/client.js';
import { PostgresStudyStorage } from './postgres-study-storage.js';

describe('PostgresStudyStorage', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let prisma: PrismaClient;
  let pool: pg.Pool;
  let storage: PostgresStudyStorage;

  beforeAll(async () => {
    database = await createTestDatabase();
    ({ prisma, pool } = createDatabaseClients(database.url));
    storage = new PostgresStudyStorage(pool);
  });
  afterAll(async () => {
    await prisma?.$disconnect();
    await database?.drop();
  });

  it('refuses a second study with the same name', async () => {
    await storage.createStudy({ studyName: 'twice', directions: ['maximize'] });
    await expect(storage.createStudy({ studyName: 'twice', directions: ['maximize'] })).rejects.toBeInstanceOf(
      DuplicateStudyError,
    );
  });

  it('round-trips a trial: params, distributions, reports, attributes, outcome', async () => {
    const study = await storage.createStudy({ studyName: 'round-trip', directions: ['maximize', 'maximize'] });
    const trial = await storage.createTrial(study.id, { workerId: 'w1', systemAttrs: { fixed: true } });
    expect(trial).toMatchObject({ number: 0, state: 'RUNNING', workerId: 'w1', systemAttrs: { fixed: true } });
    const distribution = floatDistribution(1e-4, 1e-1, { log: true });
    await storage.setTrialParam(trial.id, 'learningRate', 0.003, distribution);
    await storage.setTrialParam(trial.id, 'optimizer', 'adam', { type: 'categorical', choices: ['adam', 'sgd'] });
    await storage.setTrialIntermediateValue(trial.id, 2, 0.5);
    await storage.setTrialIntermediateValue(trial.id, 1, 0.4);
    await storage.setTrialIntermediateValue(trial.id, 2, 0.6);
    await storage.setTrialUserAttr(trial.id, 'note', { layers: [1, 2] });
    const finished = await storage.finishTrial(trial.id, { state: 'COMPLETE', values: [0.97, 0.81] });

    expect(finished).toMatchObject({
      state: 'COMPLETE',
      values: [0.97, 0.81],
      params: { learningRate: 0.003, optimizer: 'adam' },
      distributions: { learningRate: distribution },
      intermediateValues: [{ step: 1, value: 0.4 }, { step: 2, value: 0.6 }],
      userAttrs: { note: { layers: [1, 2] } },
    });
    expect(finished.finishedAt).toBeGreaterThanOrEqual(finished.startedAt);
    // The storage reads timestamps as epoch milliseconds in SQL; the rest of the product reads them through Prisma.
    const row = await prisma.trial.findUniqueOrThrow({ where: { id: trial.id } });
    expect([finished.startedAt, finished.heartbeatAt, finished.finishedAt]).toEqual([
      row.startedAt.getTime(),
      row.heartbeatAt!.getTime(),
      row.finishedAt!.getTime(),
    ]);
    expect(trial.startedAt).toBe(row.startedAt.getTime());
  });

  it('reads each finished trial once, and running or newer trials on every read', async () => {
    const study = await storage.createStudy({ studyName: 'cached-reads', directions: ['maximize'] });
    const first = await storage.createTrial(study.id);
    await storage.finishTrial(first.id, { state: 'COMPLETE', values: [0.5] });
    const second = await storage.createTrial(study.id);
    const third = await storage.createTrial(study.id);
    await storage.finishTrial(third.id, { state: 'FAILED', error: 'boom' });
    expect((await storage.getTrials(study.id)).map((t) => [t.number, t.state])).toEqual([[0, 'COMPLETE'], [1, 'RUNNING'], [2, 'FAILED']]);

    // Rewritten behind the storage's back: the finished trial below the running one is served as first read;
    // the running trial and those after it are read again.
    await prisma.$executeRaw`UPDATE "Trial" SET "values" = '{0.9}' WHERE id = ${first.id}::uuid`;
    await storage.setTrialIntermediateValue(second.id, 1, 0.7);
    await storage.finishTrial(second.id, { state: 'COMPLETE', values: [0.8] });
    const fourth = await storage.createTrial(study.id);
    const read = await storage.getTrials(study.id);
    expect(read.map((t) => [t.number, t.state, t.values])).toEqual([
      [0, 'COMPLETE', [0.5]],
      [1, 'COMPLETE', [0.8]],
      [2, 'FAILED', null],
      [3, 'RUNNING', null],
    ]);
    expect(read[1]!.intermediateValues).toEqual([{ step: 1, value: 0.7 }]);
    expect((await storage.getTrials(study.id, ['COMPLETE'])).map((t) => t.number)).toEqual([0, 1]);
    // A fresh instance reads everything from the database.
    expect((await new PostgresStudyStorage(pool).getTrials(study.id)).map((t) => t.values)).toEqual([[0.9], [0.8], null, null]);
    await storage.finishTrial(fourth.id, { state: 'PRUNED' });
    expect((await storage.getTrials(study.id)).map((t) => t.state)).toEqual(['COMPLETE', 'COMPLETE', 'FAILED', 'PRUNED']);
  });

  it('lets storages on one connection use their prepared statements in any order', async () => {
    const single = new pg.Pool({ connectionString: database.url, max: 1 });
    try {
      const writer = new PostgresStudyStorage(single);
      const reader = new PostgresStudyStorage(single);
      const study = await writer.createStudy({ studyName: 'one-connection', directions: ['minimize'] });
      expect(await reader.findStudy('one-connection')).toEqual(study);
      const trial = await reader.createTrial(study.id);
      expect((await writer.getTrials(study.id)).map((t) => t.id)).toEqual([trial.id]);
    } finally {
      await single.end();
    }
  });

  it('reads back non-finite reports (a diverged loss) as numbers', async () => {
    const study = await storage.createStudy({ studyName: 'diverged', directions: ['minimize'] });
    const trial = await storage.createTrial(study.id);
    await storage.setTrialIntermediateValue(trial.id, 1, 2.5);
    await storage.setTrialIntermediateValue(trial.id, 2, Number.NaN);
    await storage.setTrialIntermediateValue(trial.id, 3, Number.POSITIVE_INFINITY);
    expect((await storage.getTrial(trial.id)).intermediateValues).toEqual([
      { step: 1, value: 2.5 },
      { step: 2, value: Number.NaN },
      { step: 3, value: Number.POSITIVE_INFINITY },
    ]);
    const pruned = await storage.finishTrial(trial.id, { state: 'PRUNED', values: [Number.POSITIVE_INFINITY] });
    expect(pruned).toMatchObject({ state: 'PRUNED', values: [Number.POSITIVE_INFINITY] });
    expect(pruned.intermediateValues).toHaveLength(3);
  });

  it('never changes a finished trial', async () => {
    const study = await storage.createStudy({ studyName: 'finished', directions: ['minimize'] });
    const trial = await storage.createTrial(study.id);
    await storage.finishTrial(trial.id, { state: 'PRUNED' });
    await expect(storage.finishTrial(trial.id, { state: 'COMPLETE', values: [1] })).rejects.toBeInstanceOf(TrialNotRunningError);
    await expect(storage.setTrialIntermediateValue(trial.id, 3, 1)).rejects.toBeInstanceOf(TrialNotRunningError);
    await expect(storage.recordHeartbeat(trial.id)).rejects.toBeInstanceOf(TrialNotRunningError);
    expect((await storage.getTrial(trial.id)).state).toBe('PRUNED');
  });

  it('numbers concurrently created trials 0..n-1 without gaps or duplicates', async () => {
    const study = await storage.createStudy({ studyName: 'concurrent', directions: ['minimize'] });
    const trials = await Promise.all(Array.from({ length: 40 }, () => storage.createTrial(study.id)));
    expect(trials.map((t) => t.number).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i));
  });

  it('fails each stale RUNNING trial exactly once and keeps fresh ones running', async () => {
    const study = await storage.createStudy({ studyName: 'stale', directions: ['minimize'] });
    const stale = await storage.createTrial(study.id);
    const fresh = await storage.createTrial(study.id);
    await prisma.$executeRaw`UPDATE "Trial" SET "heartbeatAt" = now() - interval '1 minute' WHERE id = ${stale.id}::uuid`;
    const claims = await Promise.all([
      storage.failStaleTrials(study.id, 30_000),
      storage.failStaleTrials(study.id, 30_000),
    ]);
    expect(claims.flat().map((t) => t.id)).toEqual([stale.id]);
    expect((await storage.getTrial(stale.id)).state).toBe('FAILED');
    expect((await storage.getTrial(fresh.id)).state).toBe('RUNNING');
  });

  it('keeps a WAITING trial out of heartbeats and the finished cache, and starts it for exactly one worker', async () => {
    const study = await storage.createStudy({ studyName: 'waiting', directions: ['minimize'] });
    const waiting = await storage.createTrial(study.id, { waiting: true, workerId: 'ignored' });
    expect(waiting).toMatchObject({ state: 'WAITING', workerId: null, heartbeatAt: null });
    await storage.setTrialParam(waiting.id, 'x', 0.25, floatDistribution(0, 1));
    await storage.setTrialSystemAttr(waiting.id, 'slot', 3);
    // Waiting for an hour is not a dead worker.
    await prisma.$executeRaw`UPDATE "Trial" SET "startedAt" = now() - interval '1 hour' WHERE id = ${waiting.id}::uuid`;
    expect(await storage.failStaleTrials(study.id, 30_000)).toEqual([]);
    const finished = await storage.createTrial(study.id);
    await storage.finishTrial(finished.id, { state: 'COMPLETE', values: [1] });
    expect((await storage.getTrials(study.id)).map((t) => t.state)).toEqual(['WAITING', 'COMPLETE']);

    const otherWorker = new PostgresStudyStorage(pool);
    const starts = await Promise.allSettled([storage.startTrial(waiting.id, 'w1'), otherWorker.startTrial(waiting.id, 'w2')]);
    expect(starts.filter((s) => s.status === 'fulfilled')).toHaveLength(1);
    const refused = starts.find((s) => s.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(TrialNotWaitingError);
    const started = await storage.getTrial(waiting.id);
    expect(started).toMatchObject({ state: 'RUNNING', params: { x: 0.25 }, systemAttrs: { slot: 3 } });
    expect(started.heartbeatAt).not.toBeNull();
    expect(Date.now() - started.startedAt).toBeLessThan(60_000);
    // Read again, not from a cache that kept it WAITING.
    expect((await storage.getTrials(study.id)).map((t) => t.state)).toEqual(['RUNNING', 'COMPLETE']);
  });

  it('lets two OS processes run 200 trials of one study with none lost or duplicated', async () => {
    const studyName = 'two-processes';
    await storage.createStudy({ studyName, directions: ['minimize'] });
    const script = path.resolve(import.meta.dirname, '../../test/fixtures/optimize-shared-study.ts');
    const run = (workerId: string) =>
      new Promise<void>((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', 'tsx', script, database.url, studyName, '100', workerId], {
          cwd: path.resolve(import.meta.dirname, '../..'),
          stdio: ['ignore', 'inherit', 'pipe'],
        });
        let stderr = '';
        child.stderr.on('data', (chunk) => (stderr += chunk));
        child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${workerId} exited ${code}: ${stderr}`))));
      });
    await Promise.all([run('worker-a'), run('worker-b')]);

    const study = await storage.findStudy(studyName);
    const trials = await storage.getTrials(study!.id);
    expect(trials.map((t) => t.number)).toEqual(Array.from({ length: 200 }, (_, i) => i));
    expect(trials.every((t) => t.state === 'COMPLETE' && t.values?.length === 1)).toBe(true);
    expect(new Set(trials.map((t) => t.workerId))).toEqual(new Set(['worker-a', 'worker-b']));
  });
});
