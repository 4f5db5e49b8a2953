// Turns labelled raw texts into padded token-id examples, caching the tokenized corpus so later loads only pad.
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

interface TokenizedSplit {
  ids: Int32Array;
  offsets: Int32Array;
  labels: Int32Array;
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

export function tokenizeCorpus(corpus: TextCorpus): { rankedWords: string[]; train: TokenizedSplit; test: TokenizedSplit } {
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

/**
 * Loads a text dataset: the tokenized corpus comes from the cache under `cacheName`/`cacheKey` when there,
 * otherwise `readCorpus` supplies raw texts that are tokenized and cached.
 */
export async function loadTextDataset(
  cacheName: string,
  cacheKey: unknown,
  readCorpus: () => Promise<TextCorpus>,
  { options, cache }: LoadContext,
): Promise<OfficialSplits> {
  let entry = await cache.read<{ rankedWords: string[] }>(cacheName, cacheKey);
  if (!entry) {
    const tokenized = tokenizeCorpus(await readCorpus());
    entry = {
      meta: { rankedWords: tokenized.rankedWords },
      arrays: {
        trainIds: tokenized.train.ids,
        trainOffsets: tokenized.train.offsets,
        trainLabels: tokenized.train.labels,
        testIds: tokenized.test.ids,
        testOffsets: tokenized.test.offsets,
        testLabels: tokenized.test.labels,
      },
    };
    await cache.write(cacheName, cacheKey, entry);
  }
  const { arrays } = entry;
  const split = (prefix: 'train' | 'test'): LabeledExamples => {
    const labels = arrays[`${prefix}Labels`] as Int32Array;
    return {
      count: labels.length,
      inputs: padSequences(arrays[`${prefix}Ids`] as Int32Array, arrays[`${prefix}Offsets`] as Int32Array, options.sequenceLength, options.vocabularySize),
      labels,
    };
  };
  return { train: split('train'), test: split('test'), vocabulary: vocabularyWords(entry.meta.rankedWords, options.vocabularySize) };
}
