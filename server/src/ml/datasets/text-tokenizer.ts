// Word tokenization shared by IMDB and Reuters: lower case, HTML line breaks and entities removed, words of letters and
// digits with inner apostrophes kept ("don't"), everything else a separator; close to Keras' Tokenizer filters.

const WORD = /[a-z0-9\u00df-\u00ff]+(?:'[a-z0-9\u00df-\u00ff]+)*/g;
const MARKUP = /<br\s*\/?>|&(?:[a-z]+|#\d+);/g;

export function tokenize(text: string): string[] {
  return text.toLowerCase().replace(MARKUP, ' ').match(WORD) ?? [];
}

/** Bump when tokenization changes, so cached token ids are rebuilt. */
export const TOKENIZER_VERSION = 1;
