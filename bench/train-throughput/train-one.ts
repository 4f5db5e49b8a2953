// One measurement in a fresh process (so peak RSS is this run's): trains a benchmark model with the real trainer on
// synthetic data and prints one JSON line. Run by run.ts; usable alone:
//   node --import tsx bench/train-throughput/train-one.ts <model> <wasm|cpu> <batches> [fused|tfjs-lstm]
//   node --import tsx bench/train-throughput/train-one.ts mnist-cnn <wasm|cpu> <batches> trials <count>
// Options anywhere: --batch-size N (default: the reference's), --tf-flags '{"WEBGPU_…": …}' (TF.js environment flags),
// --threads N (data-parallel training on N threads: N − 1 gradient replicas; wasm and cpu).
import * as tf from '@tensorflow/tfjs';
import { initTrainingBackend, type BackendName } from '../../server/src/ml/backend/training-backend.js';
import { buildModel, disposeModel } from '../../server/src/ml/model/model-builder.js';
import { createOptimizer } from '../../server/src/ml/model/optimizer.js';
import { GradientReplicas } from '../../server/src/ml/trainer/data-parallel/gradient-replicas.js';
import { trainModel } from '../../server/src/ml/trainer/train-model.js';
import { benchArguments, benchConfig, benchDataset, type BenchModel } from './bench-models.js';

const { option, positional, batchSize } = benchArguments(process.argv.slice(2));
const threads = Number(option('threads') ?? 1);
const tfFlags = JSON.parse(option('tf-flags') ?? '{}') as Parameters<ReturnType<typeof tf.env>['setFlags']>[0];
const [model, backend, batchesArg, variant = 'fused', trialsArg = '20'] = positional as [BenchModel, BackendName, string, string, string];
const batches = Number(batchesArg);
const backendInfo = await initTrainingBackend({ preference: backend });
tf.env().setFlags(tfFlags);
const replicas = threads > 1 ? await GradientReplicas.start(threads - 1, backendInfo.name) : undefined;
const config = benchConfig(model);
config.optimizer.batchSize = batchSize;
const dataset = benchDataset(model, batches * batchSize);
const mb = (bytes: number): number => Math.round(bytes / 2 ** 20);
const cpuSeconds = (): number => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
};

/** The model as the builder makes it, or (tfjs-lstm) the same architecture with TF.js's own LSTM layer, as before issue #8. */
function build(): tf.LayersModel {
  if (variant !== 'tfjs-lstm') return buildModel(config, dataset.description, { seed: 1 }).model;
  const input = tf.input({ shape: [200], dtype: 'int32' });
  const embedded = tf.layers.embedding({ inputDim: 10_000, outputDim: 64 }).apply(input);
  const recurrent = tf.layers.lstm({ units: 64 }).apply(embedded);
  const output = tf.layers.dense({ units: 2, activation: 'softmax' }).apply(recurrent) as tf.SymbolicTensor;
  const built = tf.model({ inputs: input, outputs: output });
  built.compile({ optimizer: createOptimizer(config.optimizer), loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });
  return built;
}

if (variant === 'trials') {
  // Build, train a few batches, dispose, 20 times: resident memory after each trial must not keep growing.
  const rss: number[] = [];
  const tensors: number[] = [];
  for (let trial = 0; trial < Number(trialsArg); trial++) {
    const built = build();
    await trainModel({ model: built, config, dataset, budget: { epochs: 1 }, probeSize: 0, evaluateTest: false });
    disposeModel(built);
    rss.push(mb(process.memoryUsage().rss));
    tensors.push(tf.memory().numTensors);
  }
  console.log(JSON.stringify({ model, backend, rssMb: rss, numTensors: tensors, peakRssMb: mb(process.resourceUsage().maxRSS * 1024) }));
} else {
  const built = build();
  let cpuAtEpochStart = 0;
  let cpuPerEpoch = 0;
  // Epoch 1 warms up (kernel setup, JIT); epoch 2 is measured, wall clock and this process's CPU time.
  const result = await trainModel({
    model: built,
    config,
    dataset,
    budget: { epochs: 2 },
    probeSize: 0,
    evaluateTest: false,
    ...(replicas ? { replicas } : {}),
    onEpochEnd: (metrics) => {
      if (metrics.epoch === 1) cpuAtEpochStart = cpuSeconds();
      else cpuPerEpoch = cpuSeconds() - cpuAtEpochStart;
      return 'continue';
    },
  });
  const measured = result.epochs[1]!;
  console.log(
    JSON.stringify({
      model,
      backend,
      variant,
      device: backendInfo.device,
      batchSize,
      threads,
      tfFlags,
      samples: dataset.train.count,
      samplesPerSecond: measured.samplesPerSecond,
      samplesPerCpuSecond: dataset.train.count / cpuPerEpoch,
      peakRssMb: mb(process.resourceUsage().maxRSS * 1024),
    }),
  );
  disposeModel(built);
  await replicas?.close();
}
