// A study as a user runs it: started through the study service, trained by separate worker processes that take
// trials from the Postgres queue, finished with the final model — including a worker killed mid-trial.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import { PNG } from 'pngjs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { downloadRouter } from '../src/api/downloads/download-routes.js';
import { createLogger } from '../src/logging/logger.js';
import { initTrainingBackend } from '../src/ml/backend/training-backend.js';
import { loadModelFromZip } from '../src/ml/model/model-archive.js';
import { SHARED_DATASETS_DIR } from '../src/ml/datasets/test-datasets-dir.js';
import { createDatabaseClients, type DatabaseClients } from '../src/persistence/database.js';
import type { Artifact, PrismaClient } from '../src/persistence/generated/prisma/client.js';
import { startDeadWorkerReaper } from '../src/studies/dead-worker-reaper.js';
import type { OptimizationInput } from '../src/studies/optimization-input.js';
import { StudyService } from '../src/studies/study-service.js';
import { TrialQueue } from '../src/studies/trial-queue.js';
import { createTestDatabase } from './support/test-database.js';

const serverRoot = path.resolve(import.meta.dirname, '..');

/** A small CNN on a few hundred MNIST digits: seconds per trial on one core. */
const smallMnistStudy: Omit<OptimizationInput, 'name' | 'trials'> = {
  dataset: 'mnist',
  mode: 'HEALTH_AWARE',
  parallelism: 2,
  epochs: 2,
  trainSubsetSize: 600,
  finalModelEpochs: 2,
  finalModelTrainSubsetSize: 2000,
  seed: 7,
  // A space where every sample learns within this budget, so the final model's accuracy means something.
  searchSpace: [
    { name: 'optimizer', mode: 'FIXED', value: 'adam' },
    { name: 'learningRate', mode: 'RANGE', low: 0.001, high: 0.01 },
    // Batches of 128 give the final model 32 steps on 2 000 images: too few at a low learning rate (45 % seen in CI).
    { name: 'batchSize', mode: 'FIXED', value: 32 },
    { name: 'activation', mode: 'RANGE', choices: ['relu', 'elu'] },
    { name: 'convBlocks', mode: 'FIXED', value: 1 },
    { name: 'filtersBlock1', mode: 'RANGE', choices: [16, 32] },
    // Global pooling of one small conv block into the output learns too slowly for this budget.
    { name: 'featureHead', mode: 'FIXED', value: 'flatten' },
    { name: 'denseLayers', mode: 'FIXED', value: 0 },
    { name: 'batchNormalization', mode: 'FIXED', value: false },
  ],
};

