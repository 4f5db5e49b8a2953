// The one real training run: a small CNN on 5 000 MNIST digits must reach 95 % on the official 10 000 test images.
// About 1–2 minutes on one core with the wasm backend.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../datasets/index.js';
import { initTrainingBackend } from '../backend/training-backend.js';
import { buildModel, disposeModel } from '../model/model-builder.js';
import { defaultModelConfig, type CnnConfig } from '../model/model-config.js';
import { trainModel } from './train-model.js';

const datasetsDir = process.env.HYPERSCOPE_DATASETS_DIR || path.resolve(import.meta.dirname, '../../../../../shared/datasets');

describe('MNIST', () => {
  const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'hyperscope-mnist-training-'));
  beforeAll(async () => {
    await initTrainingBackend({ preference: 'wasm' });
  });
  afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

  it('a small CNN trained on a 5 000-image subset reaches ≥ 95 % test accuracy', { timeout: 600_000 }, async () => {
    const dataset = await loadDataset('mnist', {
      datasetsDir,
      cacheDir,
      download: false,
      validationFraction: 0.02,
      trainSubsetSize: 5_000,
      seed: 7,
    });
    expect(dataset.train.count).toBe(5_000);
    const config: CnnConfig = {
      ...(defaultModelConfig('cnn') as CnnConfig),
      filters: [16, 32],
      denseUnits: [64],
      optimizer: { name: 'adam', learningRate: 2e-3, schedule: 'cosine', decayRate: 0.9, batchSize: 32 },
    };
    const { model } = buildModel(config, dataset.description, { seed: 7 });
    const result = await trainModel({ model, config, dataset, budget: { epochs: 5 }, seed: 7 });
    disposeModel(model);
    const summary = result.epochs.map((e) => `${e.epoch}: loss ${e.loss.toFixed(3)} val ${e.valAccuracy?.toFixed(4)} ${e.samplesPerSecond.toFixed(0)}/s`);
    console.log(`MNIST 5k: test accuracy ${result.test!.accuracy} in ${result.totalSeconds.toFixed(0)} s\n${summary.join('\n')}`);
    expect(result.stopReason).toBe('completed');
    expect(result.test!.accuracy).toBeGreaterThanOrEqual(0.95);
  });
});
