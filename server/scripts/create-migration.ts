// Developer tool: writes prisma/migrations/<timestamp>_<name>/migration.sql for the changes in schema.prisma.
// Usage: npx tsx server/scripts/create-migration.ts <name>
// Uses a throwaway embedded PostgreSQL, so it needs neither the Prisma CLI's native engine nor a database.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { EmbeddedPostgres } from '../src/persistence/embedded-postgres.js';
import { migratedSchemaSnapshot, pendingSchemaChanges, prismaDir, readPrismaSchema } from '../src/persistence/migrations.js';

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('usage: npx tsx server/scripts/create-migration.ts <name in snake_case>');
  process.exit(2);
}
const scratchDir = await mkdtemp(path.join(os.tmpdir(), 'hyperscope-migration-'));
const database = new EmbeddedPostgres({ dataDir: scratchDir });
try {
  const sql = await pendingSchemaChanges(await database.start());
  if (!sql) {
    console.log('schema.prisma and prisma/migrations agree: nothing to write.');
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
    const migrationsDir = path.join(prismaDir, 'migrations');
    const dir = path.join(migrationsDir, `${stamp}_${name}`);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'migration.sql'), `${sql}\n`);
    await writeFile(migratedSchemaSnapshot, await readPrismaSchema());
    console.log(`wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
  }
} finally {
  await database.stop();
  await rm(scratchDir, { recursive: true, force: true });
}
