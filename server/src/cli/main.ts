#!/usr/bin/env node
// The `hyperscope` command line. Each command lives in its own <name>-command.ts and is registered here.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Command } from 'commander';
import { createDatasetsCommand } from './datasets-command.js';
import { createOptimizeCommand } from './optimize-command.js';
import { createServeCommand } from './serve-command.js';
import { createStudiesCommand } from './studies-command.js';
import { createWorkerCommand } from './worker-command.js';

function packageVersion(): string {
  // Same depth from server/src/cli and server/dist/cli.
  const manifest = path.resolve(import.meta.dirname, '../../../package.json');
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

export function createProgram(): Command {
  return new Command('hyperscope')
    .description('Bayesian hyperparameter optimization of neural networks that explains why good architectures are good')
    .version(packageVersion())
    .addCommand(createOptimizeCommand())
    .addCommand(createServeCommand())
    .addCommand(createWorkerCommand())
    .addCommand(createStudiesCommand())
    .addCommand(createDatasetsCommand());
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  createProgram()
    .parseAsync()
    .catch((error: unknown) => {
      console.error((error as Error).message);
      process.exitCode = 1;
    });
}
