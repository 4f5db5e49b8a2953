// Opens Hyperscope's database: the external PostgreSQL named by DATABASE_URL, or the embedded one.
// Either way the committed migrations are applied before anything else touches it.
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { redactPassword } from '../config/server-settings.js';
import { EmbeddedPostgres } from './embedded-postgres.js';
import { PrismaClient } from './generated/prisma/client.js';
import { applyMigrations } from './migrations.js';

export type DatabaseKind = 'EMBEDDED' | 'EXTERNAL';

/** Prisma's client and the pool its adapter runs on, which the hot paths (the engine's storage) query directly. */
export interface DatabaseClients {
  prisma: PrismaClient;
  pool: pg.Pool;
}

export interface Database extends DatabaseClients {
  kind: DatabaseKind;
  url: string;
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
  const { prisma, pool } = createDatabaseClients(url);
  return {
    kind: embedded ? 'EMBEDDED' : 'EXTERNAL',
    url,
    prisma,
    pool,
    async close() {
      await prisma.$disconnect();
      await embedded?.stop();
    },
  };
}

/** One connection pool per process, shared by Prisma and plain SQL; `prisma.$disconnect()` ends it. */
export function createDatabaseClients(url: string): DatabaseClients {
  const pool = new pg.Pool({ connectionString: url });
  // An idle connection that breaks (a database restart) is dropped by the pool; the next query reports it.
  pool.on('error', () => undefined);
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  return { prisma, pool };
}

export function createPrismaClient(url: string): PrismaClient {
  return createDatabaseClients(url).prisma;
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
