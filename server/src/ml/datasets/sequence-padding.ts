// Fixed-length token sequences, following Keras' pad_sequences defaults: padding and truncation both at the front
// ("pre"), so the end of a text, closest to the LSTM's output, is always kept.
import { OUT_OF_VOCABULARY_ID, PADDING_ID } from './text-vocabulary.js';

/**
 * Packs variable-length sequences (`ids` concatenated, `offsets[i]..offsets[i+1]` per text) into a row-major
 * [count, sequenceLength] Int32Array, mapping ids >= vocabularySize to out-of-vocabulary.
 */
export function padSequences(ids: Int32Array, offsets: Int32Array, sequenceLength: number, vocabularySize: number): Int32Array {
  const count = offsets.length - 1;
  const padded = new Int32Array(count * sequenceLength).fill(PADDING_ID);
  for (let i = 0; i < count; i++) {
    const end = offsets[i + 1];
    const start = Math.max(offsets[i], end - sequenceLength);
    let target = (i + 1) * sequenceLength - (end - start);
    for (let j = start; j < end; j++) {
      const id = ids[j];
      padded[target++] = id < vocabularySize ? id : OUT_OF_VOCABULARY_ID;
    }
  }
  return padded;
}
