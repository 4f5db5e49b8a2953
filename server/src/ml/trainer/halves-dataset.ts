// Test support: a tiny synthetic image task any working CNN learns in a few epochs, and a CNN small enough for it.
import type { LabeledExamples, SplitDataset } from '../datasets/dataset-types.js';
import { defaultModelConfig, type CnnConfig } from '../model/model-config.js';
import { seededRandom } from './example-batches.js';

/** 8×8 grey images: class 0 is bright in the top half, class 1 in the bottom half, both noisy. */
function halves(count: number, seed: number): LabeledExamples {
  const random = seededRandom(seed);
  const inputs = new Uint8Array(count * 64);
  const labels = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    labels[i] = i % 2;
    for (let p = 0; p < 64; p++) {
      const bright = (p < 32) === (labels[i] === 0);
      inputs[i * 64 + p] = Math.min(255, Math.floor((bright ? 140 : 60) + random() * 100));
    }
  }
  return { count, inputs, labels };
}

export const halvesDataset: SplitDataset = {
  description: { id: 'mnist', displayName: 'halves', modality: 'image', inputShape: [8, 8, 1], classNames: ['top', 'bottom'], splitSizes: { train: 256, test: 64 } },
  train: halves(256, 1),
  validation: halves(64, 2),
  test: halves(64, 3),
};

export const smallCnn: CnnConfig = {
  ...(defaultModelConfig('cnn') as CnnConfig),
  filters: [4],
  denseUnits: [8],
  denseDropout: 0,
  optimizer: { name: 'adam', learningRate: 0.01, schedule: 'constant', decayRate: 0.9, batchSize: 32 },
};

/** Token sequences of length 12 over 30 ids: class 1 when token 7 occurs, class 0 otherwise. */
function containsSeven(count: number, seed: number): LabeledExamples {
  const random = seededRandom(seed);
  const inputs = new Int32Array(count * 12);
  const labels = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    labels[i] = i % 2;
    for (let t = 0; t < 12; t++) {
      let token = 2 + Math.floor(random() * 28);
      if (token === 7) token = 8;
      inputs[i * 12 + t] = token;
    }
    if (labels[i] === 1) inputs[i * 12 + Math.floor(random() * 12)] = 7;
  }
  return { count, inputs, labels };
}

export const sevensDataset: SplitDataset = {
  description: { id: 'imdb', displayName: 'sevens', modality: 'text', inputShape: [12], classNames: ['no 7', '7'], splitSizes: { train: 512, test: 128 }, vocabularySize: 30 },
  train: containsSeven(512, 4),
  validation: containsSeven(128, 5),
  test: containsSeven(128, 6),
};
