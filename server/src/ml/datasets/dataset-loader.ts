// What every per-dataset loader returns and receives: the official splits as published, before any re-splitting.
import type { DatasetCache } from './dataset-cache.js';
import type { DatasetOptions } from './dataset-defaults.js';
import type { ResolvedDatasetFiles } from './dataset-files.js';
import type { LabeledExamples } from './dataset-types.js';

export interface OfficialSplits {
  train: LabeledExamples;
  test: LabeledExamples;
  /** Class names read from the files, when the files carry them (CIFAR's meta files). */
  classNames?: string[];
  /** Text: word of each token id (0 = padding, 1 = out-of-vocabulary). */
  vocabulary?: string[];
}

export interface LoadContext {
  options: DatasetOptions;
  cache: DatasetCache;
}

export type DatasetLoader = (files: ResolvedDatasetFiles, context: LoadContext) => Promise<OfficialSplits>;
