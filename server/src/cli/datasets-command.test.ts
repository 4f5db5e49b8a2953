import { describe, expect, it } from 'vitest';
import { SHARED_DATASETS_DIR, temporaryDir } from '../ml/datasets/test-datasets-dir.js';
import { createDatasetsCommand } from './datasets-command.js';
import { createProgram } from './main.js';

async function run(args: string[]): Promise<string> {
  const lines: string[] = [];
  await createDatasetsCommand((text) => lines.push(text)).parseAsync(args, { from: 'user' });
  return lines.join('\n');
}

describe('hyperscope datasets', () => {
  it('lists all seven with availability and the split sizes of the files present', async () => {
    const output = await run(['--datasets-dir', SHARED_DATASETS_DIR, '--cache-dir', temporaryDir('cli-cache')]);
    const rows = Object.fromEntries(output.split('\n').slice(2).map((line) => [line.split(/\s+/)[0], line]));
    expect(Object.keys(rows)).toEqual(['mnist', 'fashion-mnist', 'cifar10', 'cifar100', 'gtsrb', 'imdb', 'reuters']);
    expect(rows.mnist).toMatch(/image\s+60000\s+10000\s+11\.6 MB\s+present/);
    expect(rows.cifar10).toMatch(/missing archive/);
    // Only the training subset is on disk: the listing says so instead of the published 39209.
    expect(rows.gtsrb).toMatch(/image\s+2580\s+12630/);
    expect(rows.reuters).toMatch(/text\s+7697\s+2974/);
    expect(rows.cifar10).toMatch(/-$/);
  });

  it('is registered in the hyperscope program with help text', () => {
    const help = createProgram().helpInformation();
    expect(help).toContain('datasets');
    expect(help).toContain('List the seven datasets');
  });
});
