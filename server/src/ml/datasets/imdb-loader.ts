// IMDB Large Movie Review Dataset (Maas et al., 2011): aclImdb/{train,test}/{pos,neg}/<id>_<rating>.txt.
import type { DatasetLoader } from './dataset-loader.js';
import { fingerprintFiles } from './dataset-files.js';
import { readTarGz } from './tar-reader.js';
import { loadTextDataset, type LabeledText, type TextCorpus } from './text-corpus.js';
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

export const loadImdb: DatasetLoader = async (files, context) => {
  const archives = files.reviews.files.map((file) => file.path);
  const key = { tokenizer: TOKENIZER_VERSION, files: await fingerprintFiles(archives) };
  return loadTextDataset('imdb-tokens', key, () => readImdbCorpus(archives), context);
};
