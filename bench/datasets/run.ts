// Dataset loading benchmark: `npx tsx bench/datasets/run.ts [datasetsDir]` (default ../shared/datasets).
// Each load runs in its own child process for a clean peak RSS: first with an empty cache (verification + parsing),
// then again with the cache that run filled. Results go in docs/BENCHMARKS.md.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DATASET_IDS, listDatasets } from '../../server/src/ml/datasets/index.js';

const repositoryRoot = path.resolve(import.meta.dirname, '../..');
const datasetsDir = path.resolve(process.argv[2] ?? path.join(repositoryRoot, '../shared/datasets'));
const child = path.join(import.meta.dirname, 'load-one.ts');

function measure(mode: string, cacheDir: string): Record<string, unknown> {
  const output = execFileSync(process.execPath, ['--import', 'tsx', child, mode, datasetsDir, cacheDir], { cwd: repositoryRoot, encoding: 'utf8' });
  return JSON.parse(output.trim().split('\n').pop()!) as Record<string, unknown>;
}

const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'hyperscope-bench-'));
try {
  console.log(`datasets: ${datasetsDir}  node ${process.version}  ${os.cpus().length} x ${os.cpus()[0]?.model}`);
  console.log('baseline (node + tsx, nothing loaded):', JSON.stringify(measure('baseline', cacheDir)));
  const available = new Map((await listDatasets({ datasetsDir, cacheDir })).map((dataset) => [dataset.id, dataset.available]));
  console.log('| dataset | cold load (ms) | cold peak RSS (MB) | cached load (ms) | cached peak RSS (MB) | train / validation / test |');
  console.log('|---|---|---|---|---|---|');
  for (const id of DATASET_IDS) {
    if (!available.get(id)) {
      console.log(`| ${id} | files absent | | | | |`);
      continue;
    }
    const cold = measure(id, cacheDir);
    const warm = measure(id, cacheDir);
    console.log(`| ${id} | ${cold.ms} | ${cold.peakRssMb} | ${warm.ms} | ${warm.peakRssMb} | ${cold.train} / ${cold.validation} / ${cold.test} |`);
  }
  if (available.get('imdb')) console.log('IMDB tokenization alone:', JSON.stringify(measure('imdb-tokenize', cacheDir)));
} finally {
  rmSync(cacheDir, { recursive: true, force: true });
}
