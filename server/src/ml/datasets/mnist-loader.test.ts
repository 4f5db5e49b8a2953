import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from './dataset-catalog.js';
import { DatasetFileError } from './dataset-file-error.js';
import { parseIdx } from './idx-reader.js';
import { SHARED_DATASETS_DIR, temporaryDir } from './test-datasets-dir.js';

const cacheDir = temporaryDir('mnist-cache');

describe('parseIdx', () => {
  it('reads shape and data of an unsigned-byte IDX file', () => {
    const file = Uint8Array.from([0, 0, 8, 2, 0, 0, 0, 2, 0, 0, 0, 3, 1, 2, 3, 4, 5, 6]);
    const idx = parseIdx(file, 'x.idx');
    expect(idx.shape).toEqual([2, 3]);
    expect([...idx.data]).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('rejects a file whose size disagrees with its header', () => {
    expect(() => parseIdx(Uint8Array.from([0, 0, 8, 1, 0, 0, 0, 9, 1]), 'short.idx')).toThrow(/short.idx.*9 values/);
  });
});

describe('MNIST and Fashion-MNIST from the published IDX files', () => {
  it('loads all 70 000 MNIST digits as uint8 and splits 10 % of train off for validation, stratified', async () => {
    const dataset = await loadDataset('mnist', { datasetsDir: SHARED_DATASETS_DIR, cacheDir, download: false });
    expect(dataset.description.inputShape).toEqual([28, 28, 1]);
    expect(dataset.description.splitSizes).toEqual({ train: 60_000, test: 10_000 });
    expect(dataset.train.inputs).toBeInstanceOf(Uint8Array);
    expect(dataset.train.count + dataset.validation.count).toBe(60_000);
    expect(dataset.validation.count).toBe(6_000);
    expect(dataset.train.inputs.length).toBe(54_000 * 784);
    // The published test set starts with a 7, then a 2 (LeCun's t10k-labels).
    expect([...dataset.test.labels.subarray(0, 3)]).toEqual([7, 2, 1]);
    const perClass = new Array(10).fill(0);
    for (const label of dataset.validation.labels) perClass[label]++;
    // MNIST's rarest class (5: 5421 train images) and commonest (1: 6742) keep their 10 % share, within one.
    expect(Math.abs(perClass[5] - 542)).toBeLessThanOrEqual(1);
    expect(Math.abs(perClass[1] - 674)).toBeLessThanOrEqual(1);
  });

  it('keeps a smaller training budget a stratified prefix of a larger one, the same for the same seed', async () => {
    const options = { datasetsDir: SHARED_DATASETS_DIR, cacheDir, download: false, seed: 7 };
    const small = await loadDataset('fashion-mnist', { ...options, trainSubsetSize: 1_000 });
    const large = await loadDataset('fashion-mnist', { ...options, trainSubsetSize: 5_000 });
    expect(small.train.count).toBe(1_000);
    expect(large.train.inputs.subarray(0, 1_000 * 784)).toEqual(small.train.inputs);
    expect(small.validation.labels).toEqual(large.validation.labels);
    const perClass = new Array(10).fill(0);
    for (const label of small.train.labels) perClass[label]++;
    expect(perClass).toEqual(new Array(10).fill(100));
    expect(small.description.classNames[9]).toBe('Ankle boot');
    const otherSeed = await loadDataset('fashion-mnist', { ...options, seed: 8, trainSubsetSize: 1_000 });
    expect(otherSeed.train.inputs).not.toEqual(small.train.inputs);
  });

  it('names the missing file, the folder searched and the URL when a file is absent and downloads are off', async () => {
    const empty = temporaryDir('empty-datasets');
    const error = await loadDataset('mnist', { datasetsDir: empty, cacheDir, download: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatasetFileError);
    const message = (error as Error).message;
    expect(message).toContain('train-images-idx3-ubyte.gz');
    expect(message).toContain(path.join(empty, 'mnist'));
    expect(message).toContain('https://ossci-datasets.s3.amazonaws.com/mnist/train-images-idx3-ubyte.gz');
  });

  it('rejects a file whose checksum differs, naming it and where to get it again', async () => {
    const dir = temporaryDir('corrupt-datasets');
    await mkdir(path.join(dir, 'mnist'));
    for (const name of ['train-images-idx3-ubyte.gz', 'train-labels-idx1-ubyte.gz', 't10k-images-idx3-ubyte.gz']) {
      await copyFile(path.join(SHARED_DATASETS_DIR, 'mnist', name), path.join(dir, 'mnist', name));
    }
    await writeFile(path.join(dir, 'mnist', 't10k-labels-idx1-ubyte.gz'), Buffer.alloc(4_542, 1));
    const error = (await loadDataset('mnist', { datasetsDir: dir, cacheDir: temporaryDir('corrupt-cache'), download: false }).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(DatasetFileError);
    expect(error.message).toMatch(/t10k-labels-idx1-ubyte\.gz is corrupt: its sha256 is [0-9a-f]{64}, expected f7ae60f9/);
    expect(error.message).toContain('https://ossci-datasets.s3.amazonaws.com/mnist/t10k-labels-idx1-ubyte.gz');
  });
});
