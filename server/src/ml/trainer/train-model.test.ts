import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initTrainingBackend } from '../backend/training-backend.js';
import { buildModel, disposeModel } from '../model/model-builder.js';
import { defaultModelConfig, type LstmConfig } from '../model/model-config.js';
import { halvesDataset, sevensDataset, smallCnn } from './halves-dataset.js';
import { trainModel } from './train-model.js';

describe('trainModel', () => {
  beforeAll(async () => {
    await initTrainingBackend({ preference: 'wasm' });
  });

  it('learns a separable task and reports every epoch with metrics and per-layer diagnostics', async () => {
    const { model } = buildModel(smallCnn, halvesDataset.description, { seed: 1 });
    const reported: number[] = [];
    const result = await trainModel({
      model,
      config: smallCnn,
      dataset: halvesDataset,
      budget: { epochs: 4, trainSubsetSize: 200 },
      onEpochEnd: (m) => (reported.push(m.epoch), 'continue'),
    });
    expect(result.stopReason).toBe('completed');
    expect(reported).toEqual([1, 2, 3, 4]);
    expect(result.trainExamples).toBe(200);
    expect(result.test!.accuracy).toBeGreaterThan(0.9);
    expect(result.test!.correct.length).toBe(64);
    const last = result.epochs.at(-1)!;
    expect(last.valAccuracy).toBeGreaterThan(0.9);
    expect(last.batchLosses).toHaveLength(Math.ceil(200 / 32));
    expect(last.samplesPerSecond).toBeGreaterThan(0);
    const layers = last.diagnostics!.layers;
    expect(layers.map((l) => l.layer)).toEqual(['conv1', 'batchnorm1', 'activation1', 'pool1', 'flatten', 'dense1', 'output']);
    expect(layers.filter((l) => l.nonlinear).map((l) => l.layer)).toEqual(['activation1', 'dense1']);
    const conv = layers[0]!;
    expect(conv.gradientNorm).toBeGreaterThan(0);
    expect(conv.weightHistogram!.counts.reduce((a, b) => a + b, 0)).toBe(3 * 3 * 4);
    expect(layers[2]!.activation.deadFraction).toBeGreaterThanOrEqual(0);
    expect(layers[3]!.gradientNorm).toBeUndefined();
    disposeModel(model);
  });

  it('trains a bidirectional LSTM on token ids, with diagnostics for the embedding and recurrent layers', async () => {
    const config: LstmConfig = {
      ...(defaultModelConfig('lstm') as LstmConfig),
      embeddingDim: 8,
      lstmUnits: [8],
      bidirectional: true,
      optimizer: { name: 'adam', learningRate: 0.02, schedule: 'constant', decayRate: 0.9, batchSize: 32 },
    };
    const { model } = buildModel(config, sevensDataset.description, { seed: 1 });
    const result = await trainModel({ model, config, dataset: sevensDataset, budget: { epochs: 6 }, seed: 1 });
    expect(result.test!.accuracy).toBeGreaterThan(0.8);
    const layers = result.epochs.at(-1)!.diagnostics!.layers;
    expect(layers.map((l) => [l.layer, l.nonlinear, l.gradientNorm! > 0])).toEqual([
      ['embedding', false, true],
      ['lstm1', true, true],
      ['output', false, true],
    ]);
    disposeModel(model);
  });

  it('stops when the epoch callback says so (the pruner), and on early stopping', async () => {
    const pruned = buildModel(smallCnn, halvesDataset.description, { seed: 1 });
    const result = await trainModel({ model: pruned.model, config: smallCnn, dataset: halvesDataset, budget: { epochs: 5 }, onEpochEnd: () => 'stop', probeSize: 0 });
    expect(result.stopReason).toBe('pruned');
    expect(result.epochs).toHaveLength(1);
    expect(result.epochs[0]!.diagnostics).toBeNull();
    disposeModel(pruned.model);

    const early = buildModel(smallCnn, halvesDataset.description, { seed: 1 });
    const stopped = await trainModel({ model: early.model, config: smallCnn, dataset: halvesDataset, budget: { epochs: 5 }, earlyStopping: { patience: 1, minDelta: 100 }, probeSize: 0 });
    expect(stopped.stopReason).toBe('early-stopped');
    expect(stopped.epochs).toHaveLength(2);
    disposeModel(early.model);
  });

  it('stops when cancelled through the AbortSignal, without evaluating further', async () => {
    const { model } = buildModel(smallCnn, halvesDataset.description, { seed: 1 });
    const controller = new AbortController();
    const result = await trainModel({
      model,
      config: smallCnn,
      dataset: halvesDataset,
      budget: { epochs: 5 },
      signal: controller.signal,
      onEpochEnd: () => (controller.abort(), 'continue'),
    });
    expect(result.stopReason).toBe('cancelled');
    expect(result.epochs).toHaveLength(1);
    expect(result.test).toBeNull();
    disposeModel(model);
  });

  it('leaves no tensors behind: the count is stable across 10 trials', async () => {
    const runTrial = async (): Promise<void> => {
      const { model } = buildModel(smallCnn, halvesDataset.description, { seed: 1 });
      await trainModel({ model, config: smallCnn, dataset: halvesDataset, budget: { epochs: 1, trainSubsetSize: 64 } });
      disposeModel(model);
    };
    await runTrial();
    const before = tf.memory().numTensors;
    for (let i = 0; i < 10; i++) await runTrial();
    expect(tf.memory().numTensors).toBe(before);
  });
});