describe('studies through the queue', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let prisma: PrismaClient;
  let clients: DatabaseClients;
  let queue: TrialQueue;
  let service: StudyService;
  let cacheDir: string;
  const workers: ChildProcess[] = [];
  const resultsDir = () => path.join(cacheDir, 'results');

  const startWorker = (...extraArgs: string[]) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', 'worker', '--database-url', database.url, '--datasets-dir', SHARED_DATASETS_DIR, '--cache-dir', cacheDir, '--results-dir', resultsDir(), ...extraArgs],
      { cwd: serverRoot, env: { ...process.env, CI: '1', HYPERSCOPE_LOG_LEVEL: 'warn' }, stdio: ['ignore', 'inherit', 'inherit'] },
    );
    workers.push(child);
    return child;
  };

  const waitForState = async (studyId: string, states: string[], timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const study = await prisma.study.findUniqueOrThrow({ where: { id: studyId } });
      if (states.includes(study.state)) return study;
      if (Date.now() > deadline) throw new Error(`study still ${study.state} after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  };

  const eventTypes = async (studyId: string) =>
    (await prisma.event.findMany({ where: { studyId }, orderBy: { sequence: 'asc' } })).map((e) => e.type);

  /** Fetches artifacts through the API's download route: the recorded bytes under the recorded content type. */
  const expectServedAsRecorded = async (artifacts: Artifact[]) => {
    expect(artifacts).toHaveLength(2);
    const app = express().use(downloadRouter(prisma, resultsDir()));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      for (const artifact of artifacts) {
        const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/downloads/artifacts/${artifact.id}`);
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toBe(artifact.contentType);
        const body = new Uint8Array(await response.arrayBuffer());
        expect(body).toEqual(new Uint8Array(await readFile(path.join(resultsDir(), artifact.path))));
        // A PNG, or a TFRecord whose first record is the 24-byte file-version event.
        expect([...body.subarray(0, 8)]).toEqual(
          artifact.kind === 'TENSORBOARD' ? [0x18, 0, 0, 0, 0, 0, 0, 0] : [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
        );
      }
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    clients = createDatabaseClients(database.url);
    prisma = clients.prisma;
    queue = await TrialQueue.connect(database.url);
    cacheDir = await mkdtemp(path.join(os.tmpdir(), 'hyperscope-cache-'));
    service = new StudyService(clients, queue, resultsDir());
  });

  afterEach(() => {
    for (const worker of workers.splice(0)) worker.kill('SIGKILL');
  });

  afterAll(async () => {
    await queue?.close();
    await prisma?.$disconnect();
    await database?.drop();
    await rm(cacheDir, { recursive: true, force: true });
  });

  it('runs a 4-trial MNIST study on two worker processes and trains the final model', async () => {
    startWorker();
    // The other trains data-parallel: part of every batch in a gradient replica thread.
    startWorker('--training-threads', '2');
    const study = await service.startStudy({ ...smallMnistStudy, name: 'mnist-two-workers', trials: 4 });
    await waitForState(study.id, ['COMPLETE', 'FAILED'], 400_000);

    const finished = await prisma.study.findUniqueOrThrow({ where: { id: study.id } });
    expect(finished.state).toBe('COMPLETE');
    const trials = await prisma.trial.findMany({ where: { studyId: study.id }, include: { health: true, architecture: true, epochs: true } });
    expect(trials.map((t) => t.number).sort()).toEqual([0, 1, 2, 3]);
    expect(trials.map((t) => (t.systemAttrs as { slot: number }).slot).sort()).toEqual([0, 1, 2, 3]);
    expect(new Set(trials.map((t) => t.workerId)).size).toBe(2);
    for (const trial of trials) {
      expect(['COMPLETE', 'PRUNED']).toContain(trial.state);
      expect(trial.architecture?.parameterCount).toBeGreaterThan(0);
      expect(trial.epochs.length).toBeGreaterThan(0);
      if (trial.state === 'COMPLETE') {
        expect(trial.health?.composite).toBeGreaterThan(0);
        expect(trial.values).toHaveLength(1);
      }
    }
    expect(finished.bestTrialId).toBe(
      trials.filter((t) => t.state === 'COMPLETE').sort((a, b) => b.values[0]! - a.values[0]! || a.number - b.number)[0]!.id,
    );
    const types = await eventTypes(study.id);
    expect(types[0]).toBe('STUDY_CREATED');
    expect(types.filter((t) => t === 'TRIAL_STARTED')).toHaveLength(4);
    expect(types.filter((t) => t === 'FINAL_MODEL_EPOCH')).toHaveLength(2);
    expect(types.slice(-2)).toEqual(['FINAL_MODEL_COMPLETED', 'STUDY_COMPLETED']);

    // Every trial and the final model leave their plots, architecture diagram and TensorBoard events, on disk and
    // as artifacts the API serves with their content types.
    const artifacts = await prisma.artifact.findMany({ where: { studyId: study.id } });
    const runFolders = [...trials.map((t) => ({ folder: `trial_${t.number}`, trialId: t.id, plotKind: 'TRIAL_PLOT' })), { folder: 'final_model', trialId: finished.bestTrialId, plotKind: 'FINAL_MODEL_PLOT' }];
    for (const { folder, trialId, plotKind } of runFolders) {
      const studyFolder = path.join(resultsDir(), 'mnist-two-workers');
      const pngs = ['training_history.png', 'gradient_flow.png', 'weight_distributions.png', 'activation_progression.png', 'architecture.png'];
      expect((await readdir(path.join(studyFolder, folder))).sort(), folder).toEqual([...pngs, 'tensorboard'].sort());
      const [eventFile, ...others] = await readdir(path.join(studyFolder, folder, 'tensorboard'));
      expect(others, folder).toEqual([]);
      expect(eventFile).toMatch(/^events\.out\.tfevents\.\d{10}\..+$/);
      const runArtifacts = artifacts.filter((a) => a.path.startsWith(`mnist-two-workers/${folder}/`));
      expect(runArtifacts.map((a) => [a.path, a.kind, a.contentType, a.trialId]).sort()).toEqual(
        [
          ...pngs.map((png) => [`mnist-two-workers/${folder}/${png}`, png === 'architecture.png' ? 'ARCHITECTURE_DIAGRAM' : plotKind, 'image/png', trialId]),
          [`mnist-two-workers/${folder}/tensorboard/${eventFile}`, 'TENSORBOARD', 'application/octet-stream', trialId],
        ].sort(),
      );
      const history = PNG.sync.read(await readFile(path.join(studyFolder, folder, 'training_history.png')));
      expect(history.width).toBe(1200);
    }
    await expectServedAsRecorded(
      artifacts.filter((a) => a.path === 'mnist-two-workers/trial_0/gradient_flow.png' || a.path.startsWith('mnist-two-workers/trial_0/tensorboard/')),
    );

    // The final model is a downloadable zip that loads and classifies digits like the trained network.
    const artifact = await prisma.artifact.findFirstOrThrow({ where: { studyId: study.id, kind: 'FINAL_MODEL' } });
    expect(artifact).toMatchObject({ path: 'mnist-two-workers/final_model.zip', contentType: 'application/zip', trialId: finished.bestTrialId });
    await initTrainingBackend();
    const { model, metadata } = await loadModelFromZip(new Uint8Array(await readFile(path.join(resultsDir(), artifact.path))));
    try {
      expect(metadata.dataset.id).toBe('mnist');
      // Built with the study's fixed hyperparameters as well as the best trial's sampled ones.
      expect(metadata.config).toMatchObject({ batchNormalization: false, featureHead: 'flatten', denseUnits: [], optimizer: { batchSize: 32 } });
      expect((metadata.config as { filters: number[] }).filters).toHaveLength(1);
      expect(metadata.scores['testAccuracy']).toBeGreaterThan(0.5);
      expect(model.outputs[0]!.shape).toEqual([null, 10]);
    } finally {
      model.dispose();
    }
  }, 480_000);

  it('leaves the heavier trials to a live GPU worker, and trains them on the CPU once none is alive', async () => {
    // The GPU worker would be another machine's; workers know each other only through the Worker table, so a
    // registered, heartbeating row stands in for it. The worker process under test is a real (CPU) one.
    const standIn = await prisma.worker.create({ data: { id: 'gpu-stand-in', host: 'gpu-box', pid: 1, backend: 'tensorflow-gpu', device: 'CUDA' } });
    const beat = setInterval(() => void prisma.worker.update({ where: { id: standIn.id }, data: { heartbeatAt: new Date() } }).catch(() => undefined), 2_000);
    try {
      startWorker();
      const study = await service.startStudy({ ...smallMnistStudy, name: 'mnist-heavy-on-gpu', trials: 4, seed: 3, heavyTrialsOnGpu: true });
      // Settled: the CPU worker holds no job, and every job left is flagged heavy with its trial still WAITING.
      const jobs = async () =>
        (
          await clients.pool.query<{ slot: number; heavy: boolean; locked: boolean }>(
            `SELECT split_part(key, ':', 3)::int AS slot, flags ? 'heavy-trial' AS heavy, locked_at IS NOT NULL AS locked
             FROM graphile_worker.jobs WHERE key LIKE 'trial:' || $1 || ':%'`,
            [study.id],
          )
        ).rows;
      let waiting: { number: number; params: unknown; systemAttrs: unknown }[] = [];
      for (let settled = 0; settled < 3; ) {
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        const left = await jobs();
        waiting = await prisma.trial.findMany({ where: { studyId: study.id, state: 'WAITING' }, orderBy: { number: 'asc' } });
        const done = await prisma.trial.count({ where: { studyId: study.id, state: { in: ['COMPLETE', 'PRUNED'] } } });
        settled = left.length > 0 && left.every((job) => job.heavy && !job.locked) && done >= 1 ? settled + 1 : 0;
        expect((await prisma.study.findUniqueOrThrow({ where: { id: study.id } })).state).not.toMatch(/COMPLETE|FAILED/);
      }
      const heavySlots = (await jobs()).map((job) => job.slot).sort();
      expect(waiting.map((t) => (t.systemAttrs as { slot: number }).slot).sort()).toEqual(heavySlots);

      // The GPU worker leaves: within a few seconds the CPU worker takes the heavy trials too, with the parameters
      // chosen when they were queued.
      clearInterval(beat);
      await prisma.worker.update({ where: { id: standIn.id }, data: { stoppedAt: new Date() } });
      await waitForState(study.id, ['COMPLETE', 'FAILED'], 300_000);
      expect((await prisma.study.findUniqueOrThrow({ where: { id: study.id } })).state).toBe('COMPLETE');
      const trials = await prisma.trial.findMany({ where: { studyId: study.id }, orderBy: { number: 'asc' } });
      expect(trials.map((t) => (t.systemAttrs as { slot: number }).slot).sort()).toEqual([0, 1, 2, 3]);
      for (const trial of trials) expect(['COMPLETE', 'PRUNED']).toContain(trial.state);
      for (const before of waiting) expect(trials.find((t) => t.number === before.number)?.params).toEqual(before.params);
      expect((await eventTypes(study.id)).filter((t) => t === 'TRIAL_STARTED')).toHaveLength(4);
    } finally {
      clearInterval(beat);
    }
  }, 400_000);

  it('completes a study whose worker is killed mid-trial, retrying that trial on another worker', async () => {
    const stopReaper = startDeadWorkerReaper(prisma, queue, createLogger('reaper', 'warn'));
    try {
      const doomed = startWorker();
      const study = await service.startStudy({ ...smallMnistStudy, name: 'mnist-killed-worker', trials: 2, parallelism: 1, epochs: 3 });
      // Kill it once it has finished an epoch of the first trial, before that trial ends.
      for (let i = 0; (await eventTypes(study.id)).filter((t) => t === 'EPOCH_COMPLETED').length === 0; i++) {
        if (i > 600) throw new Error('no epoch completed in time');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      doomed.kill('SIGKILL');
      startWorker();
      await waitForState(study.id, ['COMPLETE', 'FAILED'], 300_000);

      const trials = await prisma.trial.findMany({ where: { studyId: study.id }, orderBy: { number: 'asc' } });
      expect((await prisma.study.findUniqueOrThrow({ where: { id: study.id } })).state).toBe('COMPLETE');
      const dead = trials[0]!;
      expect(dead.state).toBe('FAILED');
      expect(dead.error).toMatch(/heartbeat/);
      const retry = trials.find((t) => (t.systemAttrs as { retriedFrom?: number }).retriedFrom === dead.number);
      expect(retry?.params).toEqual(dead.params);
      expect(['COMPLETE', 'PRUNED']).toContain(retry?.state);
      const slots = trials.filter((t) => t.state !== 'FAILED').map((t) => (t.systemAttrs as { slot: number }).slot).sort();
      expect(slots).toEqual([0, 1]);
    } finally {
      stopReaper();
    }
  }, 400_000);
});
