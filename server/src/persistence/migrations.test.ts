import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/support/test-database.js';
import { migratedSchemaSnapshot, pendingSchemaChanges, prismaDir } from './migrations.js';

describe('committed migrations', () => {
  it('match prisma/schema.prisma (run server/scripts/create-migration.ts after changing it)', async () => {
    const database = await createTestDatabase({ migrate: false });
    try {
      expect(await pendingSchemaChanges(database.url)).toBe('');
    } finally {
      await database.drop();
    }
  });

  it('keep the snapshot they were generated from identical to the schema', async () => {
    const schema = await readFile(path.join(prismaDir, 'schema.prisma'), 'utf8');
    expect(await readFile(migratedSchemaSnapshot, 'utf8')).toBe(schema);
  });
});
