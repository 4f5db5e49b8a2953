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
import { FusedAdamOptimizer } from './fused-adam.js';

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

  const filterGradientCases: { name: string; x: [number, number, number, number]; f: [number, number, number, number]; stride: number; pad: 'same' | 'valid' }[] = [
    { name: '3×3 same stride 1', x: [3, 8, 8, 2], f: [3, 3, 2, 4], stride: 1, pad: 'same' },
    { name: '3×3 valid stride 1', x: [2, 7, 9, 3], f: [3, 3, 3, 5], stride: 1, pad: 'valid' },
    { name: '5×5 same stride 2', x: [2, 9, 9, 1], f: [5, 5, 1, 3], stride: 2, pad: 'same' },
    { name: '2×3 valid stride 2', x: [4, 6, 7, 2], f: [2, 3, 2, 2], stride: 2, pad: 'valid' },
    { name: '1×1', x: [2, 5, 5, 3], f: [1, 1, 3, 4], stride: 1, pad: 'same' },
  ];
  for (const c of filterGradientCases) {
    it(`replaces Conv2DBackpropFilter with a batched product that matches the cpu backend: ${c.name}`, async () => {
      expect(info.addedKernels).toContain('Conv2DBackpropFilter');
      // The gradient of Σ conv(x, w) ⊙ dy with respect to w is Conv2DBackpropFilter(x, dy).
      const filterGradient = async (backend: string) => {
        await tf.setBackend(backend);
        const x = tf.randomNormal(c.x, 0, 1, 'float32', 3) as tf.Tensor4D;
        const w = tf.randomNormal(c.f, 0, 1, 'float32', 4) as tf.Tensor4D;
        const dy = tf.randomNormal(tf.conv2d(x, w, c.stride, c.pad).shape, 0, 1, 'float32', 5);
        return tf.grad((filter: tf.Tensor) => tf.conv2d(x, filter as tf.Tensor4D, c.stride, c.pad).mul(dy).sum())(w).data();
      };
      const onGpu = await filterGradient('webgpu');
      const onCpu = await filterGradient('cpu');
      await tf.setBackend('webgpu');
      const scale = Math.max(...onCpu.map(Math.abs));
      expect(onGpu.length).toBe(onCpu.length);
      expect(Math.max(...onGpu.map((value, j) => Math.abs(value - onCpu[j]!))) / scale).toBeLessThan(1e-5);
    });
  }

  it('runs Adam as fused GPU programs that update weights as tf.train.adam does on the cpu backend', async () => {
    const train = async (backend: string, optimizer: tf.Optimizer) => {
      await tf.setBackend(backend);
      const w = tf.variable(tf.randomNormal([37, 5], 0, 1, 'float32', 6));
      const b = tf.variable(tf.randomNormal([5], 0, 1, 'float32', 7));
      const x = tf.randomNormal([16, 37], 0, 1, 'float32', 8);
      for (let step = 0; step < 5; step++) optimizer.minimize(() => tf.relu(x.matMul(w).add(b)).square().mean() as tf.Scalar, false, [w, b]);
      const values = await Promise.all([w.data(), b.data()]);
      tf.dispose([w, b, x]);
      optimizer.dispose();
      return values;
    };
    const fused = await train('webgpu', new FusedAdamOptimizer(0.01, 0.9, 0.999));
    const stock = await train('cpu', tf.train.adam(0.01));
    await tf.setBackend('webgpu');
    fused.forEach((values, i) => {
      const reference = stock[i]!;
      expect(Math.max(...values.map((value, j) => Math.abs(value - reference[j]!)))).toBeLessThan(1e-5);
    });
    // The updates do not go through the stock element-wise kernels.
    const w = tf.variable(tf.ones([4, 3]));
    const optimizer = new FusedAdamOptimizer(0.01, 0.9, 0.999);
    const profile = await tf.profile(() => optimizer.applyGradients({ [w.name]: tf.onesLike(w) }));
    expect(profile.kernels.map((kernel) => kernel.name)).not.toContain('Sqrt');
    expect(await w.data()).not.toEqual(new Float32Array(12).fill(1));
    tf.dispose([w]);
    optimizer.dispose();
  });

  it('uploads CPU values through the queue into pooled buffers: exact values, no new buffer per upload', async () => {
    const device = (tf.backend() as unknown as { device: GPUDevice }).device;
    const upload = async () => {
      const floats = tf.tensor1d(Float32Array.from({ length: 1000 }, (_, i) => i / 7));
      const ints = tf.tensor1d(Int32Array.from({ length: 1000 }, (_, i) => i - 500), 'int32');
      const flags = tf.tensor1d(Array.from({ length: 1000 }, (_, i) => i % 3 === 0), 'bool');
      // Each op uploads its CPU-held inputs first.
      const results = [tf.add(floats, 1), tf.add(ints, 1), tf.logicalNot(flags)];
      const values = await Promise.all(results.map((t) => t.data()));
      tf.dispose([floats, ints, flags, ...results]);
      return values;
    };
    await upload();
    const createBuffer = device.createBuffer.bind(device);
    let created = 0;
    device.createBuffer = (descriptor: GPUBufferDescriptor) => (created++, createBuffer(descriptor));
    try {
      for (let round = 0; round < 5; round++) {
        const [floats, ints, flags] = await upload();
        expect(floats![7]).toBe(Math.fround(Math.fround(1) + Math.fround(1)));
        expect(Array.from(ints!.slice(0, 3))).toEqual([-499, -498, -497]);
        expect(Array.from(flags!.slice(0, 4))).toEqual([0, 1, 1, 0]);
      }
    } finally {
      device.createBuffer = createBuffer;
    }
    // After the first round every buffer comes from the pool (the stock upload made a staging buffer each time: 25).
    expect(created).toBe(0);
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
