import { describe, expect, it } from 'vitest';
import { padSequences } from './sequence-padding.js';
import { tokenize } from './text-tokenizer.js';
import { rankWords, vocabularyWords } from './text-vocabulary.js';

describe('tokenize', () => {
  it('lower-cases, drops HTML line breaks and punctuation, keeps inner apostrophes', () => {
    expect(tokenize("I didn't LIKE it.<br /><br />Really: 2/10 -- 'meh'")).toEqual(['i', "didn't", 'like', 'it', 'really', '2', '10', 'meh']);
  });
});

describe('rankWords', () => {
  it('ranks by training frequency, ties in code-point order', () => {
    expect(rankWords([['b', 'a', 'c'], ['c', 'b'], ['c']])).toEqual(['c', 'b', 'a']);
  });

  it('reserves ids 0 and 1 for padding and out-of-vocabulary', () => {
    expect(vocabularyWords(['c', 'b', 'a'], 4)).toEqual(['<pad>', '<oov>', 'c', 'b']);
  });
});

describe('padSequences', () => {
  it('pads and truncates at the front like Keras, and maps ids beyond the vocabulary to out-of-vocabulary', () => {
    // Two texts: [2, 3] and [4, 5, 6, 7].
    const ids = Int32Array.from([2, 3, 4, 5, 6, 7]);
    const offsets = Int32Array.from([0, 2, 6]);
    expect([...padSequences(ids, offsets, 3, 6)]).toEqual([0, 2, 3, 5, 1, 1]);
  });
});
