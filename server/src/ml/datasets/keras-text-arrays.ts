// Keras' text datasets (keras.datasets.imdb and .reuters): each text a list of word-index ranks (1 = most frequent word)
// in a pickled .npz object array, labels an int array, words in a JSON word index. load_data shuffles them with
// RandomState(113) before use; ranks become our ids (rank r → FIRST_WORD_ID + r - 1), so padding (0), out-of-vocabulary
// (1) and vocabularySize mean what they mean for raw text. Keras' start mark (1) and index_from (3) are not applied.
import { readFile } from 'node:fs/promises';
import type { NpyArray } from './npy-reader.js';
import { toInt32Array } from './numpy-data.js';
import { PickledArray } from './numpy-pickle-globals.js';
import type { TokenizedSplit } from './text-corpus.js';
import { FIRST_WORD_ID, OUT_OF_VOCABULARY_ID } from './text-vocabulary.js';

/** keras.datasets.{imdb,reuters}.load_data(seed=113). */
export const KERAS_SEED = 113;

/** Bump when the conversion (order, rank → id) changes, so cached ids are rebuilt. */
export const KERAS_CONVERSION_VERSION = 1;

/** Words by rank (index i holds rank i + 1) from a Keras word index ({"the": 1, ...}), checked to rank 1..n once each. */
export async function readKerasWordIndex(filePath: string): Promise<string[]> {
  const index = JSON.parse(await readFile(filePath, 'utf8')) as Record<string, unknown>;
  const words: string[] = [];
  for (const [word, rank] of Object.entries(index)) {
    if (!Number.isInteger(rank) || (rank as number) < 1) throw new Error(`${filePath}: "${word}" has rank ${String(rank)}, not a positive integer`);
    if (words[(rank as number) - 1] !== undefined) throw new Error(`${filePath}: rank ${String(rank)} is given to both "${words[(rank as number) - 1]}" and "${word}"`);
    words[(rank as number) - 1] = word;
  }
  const gap = words.findIndex((word) => word === undefined);
  if (gap >= 0 || words.length !== Object.keys(index).length) throw new Error(`${filePath}: no word has rank ${gap + 1}; ranks must run from 1 without gaps`);
  return words;
}

function sequenceOf(item: unknown): ArrayLike<unknown> {
  if (item instanceof PickledArray) return item.items;
  if (Array.isArray(item)) return item;
  throw new Error(`a text is ${typeof item}, not a list of word ranks`);
}

/**
 * The texts `x[order[k]]` with labels `y[order[k]]`, k = 0, 1, ... (numpy's fancy indexing x[indices]), ranks turned
 * into ids; a rank with no word in the index (0, or beyond its end) becomes out-of-vocabulary.
 */
export function kerasSplit(x: NpyArray, y: NpyArray, order: Int32Array, wordCount: number, source: string): TokenizedSplit {
  if (x.descr !== '|O' || x.shape.length !== 1) throw new Error(`${source}: texts must be a 1-d object array of lists, found ${x.descr} ${JSON.stringify(x.shape)}`);
  if (y.shape.length !== 1 || y.shape[0] !== x.shape[0]) throw new Error(`${source}: ${y.shape[0]} labels for ${x.shape[0]} texts`);
  const allLabels = toInt32Array(y.data, `${source} labels`);
  const sequences = Array.from(order, (index) => sequenceOf(x.data[index]));
  const offsets = new Int32Array(sequences.length + 1);
  sequences.forEach((sequence, i) => (offsets[i + 1] = offsets[i] + sequence.length));
  const ids = new Int32Array(offsets[sequences.length]);
  let position = 0;
  for (const sequence of sequences) {
    for (let j = 0; j < sequence.length; j++) {
      const rank = sequence[j];
      if (typeof rank !== 'number' || !Number.isInteger(rank) || rank < 0) throw new Error(`${source}: word rank ${String(rank)} is not a non-negative integer`);
      ids[position++] = rank >= 1 && rank <= wordCount ? FIRST_WORD_ID + rank - 1 : OUT_OF_VOCABULARY_ID;
    }
  }
  return { ids, offsets, labels: Int32Array.from(order, (index) => allLabels[index]) };
}
