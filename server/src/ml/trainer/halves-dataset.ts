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
