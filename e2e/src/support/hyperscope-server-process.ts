import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { findFreePort } from './free-port.js';

export interface HyperscopeServerOptions {
  /** Repository root: the server is started from `server/dist/main.js` below it. */
  repositoryRoot: string;
  /** Where the server's stdout and stderr are written, for diagnosis after a failure. */
  logFile: string;
  /** Extra environment, e.g. a faster heartbeat. */
  env?: Record<string, string>;
  startupTimeoutMs?: number;
}

/** The real Hyperscope server in a child process, on a free port with a throwaway data directory. */
export class HyperscopeServerProcess {
  private exitCode: number | null = null;
  private exitSignal: NodeJS.Signals | null = null;
  private readonly exited: Promise<void>;

  private constructor(
    private readonly child: ChildProcess,
    readonly baseUrl: string,
    private readonly dataDir: string,
  ) {
    this.exited = new Promise((resolve) =>
      child.once('exit', (code, signal) => {
        this.exitCode = code;
        this.exitSignal = signal;
        resolve();
      }),
    );
    // If the test process ends without stop(), still ask the server to shut down. SIGTERM, not SIGKILL:
    // a killed server would orphan its embedded PostgreSQL.
    process.once('exit', () => {
      if (this.running) child.kill('SIGTERM');
    });
  }

  get running(): boolean {
    return this.exitCode === null && this.exitSignal === null;
  }

  static async start(options: HyperscopeServerOptions): Promise<HyperscopeServerProcess> {
    const entry = path.join(options.repositoryRoot, 'server', 'dist', 'main.js');
    const clientIndex = path.join(options.repositoryRoot, 'client', 'dist', 'browser', 'index.html');
    for (const built of [entry, clientIndex]) {
      if (!existsSync(built)) {
        throw new Error(`${built} is missing: run \`npx nx run-many -t build --projects=server,client\` first.`);
      }
    }

    const port = await findFreePort();
    const dataDir = await mkdtemp(path.join(tmpdir(), 'hyperscope-e2e-'));
    const log = createWriteStream(options.logFile);
    const child = spawn(process.execPath, [entry], {
      cwd: options.repositoryRoot,
      env: { ...process.env, ...options.env, HYPERSCOPE_PORT: String(port), HYPERSCOPE_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);

    const server = new HyperscopeServerProcess(child, `http://localhost:${port}`, dataDir);
    await server.waitUntilHealthy(options.startupTimeoutMs ?? 90_000, options.logFile);
    return server;
  }

  /**
   * Sends SIGTERM and waits for a graceful exit. Resolves to the exit code; a server that ignores
   * SIGTERM is killed and reported as a failure by the caller.
   */
  async stop(timeoutMs = 30_000): Promise<{ code: number | null; signal: NodeJS.Signals | null; forced: boolean }> {
    let forced = false;
    if (this.running) {
      this.child.kill('SIGTERM');
      // Cancel the deadline once the server is gone, or its timer keeps the test process alive.
      const deadline = new AbortController();
      const finished = await Promise.race([
        this.exited.then(() => true),
        sleep(timeoutMs, false, { signal: deadline.signal }).catch(() => false),
      ]);
      deadline.abort();
      if (!finished) {
        forced = true;
        this.child.kill('SIGKILL');
        await this.exited;
      }
    }
    await rm(this.dataDir, { recursive: true, force: true, maxRetries: 3 });
    return { code: this.exitCode, signal: this.exitSignal, forced };
  }

  private async waitUntilHealthy(timeoutMs: number, logFile: string): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let lastProblem = 'no answer yet';
    while (Date.now() < deadline) {
      if (!this.running) {
        throw new Error(`the server exited (code ${this.exitCode}, signal ${this.exitSignal}) before it was healthy; see ${logFile}`);
      }
      try {
        const response = await fetch(`${this.baseUrl}/healthz`, { signal: AbortSignal.timeout(2_000) });
        if (response.ok) return;
        lastProblem = `/healthz answered ${response.status}: ${await response.text()}`;
      } catch (error) {
        lastProblem = (error as Error).message;
      }
      await sleep(250);
    }
    await this.stop();
    throw new Error(`the server was not healthy within ${timeoutMs / 1000} s (${lastProblem}); see ${logFile}`);
  }
}
