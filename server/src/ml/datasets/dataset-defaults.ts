// The one place dataset option defaults live; loaders and the CLI read them from here.
import path from 'node:path';

export type Cifar100LabelMode = 'fine' | 'coarse';

export interface DatasetOptions {
  /** Folder holding one sub-folder per dataset (`mnist/`, `imdb/`, ...). */
  datasetsDir: string;
  /** Where archives are unpacked and parsed results cached; never beside the originals. */
  cacheDir: string;
  /** Download missing files from the publisher when the network allows. */
  download: boolean;
  /** Fraction of the official training split held out, stratified, for validation. */
  validationFraction: number;
  /** Examples kept for training after validation is held out; undefined keeps all (multi-fidelity budgets lower it). */
  trainSubsetSize: number | undefined;
  /** Seed of every random choice: split, subset, corruptions. */
  seed: number;
  /** GTSRB: side of the square each ROI crop is resized to. */
  imageSize: number;
  /** Text: token ids drawn from [0, vocabularySize), 0 = padding, 1 = out-of-vocabulary. */
  vocabularySize: number;
  /** Text: sequences are padded / truncated to this many tokens. */
  sequenceLength: number;
  /** CIFAR-100: which of the two label sets to train on. */
  cifar100LabelMode: Cifar100LabelMode;
}

export const DATASETS_DIR_ENV = 'HYPERSCOPE_DATASETS_DIR';

export const datasetDefaults: Readonly<DatasetOptions> = Object.freeze({
  datasetsDir: 'datasets',
  cacheDir: path.join('.hyperscope', 'cache'),
  download: true,
  validationFraction: 0.1,
  trainSubsetSize: undefined,
  seed: 42,
  imageSize: 32,
  vocabularySize: 20_000,
  sequenceLength: 200,
  cifar100LabelMode: 'fine',
});

/** Fills in defaults, takes the datasets folder from the environment when not given, and rejects nonsense early. */
export function resolveDatasetOptions(options: Partial<DatasetOptions> = {}, env: NodeJS.ProcessEnv = process.env): DatasetOptions {
  const given = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
  const resolved: DatasetOptions = {
    ...datasetDefaults,
    datasetsDir: env[DATASETS_DIR_ENV] || datasetDefaults.datasetsDir,
    ...given,
  };
  resolved.datasetsDir = path.resolve(resolved.datasetsDir);
  resolved.cacheDir = path.resolve(resolved.cacheDir);
  const { validationFraction, trainSubsetSize, imageSize, vocabularySize, sequenceLength, seed } = resolved;
  if (!(validationFraction >= 0 && validationFraction < 1)) {
    throw new RangeError(`validationFraction must be in [0, 1), got ${validationFraction}`);
  }
  if (trainSubsetSize !== undefined && !(Number.isInteger(trainSubsetSize) && trainSubsetSize > 0)) {
    throw new RangeError(`trainSubsetSize must be a positive integer, got ${trainSubsetSize}`);
  }
  if (!(Number.isInteger(imageSize) && imageSize >= 8 && imageSize <= 256)) {
    throw new RangeError(`imageSize must be an integer in [8, 256], got ${imageSize}`);
  }
  if (!(Number.isInteger(vocabularySize) && vocabularySize >= 3)) {
    throw new RangeError(`vocabularySize must be an integer >= 3 (padding, out-of-vocabulary and one word), got ${vocabularySize}`);
  }
  if (!(Number.isInteger(sequenceLength) && sequenceLength >= 1)) {
    throw new RangeError(`sequenceLength must be a positive integer, got ${sequenceLength}`);
  }
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  if (resolved.cifar100LabelMode !== 'fine' && resolved.cifar100LabelMode !== 'coarse') {
    throw new RangeError(`cifar100LabelMode must be 'fine' or 'coarse', got ${String(resolved.cifar100LabelMode)}`);
  }
  return resolved;
}
