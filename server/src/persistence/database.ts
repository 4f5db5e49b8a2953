// Opens Hyperscope's database: the external PostgreSQL named by DATABASE_URL, or the embedded one.
// Either way the committed migrations are applied before anything else touches it.
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { redactPassword } from '../config/server-settings.js';
import { EmbeddedPostgres } from './embedded-postgres.js';
import { PrismaClient } from './generated/prisma/client.js';
import { applyMigrations } from './migrations.js';

export type DatabaseKind = 'EMBEDDED' | 'EXTERNAL';

export interface Database {
  kind: DatabaseKind;
  url: string;
  prisma: PrismaClient;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** External PostgreSQL; undefined starts the embedded one in `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  log?: (message: string) => void;
  /** For the embedded database: stop it on close even if it was already running (see EmbeddedPostgres). */
  stopAdoptedEmbedded?: boolean;
}

/** A database problem the user can fix; its message is one line meant to be printed as is. */
export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const log = options.log ?? (() => undefined);
  const embedded = options.databaseUrl ? undefined : new EmbeddedPostgres({ dataDir: options.dataDir, log, stopAdopted: options.stopAdoptedEmbedded });
  const url = embedded ? await embedded.start() : options.databaseUrl!;
  try {
    if (!embedded) await checkReachable(url);
    const applied = await applyMigrations(url);
    if (applied.length) log(`applied migrations: ${applied.join(', ')}`);
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  const prisma = createPrismaClient(url);
  return {
    kind: embedded ? 'EMBEDDED' : 'EXTERNAL',
    url,
    prisma,
    async close() {
      await prisma.$disconnect();
      await embedded?.stop();
    },
  };
}

export function createPrismaClient(url: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
}

async function checkReachable(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    const reason = (error as Error).message || (error as { code?: string }).code || String(error);
    throw new DatabaseUnavailableError(
      `cannot connect to DATABASE_URL ${redactPassword(url)}: ${reason.split('\n')[0]}. ` +
        'Check that PostgreSQL is running and the URL is right, or unset DATABASE_URL to use the embedded database.',
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}
