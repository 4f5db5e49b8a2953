// The hyperparameter search spaces of each model family, as plain data the engine's samplers read without knowing
// TF.js (like Optuna's distributions), and the one function that turns sampled values into a ModelConfig.
import {
  defaultModelConfig,
  validateModelConfig,
  type CnnConfig,
  type LstmConfig,
  type ModelConfig,
  type ModelFamily,
} from './model-config.js';

export type ParamValue = number | string | boolean;

/** The parameter is sampled only when `param` took one of the values in `in` (e.g. block 3 needs ≥ 3 blocks). */
export interface ParamCondition {
  param: string;
  in: ParamValue[];
}

interface ParamBase {
  name: string;
  description: string;
  condition?: ParamCondition;
}
export interface FloatParam extends ParamBase {
  kind: 'float';
  low: number;
  high: number;
  log?: boolean;
  step?: number;
}
export interface IntParam extends ParamBase {
  kind: 'int';
  low: number;
  high: number;
  log?: boolean;
  step?: number;
}
export interface CategoricalParam extends ParamBase {
  kind: 'categorical';
  choices: ParamValue[];
}
export type ParamDefinition = FloatParam | IntParam | CategoricalParam;
export type SearchSpace = ParamDefinition[];
export type SampledParams = Record<string, ParamValue>;

const MAX_CONV_BLOCKS = 4;
const MAX_LSTM_LAYERS = 2;
const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const OPTIMIZERS = ['adam', 'sgd-momentum', 'rmsprop'];

export const CNN_SEARCH_SPACE: SearchSpace = [
  { name: 'convBlocks', kind: 'int', low: 1, high: MAX_CONV_BLOCKS, description: 'Number of conv blocks (conv → pool)' },
  ...range(1, MAX_CONV_BLOCKS).map(
    (block): CategoricalParam => ({
      name: `filtersBlock${block}`,
      kind: 'categorical',
      choices: [16, 32, 64, 128],
      description: `Filters of conv block ${block}`,
      ...(block > 1 ? { condition: { param: 'convBlocks', in: range(block, MAX_CONV_BLOCKS) } } : {}),
    }),
  ),
  { name: 'kernelSize', kind: 'categorical', choices: [3, 5], description: 'Convolution kernel side' },
  { name: 'activation', kind: 'categorical', choices: ['relu', 'elu', 'selu', 'tanh', 'swish'], description: 'Hidden activation' },
  { name: 'batchNormalization', kind: 'categorical', choices: [true, false], description: 'Batch norm after each conv' },
  { name: 'pooling', kind: 'categorical', choices: ['max', 'average'], description: 'Downsampling at the end of each block' },
  { name: 'convDropout', kind: 'float', low: 0, high: 0.5, description: 'Dropout after each conv block' },
  {
    name: 'featureHead',
    kind: 'categorical',
    choices: ['flatten', 'global-average', 'global-max'],
    description: 'Flatten the last feature map or pool it globally',
  },
  { name: 'denseLayers', kind: 'int', low: 0, high: 2, description: 'Hidden dense layers before the output' },
  { name: 'denseUnits', kind: 'categorical', choices: [64, 128, 256], description: 'Units per hidden dense layer', condition: { param: 'denseLayers', in: [1, 2] } },
  { name: 'denseDropout', kind: 'float', low: 0, high: 0.5, description: 'Dropout after each hidden dense layer', condition: { param: 'denseLayers', in: [1, 2] } },
  { name: 'optimizer', kind: 'categorical', choices: OPTIMIZERS, description: 'Optimizer' },
  { name: 'learningRate', kind: 'float', low: 1e-4, high: 1e-1, log: true, description: 'Initial learning rate' },
  { name: 'learningRateSchedule', kind: 'categorical', choices: ['constant', 'exponential', 'cosine'], description: 'Per-epoch learning-rate schedule' },
  { name: 'batchSize', kind: 'categorical', choices: [32, 64, 128], description: 'Examples per gradient step' },
];

