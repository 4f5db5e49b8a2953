// The complete, validated configuration a study runs from, and the one conversion each way between it and what
// the user set (OptimizationInput). Bad input fails here, before anything is written, naming the field to change.
import { DATASET_IDS, type DatasetId } from '../ml/datasets/dataset-types.js';
import { describeDataset } from '../ml/datasets/index.js';
import { HEALTH_METRICS, healthWeights as completeHealthWeights, type HealthWeights } from '../ml/health/health-report.js';
import {
  DEFAULT_OBJECTIVE_SETTINGS,
  objectiveDirections,
  type ObjectiveMode,
  type ObjectiveSettings,
} from '../ml/health/objective.js';
import type { ModelFamily } from '../ml/model/model-config.js';
import {
  modelConfigFromParams,
  searchSpaceFor,
  type ParamDefinition,
  type ParamValue,
  type SampledParams,
} from '../ml/model/search-space.js';
import {
  OPTIMIZATION_MODES,
  OVERRIDE_MODES,
  PRUNER_KINDS,
  SAMPLER_KINDS,
  optimizationInputDefaults as defaults,
  type HyperparameterOverride,
  type OptimizationInput,
  type OptimizationMode,
  type PrunerKind,
  type SamplerKind,
} from './optimization-input.js';

export interface StudyConfig {
  name: string;
  dataset: DatasetId;
  family: ModelFamily;
  mode: OptimizationMode;
  /** What each trial reports to the sampler, and how (the health module computes it). */
  objective: ObjectiveSettings;
  /** One per objective: accuracy (SIMPLE), the blend (HEALTH_AWARE), accuracy and health (MULTI_OBJECTIVE). */
  directions: ('maximize' | 'minimize')[];
  /** Weights of the six metrics in the composite health score. */
  healthWeights: HealthWeights;
  trials: number;
  parallelism: number;
  budget: { epochs: number; trainSubsetSize: number | null };
  finalModel: { epochs: number; trainSubsetSize: number | null };
  sampler: SamplerKind;
  pruner: PrunerKind;
  seed: number;
  timeoutMinutes: number | null;
  /** What the sampler searches: the family's space narrowed by the user (RANGE), without FIXED and OFF ones. */
  searchSpace: ParamDefinition[];
  /** Values every trial uses (FIXED overrides and the fixed batch size). */
  fixedParams: SampledParams;
  /** Hyperparameters left at the architecture default (OFF). */
  disabledParams: string[];
  /** Parameters chosen when a trial is queued, heavier trials to GPU workers first (`slot-queueing.ts`). */
  heavyTrialsOnGpu: boolean;
}

/**
 * Every hyperparameter a trial trained with: the study's fixed values and the ones sampled for it. The engine
 * stores only the sampled ones, so anything rebuilding a trial's model (the final model, best_hyperparameters.yaml)
 * starts here.
 */
export function trialParams(config: Pick<StudyConfig, 'fixedParams'>, sampled: SampledParams): SampledParams {
  return { ...config.fixedParams, ...sampled };
}

/** The API's mode names and the health module's objective modes, one to one. */
const OBJECTIVE_MODE_OF: Record<OptimizationMode, ObjectiveMode> = {
  SIMPLE: 'accuracy',
  HEALTH_AWARE: 'health-aware',
  MULTI_OBJECTIVE: 'pareto',
};

/** Bad input, with the path of the field to change (e.g. `searchSpace[2].low`). */
export class StudyConfigError extends Error {
  override name = 'StudyConfigError';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}

const LIMITS = {
  nameMaxLength: 100,
  trials: [1, 10_000],
  parallelism: [1, 64],
  epochs: [1, 1000],
  trainSubsetSize: [100, 10_000_000],
  seed: [0, 2 ** 31 - 1],
} as const;

