import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/support/test-database.js';
import { DatabaseUnavailableError, openDatabase } from './database.js';
import { applyMigrations, readMigrationList } from './migrations.js';

describe('migrations', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    database = await createTestDatabase({ migrate: false });
  });
  afterAll(async () => database.drop());

  it('applies every committed migration once and records it as prisma migrate deploy does', async () => {
    const committed = (await readMigrationList()).migrationDirectories.map((m) => m.path);
    expect(committed.length).toBeGreaterThan(0);
    expect(await applyMigrations(database.url)).toEqual(committed);
    expect(await applyMigrations(database.url)).toEqual([]);

    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const { rows } = await client.query(
      'SELECT migration_name, checksum, finished_at FROM _prisma_migrations ORDER BY migration_name',
    );
    await client.end();
    expect(rows.map((r) => r.migration_name)).toEqual(committed);
    for (const row of rows) {
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.finished_at).not.toBeNull();
    }
  });

  it('lets two processes migrate the same database at once', async () => {
    const fresh = await createTestDatabase({ migrate: false });
    try {
      const results = await Promise.all([applyMigrations(fresh.url), applyMigrations(fresh.url)]);
      expect(results.flat().sort()).toEqual((await readMigrationList()).migrationDirectories.map((m) => m.path));
    } finally {
      await fresh.drop();
    }
  });
});

describe('openDatabase', () => {
  it('uses DATABASE_URL when given and stores what the product models', async () => {
    const target = await createTestDatabase({ migrate: false });
    const database = await openDatabase({ databaseUrl: target.url, dataDir: '/nonexistent' });
    try {
      expect(database.kind).toBe('EXTERNAL');
      const study = await database.prisma.study.create({
        data: { name: 'mnist-1', dataset: 'mnist', mode: 'SIMPLE', directions: ['maximize'], config: { trials: 3 } },
      });
      await database.prisma.trial.create({ data: { studyId: study.id, number: 0, params: { lr: 0.01 } } });
      await expect(
        database.prisma.trial.create({ data: { studyId: study.id, number: 0 } }),
      ).rejects.toThrow(/Unique constraint/);
      const first = await database.prisma.event.create({ data: { studyId: study.id, type: 'STUDY_CREATED', payload: {} } });
      const second = await database.prisma.event.create({ data: { studyId: study.id, type: 'TRIAL_STARTED', payload: {} } });
      expect(second.sequence).toBeGreaterThan(first.sequence);
    } finally {
      await database.close();
      await target.drop();
    }
  });

  it('explains an unreachable DATABASE_URL in one line without the password', async () => {
    const error = await openDatabase({
      databaseUrl: 'postgresql://someone:secret-pw@127.0.0.1:1/hyperscope',
      dataDir: '/nonexistent',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseUnavailableError);
    const message = (error as Error).message;
    expect(message).toContain('postgresql://someone:***@127.0.0.1:1/hyperscope');
    expect(message).not.toContain('secret-pw');
    expect(message).toMatch(/unset DATABASE_URL/);
    expect(message.split('\n')).toHaveLength(1);
  });

  it('keeps the embedded database and its data across restarts', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'hyperscope-embedded-'));
    try {
      const first = await openDatabase({ databaseUrl: undefined, dataDir });
      expect(first.kind).toBe('EMBEDDED');
      await first.prisma.study.create({
        data: { name: 'survives', dataset: 'mnist', mode: 'SIMPLE', directions: ['maximize'], config: {} },
      });
      await first.close();

      const second = await openDatabase({ databaseUrl: undefined, dataDir });
      try {
        expect(await second.prisma.study.findUnique({ where: { name: 'survives' } })).not.toBeNull();
      } finally {
        await second.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
