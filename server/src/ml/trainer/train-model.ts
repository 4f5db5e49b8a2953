// Trains a built model on a dataset within a budget, reporting each epoch to a callback (the study runner bridges
// it to the engine's pruner), with early stopping, cancellation through an AbortSignal, and per-epoch diagnostics.
// Every tensor it creates is disposed: tf.memory().numTensors is the same before and after (tested over 10 runs).
import * as tf from '@tensorflow/tfjs';
import type { SplitDataset } from '../datasets/dataset-types.js';
import type { ModelConfig } from '../model/model-config.js';
import { scheduledLearningRate, setOptimizerLearningRate } from '../model/optimizer.js';
import type { GradientReplicas } from './data-parallel/gradient-replicas.js';
import { DiagnosticsProbe } from './diagnostics-probe.js';
import { inputBatch, labelBatch, seededRandom, shuffledIndices, sparseCrossEntropy } from './example-batches.js';
import { yieldToEventLoop } from './event-loop-yield.js';
import { evaluateModel } from './model-evaluation.js';
import type {
  EarlyStoppingOptions,
  EpochCallback,
  EpochMetrics,
  SplitEvaluation,
  StopReason,
  TrainingBudget,
  TrainingResult,
} from './training-types.js';

export interface TrainModelOptions {
  /** A model from buildModel, compiled with its optimizer; trained in place. */
  model: tf.LayersModel;
  /** The config the model was built from: batch size and learning-rate schedule. */
  config: ModelConfig;
  dataset: SplitDataset;
  budget: TrainingBudget;
  /** Called after every completed epoch except one that diverged (its loss is not a number to report). */
  onEpochEnd?: EpochCallback;
  signal?: AbortSignal;
  earlyStopping?: EarlyStoppingOptions;
  /** Seeds the training subset and the shuffles. */
  seed?: number;
  /** Examples in the fixed diagnostics probe batch (from validation, else training); 0 turns diagnostics off. */
  probeSize?: number;
  /** Evaluate the final model on the test split (default true). */
  evaluateTest?: boolean;
  /** Worker threads that compute the gradients of part of every batch (data parallelism on the CPU backends). */
  replicas?: GradientReplicas;
}

export const DEFAULT_PROBE_SIZE = 64;