export const LSTM_SEARCH_SPACE: SearchSpace = [
  { name: 'embeddingDim', kind: 'categorical', choices: [32, 64, 128], description: 'Embedding dimension' },
  { name: 'lstmLayers', kind: 'int', low: 1, high: MAX_LSTM_LAYERS, description: 'Stacked LSTM layers' },
  { name: 'lstmUnits', kind: 'categorical', choices: [32, 64, 128], description: 'Units per LSTM layer' },
  { name: 'bidirectional', kind: 'categorical', choices: [true, false], description: 'Read the sequence both ways' },
  { name: 'recurrentDropout', kind: 'float', low: 0, high: 0.4, description: 'Dropout on the recurrent state' },
  { name: 'denseLayers', kind: 'int', low: 0, high: 1, description: 'Hidden dense layers before the output' },
  { name: 'denseUnits', kind: 'categorical', choices: [32, 64, 128], description: 'Units per hidden dense layer', condition: { param: 'denseLayers', in: [1] } },
  { name: 'denseDropout', kind: 'float', low: 0, high: 0.5, description: 'Dropout after each hidden dense layer', condition: { param: 'denseLayers', in: [1] } },
  { name: 'optimizer', kind: 'categorical', choices: OPTIMIZERS, description: 'Optimizer' },
  { name: 'learningRate', kind: 'float', low: 1e-4, high: 1e-2, log: true, description: 'Initial learning rate' },
  { name: 'batchSize', kind: 'categorical', choices: [32, 64, 128], description: 'Examples per gradient step' },
];

export function searchSpaceFor(family: ModelFamily): SearchSpace {
  return family === 'cnn' ? CNN_SEARCH_SPACE : LSTM_SEARCH_SPACE;
}

/**
 * Fills a ModelConfig from sampled parameters over the family's defaults. Parameters not sampled (inactive by a
 * condition, or left out of a narrowed space) keep their default; unknown names and values outside the space are
 * rejected, so a typo in a study file fails before any training.
 */
export function modelConfigFromParams(params: SampledParams, family: ModelFamily): ModelConfig {
  const space = searchSpaceFor(family);
  for (const [name, value] of Object.entries(params)) {
    const definition = space.find((p) => p.name === name);
    if (definition === undefined) {
      throw new RangeError(`Unknown ${family} hyperparameter "${name}"; known: ${space.map((p) => p.name).join(', ')}.`);
    }
    checkValue(definition, value);
  }
  const config = defaultModelConfig(family);
  const get = <T extends ParamValue>(name: string): T | undefined => params[name] as T | undefined;
  const optimizer = config.optimizer;
  optimizer.name = get('optimizer') ?? optimizer.name;
  optimizer.learningRate = get('learningRate') ?? optimizer.learningRate;
  optimizer.schedule = get('learningRateSchedule') ?? optimizer.schedule;
  optimizer.batchSize = get('batchSize') ?? optimizer.batchSize;
  const denseLayers = get<number>('denseLayers') ?? config.denseUnits.length;
  const denseUnits = get<number>('denseUnits') ?? config.denseUnits[0] ?? 128;
  config.denseUnits = Array.from({ length: denseLayers }, () => denseUnits);
  config.denseDropout = get('denseDropout') ?? config.denseDropout;

  if (config.family === 'cnn') {
    const cnn: CnnConfig = config;
    const blocks = get<number>('convBlocks') ?? cnn.filters.length;
    const filters: number[] = [];
    for (let i = 0; i < blocks; i++) {
      filters.push(get<number>(`filtersBlock${i + 1}`) ?? cnn.filters[i] ?? 2 * (filters[i - 1] ?? 16));
    }
    cnn.filters = filters;
    cnn.kernelSize = get('kernelSize') ?? cnn.kernelSize;
    cnn.activation = get('activation') ?? cnn.activation;
    cnn.batchNormalization = get('batchNormalization') ?? cnn.batchNormalization;
    cnn.pooling = get('pooling') ?? cnn.pooling;
    cnn.convDropout = get('convDropout') ?? cnn.convDropout;
    cnn.featureHead = get('featureHead') ?? cnn.featureHead;
  } else {
    const lstm: LstmConfig = config;
    const layers = get<number>('lstmLayers') ?? lstm.lstmUnits.length;
    const units = get<number>('lstmUnits') ?? lstm.lstmUnits[0]!;
    lstm.lstmUnits = Array.from({ length: layers }, () => units);
    lstm.embeddingDim = get('embeddingDim') ?? lstm.embeddingDim;
    lstm.bidirectional = get('bidirectional') ?? lstm.bidirectional;
    lstm.recurrentDropout = get('recurrentDropout') ?? lstm.recurrentDropout;
  }
  validateModelConfig(config);
  return config;
}

function checkValue(definition: ParamDefinition, value: ParamValue): void {
  const ok =
    definition.kind === 'categorical'
      ? definition.choices.includes(value)
      : typeof value === 'number' &&
        value >= definition.low &&
        value <= definition.high &&
        (definition.kind === 'float' || Number.isInteger(value));
  if (!ok) {
    const allowed =
      definition.kind === 'categorical' ? `one of ${JSON.stringify(definition.choices)}` : `${definition.kind} in [${definition.low}, ${definition.high}]`;
    throw new RangeError(`Hyperparameter "${definition.name}" must be ${allowed}, got ${JSON.stringify(value)}.`);
  }
}
