// Builds the TF.js model a ModelConfig describes for a dataset, compiled, with its architecture graph.
import * as tf from '@tensorflow/tfjs';
import type { DatasetDescription } from '../datasets/dataset-types.js';
import { architectureGraphOf, OUTPUT_LAYER_NAME, parameterCountOf, type ArchitectureGraph } from './architecture-graph.js';
import { FusedLstm } from './fused-lstm.js';
import { familyForModality, MIN_POOLED_SIDE, validateModelConfig, type CnnConfig, type LstmConfig, type ModelConfig } from './model-config.js';
import { createOptimizer } from './optimizer.js';

export interface BuiltModel {
  model: tf.LayersModel;
  graph: ArchitectureGraph;
  parameterCount: number;
}

/**
 * The compiled model (sparse categorical cross-entropy on softmax outputs, accuracy) and its graph. The model takes
 * images as float32 in [0, 1] (the trainer scales uint8 by 1/255) and text as int32 token ids.
 */
export interface BuildOptions {
  /** Seeds every weight initializer (layer k uses seed + k): the same seed builds the same initial weights. */
  seed?: number;
}

export function buildModel(config: ModelConfig, dataset: DatasetDescription, options: BuildOptions = {}): BuiltModel {
  validateModelConfig(config);
  const expected = familyForModality(dataset.modality);
  if (config.family !== expected) {
    throw new RangeError(`Dataset ${dataset.id} holds ${dataset.modality} data, which needs a ${expected} model, not ${config.family}.`);
  }
  const classes = dataset.classNames.length;
  if (classes < 2) throw new RangeError(`Dataset ${dataset.id} needs at least two classes, has ${classes}.`);
  const init = new Initializers(options.seed);
  const model = config.family === 'cnn' ? buildCnn(config, dataset, classes, init) : buildLstm(config, dataset, classes, init);
  model.compile({
    optimizer: createOptimizer(config.optimizer),
    loss: 'sparseCategoricalCrossentropy',
    metrics: ['accuracy'],
  });
  const graph = architectureGraphOf(model);
  return { model, graph, parameterCount: parameterCountOf(graph) };
}

type Layer = tf.layers.Layer;
type Initializer = ReturnType<typeof tf.initializers.heNormal>;

/** Hands out initializers, seeded one after another when a seed is given, TF.js's defaults otherwise. */
class Initializers {
  private next: number | undefined;
  constructor(seed: number | undefined) {
    this.next = seed;
  }
  private seed(): { seed?: number } {
    if (this.next === undefined) return {};
    return { seed: this.next++ };
  }
  /** He-normal for ReLU-like activations, LeCun-normal for selu (Klambauer et al., 2017). */
  forActivation(activation: string): Initializer {
    return activation === 'selu' ? tf.initializers.leCunNormal(this.seed()) : tf.initializers.heNormal(this.seed());
  }
  glorotUniform(): Initializer {
    return tf.initializers.glorotUniform(this.seed());
  }
  orthogonal(): Initializer {
    return tf.initializers.orthogonal({ gain: 1, ...this.seed() });
  }
  embedding(): Initializer {
    return tf.initializers.randomUniform({ minval: -0.05, maxval: 0.05, ...this.seed() });
  }
}

function chain(input: tf.SymbolicTensor, layers: Layer[]): tf.SymbolicTensor {
  return layers.reduce((x, layer) => layer.apply(x) as tf.SymbolicTensor, input);
}

