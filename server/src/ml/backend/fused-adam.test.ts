import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { FusedAdamOptimizer } from './fused-adam.js';
import { initTrainingBackend } from './training-backend.js';

/** Five Adam steps on a small regression, on `backend`; returns the trained weights. */
async function train(backend: string, optimizer: tf.Optimizer): Promise<Float32Array[]> {
  await tf.setBackend(backend);
  const w = tf.variable(tf.randomNormal([37, 5], 0, 1, 'float32', 6));
  const b = tf.variable(tf.randomNormal([5], 0, 1, 'float32', 7));
  const x = tf.randomNormal([16, 37], 0, 1, 'float32', 8);
  for (let step = 0; step < 5; step++) optimizer.minimize(() => tf.relu(x.matMul(w).add(b)).square().mean() as tf.Scalar, false, [w, b]);
  const values = (await Promise.all([w.data(), b.data()])) as Float32Array[];
  tf.dispose([w, b, x]);
  optimizer.dispose();
  return values;
}

describe('FusedAdamOptimizer on wasm', () => {
  beforeAll(async () => {
    await initTrainingBackend({ preference: 'wasm' });
  });

  it('trains to the same weights as tf.train.adam on cpu, without the stock element-wise kernels', async () => {
    const fused = await train('wasm', new FusedAdamOptimizer(0.01, 0.9, 0.999));
    const stock = await train('cpu', tf.train.adam(0.01));
    const initial = await train('cpu', tf.train.adam(0));
    await tf.setBackend('wasm');
    fused.forEach((values, i) => {
      const reference = stock[i]!;
      expect(Math.max(...values.map((value, j) => Math.abs(value - reference[j]!)))).toBeLessThan(1e-5);
      // The steps moved the weights (a learning rate of 0 leaves them where they started).
      expect(Math.max(...values.map((value, j) => Math.abs(value - initial[i]![j]!)))).toBeGreaterThan(1e-3);
    });
    const w = tf.variable(tf.ones([4, 3]));
    const optimizer = new FusedAdamOptimizer(0.01, 0.9, 0.999);
    const profile = await tf.profile(() => optimizer.applyGradients({ [w.name]: tf.onesLike(w) }));
    expect(profile.kernels.map((kernel) => kernel.name)).not.toContain('Sqrt');
    tf.dispose([w]);
    optimizer.dispose();
  });

  it('keeps the moments as the stock optimizer does, so getWeights and setWeights carry the state', async () => {
    await tf.setBackend('wasm');
    const w = tf.variable(tf.tensor1d([1, -2, 3]));
    const optimizer = new FusedAdamOptimizer(0.1, 0.9, 0.999);
    optimizer.applyGradients([{ name: w.name, tensor: tf.tensor1d([0.5, 0.5, -1]) }]);
    const weights = await optimizer.getWeights();
    // iterations, m, v: m = (1 − β1)·g, v = (1 − β2)·g².
    expect(weights.map((weight) => weight.name)).toEqual(['iter', `${w.name}/m`, `${w.name}/v`]);
    const [m, v] = [await weights[1]!.tensor.data(), await weights[2]!.tensor.data()];
    [0.5, 0.5, -1].forEach((g, i) => {
      expect(m[i]).toBeCloseTo(0.1 * g, 6);
      expect(v[i]).toBeCloseTo(0.001 * g * g, 8);
    });
    tf.dispose([w]);
    optimizer.dispose();
  });
});
