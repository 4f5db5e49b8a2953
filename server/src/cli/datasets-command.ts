// `hyperscope datasets`: the seven datasets, whether their files are here (and verified), their sizes, and which
// edition a load would read (e.g. Keras' imdb.npz or the Stanford raw text).
import { Command } from 'commander';
import { datasetDefaults, listDatasets, type DatasetAvailability } from '../ml/datasets/index.js';

function megabytes(bytes: number): string {
  return bytes ? `${(bytes / 1e6).toFixed(1)} MB` : '-';
}

function status(dataset: DatasetAvailability): string {
  const corrupt = dataset.files.find((file) => file.status === 'corrupt');
  if (corrupt) return `corrupt (${corrupt.problem})`;
  if (!dataset.available) return `missing ${dataset.files.filter((file) => file.status === 'missing' && !file.optional).map((file) => file.role).join(', ')}`;
  return dataset.verified ? 'verified' : 'present (not yet verified)';
}

export function formatDatasetTable(datasets: DatasetAvailability[]): string {
  const rows = [
    ['dataset', 'modality', 'train', 'test', 'on disk', 'status', 'read from'],
    ...datasets.map((dataset) => [
      dataset.id, dataset.modality, String(dataset.splitSizes.train), String(dataset.splitSizes.test),
      megabytes(dataset.bytesOnDisk), status(dataset), dataset.source ?? '-',
    ]),
  ];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows.map((row) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]))).join('  ')).join('\n');
}

export function createDatasetsCommand(print: (text: string) => void = (text) => console.log(text)): Command {
  return new Command('datasets')
    .description('List the seven datasets with availability and split sizes (never downloads)')
    .option('--datasets-dir <dir>', `datasets folder (default: $HYPERSCOPE_DATASETS_DIR or ./${datasetDefaults.datasetsDir})`)
    .option('--cache-dir <dir>', 'cache folder where verifications are recorded', datasetDefaults.cacheDir)
    .option('--verify', 'hash files not verified before (slow for large archives)', false)
    .option('--json', 'print JSON instead of a table', false)
    .action(async (options: { datasetsDir?: string; cacheDir: string; verify: boolean; json: boolean }) => {
      const datasets = await listDatasets({ datasetsDir: options.datasetsDir, cacheDir: options.cacheDir, verify: options.verify });
      if (options.json) {
        print(JSON.stringify(datasets, null, 2));
        return;
      }
      print(`datasets folder: ${datasets[0].folder.replace(/[/\\][^/\\]+$/, '')}`);
      print(formatDatasetTable(datasets));
    });
}
