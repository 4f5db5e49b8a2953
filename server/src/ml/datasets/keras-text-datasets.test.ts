import { copyFile, mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { listDatasets, loadDataset } from './dataset-catalog.js';
import { datasetRegistry } from './dataset-registry.js';
import { temporaryDir } from './test-datasets-dir.js';

const downloads = vi.hoisted(() => [] as string[]);
vi.mock('./file-download.js', () => ({
  downloadFile: async (url: string) => {
    downloads.push(url);
    throw new Error('offline in tests');
  },
}));

// Tiny Keras-layout files written by numpy (test-fixtures/make-numpy-fixtures.py): word ranks in object arrays.
const FIXTURES = path.join(import.meta.dirname, 'test-fixtures', 'keras');

/**
 * A datasets folder holding the Keras fixtures (and, to check precedence, a raw-text file too). The fixtures cannot
 * have the real files' checksums, so they are entered in the verification record as if hashed before.
 */
async function kerasFolder(id: 'imdb' | 'reuters', extraFile: string) {
  const datasetsDir = temporaryDir(`keras-${id}`);
  const cacheDir = temporaryDir(`keras-${id}-cache`);
  const folder = path.join(datasetsDir, id);
  await mkdir(folder, { recursive: true });
  const group = datasetRegistry[id].files.roles[0].alternatives[0];
  const records: Record<string, unknown> = {};
  for (const file of group.files) {
    const target = path.join(folder, file.name);
    await copyFile(path.join(FIXTURES, file.name), target);
    const info = await stat(target);
    records[path.resolve(target)] = { bytes: info.size, mtimeMs: info.mtimeMs, sha256: file.sha256, md5: file.md5 };
  }
  await writeFile(path.join(folder, extraFile), 'raw text stand-in');
  await writeFile(path.join(cacheDir, 'verified-files.json'), JSON.stringify(records));
  return { datasetsDir, cacheDir, download: false, validationFraction: 0 };
}

const rows = (inputs: Int32Array | Uint8Array, width: number) => Array.from({ length: inputs.length / width }, (_, i) => [...inputs.subarray(i * width, (i + 1) * width)]);

describe('IMDB from Keras imdb.npz + imdb_word_index.json', () => {
  it('is preferred over the raw text when both are present, and the listing says so', async () => {
    const options = await kerasFolder('imdb', 'aclImdb_v1.tar.gz');
    const imdb = (await listDatasets(options)).find((dataset) => dataset.id === 'imdb')!;
    expect(imdb.source).toBe('Keras imdb.npz + imdb_word_index.json');
    expect(imdb.splitSizes).toEqual({ train: 25_000, test: 25_000 });
  });

  it('reproduces keras.datasets.imdb.load_data: RandomState(113) order, word ranks as ids (rank r → r + 1), our padding', async () => {
    const options = await kerasFolder('imdb', 'aclImdb_v1.tar.gz');
    const dataset = await loadDataset('imdb', { ...options, vocabularySize: 8, sequenceLength: 4 });
    expect(dataset.description.source).toBe('Keras imdb.npz + imdb_word_index.json');
    expect(dataset.description.splitSizes).toEqual({ train: 6, test: 4 });
    expect(dataset.vocabulary).toEqual(['<pad>', '<oov>', 'the', 'movie', 'was', 'great', 'bad', 'not']);
    // Keras' test order is x_test[[0, 1, 3, 2]] (the shuffle continues the training shuffle's stream).
    expect(rows(dataset.test.inputs, 4)).toEqual([
      [3, 4, 5, 5], // "the movie was great great", front-truncated
      [2, 1, 4, 6], // "the plot was bad": plot (id 9) is beyond vocabularySize 8
      [4, 7, 6, 6], // "… was not bad bad"
      [0, 0, 0, 3], // "movie", front-padded
    ]);
    expect([...dataset.test.labels]).toEqual([1, 0, 0, 1]);
    // Training order x_train[[1, 0, 3, 2, 4, 5]]; rank 9 has no word in the index and is out-of-vocabulary.
    const training = rows(dataset.train.inputs, 4).map((row, i) => [row, dataset.train.labels[i]]);
    expect(training).toEqual(
      expect.arrayContaining([
        [[2, 3, 4, 6], 0],
        [[2, 3, 4, 5], 1],
        [[0, 0, 1, 3], 1],
        [[1, 4, 7, 5], 1],
        [[2, 1, 4, 6], 0],
        [[3, 4, 7, 6], 0],
      ]),
    );
    expect(training).toHaveLength(6);

    // The converted ranks are cached like tokenized raw text: a reload only pads.
    expect((await readdir(path.join(options.cacheDir, 'parsed'))).some((name) => name.startsWith('imdb-keras-'))).toBe(true);
    const again = await loadDataset('imdb', { ...options, vocabularySize: 8, sequenceLength: 4 });
    expect(again.test.inputs).toEqual(dataset.test.inputs);
  });

  it('downloads the raw text, never the opt-in Keras edition, when nothing is present', async () => {
    downloads.length = 0;
    const options = { datasetsDir: temporaryDir('imdb-empty'), cacheDir: temporaryDir('imdb-empty-cache'), download: true };
    await expect(loadDataset('imdb', options)).rejects.toThrow(/downloading it from https:\/\/ai\.stanford\.edu\/~amaas\/data\/sentiment\/aclImdb_v1\.tar\.gz failed/);
    expect(downloads).toEqual(['https://ai.stanford.edu/~amaas/data/sentiment/aclImdb_v1.tar.gz']);
  });
});

describe('Reuters from Keras reuters.npz + reuters_word_index.json', () => {
  it('is preferred over the SGML, listed with Keras’ own split sizes (8 982 / 2 246) instead of ModApte’s', async () => {
    const options = await kerasFolder('reuters', 'reuters21578.tar.gz');
    const reuters = (await listDatasets(options)).find((dataset) => dataset.id === 'reuters')!;
    expect(reuters.source).toMatch(/^Keras reuters\.npz/);
    expect(reuters.splitSizes).toEqual({ train: 8_982, test: 2_246 });
  });

  it('splits like keras.datasets.reuters.load_data: shuffled by RandomState(113), the first int(n × 0.8) for training', async () => {
    const options = await kerasFolder('reuters', 'reuters21578.tar.gz');
    const dataset = await loadDataset('reuters', { ...options, sequenceLength: 3 });
    expect(dataset.description.splitSizes).toEqual({ train: 8, test: 2 });
    // What the fixture holds is compared with Keras' edition, not with ModApte's 7 697 / 2 974.
    expect(dataset.description.publishedSplitSizes).toEqual({ train: 8_982, test: 2_246 });
    expect(dataset.description.classNames[5]).toBe('wheat');
    // Order [9, 3, 6, 1, 0, 7, 4, 8 | 2, 5]: the test split is x[2] = "wheat said", x[5] = "wheat prices rose".
    expect(rows(dataset.test.inputs, 3)).toEqual([
      [0, 6, 3],
      [6, 7, 8],
    ]);
    expect([...dataset.test.labels]).toEqual([5, 5]);
    expect([...dataset.train.labels].sort((a, b) => a - b)).toEqual([5, 16, 16, 16, 16, 25, 25, 25]);
  });
});