function buildCnn(config: CnnConfig, dataset: DatasetDescription, classes: number, init: Initializers): tf.LayersModel {
  if (dataset.inputShape.length !== 3) throw new RangeError(`A CNN needs [height, width, channels] inputs, got [${dataset.inputShape}].`);
  const input = tf.input({ shape: dataset.inputShape, name: 'input' });
  const layers: Layer[] = [];
  let side = Math.min(dataset.inputShape[0]!, dataset.inputShape[1]!);
  config.filters.forEach((filters, b) => {
    const block = b + 1;
    for (let c = 1; c <= config.convLayersPerBlock; c++) {
      const suffix = config.convLayersPerBlock > 1 ? `${block}_${c}` : `${block}`;
      layers.push(
        tf.layers.conv2d({
          name: `conv${suffix}`,
          filters,
          kernelSize: config.kernelSize,
          padding: 'same',
          // Batch norm's β makes the conv bias redundant; its activation follows the normalization.
          useBias: !config.batchNormalization,
          activation: config.batchNormalization ? 'linear' : config.activation,
          kernelInitializer: init.forActivation(config.activation),
        }),
      );
      if (config.batchNormalization) {
        layers.push(tf.layers.batchNormalization({ name: `batchnorm${suffix}` }));
        layers.push(tf.layers.activation({ name: `activation${suffix}`, activation: config.activation }));
      }
    }
    if (config.pooling !== 'none' && Math.floor(side / 2) >= MIN_POOLED_SIDE) {
      const options = { name: `pool${block}`, poolSize: 2, strides: 2 };
      layers.push(config.pooling === 'max' ? tf.layers.maxPooling2d(options) : tf.layers.averagePooling2d(options));
      side = Math.floor(side / 2);
    }
    if (config.convDropout > 0) layers.push(tf.layers.dropout({ name: `dropout${block}`, rate: config.convDropout }));
  });
  if (config.featureHead === 'flatten') layers.push(tf.layers.flatten({ name: 'flatten' }));
  else if (config.featureHead === 'global-average') layers.push(tf.layers.globalAveragePooling2d({ name: 'global_pool' }));
  else layers.push(tf.layers.globalMaxPooling2d({ name: 'global_pool' }));
  layers.push(...denseHead(config, classes, init));
  return tf.model({ inputs: input, outputs: chain(input, layers), name: 'cnn' });
}

function buildLstm(config: LstmConfig, dataset: DatasetDescription, classes: number, init: Initializers): tf.LayersModel {
  if (dataset.inputShape.length !== 1) throw new RangeError(`An LSTM needs [sequenceLength] inputs, got [${dataset.inputShape}].`);
  if (dataset.vocabularySize === undefined) throw new RangeError(`Text dataset ${dataset.id} does not state its vocabularySize.`);
  const input = tf.input({ shape: dataset.inputShape, dtype: 'int32', name: 'input' });
  const layers: Layer[] = [
    tf.layers.embedding({
      name: 'embedding',
      inputDim: dataset.vocabularySize,
      outputDim: config.embeddingDim,
      maskZero: config.maskPadding,
      embeddingsInitializer: init.embedding(),
    }),
  ];
  config.lstmUnits.forEach((units, i) => {
    const name = `lstm${i + 1}`;
    const args = {
      name: config.bidirectional ? `${name}_cell` : name,
      units,
      kernelInitializer: init.glorotUniform(),
      recurrentInitializer: init.orthogonal(),
      recurrentDropout: config.recurrentDropout,
      returnSequences: i < config.lstmUnits.length - 1,
    };
    // Keras' LSTM math (sigmoid gates, unit forget bias) in one op per sequence: ~20× faster training on CPU
    // backends than tf.layers.lstm (docs/MODELS.md, "FusedLstm"). Its recurrence runs in JS on synchronous reads,
    // which a GPU backend cannot serve in Node (webgpu's readSync needs OffscreenCanvas): there, the same math
    // and weights as TF.js layers.
    const lstm = usesSynchronousReads() ? new FusedLstm(args) : tf.layers.lstm({ ...args, recurrentActivation: 'sigmoid', unitForgetBias: true });
    // Bidirectional only needs an RNN's getConfig/goBackwards/returnSequences, which FusedLstm has.
    layers.push(config.bidirectional ? tf.layers.bidirectional({ name, layer: lstm as tf.RNN, mergeMode: 'concat' }) : lstm);
  });
  layers.push(...denseHead(config, classes, init));
  return tf.model({ inputs: input, outputs: chain(input, layers), name: 'lstm' });
}

function denseHead(config: ModelConfig, classes: number, init: Initializers): Layer[] {
  const layers: Layer[] = [];
  config.denseUnits.forEach((units, i) => {
    layers.push(
      tf.layers.dense({
        name: `dense${i + 1}`,
        units,
        activation: config.activation,
        kernelInitializer: init.forActivation(config.activation),
      }),
    );
    if (config.denseDropout > 0) layers.push(tf.layers.dropout({ name: `dense_dropout${i + 1}`, rate: config.denseDropout }));
  });
  layers.push(tf.layers.dense({ name: OUTPUT_LAYER_NAME, units: classes, activation: 'softmax', kernelInitializer: init.glorotUniform() }));
  return layers;
}

/** Disposes the model's weights and its optimizer's slots (a model does not own an optimizer passed to compile). */
export function disposeModel(model: tf.LayersModel): void {
  const optimizer = model.optimizer;
  model.dispose();
  optimizer?.dispose();
}

/** Backends whose tensors JS can read synchronously (all but webgpu under Node). */
function usesSynchronousReads(): boolean {
  return tf.getBackend() !== 'webgpu';
}
