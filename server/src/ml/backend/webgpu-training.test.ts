// WebGPU through Dawn, tested without a GPU: named explicitly, the backend takes Mesa's software renderer through
// OpenGL ES (the machine needs Mesa's EGL and GLES drivers, which .ci/run installs), and the trainer runs on it as
// it would on a GPU worker.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildModel, disposeModel } from '../model/model-builder.js';
import { defaultModelConfig, type LstmConfig } from '../model/model-config.js';
import { halvesDataset, sevensDataset, smallCnn } from '../trainer/halves-dataset.js';
import { trainModel } from '../trainer/train-model.js';
import { initTrainingBackend, type TrainingBackendInfo } from './training-backend.js';

describe('WebGPU through Dawn', { timeout: 300_000 }, () => {
  let info: TrainingBackendInfo;
  beforeAll(async () => {
    info = await initTrainingBackend({ preference: 'webgpu' });
  });

  it('starts on the adapter Dawn finds and says which', () => {
    expect(info.name).toBe('webgpu');
    expect(tf.getBackend()).toBe('webgpu');
    // No GPU here: OpenGL ES on llvmpipe, reported as a software renderer.
    expect(info.device).toMatch(/^opengles: .*llvmpipe.* \(software renderer\)$/);
  });

  it('computes a convolution and its gradients as the CPU backend does', async () => {
    const random = (shape: number[], seed: number) => tf.randomNormal(shape, 0, 1, 'float32', seed);
    const run = async (backend: string) => {
      await tf.setBackend(backend);
      const x = random([4, 8, 8, 3], 1);
      const w = random([3, 3, 3, 5], 2);
      const loss = (input: tf.Tensor, filter: tf.Tensor) => tf.relu(tf.conv2d(input as tf.Tensor4D, filter as tf.Tensor4D, 1, 'same')).square().mean();
      const [dx, dw] = tf.grads(loss)([x, w]);
      return Promise.all([loss(x, w).data(), dx!.data(), dw!.data()]);
    };
    const onGpu = await run('webgpu');
    const onCpu = await run('cpu');
    await tf.setBackend('webgpu');
    onGpu.forEach((values, i) => {
      const reference = onCpu[i]!;
      const scale = Math.max(...reference.map(Math.abs));
      const worst = Math.max(...values.map((value, j) => Math.abs(value - reference[j]!)));
      expect(worst / scale).toBeLessThan(1e-4);
    });
  });

  it('trains a CNN with the real trainer: it learns, and every diagnostic is read back', async () => {
    const { model } = buildModel(smallCnn, halvesDataset.description, { seed: 1 });
    const before = tf.memory().numTensors;
    const result = await trainModel({ model, config: smallCnn, dataset: halvesDataset, budget: { epochs: 3, trainSubsetSize: 128 }, seed: 1 });
    disposeModel(model);
    expect(result.stopReason).toBe('completed');
    expect(result.test!.accuracy).toBeGreaterThan(0.8);
    const last = result.epochs.at(-1)!;
    expect(last.loss).toBeLessThan(result.epochs[0]!.loss);
    expect(last.diagnostics!.layers.find((layer) => layer.layer === 'conv1')!.gradientNorm).toBeGreaterThan(0);
    expect(tf.memory().numTensors).toBeLessThanOrEqual(before);
  });

  it('trains an LSTM with TF.js\'s own layer (FusedLstm reads synchronously, which webgpu cannot in Node)', async () => {
    const config: LstmConfig = {
      ...(defaultModelConfig('lstm') as LstmConfig),
      embeddingDim: 8,
      lstmUnits: [8],
      denseUnits: [],
      optimizer: { name: 'adam', learningRate: 0.02, schedule: 'constant', decayRate: 0.9, batchSize: 32 },
    };
    const { model } = buildModel(config, sevensDataset.description, { seed: 1 });
    expect(model.getLayer('lstm1').getClassName()).toBe('LSTM');
    const result = await trainModel({ model, config, dataset: sevensDataset, budget: { epochs: 2, trainSubsetSize: 128 }, seed: 1, probeSize: 16 });
    disposeModel(model);
    expect(result.stopReason).toBe('completed');
    expect(result.epochs.every((epoch) => Number.isFinite(epoch.loss))).toBe(true);
  });
});
