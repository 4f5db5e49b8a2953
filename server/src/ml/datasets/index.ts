export * from './dataset-types.js';
export { datasetDefaults, resolveDatasetOptions, DATASETS_DIR_ENV, type DatasetOptions, type Cifar100LabelMode } from './dataset-defaults.js';
export { loadDataset, describeDataset, listDatasets, assertDatasetId, type DatasetAvailability, type LoadDatasetOptions } from './dataset-catalog.js';
export { DatasetFileError } from './dataset-file-error.js';
