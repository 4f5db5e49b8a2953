// The public entry points of the datasets module: describe, list with availability, and load a split dataset.
import { DatasetCache } from './dataset-cache.js';
import { resolveDatasetOptions, type DatasetOptions } from './dataset-defaults.js';
import { DatasetFileError } from './dataset-file-error.js';
import { DatasetFileResolver, type RoleAvailability } from './dataset-files.js';
import { datasetRegistry, describeWithOptions } from './dataset-registry.js';
import { splitTrainValidation } from './dataset-split.js';
import { DATASET_IDS, type DatasetDescription, type DatasetId, type LabeledExamples, type SplitDataset } from './dataset-types.js';

export type LoadDatasetOptions = Partial<DatasetOptions>;

export interface DatasetAvailability {
  id: DatasetId;
  displayName: string;
  modality: DatasetDescription['modality'];
  /** Every required file is present and none is known to be corrupt. */
  available: boolean;
  /** Every required file's checksum is verified (or it has none published). */
  verified: boolean;
  folder: string;
  bytesOnDisk: number;
  /** Examples per official split in the files present (fewer than published for a subset); published sizes when missing. */
  splitSizes: DatasetDescription['splitSizes'];
  /** The file groups that a load would read (labels joined by " + "); absent while a required role is missing. */
  source?: string;
  files: RoleAvailability[];
}

export function assertDatasetId(id: string): asserts id is DatasetId {
  if (!(DATASET_IDS as readonly string[]).includes(id)) {
    throw new RangeError(`Unknown dataset "${id}"; known datasets: ${DATASET_IDS.join(', ')}`);
  }
}

/** How a dataset loaded with these options describes itself (published split sizes; no file is read). */
export function describeDataset(id: DatasetId, options: LoadDatasetOptions = {}): DatasetDescription {
  assertDatasetId(id);
  return describeWithOptions(id, resolveDatasetOptions(options));
}

/** The seven datasets with what is on disk; `verify` hashes files not verified before. Never downloads. */
export async function listDatasets(options: LoadDatasetOptions & { verify?: boolean } = {}): Promise<DatasetAvailability[]> {
  const resolved = resolveDatasetOptions(options);
  const resolver = new DatasetFileResolver(resolved.datasetsDir, resolved.cacheDir, false);
  return Promise.all(
    DATASET_IDS.map(async (id) => {
      const entry = datasetRegistry[id];
      const files = await resolver.inspect(entry.files, options.verify ?? false);
      const required = files.filter((file) => !file.optional);
      const available = required.every((file) => file.status === 'verified' || file.status === 'present');
      return {
        id,
        displayName: entry.description.displayName,
        modality: entry.description.modality,
        available,
        verified: required.every((file) => file.status === 'verified'),
        folder: resolver.folderOf(entry.files),
        bytesOnDisk: files.reduce((sum, file) => sum + file.bytes, 0),
        splitSizes: Object.assign({ ...entry.description.splitSizes }, ...files.map((file) => file.splitSizes ?? {}), ...files.map((file) => file.holds ?? {})),
        ...(available ? { source: files.filter((file) => file.label).map((file) => file.label).join(' + ') } : {}),
        files,
      };
    }),
  );
}

function checkLabels(examples: LabeledExamples, classCount: number, what: string): void {
  for (const label of examples.labels) {
    if (!(label >= 0 && label < classCount)) throw new Error(`${what}: label ${label} outside 0..${classCount - 1}`);
  }
}

/**
 * Loads a dataset from the files its publisher distributes (downloading missing ones when allowed), then splits the
 * official training set into training and validation; the official test set is the test split.
 */
export async function loadDataset(id: DatasetId, options: LoadDatasetOptions = {}): Promise<SplitDataset> {
  assertDatasetId(id);
  const resolved = resolveDatasetOptions(options);
  const entry = datasetRegistry[id];
  const description = describeWithOptions(id, resolved);
  const resolver = new DatasetFileResolver(resolved.datasetsDir, resolved.cacheDir, resolved.download);
  const files = await resolver.resolve(description.displayName, entry.files);
  description.source = Object.values(files).map((role) => role.label).join(' + ');
  // An edition with its own published split (Keras' reuters.npz) is described by that split, not as a subset.
  for (const role of Object.values(files)) if (role.splitSizes) description.splitSizes = { ...role.splitSizes };
  const official = await entry.load(files, { options: resolved, cache: new DatasetCache(resolved.cacheDir) }).catch((error: unknown) => {
    // Files without a published checksum are verified by parsing: a parse failure is a damaged or foreign file.
    const used = Object.values(files).flatMap((role) => role.files);
    const sources = entry.files.roles.flatMap((role) => role.alternatives.flatMap((group) => group.files)).filter((file) => file.url);
    throw new DatasetFileError(
      `${description.displayName}: could not read ${used.map((file) => file.path).join(', ')}: ${(error as Error).message}. ` +
        `If a file is damaged, delete it and get it again${sources.length ? ` (${sources.map((file) => file.url).join(', ')})` : ''}.`,
      used[0]?.path ?? '',
    );
  });

  if (official.classNames) {
    if (official.classNames.length !== description.classNames.length) {
      throw new Error(`${id}: the files name ${official.classNames.length} classes, expected ${description.classNames.length}`);
    }
    description.classNames = official.classNames;
  }
  checkLabels(official.train, description.classNames.length, `${id} train`);
  checkLabels(official.test, description.classNames.length, `${id} test`);
  const loadedSizes = { train: official.train.count, test: official.test.count };
  if (loadedSizes.train !== description.splitSizes.train || loadedSizes.test !== description.splitSizes.test) {
    description.publishedSplitSizes = description.splitSizes;
    description.splitSizes = loadedSizes;
  }

  const { train, validation } = splitTrainValidation(official.train, resolved);
  return { description, train, validation, test: official.test, ...(official.vocabulary ? { vocabulary: official.vocabulary } : {}) };
}