export async function trainModel(options: TrainModelOptions): Promise<TrainingResult> {
  const { model, config, dataset, budget, onEpochEnd, signal, earlyStopping } = options;
  const { description, train, validation } = dataset;
  if (!(Number.isInteger(budget.epochs) && budget.epochs >= 1)) throw new RangeError(`budget.epochs must be a positive integer, got ${budget.epochs}.`);
  if (train.count === 0) throw new RangeError(`Dataset ${description.id} has no training examples.`);
  const optimizer = model.optimizer;
  if (!optimizer) throw new Error('The model is not compiled; build it with buildModel().');

  const started = performance.now();
  const random = seededRandom(options.seed ?? 0);
  const subsetSize = Math.min(budget.trainSubsetSize ?? train.count, train.count);
  const subset = shuffledIndices(train.count, random).subarray(0, subsetSize);
  const batchSize = config.optimizer.batchSize;
  const probe = makeProbe(options, subset);
  const trainable = model.trainableWeights.map((w) => w.read() as tf.Variable);
  const replicas = options.replicas?.usable ? options.replicas : undefined;
  if (replicas) await replicas.setUp(config, description, train, trainable.map((v) => v.shape));

  const epochs: EpochMetrics[] = [];
  let stopReason: StopReason = 'completed';
  // The last epoch's validation result; the model does not change after it, so the final report reuses it.
  let lastValidation: SplitEvaluation | null = null;
  let best = { epoch: 0, loss: Infinity };
  // Keras' EarlyStopping semantics: only a decrease larger than minDelta resets the patience.
  let lastImprovement = { epoch: 0, loss: Infinity };
  try {
    for (let epoch = 0; epoch < budget.epochs; epoch++) {
      if (signal?.aborted) {
        stopReason = 'cancelled';
        break;
      }
      const epochStart = performance.now();
      const learningRate = scheduledLearningRate(config.optimizer, epoch, budget.epochs);
      setOptimizerLearningRate(optimizer, learningRate);
      const order = shuffledIndices(subset.length, random).map((i) => subset[i]!);
      const batchLosses: number[] = [];
      let lossSum = 0;
      let correctSum = 0;
      let seen = 0;
      // Each batch's loss is read while the next one computes: a GPU backend never idles waiting for a read-back.
      let pending: { step: tf.Tensor; size: number } | undefined;
      const settlePending = async (): Promise<boolean> => {
        if (!pending) return true;
        const { step, size } = pending;
        pending = undefined;
        const [loss, hits] = await step.data();
        step.dispose();
        batchLosses.push(loss!);
        lossSum += loss! * size;
        correctSum += hits!;
        seen += size;
        return Number.isFinite(loss!);
      };
      let finite = true;
      try {
        for (let start = 0; start < order.length && finite; start += batchSize) {
          if (signal?.aborted) break;
          const indices = order.subarray(start, Math.min(start + batchSize, order.length));
          const step = replicas && indices.length > replicas.size ? await dataParallelStep(model, trainable, replicas, train, description, indices) : tf.tidy(() => {
            const x = inputBatch(train, description, indices);
            const y = labelBatch(train, indices);
            let hits: tf.Tensor | undefined;
            const cost = optimizer.minimize(
              () => {
                const probabilities = model.apply(x, { training: true }) as tf.Tensor;
                // Kept out of minimize's inner scope, so disposed by hand below.
                hits = tf.keep(probabilities.argMax(-1).equal(y).sum().cast('float32'));
                return sparseCrossEntropy(y, probabilities);
              },
              true,
              trainable,
            )!;
            const result = tf.stack([cost, hits!]);
            hits!.dispose();
            return result;
          });
          finite = await settlePending();
          pending = { step, size: indices.length };
          await yieldToEventLoop();
        }
        // After a non-finite loss the batch in flight trained on diverged weights: it is not counted.
        if (finite) await settlePending();
        else pending?.step.dispose();
        pending = undefined;
      } finally {
        // A step that threw leaves the batch before it unread.
        pending?.step.dispose();
      }
      if (signal?.aborted) {
        stopReason = 'cancelled';
        break;
      }
      const trainSeconds = (performance.now() - epochStart) / 1000;
      const diverged = !Number.isFinite(lossSum);
      const evaluation = diverged ? null : await evaluateModel(model, validation, description);
      lastValidation = evaluation;
      const metrics: EpochMetrics = {
        epoch: epoch + 1,
        loss: diverged ? NaN : lossSum / seen,
        accuracy: correctSum / Math.max(1, seen),
        valLoss: evaluation?.loss ?? null,
        valAccuracy: evaluation?.accuracy ?? null,
        seconds: 0,
        samplesPerSecond: seen / trainSeconds,
        learningRate,
        batchLosses,
        diagnostics: probe ? await probe.measure() : null,
      };
      metrics.seconds = (performance.now() - epochStart) / 1000;
      epochs.push(metrics);
      if (diverged) {
        stopReason = 'diverged';
        break;
      }
      const monitored = metrics.valLoss ?? metrics.loss;
      if (monitored < best.loss) best = { epoch: epoch + 1, loss: monitored };
      if (epoch === 0 || monitored < lastImprovement.loss - (earlyStopping?.minDelta ?? 0)) {
        lastImprovement = { epoch: epoch + 1, loss: monitored };
      }
      if ((await onEpochEnd?.(metrics)) === 'stop') {
        stopReason = 'pruned';
        break;
      }
      if (earlyStopping && epoch + 1 - lastImprovement.epoch >= earlyStopping.patience) {
        stopReason = 'early-stopped';
        break;
      }
    }
  } finally {
    probe?.dispose();
  }

  const finished = stopReason !== 'cancelled' && stopReason !== 'diverged';
  return {
    epochs,
    stopReason,
    bestEpoch: best.epoch,
    trainExamples: subset.length,
    validation: finished ? (lastValidation ?? (await evaluateModel(model, validation, description))) : null,
    test: finished && options.evaluateTest !== false ? await evaluateModel(model, dataset.test, description) : null,
    totalSeconds: (performance.now() - started) / 1000,
  };
}

