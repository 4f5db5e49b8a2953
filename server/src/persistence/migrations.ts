// Applies the committed migrations (prisma/migrations) at start-up without the Prisma CLI. The schema engine
// records them in `_prisma_migrations` exactly as `prisma migrate deploy` does, so both stay interchangeable.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import type { MigrationList } from '@prisma/schema-engine-wasm';
import { openSchemaEngine } from './schema-engine.js';

export const prismaDir = path.resolve(import.meta.dirname, '..', '..', '..', 'prisma');

/** Serializes migrations between processes starting together (server, local workers, remote workers). */
const MIGRATION_LOCK_KEY = 7_246_170_001;

const noFilters = { externalTables: [], externalEnums: [] };

export async function readPrismaSchema(): Promise<string> {
  return readFile(path.join(prismaDir, 'schema.prisma'), 'utf8');
}

export async function readMigrationList(migrationsDir = path.join(prismaDir, 'migrations')): Promise<MigrationList> {
  const lockfilePath = path.join(migrationsDir, 'migration_lock.toml');
  const names = existsSync(migrationsDir)
    ? (await readdir(migrationsDir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort()
    : [];
  return {
    baseDir: migrationsDir,
    lockfile: {
      path: 'migration_lock.toml',
      content: existsSync(lockfilePath) ? await readFile(lockfilePath, 'utf8') : null,
    },
    shadowDbInitScript: '',
    migrationDirectories: await Promise.all(
      names.map(async (name) => {
        const file = path.join(migrationsDir, name, 'migration.sql');
        const content = existsSync(file)
          ? { tag: 'ok' as const, value: await readFile(file, 'utf8') }
          : { tag: 'error' as const, value: `missing ${file}` };
        return { path: name, migrationFile: { path: 'migration.sql', content } };
      }),
    ),
  };
}

/** Brings the database up to the committed schema; returns the names of migrations applied now. */
export async function applyMigrations(databaseUrl: string): Promise<string[]> {
  const lockClient = new pg.Client({ connectionString: databaseUrl });
  await lockClient.connect();
  try {
    await lockClient.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const session = await openSchemaEngine(databaseUrl, await readPrismaSchema());
    try {
      const { appliedMigrationNames } = await session.engine.applyMigrations({
        migrationsList: await readMigrationList(),
        filters: noFilters,
      });
      return appliedMigrationNames;
    } finally {
      await session.close();
    }
  } finally {
    await lockClient.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lockClient.end();
  }
}

/**
 * The schema the committed migrations produce. Prisma's schema engine (wasm 7.10) cannot yet introspect a
 * database through the pg adapter (it fails on PostgreSQL's internal "char" type), so instead of replaying
 * migrations we keep the schema they were generated from beside them.
 */
export const migratedSchemaSnapshot = path.join(prismaDir, 'migrations', '.schema-at-last-migration.prisma');

/** The SQL that takes the committed migrations' schema to the current schema.prisma; empty when they agree. */
export async function pendingSchemaChanges(databaseUrl: string): Promise<string> {
  const schema = await readPrismaSchema();
  const session = await openSchemaEngine(databaseUrl, schema);
  try {
    const { stdout } = await session.engine.diff({
      from: existsSync(migratedSchemaSnapshot)
        ? { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: await readFile(migratedSchemaSnapshot, 'utf8') }] }
        : { tag: 'empty' },
      to: { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: schema }] },
      script: true,
      exitCode: null,
      filters: noFilters,
    });
    return (stdout ?? '').replace(/^-- This is an empty migration\.\s*$/m, '').trim();
  } finally {
    await session.close();
  }
}
