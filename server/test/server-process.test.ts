// The server as a user runs it: a process started from the command line, stopped with a signal.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from './support/test-database.js';

const serverRoot = path.resolve(import.meta.dirname, '..');

function startServerProcess(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: serverRoot,
    env: { ...process.env, CI: '1', HYPERSCOPE_HOST: '127.0.0.1', HYPERSCOPE_PORT: '0', HYPERSCOPE_WORKERS: '1', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => ({ stdout, stderr }) };
}

describe('server process', () => {
  it('exits with one clear line when DATABASE_URL cannot be reached', async () => {
    const server = startServerProcess({ DATABASE_URL: 'postgresql://hyperscope:pw@127.0.0.1:1/hyperscope' });
    expect(await server.exited).toBe(1);
    const lines = server.output().stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^hyperscope: cannot connect to DATABASE_URL postgresql:\/\/hyperscope:\*\*\*@127\.0\.0\.1:1\/hyperscope: /);
  });

  it('exits with one clear line when DATABASE_URL is not a PostgreSQL URL', async () => {
    const server = startServerProcess({ DATABASE_URL: 'mysql://localhost/db' });
    expect(await server.exited).toBe(1);
    expect(server.output().stderr.trim()).toBe(
      'hyperscope: DATABASE_URL must start with postgresql:// (got "mysql://"); unset it to use the embedded database.',
    );
  });

  describe('with a database', () => {
    let database: Awaited<ReturnType<typeof createTestDatabase>>;
    let logsDir: string;
    beforeAll(async () => {
      database = await createTestDatabase();
      logsDir = await mkdtemp(path.join(os.tmpdir(), 'hyperscope-server-logs-'));
    });
    afterAll(async () => {
      await database.drop();
      await rm(logsDir, { recursive: true, force: true });
    });

    it('prints its URL, serves with a local training worker, and shuts both down cleanly on SIGTERM', async () => {
      const server = startServerProcess({ DATABASE_URL: database.url, HYPERSCOPE_LOGS_DIR: logsDir });
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setInterval(() => {
          const match = /Hyperscope is running at (http:\/\/\S+)/.exec(server.output().stdout);
          if (match) {
            clearInterval(timer);
            resolve(match[1]);
          }
        }, 100);
        server.exited.then((code) => reject(new Error(`server exited with ${code}: ${server.output().stderr}`)));
      });
      expect((await fetch(new URL('healthz', url))).status).toBe(200);
      const workers = async () => {
        const client = new pg.Client({ connectionString: database.url });
        await client.connect();
        try {
          return (await client.query<{ id: string; stoppedAt: Date | null; backend: string }>('SELECT id, "stoppedAt", backend FROM "Worker"')).rows;
        } finally {
          await client.end();
        }
      };
      for (let i = 0; (await workers()).length === 0; i++) {
        if (i > 600) throw new Error('the local worker never registered');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const stopAsked = Date.now();
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
      // Workers leave on their own; the pool's 30 s kill timer is for hung ones only.
      expect(Date.now() - stopAsked).toBeLessThan(20_000);
      expect(server.output().stdout).toContain('local training workers stopped');
      expect(server.output().stdout).toContain('database closed');
      const [worker] = await workers();
      expect(worker!.stoppedAt).not.toBeNull();
      expect(['wasm', 'cpu', 'tensorflow', 'tensorflow-gpu', 'webgpu']).toContain(worker!.backend);

      // The server's log file holds its own records and its worker's, as JSON lines.
      const logged = (await readFile(path.join(logsDir, 'current.log'), 'utf8'))
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { name: string; msg: string });
      expect(logged).toContainEqual(expect.objectContaining({ name: 'server', msg: expect.stringContaining('Hyperscope is running at') }));
      expect(logged.filter((record) => record.name === 'worker').length).toBeGreaterThan(0);
      expect(logged.at(-1)).toMatchObject({ name: 'server', msg: expect.stringContaining('database closed') });
    });
  });
});
