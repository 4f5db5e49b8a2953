// CIFAR-10 and CIFAR-100 read from the binary .tar.gz archives as published; parsed pixels are cached.
import type { DatasetLoader, OfficialSplits } from './dataset-loader.js';
import { fingerprintFiles } from './dataset-files.js';
import { parseCifarRecords, parseLabelNames, type CifarVariant } from './cifar-reader.js';
import { readTarGz } from './tar-reader.js';

interface CifarLayout {
  train: string[];
  test: string[];
  labelNames: string;
  coarseLabelNames?: string;
  expected: { train: number; test: number };
}

const LAYOUTS: Record<CifarVariant, CifarLayout> = {
  cifar10: {
    train: [1, 2, 3, 4, 5].map((n) => `cifar-10-batches-bin/data_batch_${n}.bin`),
    test: ['cifar-10-batches-bin/test_batch.bin'],
    labelNames: 'cifar-10-batches-bin/batches.meta.txt',
    expected: { train: 50_000, test: 10_000 },
  },
  cifar100: {
    train: ['cifar-100-binary/train.bin'],
    test: ['cifar-100-binary/test.bin'],
    labelNames: 'cifar-100-binary/fine_label_names.txt',
    coarseLabelNames: 'cifar-100-binary/coarse_label_names.txt',
    expected: { train: 50_000, test: 10_000 },
  },
};

/**
 * Reads a CIFAR binary archive. `expected` defaults to the published split sizes; a different count means a
 * damaged or foreign archive and is an error.
 */
export async function readCifarArchive(
  archivePath: string,
  variant: CifarVariant,
  labelMode: 'fine' | 'coarse' = 'fine',
  expected = LAYOUTS[variant].expected,
): Promise<OfficialSplits> {
  const layout = LAYOUTS[variant];
  const wanted = new Set([...layout.train, ...layout.test, layout.labelNames, ...(layout.coarseLabelNames ? [layout.coarseLabelNames] : [])]);
  const members = new Map<string, Buffer>();
  for await (const entry of readTarGz(archivePath, (name) => wanted.has(name.replace(/^\.\//, '')))) {
    members.set(entry.name.replace(/^\.\//, ''), entry.data);
  }
  const missing = [...wanted].filter((name) => !members.has(name));
  if (missing.length) throw new Error(`${archivePath} lacks ${missing.join(', ')}; it is not the ${variant} binary archive`);

  const split = (names: string[], splitName: 'train' | 'test') => {
    const records = parseCifarRecords(names.map((name) => members.get(name)!), variant, `${archivePath}:${names.join('+')}`);
    if (records.count !== expected[splitName]) {
      throw new Error(`${archivePath}: ${splitName} holds ${records.count} images, expected ${expected[splitName]}; the archive is damaged`);
    }
    const labels = labelMode === 'coarse' && records.coarseLabels ? records.coarseLabels : records.labels;
    return { count: records.count, inputs: records.inputs, labels };
  };
  const namesFile = labelMode === 'coarse' && layout.coarseLabelNames ? layout.coarseLabelNames : layout.labelNames;
  return { train: split(layout.train, 'train'), test: split(layout.test, 'test'), classNames: parseLabelNames(members.get(namesFile)!.toString('utf8')) };
}

function cifarLoader(variant: CifarVariant): DatasetLoader {
  return async (files, { options, cache }) => {
    const archive = files.archive.files[0].path;
    const labelMode = variant === 'cifar100' ? options.cifar100LabelMode : 'fine';
    const key = { labelMode, files: await fingerprintFiles([archive]) };
    const cached = await cache.read<{ classNames: string[] }>(variant, key);
    if (cached) {
      const { trainInputs, trainLabels, testInputs, testLabels } = cached.arrays;
      return {
        train: { count: trainLabels.length, inputs: trainInputs, labels: trainLabels as Int32Array },
        test: { count: testLabels.length, inputs: testInputs, labels: testLabels as Int32Array },
        classNames: cached.meta.classNames,
      };
    }
    const splits = await readCifarArchive(archive, variant, labelMode);
    await cache.write(variant, key, {
      meta: { classNames: splits.classNames! },
      arrays: { trainInputs: splits.train.inputs, trainLabels: splits.train.labels, testInputs: splits.test.inputs, testLabels: splits.test.labels },
    });
    return splits;
  };
}

export const loadCifar10 = cifarLoader('cifar10');
export const loadCifar100 = cifarLoader('cifar100');
