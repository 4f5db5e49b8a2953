// A gradient replica: a worker thread with its own TF.js backend and a copy of the model, computing the loss gradient
// of its share of each batch at the weights the training process sends. It never updates weights itself.
import { parentPort, workerData } from 'node:worker_threads';
import * as tf from '@tensorflow/tfjs';
import { initTrainingBackend } from '../../backend/training-backend.js';
import { buildModel, disposeModel } from '../../model/model-builder.js';
import { inputBatch, labelBatch, sparseCrossEntropy } from '../example-batches.js';
import type { ReplicaReply, ReplicaRequest, ReplicaSetUp, ReplicaStep, ReplicaThreadData } from './replica-protocol.js';

const port = parentPort!;
const { backend } = workerData as ReplicaThreadData;
await initTrainingBackend({ preference: backend });

interface Training {
  setUp: ReplicaSetUp;
  model: tf.LayersModel;
  weights: tf.Variable[];
  trainable: tf.Variable[];
}
let training: Training | undefined;

function setUp(request: ReplicaSetUp): ReplicaReply {
  if (training) disposeModel(training.model);
  const { model } = buildModel(request.config, request.description, { seed: 0 });
  training = {
    setUp: request,
    model,
    weights: model.weights.map((w) => w.read() as tf.Variable),
    trainable: model.trainableWeights.map((w) => w.read() as tf.Variable),
  };
  return { kind: 'ready', trainableShapes: training.trainable.map((v) => v.shape) };
}

function step(request: ReplicaStep): { reply: ReplicaReply; transfer: ArrayBuffer[] } {
  if (!training) throw new Error('a replica got a step before its set-up');
  const { model, weights, trainable, setUp: { description, train } } = training;
  const examples = { ...train, count: train.count };
  // Tensors out of the tidy, values read after it: tf.tidy walks what it returns, typed arrays element by element.
  const result = tf.tidy(() => {
    weights.forEach((variable, i) => variable.assign(tf.tensor(request.weights[i]!, variable.shape, 'float32')));
    const x = inputBatch(examples, description, request.indices);
    const y = labelBatch(examples, request.indices);
    let correct: tf.Tensor | undefined;
    const { value, grads } = tf.variableGrads(() => {
      const probabilities = model.apply(x, { training: true }) as tf.Tensor;
      correct = tf.keep(probabilities.argMax(-1).equal(y).sum());
      return sparseCrossEntropy(y, probabilities);
    }, trainable);
    return { value, correct: correct!, grads: trainable.map((v) => grads[v.name]!) };
  });
  const loss = result.value.dataSync()[0]!;
  const hits = result.correct.dataSync()[0]!;
  const gradients = result.grads.map((g) => (g.dataSync() as Float32Array).slice());
  tf.dispose([result.value, result.correct, ...result.grads]);
  return { reply: { kind: 'gradients', loss, hits, gradients }, transfer: gradients.map((g) => g.buffer as ArrayBuffer) };
}

port.on('message', (request: ReplicaRequest) => {
  try {
    if (request.kind === 'set-up') port.postMessage(setUp(request));
    else {
      const { reply, transfer } = step(request);
      port.postMessage(reply, transfer);
    }
  } catch (error) {
    port.postMessage({ kind: 'failure', message: (error as Error).message } satisfies ReplicaReply);
  }
});
port.postMessage({ kind: 'ready', trainableShapes: [] } satisfies ReplicaReply);
