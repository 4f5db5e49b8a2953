import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initTrainingBackend } from '../../backend/training-backend.js';
import { buildModel, disposeModel } from '../../model/model-builder.js';
import type { CnnConfig } from '../../model/model-config.js';
import { halvesDataset, smallCnn } from '../halves-dataset.js';
import { trainModel } from '../train-model.js';
import { GradientReplicas } from './gradient-replicas.js';

describe('data-parallel training with gradient replicas', { timeout: 120_000 }, () => {
  let replicas: GradientReplicas;
  beforeAll(async () => {
    await initTrainingBackend({ preference: 'wasm' });
    replicas = await GradientReplicas.start(1, 'wasm');
  });
  afterAll(async () => {
    await replicas?.close();
  });

  // No dropout and no batch norm (whose statistics are per share): both trainings compute the same function.
  const config: CnnConfig = { ...smallCnn, denseDropout: 0, convDropout: 0, batchNormalization: false };
  const train = async (withReplicas: boolean) => {
    const { model } = buildModel(config, halvesDataset.description, { seed: 3 });
    const result = await trainModel({
      model,
      config,
      dataset: halvesDataset,
      budget: { epochs: 2, trainSubsetSize: 96 },
      seed: 1,
      probeSize: 0,
      ...(withReplicas ? { replicas } : {}),
    });
    const weights = await Promise.all(model.getWeights().map((w) => w.data()));
    disposeModel(model);
    return { result, weights };
  };

  it('trains to the same weights and metrics as one thread (the averaged gradient is the batch gradient)', async () => {
    const before = tf.memory().numTensors;
    const single = await train(false);
    const shares = replicas.sharesComputed;
    const parallel = await train(true);
    // 96 examples in batches of 32, 2 epochs: the replica computed half of each of the 6 batches.
    expect(replicas.sharesComputed - shares).toBe(6);
    expect(tf.memory().numTensors).toBeLessThanOrEqual(before);
    parallel.result.epochs.forEach((epoch, i) => {
      const reference = single.result.epochs[i]!;
      expect(epoch.loss).toBeCloseTo(reference.loss, 5);
      expect(epoch.accuracy).toBe(reference.accuracy);
    });
    parallel.weights.forEach((values, i) => {
      const reference = single.weights[i]!;
      const scale = Math.max(1e-3, ...Array.from(reference, Math.abs));
      const worst = Math.max(...Array.from(values, (value, j) => Math.abs(value - reference[j]!)));
      expect(worst / scale).toBeLessThan(1e-4);
    });
  });

  it('splits batches evenly at first, then gives the process more when the replica is slower per example', () => {
    const balanced = replicas.processShare;
    replicas.processShare = 0.5;
    try {
      const batch = Int32Array.from({ length: 64 }, (_, i) => i);
      expect(replicas.split(batch).map((share) => share.length)).toEqual([32, 32]);
      // The replica takes 1.5 ms per example, the process 1 ms: equal finishing times at a 60 % process share.
      for (let step = 0; step < 30; step++) replicas.balance(1, 1.5);
      expect(replicas.processShare).toBeCloseTo(0.6, 3);
      const shares = replicas.split(batch);
      expect(shares.map((share) => share.length)).toEqual([38, 26]);
      expect(Array.from(shares[0]!).concat(Array.from(shares[1]!))).toEqual(Array.from(batch));
      // Never everything to one side.
      for (let step = 0; step < 100; step++) replicas.balance(1, 1000);
      expect(replicas.split(batch)[1]!.length).toBeGreaterThanOrEqual(6);
    } finally {
      replicas.processShare = balanced;
    }
  });

  it('refuses a GPU backend and reports a replica that fails', async () => {
    await expect(GradientReplicas.start(1, 'webgpu')).rejects.toThrow(/wasm or cpu/);
    await expect(replicas.gradients(0, [], new Int32Array(0))).rejects.toThrow(/gradient replica/);
    // An error inside a step is answered; the thread lives on.
    expect(replicas.usable).toBe(true);
  });

  it('after a replica thread dies, the next training runs on one thread', async () => {
    const doomed = await GradientReplicas.start(1, 'wasm');
    await (doomed as unknown as { replicas: { thread: { terminate(): Promise<number> } }[] }).replicas[0]!.thread.terminate();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(doomed.usable).toBe(false);
    const { model } = buildModel(config, halvesDataset.description, { seed: 3 });
    const result = await trainModel({ model, config, dataset: halvesDataset, budget: { epochs: 1, trainSubsetSize: 64 }, probeSize: 0, replicas: doomed });
    disposeModel(model);
    expect(result.stopReason).toBe('completed');
    expect(doomed.sharesComputed).toBe(0);
    await doomed.close();
  });
});
