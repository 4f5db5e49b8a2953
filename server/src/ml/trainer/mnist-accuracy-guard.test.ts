// Issue #8's accuracy guard: speed work (kernels, fused layers, backends) must not cost accuracy. The reference CNN
// trains 3 epochs on the full MNIST training set on the default backend and must reach ≥ 98 % on the official
// 10 000 test images. The longest test: about 10–15 minutes on one core of the 2-core CI machine.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initTrainingBackend, type TrainingBackendInfo } from '../backend/training-backend.js';
import { loadDataset } from '../datasets/index.js';
import { buildModel, disposeModel } from '../model/model-builder.js';
import { REFERENCE_CNN } from '../model/reference-models.js';
import { trainModel } from './train-model.js';

const datasetsDir = process.env.HYPERSCOPE_DATASETS_DIR || path.resolve(import.meta.dirname, '../../../../../shared/datasets');

describe('accuracy guard', () => {
  const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'hyperscope-accuracy-guard-'));
  let backend: TrainingBackendInfo;
  beforeAll(async () => {
    // The default: what a worker picks with HYPERSCOPE_BACKEND unset.
    backend = await initTrainingBackend({ preference: 'auto' });
  });
  afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

  it('the reference CNN reaches ≥ 98 % MNIST test accuracy in 3 epochs on the default backend', { timeout: 40 * 60_000 }, async () => {
    const dataset = await loadDataset('mnist', { datasetsDir, cacheDir, download: false, validationFraction: 0.02, seed: 1 });
    expect(dataset.train.count).toBeGreaterThanOrEqual(58_000);
    expect(dataset.test.count).toBe(10_000);
    const config = structuredClone(REFERENCE_CNN);
    const { model } = buildModel(config, dataset.description, { seed: 1 });
    const result = await trainModel({ model, config, dataset, budget: { epochs: 3 }, seed: 1 });
    disposeModel(model);
    const epochs = result.epochs.map((e) => `${e.epoch}: loss ${e.loss.toFixed(4)} val ${e.valAccuracy?.toFixed(4)} ${e.samplesPerSecond.toFixed(0)} samples/s`);
    console.log(`reference CNN on ${backend.name}: MNIST test accuracy ${result.test!.accuracy} in ${result.totalSeconds.toFixed(0)} s\n${epochs.join('\n')}`);
    expect(result.stopReason).toBe('completed');
    expect(result.epochs).toHaveLength(3);
    expect(result.test!.accuracy).toBeGreaterThanOrEqual(0.98);
  });
});
