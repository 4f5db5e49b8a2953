// Word ranks by frequency in the training texts only (test texts must not leak into the vocabulary).

/** Token id 0 pads, 1 marks a word outside the vocabulary; words start at 2, most frequent first. */
export const PADDING_ID = 0;
export const OUT_OF_VOCABULARY_ID = 1;
export const FIRST_WORD_ID = 2;

/** All words of the training texts, most frequent first, ties by code-point order so the result is deterministic. */
export function rankWords(trainingTokens: Iterable<string[]>): string[] {
  const counts = new Map<string, number>();
  for (const tokens of trainingTokens) {
    for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([word]) => word);
}

/** The id→word table of a vocabulary of `vocabularySize` ids. */
export function vocabularyWords(rankedWords: readonly string[], vocabularySize: number): string[] {
  return ['<pad>', '<oov>', ...rankedWords.slice(0, vocabularySize - FIRST_WORD_ID)];
}
