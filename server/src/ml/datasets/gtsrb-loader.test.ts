import { describe, expect, it } from 'vitest';
import { loadDataset } from './dataset-catalog.js';
import { cropResizeInto } from './image-resize.js';
import { parsePpm } from './ppm-reader.js';
import { SHARED_DATASETS_DIR, temporaryDir } from './test-datasets-dir.js';

describe('parsePpm', () => {
  it('reads a P6 header with a comment and returns the RGB bytes after it', () => {
    const file = Buffer.concat([Buffer.from('P6\n# made by hand\n2 1\n255\n'), Buffer.from([1, 2, 3, 4, 5, 6])]);
    const image = parsePpm(file, 'tiny.ppm');
    expect([image.width, image.height, [...image.pixels]]).toEqual([2, 1, [1, 2, 3, 4, 5, 6]]);
  });
});

describe('cropResizeInto', () => {
  it('keeps only the ROI: a red sign inside a blue border resizes to all red', () => {
    const width = 10;
    const pixels = new Uint8Array(width * width * 3);
    for (let y = 0; y < width; y++) {
      for (let x = 0; x < width; x++) {
        const inside = x >= 2 && x < 8 && y >= 3 && y < 9;
        pixels.set(inside ? [255, 0, 0] : [0, 0, 255], (y * width + x) * 3);
      }
    }
    const target = new Uint8Array(4 * 4 * 3);
    cropResizeInto({ width, height: width, pixels }, { x1: 2, y1: 3, x2: 8, y2: 9 }, 4, target, 0);
    for (let p = 0; p < 16; p++) expect([...target.subarray(p * 3, p * 3 + 3)]).toEqual([255, 0, 0]);
  });

  it('is the identity when the crop already has the target size', () => {
    const pixels = Uint8Array.from({ length: 3 * 3 * 3 }, (_, i) => i * 9);
    const target = new Uint8Array(27);
    cropResizeInto({ width: 3, height: 3, pixels }, { x1: 0, y1: 0, x2: 3, y2: 3 }, 3, target, 0);
    expect(target).toEqual(pixels);
  });
});

describe('GTSRB from the PPM archives and GT CSVs', () => {
  it('reports the sizes it really has (train subset), crops 43 classes to the configured square, keeps tracks on one side', async () => {
    const dataset = await loadDataset('gtsrb', { datasetsDir: SHARED_DATASETS_DIR, cacheDir: temporaryDir('gtsrb-cache'), download: false, imageSize: 24 });
    expect(dataset.description.inputShape).toEqual([24, 24, 3]);
    expect(dataset.description.classNames).toHaveLength(43);
    expect(dataset.description.splitSizes).toEqual({ train: 2_580, test: 12_630 });
    expect(dataset.description.publishedSplitSizes).toEqual({ train: 39_209, test: 12_630 });
    expect(dataset.test.inputs.length).toBe(12_630 * 24 * 24 * 3);
    // GT-final_test.csv: 00000.ppm is class 16, 00001.ppm class 1.
    expect([...dataset.test.labels.subarray(0, 2)]).toEqual([16, 1]);
    expect(new Set(dataset.test.labels).size).toBe(43);
    const trainTracks = new Set(dataset.train.groups);
    expect(dataset.validation.groups!.some((track) => trainTracks.has(track))).toBe(false);
    expect(dataset.train.count + dataset.validation.count).toBe(2_580);
  });
});
