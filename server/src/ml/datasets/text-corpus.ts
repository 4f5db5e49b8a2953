// Turns labelled raw texts into padded token-id examples, caching the tokenized corpus so later loads only pad;
// corpora that arrive tokenized (Keras' .npz) are cached and padded the same way.
import type { DatasetOptions } from './dataset-defaults.js';
import type { LoadContext, OfficialSplits } from './dataset-loader.js';
import type { LabeledExamples } from './dataset-types.js';
import { padSequences } from './sequence-padding.js';
import { tokenize } from './text-tokenizer.js';
import { FIRST_WORD_ID, OUT_OF_VOCABULARY_ID, rankWords, vocabularyWords } from './text-vocabulary.js';

export interface LabeledText {
  text: string;
  label: number;
}

export interface TextCorpus {
  train: LabeledText[];
  test: LabeledText[];
}

/** Texts as token ids, concatenated: text i is `ids[offsets[i]..offsets[i+1]]`; ids by full word rank (see text-vocabulary). */
export interface TokenizedSplit {
  ids: Int32Array;
  offsets: Int32Array;
  labels: Int32Array;
}

export interface TokenizedCorpus {
  /** Word of id FIRST_WORD_ID + i at index i. */
  rankedWords: string[];
  train: TokenizedSplit;
  test: TokenizedSplit;
}

/** Ids by full word rank, so one cached corpus serves every vocabulary size and sequence length. */
function encode(texts: string[][], rankOf: Map<string, number>, labels: number[]): TokenizedSplit {
  const offsets = new Int32Array(texts.length + 1);
  for (let i = 0; i < texts.length; i++) offsets[i + 1] = offsets[i] + texts[i].length;
  const ids = new Int32Array(offsets[texts.length]);
  let position = 0;
  for (const tokens of texts) {
    for (const token of tokens) ids[position++] = rankOf.get(token) ?? OUT_OF_VOCABULARY_ID;
  }
  return { ids, offsets, labels: Int32Array.from(labels) };
}

export function tokenizeCorpus(corpus: TextCorpus): TokenizedCorpus {
  const trainTokens = corpus.train.map((example) => tokenize(example.text));
  const testTokens = corpus.test.map((example) => tokenize(example.text));
  const rankedWords = rankWords(trainTokens);
  const rankOf = new Map(rankedWords.map((word, rank) => [word, rank + FIRST_WORD_ID]));
  return {
    rankedWords,
    train: encode(trainTokens, rankOf, corpus.train.map((example) => example.label)),
    test: encode(testTokens, rankOf, corpus.test.map((example) => example.label)),
  };
}

/** Pads and truncates every text to `sequenceLength`, ids from `vocabularySize` on becoming out-of-vocabulary. */
function padTokenizedCorpus(corpus: TokenizedCorpus, { sequenceLength, vocabularySize }: Pick<DatasetOptions, 'sequenceLength' | 'vocabularySize'>): OfficialSplits {
  const split = ({ ids, offsets, labels }: TokenizedSplit): LabeledExamples => ({
    count: labels.length,
    inputs: padSequences(ids, offsets, sequenceLength, vocabularySize),
    labels,
  });
  return { train: split(corpus.train), test: split(corpus.test), vocabulary: vocabularyWords(corpus.rankedWords, vocabularySize) };
}

/**
 * Loads a text dataset: the tokenized corpus comes from the cache under `cacheName`/`cacheKey` when there,
 * otherwise `buildCorpus` makes it (tokenizing raw texts, or reading Keras' ranks) and it is cached.
 */
export async function loadTextDataset(
  cacheName: string,
  cacheKey: unknown,
  buildCorpus: () => Promise<TokenizedCorpus>,
  { options, cache }: LoadContext,
): Promise<OfficialSplits> {
  const cached = await cache.read<{ rankedWords: string[] }>(cacheName, cacheKey);
  if (cached) {
    const { arrays } = cached;
    const split = (prefix: 'train' | 'test'): TokenizedSplit => ({
      ids: arrays[`${prefix}Ids`] as Int32Array,
      offsets: arrays[`${prefix}Offsets`] as Int32Array,
      labels: arrays[`${prefix}Labels`] as Int32Array,
    });
    return padTokenizedCorpus({ rankedWords: cached.meta.rankedWords, train: split('train'), test: split('test') }, options);
  }
  const tokenized = await buildCorpus();
  await cache.write(cacheName, cacheKey, {
    meta: { rankedWords: tokenized.rankedWords },
    arrays: {
      trainIds: tokenized.train.ids,
      trainOffsets: tokenized.train.offsets,
      trainLabels: tokenized.train.labels,
      testIds: tokenized.test.ids,
      testOffsets: tokenized.test.offsets,
      testLabels: tokenized.test.labels,
    },
  });
  return padTokenizedCorpus(tokenized, options);
}
