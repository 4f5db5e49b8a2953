export * from './dataset-types.js';
export { datasetDefaults, resolveDatasetOptions, DATASETS_DIR_ENV, type DatasetOptions, type Cifar100LabelMode } from './dataset-defaults.js';
export { loadDataset, describeDataset, listDatasets, assertDatasetId, type DatasetAvailability, type LoadDatasetOptions } from './dataset-catalog.js';
export { DatasetFileError } from './dataset-file-error.js';
export { corruptExamples, corruptionsFor, CORRUPTION_PARAMETERS, type Corruption, type CorruptionKind, type CorruptionSeverity } from './corruptions.js';
export { createDatasetSprite, spriteDefaults, type DatasetSprite, type SpriteOptions } from './dataset-sprite.js';
