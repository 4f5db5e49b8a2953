import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initTrainingBackend } from '../backend/training-backend.js';
import type { LabeledExamples, SplitDataset } from '../datasets/dataset-types.js';
import { seededRandom } from '../trainer/example-batches.js';
import { trainModel } from '../trainer/train-model.js';
import { FusedLstm } from './fused-lstm.js';
import { buildModel, disposeModel } from './model-builder.js';
import { defaultModelConfig, type LstmConfig } from './model-config.js';

/** Largest |a − b| relative to the largest |b| (gradients span orders of magnitude). */
function relativeError(a: tf.Tensor, b: tf.Tensor): number {
  const [x, y] = [a.dataSync(), b.dataSync()];
  let scale = 1e-12;
  let worst = 0;
  for (let i = 0; i < y.length; i++) scale = Math.max(scale, Math.abs(y[i]!));
  for (let i = 0; i < y.length; i++) worst = Math.max(worst, Math.abs(x[i]! - y[i]!));
  return worst / scale;
}

interface Case {
  returnSequences: boolean;
  goBackwards: boolean;
  masked: boolean;
}

/** Output and gradients (w.r.t. the input and every weight) of a layer on x; the loss weighs outputs unevenly. */
function outputAndGradients(layer: tf.layers.Layer, x: tf.Tensor3D, mask: tf.Tensor | undefined): { y: tf.Tensor; grads: tf.Tensor[] } {
  const weights = layer.trainableWeights.map((w) => w.read() as tf.Variable);
  const loss = (input: tf.Tensor, ...w: tf.Tensor[]): tf.Scalar => {
    void w;
    const y = layer.apply(input, mask === undefined ? {} : { mask }) as tf.Tensor;
    return y.mul(tf.linspace(0.5, 2, y.size).reshape(y.shape)).sin().sum() as tf.Scalar;
  };
  const y = layer.apply(x, mask === undefined ? {} : { mask }) as tf.Tensor;
  const { grads } = tf.variableGrads(() => loss(x), weights);
  const dx = tf.grad((input: tf.Tensor) => loss(input))(x);
  return { y, grads: [dx, ...weights.map((w) => grads[w.name]!)] };
}

function compareWithKerasLstm(backend: 'cpu' | 'wasm', c: Case): void {
  const [batch, time, features, units] = [3, 7, 5, 4];
  const x = tf.randomNormal([batch, time, features], 0, 1, 'float32', 1) as tf.Tensor3D;
  // Rows 1 and 2 end in padding (Keras skips masked steps, keeping h and c).
  const mask = c.masked ? tf.tensor2d([[1, 1, 1, 1, 1, 1, 1], [1, 1, 1, 1, 0, 0, 0], [1, 0, 1, 1, 1, 0, 0]], [batch, time], 'bool') : undefined;
  const reference = tf.layers.lstm({ units, returnSequences: c.returnSequences, goBackwards: c.goBackwards, recurrentActivation: 'sigmoid' });
  const fused = new FusedLstm({ units, returnSequences: c.returnSequences, goBackwards: c.goBackwards });
  reference.apply(x);
  fused.apply(x);
  // Same weight shapes and order: kernel, recurrent_kernel, bias; non-trivial bias so every gate is exercised.
  const weights = reference.getWeights().map((w, i) => (i === 2 ? tf.randomNormal(w.shape, 0, 0.5, 'float32', 2) : w));
  reference.setWeights(weights);
  fused.setWeights(weights);
  const expected = outputAndGradients(reference, x, mask);
  const actual = outputAndGradients(fused, x, mask);
  expect(actual.y.shape).toEqual(expected.y.shape);
  expect(relativeError(actual.y, expected.y), `${backend} output`).toBeLessThan(1e-5);
  actual.grads.forEach((g, i) => expect(relativeError(g, expected.grads[i]!), `${backend} gradient ${i}`).toBeLessThan(1e-5));
}

const cases: Case[] = [
  { returnSequences: false, goBackwards: false, masked: false },
  { returnSequences: true, goBackwards: false, masked: false },
  { returnSequences: true, goBackwards: true, masked: false },
  { returnSequences: false, goBackwards: false, masked: true },
  { returnSequences: true, goBackwards: true, masked: true },
];

describe.each(['cpu', 'wasm'] as const)('FusedLstm on %s', (backend) => {
  beforeAll(async () => {
    await initTrainingBackend({ preference: backend });
  });

  it.each(cases)('equals tf.layers.lstm (sigmoid gates) in outputs and all gradients: %o', (c) => {
    tf.tidy(() => compareWithKerasLstm(backend, c));
  });
});

/** 20 tokens: a marker (1 or 2) first, then 19 noise tokens over 3..19; the label is which marker came first. */
function firstTokenMarker(count: number, seed: number): LabeledExamples {
  const random = seededRandom(seed);
  const inputs = new Int32Array(count * 20);
  const labels = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    labels[i] = i % 2;
    inputs[i * 20] = 1 + labels[i]!;
    for (let t = 1; t < 20; t++) inputs[i * 20 + t] = 3 + Math.floor(random() * 17);
  }
  return { count, inputs, labels };
}

describe('a text model built with FusedLstm', () => {
  beforeAll(async () => {
    await initTrainingBackend({ preference: 'wasm' });
  });

  it('learns a label that depends only on the first of 20 tokens (the recurrence carries it through 19 steps)', { timeout: 120_000 }, async () => {
    const dataset: SplitDataset = {
      description: { id: 'imdb', displayName: 'first token', modality: 'text', inputShape: [20], classNames: ['marker 1', 'marker 2'], splitSizes: { train: 1024, test: 256 }, vocabularySize: 20 },
      train: firstTokenMarker(1024, 1),
      validation: firstTokenMarker(256, 2),
      test: firstTokenMarker(256, 3),
    };
    const config: LstmConfig = {
      ...(defaultModelConfig('lstm') as LstmConfig),
      embeddingDim: 8,
      lstmUnits: [16],
      denseUnits: [],
      optimizer: { name: 'adam', learningRate: 1e-2, schedule: 'constant', decayRate: 0.9, batchSize: 32 },
    };
    const { model } = buildModel(config, dataset.description, { seed: 3 });
    expect(model.layers.some((layer) => layer.getClassName() === 'FusedLSTM')).toBe(true);
    const result = await trainModel({ model, config, dataset, budget: { epochs: 4 }, seed: 3, probeSize: 0 });
    disposeModel(model);
    expect(result.test!.accuracy).toBeGreaterThanOrEqual(0.95);
  });
});
