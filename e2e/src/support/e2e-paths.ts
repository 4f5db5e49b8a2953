import path from 'node:path';

export const repositoryRoot = path.resolve(import.meta.dirname, '..', '..', '..');
/** Server logs and screenshots of a run. */
export const outputDir = path.join(repositoryRoot, 'e2e', 'output');
// Same lookup as the server's tests (server/src/ml/datasets/test-datasets-dir.ts).
export const datasetsDir = process.env['HYPERSCOPE_DATASETS_DIR'] || path.resolve(repositoryRoot, '..', 'shared', 'datasets');