/** Safe as a folder name on every OS, readable in a URL. */
const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export function studyConfigFromInput(input: OptimizationInput, now: Date = new Date()): StudyConfig {
  const dataset = readDataset(input.dataset);
  const family: ModelFamily = describeDataset(dataset).modality === 'image' ? 'cnn' : 'lstm';
  const mode = readChoice('mode', input.mode, OPTIMIZATION_MODES, defaults.mode);
  const epochs = readInt('epochs', input.epochs, LIMITS.epochs, defaults.epochs);
  if (mode !== 'HEALTH_AWARE' && (input.healthWeight != null || input.healthWeights != null)) {
    throw new StudyConfigError(input.healthWeights != null ? 'healthWeights' : 'healthWeight', 'weights apply to the HEALTH_AWARE mode only');
  }
  const objective: ObjectiveSettings = {
    mode: OBJECTIVE_MODE_OF[mode],
    healthWeight: readNumber('healthWeight', input.healthWeight, [0, 1], DEFAULT_OBJECTIVE_SETTINGS.healthWeight),
  };
  const { searchSpace, fixedParams, disabledParams } = resolveSearchSpace(family, input.searchSpace ?? []);
  return {
    name: readName(input.name, dataset, now),
    dataset,
    family,
    mode,
    objective,
    directions: objectiveDirections(objective.mode),
    healthWeights: readHealthWeights(input.healthWeights),
    trials: readInt('trials', input.trials, LIMITS.trials, defaults.trials),
    parallelism: readInt('parallelism', input.parallelism, LIMITS.parallelism, defaults.parallelism),
    budget: {
      epochs,
      trainSubsetSize:
        input.trainSubsetSize === null
          ? null
          : readInt('trainSubsetSize', input.trainSubsetSize, LIMITS.trainSubsetSize, defaults.trainSubsetSize),
    },
    finalModel: {
      epochs: readInt('finalModelEpochs', input.finalModelEpochs, LIMITS.epochs, defaults.finalModelEpochs),
      trainSubsetSize:
        input.finalModelTrainSubsetSize == null
          ? null
          : readInt('finalModelTrainSubsetSize', input.finalModelTrainSubsetSize, LIMITS.trainSubsetSize, 0),
    },
    sampler: readChoice('sampler', input.sampler, SAMPLER_KINDS, defaults.sampler),
    pruner: readChoice('pruner', input.pruner, PRUNER_KINDS, defaults.pruner),
    seed: readInt('seed', input.seed, LIMITS.seed, Math.floor(Math.random() * LIMITS.seed[1])),
    timeoutMinutes: input.timeoutMinutes == null ? null : readNumber('timeoutMinutes', input.timeoutMinutes, [0.1, 60 * 24 * 30], 0),
    searchSpace,
    fixedParams,
    disabledParams,
    heavyTrialsOnGpu: readBoolean('heavyTrialsOnGpu', input.heavyTrialsOnGpu, defaults.heavyTrialsOnGpu),
  };
}

/** The input that reproduces `config` (what a "run again" form starts from). */
export function optimizationInputFromConfig(config: StudyConfig): OptimizationInput {
  const familySpace = searchSpaceFor(config.family);
  const overrides: HyperparameterOverride[] = [];
  for (const definition of familySpace) {
    const { name } = definition;
    if (name in config.fixedParams) {
      if (!(name === 'batchSize' && config.fixedParams[name] === defaults.batchSize)) {
        overrides.push({ name, mode: 'FIXED', value: config.fixedParams[name]! });
      }
    } else if (config.disabledParams.includes(name)) {
      overrides.push({ name, mode: 'OFF' });
    } else {
      const searched = config.searchSpace.find((p) => p.name === name)!;
      if (JSON.stringify(searched) !== JSON.stringify(definition)) overrides.push(rangeOverride(searched));
    }
  }
  if (!('batchSize' in config.fixedParams) && !config.disabledParams.includes('batchSize')) {
    const searched = config.searchSpace.find((p) => p.name === 'batchSize')!;
    if (!overrides.some((o) => o.name === 'batchSize')) overrides.push(rangeOverride(searched));
  }
  return {
    dataset: config.dataset,
    name: config.name,
    mode: config.mode,
    ...(config.mode === 'HEALTH_AWARE' ? { healthWeight: config.objective.healthWeight, healthWeights: { ...config.healthWeights } } : {}),
    trials: config.trials,
    parallelism: config.parallelism,
    epochs: config.budget.epochs,
    trainSubsetSize: config.budget.trainSubsetSize,
    finalModelEpochs: config.finalModel.epochs,
    finalModelTrainSubsetSize: config.finalModel.trainSubsetSize,
    sampler: config.sampler,
    pruner: config.pruner,
    seed: config.seed,
    timeoutMinutes: config.timeoutMinutes,
    searchSpace: overrides,
    // Configs stored before the option existed lack it.
    heavyTrialsOnGpu: config.heavyTrialsOnGpu ?? false,
  };
}

