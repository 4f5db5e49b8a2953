// Reuters-21578 newswire topics with the ModApte split, labelled like Keras' reuters.npz (see docs/DATASETS.md), or
// Keras' reuters.npz itself (with its own random 80/20 split) when placed in the folder.
import type { DatasetLoader } from './dataset-loader.js';
import { fingerprintFiles } from './dataset-files.js';
import { KERAS_CONVERSION_VERSION, KERAS_SEED, kerasSplit, readKerasWordIndex } from './keras-text-arrays.js';
import { NpzArchive } from './npz-archive.js';
import { NumpyRandomState } from './numpy-random-state.js';
import { parseReutersSgml, type ReutersStory } from './reuters-sgml-reader.js';
import { readTarGz } from './tar-reader.js';
import { loadTextDataset, tokenizeCorpus, type TextCorpus, type TokenizedCorpus } from './text-corpus.js';
import { TOKENIZER_VERSION } from './text-tokenizer.js';

/**
 * The 46 topics of Keras' reuters.npz, in Keras' label order (keras.datasets.reuters.get_label_names()).
 * They are exactly the topics that are the first-listed topic of at least 14 of the collection's stories, ordered by
 * first appearance; reuters-loader.test.ts re-derives them from the SGML.
 */
export const KERAS_REUTERS_TOPICS = [
  'cocoa', 'grain', 'veg-oil', 'earn', 'acq', 'wheat', 'copper', 'housing', 'money-supply', 'coffee', 'sugar', 'trade',
  'reserves', 'ship', 'cotton', 'carcass', 'crude', 'nat-gas', 'cpi', 'money-fx', 'interest', 'gnp', 'meal-feed', 'alum',
  'oilseed', 'gold', 'tin', 'strategic-metal', 'livestock', 'retail', 'ipi', 'iron-steel', 'rubber', 'heat', 'jobs', 'lei',
  'bop', 'zinc', 'orange', 'pet-chem', 'dlr', 'gas', 'silver', 'wpi', 'hog', 'lead',
];

const SGML_FILE = /^(?:.*\/)?reut2-\d{3}\.sgm$/;

export async function readReutersStories(archivePath: string): Promise<ReutersStory[]> {
  const files: { name: string; stories: ReutersStory[] }[] = [];
  for await (const entry of readTarGz(archivePath, (name) => SGML_FILE.test(name))) {
    files.push({ name: entry.name, stories: parseReutersSgml(entry.data.toString('latin1')) });
  }
  files.sort((a, b) => (a.name < b.name ? -1 : 1));
  const stories = files.flatMap((file) => file.stories);
  if (files.length !== 22 || stories.length !== 21_578) {
    throw new Error(`${archivePath}: expected 22 reut2-NNN.sgm files with 21578 stories, found ${files.length} with ${stories.length}; the archive is incomplete`);
  }
  return stories;
}

/** ModApte (README.txt VIII.B): LEWISSPLIT TRAIN or TEST with TOPICS="YES"; the label is the first topic, kept when Keras uses it. */
export function modApteCorpus(stories: ReutersStory[]): TextCorpus {
  const labelOf = new Map(KERAS_REUTERS_TOPICS.map((topic, index) => [topic, index]));
  const corpus: TextCorpus = { train: [], test: [] };
  for (const story of stories) {
    if (story.topicsChecked !== 'YES' || story.lewisSplit === 'NOT-USED' || story.topics.length === 0) continue;
    const label = labelOf.get(story.topics[0]);
    if (label === undefined) continue;
    corpus[story.lewisSplit === 'TRAIN' ? 'train' : 'test'].push({ text: `${story.title}\n${story.body}`, label });
  }
  return corpus;
}

export const KERAS_REUTERS_FILES = { sequences: 'reuters.npz', wordIndex: 'reuters_word_index.json' } as const;

/** keras.datasets.reuters.load_data(test_split=0.2): shuffled by RandomState(113), the first int(n × 0.8) for training. */
export const KERAS_REUTERS_TEST_SPLIT = 0.2;

export async function readKerasReuters(npzPath: string, wordIndexPath: string): Promise<TokenizedCorpus> {
  const rankedWords = await readKerasWordIndex(wordIndexPath);
  const npz = await NpzArchive.open(npzPath);
  const [x, y] = [npz.array('x'), npz.array('y')];
  const order = new NumpyRandomState(KERAS_SEED).shuffledIndices(x.shape[0] ?? 0);
  // The same float expression as Keras' int(len(xs) * (1 - test_split)), so the boundary matches.
  const trainCount = Math.trunc(order.length * (1 - KERAS_REUTERS_TEST_SPLIT));
  const split = (part: Int32Array) => kerasSplit(x, y, part, rankedWords.length, npzPath);
  return { rankedWords, train: split(order.subarray(0, trainCount)), test: split(order.subarray(trainCount)) };
}

export const loadReuters: DatasetLoader = async (files, context) => {
  const byName = new Map(files.collection.files.map((file) => [file.name, file.path]));
  const npzPath = byName.get(KERAS_REUTERS_FILES.sequences);
  const wordIndexPath = byName.get(KERAS_REUTERS_FILES.wordIndex);
  if (npzPath && wordIndexPath) {
    const key = { conversion: KERAS_CONVERSION_VERSION, split: KERAS_REUTERS_TEST_SPLIT, files: await fingerprintFiles([npzPath, wordIndexPath]) };
    return loadTextDataset('reuters-keras', key, () => readKerasReuters(npzPath, wordIndexPath), context);
  }
  const archive = files.collection.files[0].path;
  const key = { tokenizer: TOKENIZER_VERSION, split: 'modapte-keras46', files: await fingerprintFiles([archive]) };
  return loadTextDataset('reuters-tokens', key, async () => tokenizeCorpus(modApteCorpus(await readReutersStories(archive))), context);
};
