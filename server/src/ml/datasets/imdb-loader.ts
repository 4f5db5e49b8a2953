// IMDB Large Movie Review Dataset (Maas et al., 2011): aclImdb/{train,test}/{pos,neg}/<id>_<rating>.txt, or Keras'
// tokenized edition of it (imdb.npz + imdb_word_index.json) when those are placed in the folder.
import type { DatasetLoader } from './dataset-loader.js';
import { fingerprintFiles } from './dataset-files.js';
import { KERAS_CONVERSION_VERSION, KERAS_SEED, kerasSplit, readKerasWordIndex } from './keras-text-arrays.js';
import { NpzArchive } from './npz-archive.js';
import { NumpyRandomState } from './numpy-random-state.js';
import { readTarGz } from './tar-reader.js';
import { loadTextDataset, tokenizeCorpus, type LabeledText, type TextCorpus, type TokenizedCorpus } from './text-corpus.js';
import { TOKENIZER_VERSION } from './text-tokenizer.js';

export const IMDB_CLASS_NAMES = ['negative', 'positive'];

const REVIEW = /^aclImdb\/(train|test)\/(pos|neg)\/(\d+)_\d+\.txt$/;

/** Reads the labelled reviews from every archive of the `reviews` role, in a fixed order (split, label, review id). */
export async function readImdbCorpus(archivePaths: string[]): Promise<TextCorpus> {
  const found: { split: string; label: number; id: number; text: string }[] = [];
  for (const archivePath of archivePaths) {
    for await (const entry of readTarGz(archivePath, (name) => REVIEW.test(name))) {
      const [, split, polarity, id] = REVIEW.exec(entry.name)!;
      found.push({ split, label: polarity === 'pos' ? 1 : 0, id: Number(id), text: entry.data.toString('utf8') });
    }
  }
  found.sort((a, b) => a.label - b.label || a.id - b.id);
  const pick = (split: string): LabeledText[] => found.filter((review) => review.split === split).map(({ text, label }) => ({ text, label }));
  const corpus = { train: pick('train'), test: pick('test') };
  if (corpus.train.length !== 25_000 || corpus.test.length !== 25_000) {
    throw new Error(
      `${archivePaths.join(', ')}: expected 25000 labelled train and 25000 test reviews, found ${corpus.train.length} and ${corpus.test.length}; the archive is incomplete`,
    );
  }
  return corpus;
}

export const KERAS_IMDB_FILES = { sequences: 'imdb.npz', wordIndex: 'imdb_word_index.json' } as const;

/** keras.datasets.imdb.load_data's data and order: train shuffled, then test, by one RandomState(113). */
export async function readKerasImdb(npzPath: string, wordIndexPath: string): Promise<TokenizedCorpus> {
  const rankedWords = await readKerasWordIndex(wordIndexPath);
  const npz = await NpzArchive.open(npzPath);
  const random = new NumpyRandomState(KERAS_SEED);
  const split = (x: string, y: string) => {
    const texts = npz.array(x);
    return kerasSplit(texts, npz.array(y), random.shuffledIndices(texts.shape[0] ?? 0), rankedWords.length, `${npzPath}:${x}`);
  };
  const train = split('x_train', 'y_train');
  return { rankedWords, train, test: split('x_test', 'y_test') };
}

export const loadImdb: DatasetLoader = async (files, context) => {
  const byName = new Map(files.reviews.files.map((file) => [file.name, file.path]));
  const npzPath = byName.get(KERAS_IMDB_FILES.sequences);
  const wordIndexPath = byName.get(KERAS_IMDB_FILES.wordIndex);
  if (npzPath && wordIndexPath) {
    const key = { conversion: KERAS_CONVERSION_VERSION, files: await fingerprintFiles([npzPath, wordIndexPath]) };
    return loadTextDataset('imdb-keras', key, () => readKerasImdb(npzPath, wordIndexPath), context);
  }
  const archives = files.reviews.files.map((file) => file.path);
  const key = { tokenizer: TOKENIZER_VERSION, files: await fingerprintFiles(archives) };
  return loadTextDataset('imdb-tokens', key, async () => tokenizeCorpus(await readImdbCorpus(archives)), context);
};
