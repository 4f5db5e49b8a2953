// Training throughput (issue #8): samples/s of the reference MNIST CNN, the same CNN on CIFAR-shaped input, and the
// IMDB-shaped LSTM, trained by Hyperscope's trainer on the wasm and cpu backends (each run in its own process; on
// wasm also data-parallel on two threads), the
// LSTM also with TF.js's own tf.layers.lstm (as before FusedLstm); peak RSS; 20 build-train-dispose trials of the
// CNN for memory growth; and, when python3 can import torch, the PyTorch reference in the same command.
// Usage (repository root): npx tsx bench/train-throughput/run.ts [--scale 1] [--only wasm|cpu|pytorch|trials ...]
// Results: docs/BENCHMARKS.md ("Training throughput").
import { execFileSync, spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';

const here = import.meta.dirname;
const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const scale = Number(option('scale') ?? 1);
const only = args.flatMap((a, i) => (args[i - 1] === '--only' ? a.split(',') : []));
const wanted = (part: string): boolean => only.length === 0 || only.includes(part);

interface Result {
  model: string;
  backend: string;
  variant?: string;
  threads?: number;
  samplesPerSecond: number;
  samplesPerCpuSecond: number;
  peakRssMb: number;
}

function runChild(argv: string[]): Record<string, unknown> {
  const out = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, 'train-one.ts'), ...argv], { encoding: 'utf8', maxBuffer: 1 << 24 });
  const line = out.stdout.split('\n').find((l) => l.startsWith('{'));
  if (out.status !== 0 || line === undefined) throw new Error(`train-one ${argv.join(' ')} failed:\n${out.stderr.slice(-2000)}`);
  return JSON.parse(line) as Record<string, unknown>;
}

/** (model, backend, batches, variant, threads): each run's timed epoch takes several seconds, enough to steady it. */
const runs: [string, string, number, string, number?][] = [
  ['mnist-cnn', 'wasm', 30, 'fused'],
  ['mnist-cnn', 'wasm', 30, 'fused', 2],
  ['cifar-cnn', 'wasm', 20, 'fused'],
  ['cifar-cnn', 'wasm', 20, 'fused', 2],
  ['imdb-lstm', 'wasm', 6, 'fused'],
  ['imdb-lstm', 'wasm', 6, 'fused', 2],
  ['imdb-lstm', 'wasm', 1, 'tfjs-lstm'],
  ['mnist-cnn', 'cpu', 1, 'fused'],
  ['cifar-cnn', 'cpu', 1, 'fused'],
  ['imdb-lstm', 'cpu', 2, 'fused'],
  ['imdb-lstm', 'cpu', 1, 'tfjs-lstm'],
];

const loadBefore = os.loadavg()[0]!;
const started = performance.now();
const results: Result[] = [];
for (const [model, backend, batches, variant, threads = 1] of runs) {
  if (!wanted(backend)) continue;
  const result = runChild([model, backend, String(Math.max(1, Math.round(batches * scale))), variant, '--threads', String(threads)]) as unknown as Result;
  results.push(result);
  console.error(`${model} ${backend} ${variant} ×${threads}: ${result.samplesPerSecond.toFixed(1)} samples/s`);
}

let trials: { rssMb: number[]; numTensors: number[]; peakRssMb: number } | undefined;
if (wanted('trials')) {
  trials = runChild(['mnist-cnn', 'wasm', '3', 'trials', '20']) as unknown as typeof trials;
  console.error(`trials: RSS ${trials!.rssMb.join(' ')} MB`);
}

/** python3 with torch: `python3` first, then Debian's /usr/bin/python3 (pyenv shims may hide the apt package). */
function pythonWithTorch(): string | undefined {
  for (const candidate of [process.env.PYTHON ?? 'python3', '/usr/bin/python3']) {
    try {
      execFileSync(candidate, ['-c', 'import torch'], { stdio: 'ignore' });
      return candidate;
    } catch {
      // not this one
    }
  }
  return undefined;
}

const torch: Record<string, Result> = {};
const python = wanted('pytorch') ? pythonWithTorch() : undefined;
if (python !== undefined) {
  const out = execFileSync(python, [path.join(here, 'pytorch_reference.py'), '--threads', '2', '--batches', String(Math.max(2, Math.round(10 * scale)))], { encoding: 'utf8' });
  for (const line of out.split('\n').filter((l) => l.startsWith('{'))) {
    const result = JSON.parse(line) as Result;
    torch[result.model] = result;
    results.push(result);
  }
} else if (wanted('pytorch')) {
  console.error('PyTorch reference skipped: no python3 here can import torch (apt-get install -y python3-torch).');
}

const f = (x: number): string => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
const lines = [
  `Machine: ${os.cpus()[0]?.model ?? 'unknown'} × ${os.cpus().length}, Node ${process.version}; load average ${loadBefore.toFixed(1)} before, ${os.loadavg()[0]!.toFixed(1)} after (${((performance.now() - started) / 1000).toFixed(0)} s).`,
  '',
  '| model | backend | threads | LSTM layer | samples/s | samples per CPU-second | × PyTorch (samples/s) | peak RSS (MB) |',
  '|---|---|---:|---|---:|---:|---:|---:|',
  ...results.map((r) => {
    const reference = torch[r.model];
    const ratio = reference && r.backend !== 'pytorch' ? (r.samplesPerSecond / reference.samplesPerSecond).toFixed(2) : '';
    const layer = r.model === 'imdb-lstm' ? (r.backend === 'pytorch' ? 'nn.LSTM' : r.variant === 'tfjs-lstm' ? 'tf.layers.lstm' : 'FusedLstm') : '';
    const backend = r.backend === 'pytorch' ? `PyTorch ${(r as unknown as { torchVersion: string }).torchVersion}` : r.backend;
    const threads = r.backend === 'pytorch' ? 2 : (r.threads ?? 1);
    return `| ${r.model} | ${backend} | ${threads} | ${layer} | ${f(r.samplesPerSecond)} | ${f(r.samplesPerCpuSecond)} | ${ratio} | ${r.peakRssMb} |`;
  }),
];
if (trials) {
  lines.push(
    '',
    `20 trials of the reference CNN on wasm (build, 3 batches, dispose): RSS ${trials.rssMb[0]} MB after trial 1, ${trials.rssMb[trials.rssMb.length - 1]} MB after trial 20 (max ${Math.max(...trials.rssMb)}), peak ${trials.peakRssMb} MB; live tensors ${trials.numTensors[0]} → ${trials.numTensors[trials.numTensors.length - 1]}.`,
  );
}
console.log(lines.join('\n'));
