// Loss and accuracy of a model on a split, in inference mode, batch by batch.
import * as tf from '@tensorflow/tfjs';
import type { DatasetDescription, LabeledExamples } from '../datasets/dataset-types.js';
import { yieldToEventLoop } from './event-loop-yield.js';
import { inputBatch, labelBatch } from './example-batches.js';
import type { SplitEvaluation } from './training-types.js';

const CLIP = 1e-7;

export async function evaluateModel(
  model: tf.LayersModel,
  examples: LabeledExamples,
  description: DatasetDescription,
  batchSize = 256,
): Promise<SplitEvaluation | null> {
  if (examples.count === 0) return null;
  const correct = new Uint8Array(examples.count);
  let lossSum = 0;
  for (let start = 0; start < examples.count; start += batchSize) {
    const indices = Array.from({ length: Math.min(batchSize, examples.count - start) }, (_, i) => start + i);
    const [losses, hits] = tf.tidy(() => {
      const probabilities = model.apply(inputBatch(examples, description, indices), { training: false }) as tf.Tensor2D;
      const labels = labelBatch(examples, indices);
      const picked = tf.oneHot(labels, probabilities.shape[1]).mul(probabilities.clipByValue(CLIP, 1 - CLIP)).sum(-1);
      return [picked.log().neg().sum(), probabilities.argMax(-1).equal(labels.cast('int32'))];
    });
    const [lossValue, hitValues] = await Promise.all([losses.data(), hits.data()]);
    await yieldToEventLoop();
    tf.dispose([losses, hits]);
    lossSum += lossValue[0]!;
    correct.set(hitValues as Uint8Array, start);
  }
  const accuracy = correct.reduce((a, b) => a + b, 0) / examples.count;
  return { loss: lossSum / examples.count, accuracy, correct };
}
