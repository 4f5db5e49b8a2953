// The three benchmark models of issue #8 as Hyperscope configs and synthetic datasets (random content: only the
// shapes matter for throughput). Built by our model builder, so the benchmark measures what a trial trains.
import type { SplitDataset } from '../../server/src/ml/datasets/dataset-types.js';
import type { ModelConfig } from '../../server/src/ml/model/model-config.js';
import { REFERENCE_BATCH_SIZE, REFERENCE_CNN, REFERENCE_LSTM } from '../../server/src/ml/model/reference-models.js';
import { seededRandom } from '../../server/src/ml/trainer/example-batches.js';

export const BENCH_MODELS = ['mnist-cnn', 'cifar-cnn', 'imdb-lstm'] as const;
export type BenchModel = (typeof BENCH_MODELS)[number];
export const BATCH_SIZE = REFERENCE_BATCH_SIZE;

export function benchConfig(model: BenchModel): ModelConfig {
  return structuredClone(model === 'imdb-lstm' ? REFERENCE_LSTM : REFERENCE_CNN);
}

/** A training split of `count` random examples of the model's input shape; no validation or test examples. */
export function benchDataset(model: BenchModel, count: number): SplitDataset {
  const random = seededRandom(1);
  const empty = { count: 0, inputs: new Uint8Array(0), labels: new Int32Array(0) };
  if (model === 'imdb-lstm') {
    const inputs = new Int32Array(count * 200);
    for (let i = 0; i < inputs.length; i++) inputs[i] = 2 + Math.floor(random() * 9_998);
    return {
      description: { id: 'imdb', displayName: 'synthetic IMDB', modality: 'text', inputShape: [200], classNames: ['negative', 'positive'], splitSizes: { train: count, test: 0 }, vocabularySize: 10_000 },
      train: { count, inputs, labels: Int32Array.from({ length: count }, () => Math.floor(random() * 2)) },
      validation: { ...empty, inputs: new Int32Array(0) },
      test: { ...empty, inputs: new Int32Array(0) },
    };
  }
  const shape = model === 'mnist-cnn' ? [28, 28, 1] : [32, 32, 3];
  const inputs = new Uint8Array(count * shape.reduce((a, b) => a * b, 1));
  for (let i = 0; i < inputs.length; i++) inputs[i] = Math.floor(random() * 256);
  return {
    description: {
      id: model === 'mnist-cnn' ? 'mnist' : 'cifar10',
      displayName: `synthetic ${model}`,
      modality: 'image',
      inputShape: shape,
      classNames: Array.from({ length: 10 }, (_, i) => String(i)),
      splitSizes: { train: count, test: 0 },
    },
    train: { count, inputs, labels: Int32Array.from({ length: count }, () => Math.floor(random() * 10)) },
    validation: empty,
    test: empty,
  };
}

/** A benchmark script's arguments: `--name value` options taken out, the positional ones left in order. */
export function benchArguments(argv: string[]): { option: (name: string) => string | undefined; positional: string[]; batchSize: number } {
  const rest = [...argv];
  const option = (name: string): string | undefined => {
    const i = rest.indexOf(`--${name}`);
    return i < 0 ? undefined : rest.splice(i, 2)[1];
  };
  const batchSize = Number(option('batch-size') ?? BATCH_SIZE);
  return { option, positional: rest, batchSize };
}
