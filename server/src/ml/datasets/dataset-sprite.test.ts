import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { createDatasetSprite } from './dataset-sprite.js';
import type { SplitDataset } from './dataset-types.js';

const empty = { count: 0, inputs: new Uint8Array(0), labels: new Int32Array(0) };

describe('createDatasetSprite', () => {
  it('draws one row per class of test images, grey images as grey RGB', () => {
    const dataset: SplitDataset = {
      description: { id: 'mnist', displayName: 'x', modality: 'image', inputShape: [2, 2, 1], classNames: ['zero', 'one'], splitSizes: { train: 0, test: 3 } },
      train: empty,
      validation: empty,
      test: { count: 3, inputs: Uint8Array.from([10, 10, 10, 10, 20, 20, 20, 20, 30, 30, 30, 30]), labels: Int32Array.from([1, 0, 1]) },
    };
    const sprite = createDatasetSprite(dataset, { perClass: 2 });
    if (sprite.modality !== 'image') throw new Error('expected an image sprite');
    const png = PNG.sync.read(sprite.png);
    expect([png.width, png.height]).toEqual([2 * 3 + 1, 2 * 3 + 1]);
    // Row 0 (class zero) starts with test example 1 (value 20); row 1 with example 0 (10), then example 2 (30).
    const at = (x: number, y: number) => [...png.data.subarray((y * png.width + x) * 4, (y * png.width + x) * 4 + 4)];
    expect(at(1, 1)).toEqual([20, 20, 20, 255]);
    expect(at(1, 4)).toEqual([10, 10, 10, 255]);
    expect(at(4, 4)).toEqual([30, 30, 30, 255]);
  });

  it('decodes example texts per class through the vocabulary, without padding', () => {
    const dataset: SplitDataset = {
      description: { id: 'imdb', displayName: 'x', modality: 'text', inputShape: [4], classNames: ['negative', 'positive'], splitSizes: { train: 0, test: 2 } },
      train: { ...empty, inputs: new Int32Array(0) },
      validation: { ...empty, inputs: new Int32Array(0) },
      test: { count: 2, inputs: Int32Array.from([0, 0, 2, 3, 0, 4, 1, 2]), labels: Int32Array.from([1, 0]) },
      vocabulary: ['<pad>', '<oov>', 'good', 'film', 'bad'],
    };
    const sprite = createDatasetSprite(dataset, { perClass: 1 });
    expect(sprite).toEqual({
      modality: 'text',
      examples: [
        { label: 0, className: 'negative', text: 'bad <oov> good' },
        { label: 1, className: 'positive', text: 'good film' },
      ],
    });
  });
});
