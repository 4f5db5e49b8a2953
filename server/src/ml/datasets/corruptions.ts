// Corrupted / shifted copies of a split for the health evidence: how a model degrades under distribution shift.
// Image severities follow CIFAR-10-C (Hendrycks & Dietterich, "Benchmarking Neural Network Robustness to Common
// Corruptions and Perturbations", ICLR 2019); deterministic for a given seed.
import type { DatasetDescription, LabeledExamples } from './dataset-types.js';
import { SeededRandom } from './seeded-random.js';
import { PADDING_ID } from './text-vocabulary.js';

export const IMAGE_CORRUPTIONS = ['gaussian-noise', 'contrast', 'occlusion'] as const;
export const TEXT_CORRUPTIONS = ['token-dropout'] as const;
export type CorruptionKind = (typeof IMAGE_CORRUPTIONS)[number] | (typeof TEXT_CORRUPTIONS)[number];
export type CorruptionSeverity = 1 | 2 | 3 | 4 | 5;

export interface Corruption {
  kind: CorruptionKind;
  severity: CorruptionSeverity;
}

/** Parameter per severity 1..5. */
export const CORRUPTION_PARAMETERS: Record<CorruptionKind, readonly number[]> = {
  /** Standard deviation of the noise on pixels scaled to [0, 1] (CIFAR-10-C gaussian_noise). */
  'gaussian-noise': [0.04, 0.06, 0.08, 0.09, 0.1],
  /** Factor pulling pixels towards the image mean (CIFAR-10-C contrast). */
  contrast: [0.75, 0.5, 0.4, 0.3, 0.15],
  /** Side of a black square, as a fraction of the image side (Cutout, DeVries & Taylor 2017). */
  occlusion: [0.1, 0.2, 0.3, 0.4, 0.5],
  /** Probability of deleting each token. */
  'token-dropout': [0.05, 0.1, 0.2, 0.3, 0.5],
};

export function corruptionsFor(description: DatasetDescription): readonly CorruptionKind[] {
  return description.modality === 'image' ? IMAGE_CORRUPTIONS : TEXT_CORRUPTIONS;
}

function clampByte(value: number): number {
  return value < 0 ? 0 : value > 255 ? 255 : Math.round(value);
}

/** A corrupted copy of `examples` (labels unchanged); the input is not modified. */
export function corruptExamples(examples: LabeledExamples, description: DatasetDescription, corruption: Corruption, seed: number): LabeledExamples {
  if (!corruptionsFor(description).includes(corruption.kind)) {
    throw new RangeError(`${corruption.kind} does not apply to ${description.modality} data; use one of ${corruptionsFor(description).join(', ')}`);
  }
  if (![1, 2, 3, 4, 5].includes(corruption.severity)) throw new RangeError(`severity must be 1..5, got ${corruption.severity}`);
  const parameter = CORRUPTION_PARAMETERS[corruption.kind][corruption.severity - 1];
  const random = new SeededRandom(seed);
  const width = examples.count === 0 ? 0 : examples.inputs.length / examples.count;
  const inputs = examples.inputs.slice();

  for (let i = 0; i < examples.count; i++) {
    const start = i * width;
    const example = inputs.subarray(start, start + width);
    switch (corruption.kind) {
      case 'gaussian-noise':
        for (let p = 0; p < width; p++) example[p] = clampByte(example[p] + 255 * parameter * random.nextGaussian());
        break;
      case 'contrast': {
        let mean = 0;
        for (let p = 0; p < width; p++) mean += example[p];
        mean /= width;
        for (let p = 0; p < width; p++) example[p] = clampByte((example[p] - mean) * parameter + mean);
        break;
      }
      case 'occlusion': {
        const [height, imageWidth, channels] = description.inputShape;
        const side = Math.max(1, Math.round(parameter * Math.min(height, imageWidth)));
        const top = random.nextInt(height - side + 1);
        const left = random.nextInt(imageWidth - side + 1);
        for (let y = top; y < top + side; y++) example.fill(0, (y * imageWidth + left) * channels, (y * imageWidth + left + side) * channels);
        break;
      }
      case 'token-dropout': {
        // Deleted tokens close up and the sequence is padded again at the front, as the loader pads.
        const kept: number[] = [];
        for (let p = 0; p < width; p++) if (example[p] !== PADDING_ID && random.next() >= parameter) kept.push(example[p]);
        example.fill(PADDING_ID);
        example.set(kept, width - kept.length);
        break;
      }
    }
  }
  return { ...examples, inputs };
}