function rangeOverride(definition: ParamDefinition): HyperparameterOverride {
  return definition.kind === 'categorical'
    ? { name: definition.name, mode: 'RANGE', choices: [...definition.choices] }
    : { name: definition.name, mode: 'RANGE', low: definition.low, high: definition.high, log: definition.log ?? false };
}

function resolveSearchSpace(
  family: ModelFamily,
  overrides: HyperparameterOverride[],
): Pick<StudyConfig, 'searchSpace' | 'fixedParams' | 'disabledParams'> {
  const familySpace = searchSpaceFor(family);
  const byName = new Map<string, { override: HyperparameterOverride; index: number }>();
  overrides.forEach((override, index) => {
    const field = `searchSpace[${index}]`;
    if (override === null || typeof override !== 'object') throw new StudyConfigError(field, 'must be an object');
    if (!familySpace.some((p) => p.name === override.name)) {
      throw new StudyConfigError(
        `${field}.name`,
        `unknown ${family.toUpperCase()} hyperparameter "${String(override.name)}"; known: ${familySpace.map((p) => p.name).join(', ')}`,
      );
    }
    if (byName.has(override.name)) throw new StudyConfigError(`${field}.name`, `"${override.name}" is set twice`);
    readChoice(`${field}.mode`, override.mode, OVERRIDE_MODES, undefined);
    byName.set(override.name, { override, index });
  });
  if (!byName.has('batchSize')) byName.set('batchSize', { override: { name: 'batchSize', mode: 'FIXED', value: defaults.batchSize }, index: -1 });

  const searchSpace: ParamDefinition[] = [];
  const fixedParams: SampledParams = {};
  const disabledParams: string[] = [];
  for (const definition of familySpace) {
    const entry = byName.get(definition.name);
    if (!entry) {
      searchSpace.push(definition);
      continue;
    }
    const { override, index } = entry;
    const field = index < 0 ? 'searchSpace' : `searchSpace[${index}]`;
    if (override.mode === 'OFF') disabledParams.push(definition.name);
    else if (override.mode === 'FIXED') fixedParams[definition.name] = readFixedValue(`${field}.value`, definition, override.value);
    else searchSpace.push(narrowDefinition(field, definition, override));
  }
  if (searchSpace.length === 0) {
    throw new StudyConfigError('searchSpace', 'nothing left to search: set at least one hyperparameter to RANGE');
  }
  // The combination must build: e.g. a FIXED value that contradicts another one surfaces here, not in a trial.
  try {
    modelConfigFromParams(fixedParams, family);
  } catch (error) {
    throw new StudyConfigError('searchSpace', (error as Error).message);
  }
  return { searchSpace, fixedParams, disabledParams };
}

function readFixedValue(field: string, definition: ParamDefinition, value: unknown): ParamValue {
  if (value === undefined || value === null) throw new StudyConfigError(field, `FIXED needs a value for ${definition.name}`);
  if (definition.kind === 'categorical') {
    if (!definition.choices.some((c) => c === value)) {
      throw new StudyConfigError(field, `${definition.name} must be one of ${definition.choices.join(', ')}; got ${JSON.stringify(value)}`);
    }
    return value as ParamValue;
  }
  const number = typeof value === 'number' ? value : Number.NaN;
  if (!Number.isFinite(number) || number < definition.low || number > definition.high) {
    throw new StudyConfigError(field, `${definition.name} must be a number from ${definition.low} to ${definition.high}; got ${JSON.stringify(value)}`);
  }
  if (definition.kind === 'int' && !Number.isInteger(number)) throw new StudyConfigError(field, `${definition.name} must be an integer`);
  return number;
}

