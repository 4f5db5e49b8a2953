import { describe, expect, it } from 'vitest';
import { corruptExamples } from './corruptions.js';
import type { DatasetDescription, LabeledExamples } from './dataset-types.js';

const imageDescription: DatasetDescription = {
  id: 'cifar10', displayName: 'test', modality: 'image', inputShape: [10, 10, 3], classNames: ['a', 'b'], splitSizes: { train: 0, test: 2 },
};
const textDescription: DatasetDescription = { ...imageDescription, id: 'imdb', modality: 'text', inputShape: [8] };

function images(): LabeledExamples {
  return { count: 2, inputs: Uint8Array.from({ length: 600 }, (_, i) => (i * 7) % 256), labels: Int32Array.from([0, 1]) };
}

describe('corruptExamples', () => {
  it('adds gaussian noise deterministically by seed, leaving the original and labels untouched', () => {
    const original = images();
    const before = original.inputs.slice();
    const a = corruptExamples(original, imageDescription, { kind: 'gaussian-noise', severity: 3 }, 1);
    const b = corruptExamples(original, imageDescription, { kind: 'gaussian-noise', severity: 3 }, 1);
    const c = corruptExamples(original, imageDescription, { kind: 'gaussian-noise', severity: 3 }, 2);
    expect(original.inputs).toEqual(before);
    expect(a.inputs).toEqual(b.inputs);
    expect(a.inputs).not.toEqual(c.inputs);
    expect(a.labels).toBe(original.labels);
    let squared = 0;
    a.inputs.forEach((value, i) => (squared += (value - before[i]) ** 2));
    // sigma 0.08 of 255 ≈ 20 grey levels, a little less after clipping at 0 and 255.
    expect(Math.sqrt(squared / before.length)).toBeGreaterThan(15);
    expect(Math.sqrt(squared / before.length)).toBeLessThan(22);
  });

  it('pulls pixels towards the image mean for contrast', () => {
    const flat = { count: 1, inputs: Uint8Array.from([0, 100, 200]), labels: Int32Array.from([0]) };
    const shifted = corruptExamples(flat, { ...imageDescription, inputShape: [1, 1, 3] }, { kind: 'contrast', severity: 2 }, 0);
    expect([...shifted.inputs]).toEqual([50, 100, 150]);
  });

  it('blacks out one square of the configured side per image', () => {
    const white = { count: 1, inputs: new Uint8Array(300).fill(255), labels: Int32Array.from([0]) };
    const occluded = corruptExamples(white, imageDescription, { kind: 'occlusion', severity: 3 }, 5);
    expect(occluded.inputs.filter((value) => value === 0).length).toBe(3 * 3 * 3);
  });

  it('drops tokens and pads again at the front for text', () => {
    const text = { count: 1, inputs: Int32Array.from([0, 0, 2, 3, 4, 5, 6, 7]), labels: Int32Array.from([1]) };
    const dropped = corruptExamples(text, textDescription, { kind: 'token-dropout', severity: 5 }, 3);
    const tokens = [...dropped.inputs].filter((id) => id !== 0);
    expect(tokens.length).toBeLessThan(6);
    expect([...dropped.inputs.subarray(8 - tokens.length)]).toEqual(tokens);
    expect(tokens.every((id, i) => i === 0 || id > tokens[i - 1])).toBe(true);
  });

  it('refuses a corruption of the other modality', () => {
    expect(() => corruptExamples(images(), imageDescription, { kind: 'token-dropout', severity: 1 }, 0)).toThrow(/does not apply to image/);
  });
});