/**
 * One step shared with the replicas: each computes the gradient of its share of the batch at the current weights
 * (this process the first share), the shares' gradients are averaged by size and applied once. Returns
 * [mean loss, hits] like a local step.
 */
async function dataParallelStep(
  model: tf.LayersModel,
  trainable: tf.Variable[],
  replicas: GradientReplicas,
  train: SplitDataset['train'],
  description: SplitDataset['description'],
  indices: Int32Array,
): Promise<tf.Tensor> {
  const shares = replicas.split(indices);
  // A copy of every weight (batch-norm moving averages included), so that replicas compute at the same point.
  const weights = model.weights.map((w) => ((w.read() as tf.Tensor).dataSync() as Float32Array).slice());
  const started = performance.now();
  let replicasDone = 0;
  // Each share copied out of the epoch's index order: a posted view would carry its whole buffer.
  const theirs = Promise.all(shares.slice(1).map((share, r) => replicas.gradients(r, weights, share.slice()))).then((replies) => {
    replicasDone = performance.now();
    return replies;
  });
  const own = tf.tidy(() => {
    const x = inputBatch(train, description, shares[0]!);
    const y = labelBatch(train, shares[0]!);
    let hits: tf.Tensor | undefined;
    const { value, grads } = tf.variableGrads(() => {
      const probabilities = model.apply(x, { training: true }) as tf.Tensor;
      hits = tf.keep(probabilities.argMax(-1).equal(y).sum().cast('float32'));
      return sparseCrossEntropy(y, probabilities);
    }, trainable);
    return { loss: tf.keep(value), hits: tf.keep(hits!), grads: trainable.map((v) => tf.keep(grads[v.name]!)) };
  });
  const ownDone = performance.now();
  try {
    const replies = await theirs;
    replicas.balance((ownDone - started) / shares[0]!.length, (replicasDone - started) / Math.max(...shares.slice(1).map((share) => share.length)));
    const shareOf = (i: number): number => shares[i]!.length / indices.length;
    const [ownLoss] = own.loss.dataSync();
    const [ownHits] = own.hits.dataSync();
    const loss = ownLoss! * shareOf(0) + replies.reduce((sum, reply, r) => sum + reply.loss * shareOf(r + 1), 0);
    const hits = ownHits! + replies.reduce((sum, reply) => sum + reply.hits, 0);
    tf.tidy(() => {
      const averaged: tf.NamedTensorMap = {};
      trainable.forEach((variable, i) => {
        let gradient = own.grads[i]!.mul(shareOf(0));
        replies.forEach((reply, r) => (gradient = gradient.add(tf.tensor(reply.gradients[i]!, variable.shape, 'float32').mul(shareOf(r + 1)))));
        averaged[variable.name] = gradient;
      });
      model.optimizer!.applyGradients(averaged);
    });
    return tf.tensor1d([loss, hits]);
  } finally {
    tf.dispose([own.loss, own.hits, ...own.grads]);
  }
}

function makeProbe(options: TrainModelOptions, subset: Int32Array): DiagnosticsProbe | null {
  const size = options.probeSize ?? DEFAULT_PROBE_SIZE;
  if (size <= 0) return null;
  const { description, train, validation } = options.dataset;
  const source = validation.count > 0 ? validation : train;
  const available = validation.count > 0 ? Array.from({ length: validation.count }, (_, i) => i) : Array.from(subset);
  const indices = available.slice(0, size);
  return new DiagnosticsProbe(options.model, inputBatch(source, description, indices), labelBatch(source, indices));
}
