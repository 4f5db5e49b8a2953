// One PostgreSQL for the whole test run: DATABASE_URL's server when set (CI also runs against Debian's
// PostgreSQL 15 that way), else an embedded one in a temporary directory. Test files get their own databases.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { EmbeddedPostgres } from '../src/persistence/embedded-postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresAdminUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env.DATABASE_URL) {
    project.provide('postgresAdminUrl', process.env.DATABASE_URL);
    return async () => undefined;
  }
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'hyperscope-test-pg-'));
  const postgres = new EmbeddedPostgres({ dataDir });
  project.provide('postgresAdminUrl', await postgres.start());
  return async () => {
    await postgres.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