function narrowDefinition(field: string, definition: ParamDefinition, override: HyperparameterOverride): ParamDefinition {
  if (definition.kind === 'categorical') {
    const choices = override.choices ?? definition.choices;
    if (!Array.isArray(choices) || choices.length === 0) throw new StudyConfigError(`${field}.choices`, 'needs at least one choice');
    for (const choice of choices) {
      if (!definition.choices.some((c) => c === choice)) {
        throw new StudyConfigError(`${field}.choices`, `${definition.name} choices are ${definition.choices.join(', ')}; got ${JSON.stringify(choice)}`);
      }
    }
    return { ...definition, choices: [...new Set(choices)] };
  }
  const low = override.low ?? definition.low;
  const high = override.high ?? definition.high;
  const log = override.log ?? definition.log ?? false;
  for (const [key, bound] of [['low', low], ['high', high]] as const) {
    if (typeof bound !== 'number' || !Number.isFinite(bound) || bound < definition.low || bound > definition.high) {
      throw new StudyConfigError(`${field}.${key}`, `${definition.name} bounds lie within ${definition.low}..${definition.high}; got ${JSON.stringify(bound)}`);
    }
    if (definition.kind === 'int' && !Number.isInteger(bound)) throw new StudyConfigError(`${field}.${key}`, `${definition.name} bounds must be integers`);
  }
  if (low >= high) throw new StudyConfigError(`${field}.low`, `low (${low}) must be below high (${high}); use FIXED for one value`);
  if (log && low <= 0) throw new StudyConfigError(`${field}.log`, 'a log range needs low > 0');
  return { ...definition, low, high, log };
}

function readDataset(value: unknown): DatasetId {
  if (typeof value !== 'string' || !(DATASET_IDS as readonly string[]).includes(value)) {
    throw new StudyConfigError('dataset', `unknown dataset ${JSON.stringify(value)}; choose one of ${DATASET_IDS.join(', ')}`);
  }
  return value as DatasetId;
}

function readName(value: unknown, dataset: DatasetId, now: Date): string {
  if (value === undefined || value === null) {
    return `${dataset}-${now.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-')}`;
  }
  if (typeof value !== 'string' || value.length === 0 || value.length > LIMITS.nameMaxLength || !NAME_PATTERN.test(value)) {
    throw new StudyConfigError(
      'name',
      `use 1 to ${LIMITS.nameMaxLength} letters, digits, ".", "_" or "-", starting with a letter or digit (it names the results folder)`,
    );
  }
  return value;
}

function readHealthWeights(value: unknown): HealthWeights {
  if (value === undefined || value === null) return completeHealthWeights();
  if (typeof value !== 'object' || Array.isArray(value)) throw new StudyConfigError('healthWeights', 'must be an object of metric → weight');
  const weights: Partial<HealthWeights> = {};
  for (const [metric, weight] of Object.entries(value)) {
    if (!(HEALTH_METRICS as readonly string[]).includes(metric)) {
      throw new StudyConfigError(`healthWeights.${metric}`, `unknown health metric; known: ${HEALTH_METRICS.join(', ')}`);
    }
    weights[metric as keyof HealthWeights] = readNumber(`healthWeights.${metric}`, weight, [0, 100], 0);
  }
  try {
    return completeHealthWeights(weights);
  } catch (error) {
    throw new StudyConfigError('healthWeights', (error as Error).message);
  }
}

function readChoice<T extends string>(field: string, value: unknown, choices: readonly T[], fallback: T | undefined): T {
  if ((value === undefined || value === null) && fallback !== undefined) return fallback;
  if (typeof value !== 'string' || !(choices as readonly string[]).includes(value)) {
    throw new StudyConfigError(field, `must be one of ${choices.join(', ')}; got ${JSON.stringify(value)}`);
  }
  return value as T;
}

function readInt(field: string, value: unknown, [min, max]: readonly [number, number], fallback: number): number {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new StudyConfigError(field, `must be a whole number from ${min} to ${max}; got ${JSON.stringify(value)}`);
  }
  return value;
}

function readNumber(field: string, value: unknown, [min, max]: readonly [number, number], fallback: number): number {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw new StudyConfigError(field, `must be a number from ${min} to ${max}; got ${JSON.stringify(value)}`);
  }
  return value;
}

function readBoolean(field: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'boolean') throw new StudyConfigError(field, `must be true or false; got ${JSON.stringify(value)}`);
  return value;
}
