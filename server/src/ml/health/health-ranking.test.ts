// The health metrics rank networks that are broken on purpose below a healthy one trained the same way.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initTrainingBackend } from '../backend/training-backend.js';
import { buildModel, disposeModel } from '../model/model-builder.js';
import type { CnnConfig } from '../model/model-config.js';
import { halvesDataset, smallCnn } from '../trainer/halves-dataset.js';
import { trainModel } from '../trainer/train-model.js';
import { computeHealth, type HealthReport } from './health-report.js';

/** Initial weights are seeded so the ranking is checked on the same networks every run. */
const SEED = 11;
const plainRelu: CnnConfig = { ...smallCnn, filters: [8], denseUnits: [16], batchNormalization: false, activation: 'relu' };

async function trainAndScore(config: CnnConfig, prepare?: (model: tf.LayersModel) => void): Promise<HealthReport> {
  const built = buildModel(config, halvesDataset.description, { seed: SEED });
  prepare?.(built.model);
  const training = await trainModel({ model: built.model, config, dataset: halvesDataset, budget: { epochs: 3 }, seed: 3 });
  disposeModel(built.model);
  return computeHealth({ training, parameterCount: built.parameterCount, classes: 2 });
}

describe('health metrics on constructed networks', () => {
  let healthy: HealthReport;
  beforeAll(async () => {
    await initTrainingBackend({ preference: 'wasm' });
    healthy = await trainAndScore(plainRelu);
  });

  it('a healthy small CNN scores high on stability and gradients, and most of its units are alive', () => {
    // 8 filters and 16 dense units on a trivial task: several idle ReLUs are normal (0.5–0.8 over seeds 1–8).
    expect(healthy.neuronUtilization).toBeGreaterThanOrEqual(0.5);
    expect(healthy.trainingStability).toBeGreaterThan(0.7);
    expect(healthy.gradientHealth).toBeGreaterThan(0.7);
    expect(healthy.parameterEfficiency).toBeGreaterThan(0.9);
  });

  it('ReLUs forced dead (biases −100) score low neuron utilization', async () => {
    const dead = await trainAndScore(plainRelu, (model) => {
      for (const name of ['conv1', 'dense1']) {
        const bias = model.getLayer(name).getWeights()[1]!;
        model.getLayer(name).setWeights([model.getLayer(name).getWeights()[0]!, tf.fill(bias.shape, -100)]);
      }
    });
    expect(dead.neuronUtilization).toBeLessThan(0.1);
    expect(dead.neuronUtilization).toBeLessThan(healthy.neuronUtilization - 0.4);
    expect(dead.details.deadFractionPerLayer).toEqual({ conv1: 1, dense1: 1 });
    expect(dead.composite).toBeLessThan(healthy.composite);
  });

  // Over seeds 1–8: stability ≤ 0.013, gradient health ≤ 0.17 (healthy: ≥ 0.75 and 1).
  it('an exploding learning rate scores low training stability and gradient health', async () => {
    const exploding = await trainAndScore({ ...plainRelu, optimizer: { ...plainRelu.optimizer, name: 'sgd-momentum', learningRate: 9 } });
    expect(exploding.trainingStability).toBeLessThan(0.3);
    expect(exploding.gradientHealth).toBeLessThan(0.3);
    expect(exploding.trainingStability).toBeLessThan(healthy.trainingStability);
    expect(exploding.gradientHealth).toBeLessThan(healthy.gradientHealth);
    expect(exploding.composite).toBeLessThan(healthy.composite);
  });
});
