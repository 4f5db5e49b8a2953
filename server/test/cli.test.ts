// The `hyperscope` command line as a user types it.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHARED_DATASETS_DIR } from '../src/ml/datasets/test-datasets-dir.js';
import { createTestDatabase } from './support/test-database.js';

const serverRoot = path.resolve(import.meta.dirname, '..');

function hyperscope(args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
      cwd: serverRoot,
      env: { ...process.env, CI: '1', HYPERSCOPE_LOG_LEVEL: 'warn', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('hyperscope CLI', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let workDir: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    database = await createTestDatabase();
    workDir = await mkdtemp(path.join(os.tmpdir(), 'hyperscope-cli-'));
    env = { DATABASE_URL: database.url, HYPERSCOPE_DATASETS_DIR: SHARED_DATASETS_DIR, HYPERSCOPE_RESULTS_DIR: path.join(workDir, 'results'), HYPERSCOPE_LOGS_DIR: path.join(workDir, 'logs') };
  });
  afterAll(async () => {
    await database?.drop();
    await rm(workDir, { recursive: true, force: true });
  });

  it('has help for every command', async () => {
    const { code, stdout } = await hyperscope(['--help']);
    expect(code).toBe(0);
    for (const command of ['optimize', 'serve', 'worker', 'studies', 'datasets']) expect(stdout).toContain(command);
    expect((await hyperscope(['optimize', '--help'])).stdout).toContain('--train-subset');
  });

  it('rejects bad input with the flag to change and a non-zero exit, writing nothing', async () => {
    const unknown = await hyperscope(['optimize', '--dataset', 'svhn'], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.trim()).toMatch(/^hyperscope optimize: --dataset: unknown dataset "svhn"; choose one of mnist/);
    const trials = await hyperscope(['optimize', '--dataset', 'mnist', '--trials', '0'], env);
    expect(trials.code).toBe(2);
    expect(trials.stderr).toContain('--trials: must be a whole number from 1 to 10000');
    const notANumber = await hyperscope(['optimize', '--dataset', 'mnist', '--epochs', 'many'], env);
    expect(notANumber.code).not.toBe(0);
    expect(notANumber.stderr).toContain('--epochs must be a whole number');
    const list = await hyperscope(['studies', 'list', '--json'], env);
    expect(JSON.parse(list.stdout)).toEqual([]);
  });

  it('runs a 2-trial study to the end, printing JSON events, then lists and shows it', async () => {
    const run = await hyperscope(
      ['optimize', '--dataset', 'mnist', '--name', 'cli-study', '--trials', '2', '--parallelism', '1', '--epochs', '1',
        '--train-subset', '300', '--final-epochs', '1', '--final-train-subset', '500', '--mode', 'SIMPLE', '--seed', '3', '--json'],
      env,
    );
    expect(run.stderr).not.toMatch(/error/i);
    expect(run.code).toBe(0);
    const types = run.stdout.trim().split('\n').map((line) => JSON.parse(line).type);
    expect(types.filter((t) => t === 'TRIAL_STARTED')).toHaveLength(2);
    expect(types.at(-1)).toBe('STUDY_COMPLETED');
    await stat(path.join(workDir, 'results', 'cli-study', 'final_model.zip'));
    await stat(path.join(workDir, 'results', 'cli-study', 'best_hyperparameters.yaml'));

    const list = await hyperscope(['studies', 'list'], env);
    expect(list.stdout).toMatch(/cli-study\s+COMPLETE\s+mnist\s+SIMPLE\s+2\/2/);
    const show = await hyperscope(['studies', 'show', 'cli-study'], env);
    expect(show.stdout).toContain('cli-study');
    expect(show.stdout).toContain('artifact FINAL_MODEL: cli-study/final_model.zip');
    const missing = await hyperscope(['studies', 'show', 'nope'], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no study named or with id "nope"');
  }, 300_000);
});
