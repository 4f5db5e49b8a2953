import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initTrainingBackend } from './training-backend.js';

/** Runs `f` on the named backend and returns plain arrays, so results can be compared across backends. */
async function on(backend: 'cpu' | 'wasm', f: () => tf.Tensor[]): Promise<Float32Array[]> {
  await tf.setBackend(backend);
  const outs = tf.tidy(f);
  const values = outs.map((t) => t.dataSync() as Float32Array);
  tf.dispose(outs);
  return values;
}

function seeded(shape: number[], seed: number): tf.Tensor {
  return tf.randomNormal(shape, 0, 1, 'float32', seed);
}

function expectClose(a: Float32Array[], b: Float32Array[], tolerance: number): void {
  expect(a.length).toBe(b.length);
  a.forEach((values, i) => {
    const other = b[i]!;
    expect(values.length).toBe(other.length);
    const scale = Math.max(1, ...Array.from(other, Math.abs));
    let worst = 0;
    for (let j = 0; j < values.length; j++) worst = Math.max(worst, Math.abs(values[j]! - other[j]!));
    expect(worst / scale, `tensor ${i}`).toBeLessThan(tolerance);
  });
}

describe('wasm training kernels', () => {
  beforeAll(async () => {
    await initTrainingBackend({ preference: 'wasm' });
  });

  it('BatchMatMul with transposed operands (2-D and batched 3-D) matches the cpu backend', async () => {
    const products = (): tf.Tensor[] => {
      const a = seeded([5, 7], 1);
      const b = seeded([7, 3], 2);
      const a3 = seeded([2, 5, 7], 3);
      const b3 = seeded([2, 7, 3], 4);
      return [
        tf.matMul(a.transpose(), b.transpose(), true, true),
        tf.matMul(a, b.transpose(), false, true),
        tf.matMul(a.transpose(), b, true, false),
        tf.matMul(a3.transpose([0, 2, 1]), b3, true, false),
        tf.matMul(a3, b3.transpose([0, 2, 1]), false, true),
        // Wider than tall: computed as the transposed product, packing the narrow operand.
        tf.matMul(seeded([9, 2], 5), seeded([9, 6], 6), true, false),
        tf.matMul(seeded([2, 9], 7), seeded([6, 9], 8), false, true),
        tf.matMul(seeded([1, 9, 2], 9), seeded([1, 9, 6], 10), true, false),
      ];
    };
    expectClose(await on('wasm', products), await on('cpu', products), 1e-6);
  });

  const convCases: { name: string; x: number[]; f: number[]; stride: number; pad: 'same' | 'valid' }[] = [
    { name: '3×3 same stride 1', x: [3, 8, 8, 2], f: [3, 3, 2, 4], stride: 1, pad: 'same' },
    { name: '3×3 valid stride 1', x: [2, 7, 9, 3], f: [3, 3, 3, 5], stride: 1, pad: 'valid' },
    { name: '5×5 same stride 2', x: [2, 9, 9, 1], f: [5, 5, 1, 3], stride: 2, pad: 'same' },
    { name: '2×3 valid stride 2 (cropped)', x: [4, 6, 7, 2], f: [2, 3, 2, 2], stride: 2, pad: 'valid' },
    // Multiples of 8 output channels take the SIMD kernel: filter rows a multiple of 4 or not, padded or not.
    { name: '3×3 same stride 1, 16 channels (SIMD)', x: [3, 8, 8, 4], f: [3, 3, 4, 16], stride: 1, pad: 'same' },
    { name: '3×3 same stride 1, one input channel (SIMD, 9 rows)', x: [2, 7, 6, 1], f: [3, 3, 1, 8], stride: 1, pad: 'same' },
    { name: '3×3 valid stride 2, 3 input channels (SIMD, 27 rows)', x: [2, 9, 8, 3], f: [3, 3, 3, 24], stride: 2, pad: 'valid' },
    { name: '5×5 same stride 2 (SIMD)', x: [2, 9, 9, 2], f: [5, 5, 2, 8], stride: 2, pad: 'same' },
  ];
  for (const c of convCases) {
    it(`Conv2D filter and input gradients match the cpu backend: ${c.name}`, async () => {
      const grads = (): tf.Tensor[] => {
        const x = seeded(c.x, 1);
        const w = seeded(c.f, 2);
        const loss = (xi: tf.Tensor, wi: tf.Tensor): tf.Scalar =>
          tf.conv2d(xi as tf.Tensor4D, wi as tf.Tensor4D, c.stride, c.pad).square().sum();
        return tf.grads(loss)([x, w]);
      };
      expectClose(await on('wasm', grads), await on('cpu', grads), 1e-5);
    });
  }

  // `ties`: inputs rounded to integers, so windows hold equal maxima (as ReLU's zeros do) and the first must win.
  const poolCases: { shape: number[]; size: number; stride: number; pad: 'same' | 'valid'; ties?: boolean }[] = [
    { shape: [4, 8, 8, 3], size: 2, stride: 2, pad: 'valid' },
    { shape: [2, 7, 7, 4], size: 2, stride: 2, pad: 'valid', ties: true },
    { shape: [3, 8, 6, 11], size: 2, stride: 2, pad: 'valid', ties: true },
    { shape: [2, 9, 6, 3], size: 3, stride: 3, pad: 'valid', ties: true },
    { shape: [2, 5, 5, 2], size: 2, stride: 2, pad: 'same' },
    { shape: [2, 6, 6, 2], size: 2, stride: 2, pad: 'same', ties: true },
    { shape: [2, 5, 5, 2], size: 3, stride: 1, pad: 'same' },
    { shape: [2, 6, 5, 3], size: 3, stride: 2, pad: 'valid', ties: true },
  ];
  for (const c of poolCases) {
    it(`MaxPool input gradient matches the cpu backend: ${c.size}×${c.size}/${c.stride} ${c.pad} on [${c.shape}]${c.ties ? ', with ties' : ''}`, async () => {
      const grads = (): tf.Tensor[] => {
        const pool = (x: tf.Tensor): tf.Tensor => tf.maxPool(x as tf.Tensor4D, c.size, c.stride, c.pad);
        const x = c.ties ? seeded(c.shape, 6).round() : seeded(c.shape, 6);
        const weights = seeded(pool(x).shape, 7);
        return [tf.grad((xi: tf.Tensor) => pool(xi).mul(weights).sum() as tf.Scalar)(x)];
      };
      expectClose(await on('wasm', grads), await on('cpu', grads), 1e-6);
    });
  }

  it('the batch-norm gradient (broadcast instead of Tile) equals the gradient of the written-out formula', async () => {
    const inputs = (): tf.Tensor[] => [seeded([2, 3, 3, 4], 8), seeded([4], 9), seeded([4], 10).abs(), seeded([4], 11), seeded([4], 12)];
    const fused = (): tf.Tensor[] =>
      tf.grads((x, m, v, o, s) => tf.batchNorm(x!, m!, v!, o!, s!, 1e-3).mul(seeded([2, 3, 3, 4], 13)).sum())(inputs());
    const written = (): tf.Tensor[] =>
      tf.grads((x, m, v, o, s) => x!.sub(m!).mul(tf.rsqrt(v!.add(1e-3))).mul(s!).add(o!).mul(seeded([2, 3, 3, 4], 13)).sum())(inputs());
    expectClose(await on('wasm', fused), await on('cpu', written), 1e-5);
  });

  it('UnsortedSegmentSum (the Embedding gradient) matches the cpu backend, repeated ids included', async () => {
    const grads = (): tf.Tensor[] => {
      const table = seeded([10, 4], 3);
      const ids = tf.tensor2d([[1, 2, 2], [9, 0, 1]], [2, 3], 'int32');
      const loss = (t: tf.Tensor): tf.Scalar => tf.gather(t, ids).mul(tf.range(1, 5)).sum();
      return [tf.grad(loss)(table), tf.unsortedSegmentSum(seeded([5, 3], 4), tf.tensor1d([0, 2, 0, 7, 1], 'int32'), 3)];
    };
    expectClose(await on('wasm', grads), await on('cpu', grads), 1e-6);
  });

  it('GatherV2 along any axis, float32 and int32, matches the cpu backend and rejects indices out of range', async () => {
    const gathered = (): tf.Tensor[] => {
      const table = seeded([6, 3, 4], 11);
      const ids = tf.tensor2d([[5, 0], [2, 2]], [2, 2], 'int32');
      return [tf.gather(table, ids), tf.gather(table, tf.tensor1d([2, 0, 1, 1], 'int32'), 1), tf.gather(table, tf.tensor1d([3], 'int32'), 2), tf.gather(tf.range(0, 12, 1, 'int32').reshape([4, 3]), tf.tensor1d([3, 1], 'int32')).toFloat()];
    };
    expectClose(await on('wasm', gathered), await on('cpu', gathered), 1e-12);
    await tf.setBackend('wasm');
    expect(() => tf.gather(seeded([3, 2], 1), tf.tensor1d([3], 'int32'))).toThrow('GatherV2: the index value 3 is not in [0, 2]');
  });

  it('Sum over leading axes (the bias gradients), with and without keepDims, matches the cpu backend', async () => {
    const sums = (): tf.Tensor[] => {
      const x = seeded([5, 4, 3, 2], 12);
      // A conv layer's bias gradient: 65 536 rows.
      const activations = seeded([64, 32, 32, 4], 13);
      return [tf.sum(x, 0), tf.sum(x, [1, 0, 2], true), tf.sum(x, [0, 1, 2]), tf.sum(x, 1), tf.sum(x), tf.sum(x.toInt(), 0).toFloat(), tf.sum(activations, [0, 1, 2])];
    };
    expectClose(await on('wasm', sums), await on('cpu', sums), 1e-6);
  });

  it('Identity shares the data instead of copying it, and the share outlives the original', async () => {
    await tf.setBackend('wasm');
    const backend = tf.backend() as unknown as { numDataIds(): number };
    const x = tf.tensor2d([[1, 2], [3, 4]]);
    const before = backend.numDataIds();
    const y = tf.clone(x);
    expect(backend.numDataIds()).toBe(before);
    x.dispose();
    expect(Array.from(await y.data())).toEqual([1, 2, 3, 4]);
    y.dispose();
    expect(backend.numDataIds()).toBe(before - 1);
  });

  it('a conv + batch norm + max pool + embedding + LSTM model yields the same gradients on wasm and cpu', async () => {
    const build = (): tf.LayersModel => {
      const image = tf.input({ shape: [8, 8, 1] });
      let h = tf.layers.conv2d({ filters: 3, kernelSize: 3, padding: 'same', kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }) }).apply(image) as tf.SymbolicTensor;
      h = tf.layers.batchNormalization().apply(h) as tf.SymbolicTensor;
      h = tf.layers.maxPooling2d({ poolSize: 2 }).apply(h) as tf.SymbolicTensor;
      h = tf.layers.globalAveragePooling2d({}).apply(h) as tf.SymbolicTensor;
      const tokens = tf.input({ shape: [5] });
      let t = tf.layers.embedding({ inputDim: 12, outputDim: 4, embeddingsInitializer: tf.initializers.randomUniform({ minval: -1, maxval: 1, seed: 2 }) }).apply(tokens) as tf.SymbolicTensor;
      t = tf.layers.bidirectional({ layer: tf.layers.lstm({ units: 3, kernelInitializer: tf.initializers.glorotUniform({ seed: 3 }), recurrentInitializer: tf.initializers.glorotUniform({ seed: 4 }) }) as tf.RNN }).apply(t) as tf.SymbolicTensor;
      const joined = tf.layers.concatenate().apply([h, t]) as tf.SymbolicTensor;
      const out = tf.layers.dense({ units: 2, activation: 'softmax', kernelInitializer: tf.initializers.glorotUniform({ seed: 5 }) }).apply(joined) as tf.SymbolicTensor;
      return tf.model({ inputs: [image, tokens], outputs: out });
    };
    const grads = (): tf.Tensor[] => {
      const model = build();
      const images = seeded([4, 8, 8, 1], 6);
      const tokens = tf.tensor2d([[1, 2, 3, 0, 0], [4, 4, 4, 4, 11], [0, 0, 0, 0, 1], [7, 8, 9, 10, 2]]);
      const labels = tf.oneHot(tf.tensor1d([0, 1, 1, 0], 'int32'), 2);
      const { grads: g } = tf.variableGrads(() =>
        tf.losses.softmaxCrossEntropy(labels, model.apply([images, tokens], { training: true }) as tf.Tensor),
      );
      const result = model.trainableWeights.map((w) => g[w.name]!.clone());
      tf.dispose(Object.values(g));
      model.dispose();
      return result;
    };
    expectClose(await on('wasm', grads), await on('cpu', grads), 1e-4);
  });
});
