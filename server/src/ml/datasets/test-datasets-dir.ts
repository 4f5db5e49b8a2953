// Test support: the real datasets sit in ../shared/datasets beside the repository (CI clones with shared/ beside it).
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const REPOSITORY_ROOT = path.resolve(import.meta.dirname, '../../../..');
export const SHARED_DATASETS_DIR = process.env.HYPERSCOPE_DATASETS_DIR || path.resolve(REPOSITORY_ROOT, '../shared/datasets');

export function temporaryDir(prefix: string): string {
  return mkdtempSync(path.join(os.tmpdir(), `hyperscope-${prefix}-`));
}
