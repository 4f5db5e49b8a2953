// The architecture of one trial as a plain, JSON-serializable object, and the architecture defaults: this file is
// the only place they live. The search space (search-space.ts) overrides some fields; the builder reads all.
import type { Modality } from '../datasets/dataset-types.js';

export type ModelFamily = 'cnn' | 'lstm';
export type Activation = 'relu' | 'elu' | 'selu' | 'tanh' | 'swish';
export type Pooling = 'max' | 'average' | 'none';
/** How the convolutional feature map becomes a vector for the dense head. */
export type FeatureHead = 'flatten' | 'global-average' | 'global-max';
export type OptimizerName = 'adam' | 'sgd-momentum' | 'rmsprop';
/** Per-epoch learning-rate schedule; `epochs` is the trial's epoch budget. */
export type LearningRateSchedule = 'constant' | 'exponential' | 'cosine';

export interface OptimizerConfig {
  name: OptimizerName;
  learningRate: number;
  schedule: LearningRateSchedule;
  /** Per-epoch factor for the exponential schedule: lr · decayRate^epoch. */
  decayRate: number;
  batchSize: number;
}

/** Conv blocks: [conv (→ batch norm) → activation] × convLayersPerBlock → pooling → dropout. */
export interface CnnConfig {
  family: 'cnn';
  /** Filters of each conv block; the number of blocks is its length. */
  filters: number[];
  convLayersPerBlock: number;
  kernelSize: number;
  activation: Activation;
  batchNormalization: boolean;
  pooling: Pooling;
  /** Dropout after each conv block; 0 adds no layer. */
  convDropout: number;
  featureHead: FeatureHead;
  /** Units of each hidden dense layer; empty means the output layer follows the features directly. */
  denseUnits: number[];
  denseDropout: number;
  optimizer: OptimizerConfig;
}

/** Embedding → LSTM layers (optionally bidirectional) → dense head. */
export interface LstmConfig {
  family: 'lstm';
  embeddingDim: number;
  /** Units of each LSTM layer; the number of layers is its length. */
  lstmUnits: number[];
  bidirectional: boolean;
  /** Dropout on the recurrent state (tfjs LSTM `recurrentDropout`). */
  recurrentDropout: number;
  /** Embedding treats token 0 as padding and masks it; costs time on wasm, so off by default. */
  maskPadding: boolean;
  denseUnits: number[];
  denseDropout: number;
  /** Activation of the hidden dense layers. */
  activation: Activation;
  optimizer: OptimizerConfig;
}

export type ModelConfig = CnnConfig | LstmConfig;

/** Smallest feature map side a pooling step may produce; deeper pooling is skipped rather than failing. */
export const MIN_POOLED_SIDE = 2;

/** The modality of a dataset picks the model family. */
export function familyForModality(modality: Modality): ModelFamily {
  return modality === 'image' ? 'cnn' : 'lstm';
}

export const DEFAULT_CNN_CONFIG: Readonly<CnnConfig> = Object.freeze({
  family: 'cnn',
  filters: [32, 64],
  convLayersPerBlock: 1,
  kernelSize: 3,
  activation: 'relu',
  batchNormalization: true,
  pooling: 'max',
  convDropout: 0,
  featureHead: 'flatten',
  denseUnits: [128],
  denseDropout: 0.3,
  optimizer: { name: 'adam', learningRate: 1e-3, schedule: 'constant', decayRate: 0.9, batchSize: 64 },
} satisfies CnnConfig);

export const DEFAULT_LSTM_CONFIG: Readonly<LstmConfig> = Object.freeze({
  family: 'lstm',
  embeddingDim: 64,
  lstmUnits: [64],
  bidirectional: false,
  recurrentDropout: 0,
  maskPadding: false,
  denseUnits: [],
  denseDropout: 0.3,
  activation: 'relu',
  optimizer: { name: 'adam', learningRate: 2e-3, schedule: 'constant', decayRate: 0.9, batchSize: 64 },
} satisfies LstmConfig);

/** A fresh, mutable copy of the defaults of a family. */
export function defaultModelConfig(family: ModelFamily): ModelConfig {
  return structuredClone(family === 'cnn' ? DEFAULT_CNN_CONFIG : DEFAULT_LSTM_CONFIG) as ModelConfig;
}

/** Rejects configurations the builder cannot build, with the field to change. */
export function validateModelConfig(config: ModelConfig): void {
  const problems: string[] = [];
  const positiveInts = (name: string, values: number[], allowEmpty: boolean): void => {
    if (!allowEmpty && values.length === 0) problems.push(`${name} must not be empty`);
    if (values.some((v) => !Number.isInteger(v) || v < 1)) problems.push(`${name} must hold positive integers`);
  };
  const fraction = (name: string, value: number): void => {
    if (!(value >= 0 && value < 1)) problems.push(`${name} must be in [0, 1), got ${value}`);
  };
  const { optimizer } = config;
  if (!(optimizer.learningRate > 0 && optimizer.learningRate < 10)) problems.push('optimizer.learningRate must be in (0, 10)');
  if (!(Number.isInteger(optimizer.batchSize) && optimizer.batchSize >= 1)) problems.push('optimizer.batchSize must be a positive integer');
  if (!(optimizer.decayRate > 0 && optimizer.decayRate <= 1)) problems.push('optimizer.decayRate must be in (0, 1]');
  positiveInts('denseUnits', config.denseUnits, true);
  fraction('denseDropout', config.denseDropout);
  if (config.family === 'cnn') {
    positiveInts('filters', config.filters, false);
    if (!(Number.isInteger(config.kernelSize) && config.kernelSize >= 1)) problems.push('kernelSize must be a positive integer');
    if (!(Number.isInteger(config.convLayersPerBlock) && config.convLayersPerBlock >= 1)) problems.push('convLayersPerBlock must be a positive integer');
    fraction('convDropout', config.convDropout);
  } else {
    positiveInts('lstmUnits', config.lstmUnits, false);
    if (!(Number.isInteger(config.embeddingDim) && config.embeddingDim >= 1)) problems.push('embeddingDim must be a positive integer');
    fraction('recurrentDropout', config.recurrentDropout);
  }
  if (problems.length > 0) throw new RangeError(`Invalid ${config.family} model config: ${problems.join('; ')}.`);
}
