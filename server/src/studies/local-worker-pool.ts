// The training workers `npm start` runs beside the server on this machine: one process per core by default
// (TF.js trains on one core per process). A worker that crashes is started again; its trial is retried.
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { LOG_TO_PARENT_ENV, type ChildLogSink } from '../logging/log-destination.js';
import type { Logger } from '../logging/logger.js';

/** Restarts of crashed workers allowed per minute before the pool gives up on that slot. */
const MAX_RESTARTS_PER_MINUTE = 5;
/** How long a worker may take to finish its batch and leave before it is killed. */
const STOP_GRACE_MS = 30_000;

export interface LocalWorkerPoolOptions {
  size: number;
  databaseUrl: string;
  logger: Logger;
  /** Extra arguments for `hyperscope worker` (datasets folder, cache). */
  workerArgs?: string[];
  /** Keeps the workers' log lines with this process's; without it they print to this process's stderr. */
  childLogs?: ChildLogSink;
}

export class LocalWorkerPool {
  private readonly children = new Set<ChildProcess>();
  private stopping = false;

  constructor(private readonly options: LocalWorkerPoolOptions) {}

  start(): void {
    for (let slot = 0; slot < this.options.size; slot++) this.spawn(slot, []);
    if (this.options.size > 0) this.options.logger.info(`started ${this.options.size} local training worker(s)`);
  }

  private spawn(slot: number, recentRestarts: number[]): void {
    // The CLI beside this file: main.js when built, main.ts under tsx (fork keeps this process's loader flags).
    const cli = path.join(import.meta.dirname, '..', 'cli', `main${path.extname(import.meta.filename)}`);
    const { childLogs } = this.options;
    const child = fork(cli, ['worker', '--database-url', this.options.databaseUrl, ...(this.options.workerArgs ?? [])], {
      // Without a log sink, worker logs go to stderr, so that a command's stdout stays its own (`optimize --json`).
      stdio: childLogs ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 2, 2, 'ipc'],
      env: childLogs ? { ...process.env, [LOG_TO_PARENT_ENV]: '1' } : process.env,
    });
    if (childLogs) {
      const childName = `worker-${slot}`;
      createInterface({ input: child.stdout! }).on('line', (line) => childLogs.writeChildLine(line, 'stdout', childName));
      createInterface({ input: child.stderr! }).on('line', (line) => childLogs.writeChildLine(line, 'stderr', childName));
    }
    this.children.add(child);
    child.on('exit', (code, signal) => {
      this.children.delete(child);
      if (this.stopping) return;
      const now = Date.now();
      const restarts = [...recentRestarts.filter((t) => now - t < 60_000), now];
      if (restarts.length > MAX_RESTARTS_PER_MINUTE) {
        this.options.logger.error(`local worker ${slot} keeps exiting (${code ?? signal}); not restarting it`);
        return;
      }
      this.options.logger.warn(`local worker ${slot} exited (${code ?? signal}); starting it again`);
      this.spawn(slot, restarts);
    });
  }

  /** Asks every worker to leave after its current batch; kills those still there after the grace period. */
  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all(
      [...this.children].map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            const kill = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
            // 'close', not 'exit': the worker's last log lines may still be in its pipes when it exits.
            child.once('close', () => {
              clearTimeout(kill);
              resolve();
            });
            child.kill('SIGTERM');
          }),
      ),
    );
  }
}
