// Test support: the real datasets sit in ../shared/datasets beside the repository (CI clones with shared/ beside it).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

export const REPOSITORY_ROOT = path.resolve(import.meta.dirname, '../../../..');
export const SHARED_DATASETS_DIR = process.env.HYPERSCOPE_DATASETS_DIR || path.resolve(REPOSITORY_ROOT, '../shared/datasets');

const created: string[] = [];

// Each test file imports this module afresh, so this removes that file's folders (token caches are ~50 MB).
afterAll(() => {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export function temporaryDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `hyperscope-${prefix}-`));
  created.push(dir);
  return dir;
}
