// Where one training step of a benchmark model spends its time on a backend: wall time per step (steps queued
// back to back, one read at the end), the backend's own kernel time for one step (tf.time; on webgpu from timestamp
// queries where the adapter has them), and the kernels a step runs, grouped by name. Prints one JSON line.
// It answers "dispatch-bound or kernel-bound?" for the GPU goal of issue #8.
//   node --import tsx bench/train-throughput/step-profile.ts <model> <backend> [--batch-size N] [--steps N]
import * as tf from '@tensorflow/tfjs';
import { initTrainingBackend, type BackendName } from '../../server/src/ml/backend/training-backend.js';
import { buildModel, disposeModel } from '../../server/src/ml/model/model-builder.js';
import { inputBatch, labelBatch, sparseCrossEntropy } from '../../server/src/ml/trainer/example-batches.js';
import { benchArguments, benchConfig, benchDataset, type BenchModel } from './bench-models.js';

const { option, positional, batchSize } = benchArguments(process.argv.slice(2));
const steps = Number(option('steps') ?? 20);
const [model, backend] = positional as [BenchModel, BackendName];
const info = await initTrainingBackend({ preference: backend });
const config = benchConfig(model);
config.optimizer.batchSize = batchSize;
const dataset = benchDataset(model, batchSize);
const built = buildModel(config, dataset.description, { seed: 1 }).model;
const optimizer = built.optimizer!;
const trainable = built.trainableWeights.map((w) => w.read() as tf.Variable);
const indices = Int32Array.from({ length: batchSize }, (_, i) => i);

/** One step as the trainer runs it, from the host batch to the updated weights; returns the loss. */
const step = (): tf.Scalar =>
  tf.tidy(() => {
    const x = inputBatch(dataset.train, dataset.description, indices);
    const y = labelBatch(dataset.train, indices);
    return optimizer.minimize(() => sparseCrossEntropy(y, built.apply(x, { training: true }) as tf.Tensor), true, trainable)!;
  });

for (let i = 0; i < 5; i++) await step().data();
const cpuMs = (): number => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};
let started = performance.now();
const cpuStarted = cpuMs();
let last: tf.Scalar | undefined;
for (let i = 0; i < steps; i++) {
  last?.dispose();
  last = step();
}
await last!.data();
last!.dispose();
const queuedMsPerStep = (performance.now() - started) / steps;
const queuedCpuMsPerStep = (cpuMs() - cpuStarted) / steps;

started = performance.now();
for (let i = 0; i < steps; i++) {
  const loss = step();
  await loss.data();
  loss.dispose();
}
const syncedMsPerStep = (performance.now() - started) / steps;

const timing = await tf.time(() => void step().dispose());
const profile = await tf.profile(() => void step().dispose());
const byKernel = new Map<string, { count: number; ms: number }>();
for (const kernel of profile.kernels) {
  const entry = byKernel.get(kernel.name) ?? { count: 0, ms: 0 };
  entry.count++;
  entry.ms += typeof kernel.kernelTimeMs === 'number' ? kernel.kernelTimeMs : 0;
  byKernel.set(kernel.name, entry);
}
const kernels = [...byKernel].sort((a, b) => b[1].ms - a[1].ms || b[1].count - a[1].count).map(([name, e]) => `${name}×${e.count} ${e.ms.toFixed(2)}ms`);
console.log(
  JSON.stringify({
    model,
    backend: info.name,
    device: info.device,
    batchSize,
    queuedMsPerStep,
    queuedCpuMsPerStep,
    syncedMsPerStep,
    samplesPerSecondQueued: (batchSize * 1000) / queuedMsPerStep,
    timeWallMs: timing.wallMs,
    timeKernelMs: timing.kernelMs,
    kernelCount: profile.kernels.length,
    kernels,
  }),
);
disposeModel(built);
