// Process-level settings read from the environment. Each setting's default lives here and nowhere else.
import os from 'node:os';
import path from 'node:path';

export interface ServerSettings {
  /** HTTP and WebSocket port (HYPERSCOPE_PORT). */
  port: number;
  /** Interface to listen on (HYPERSCOPE_HOST). */
  host: string;
  /** External PostgreSQL; when absent the server runs an embedded one (DATABASE_URL). */
  databaseUrl: string | undefined;
  /** Where Hyperscope keeps its own state: embedded database, caches (HYPERSCOPE_DATA_DIR). */
  dataDir: string;
  /** Built Angular client to serve at `/` (HYPERSCOPE_CLIENT_DIR). */
  clientDir: string;
  /** Seconds between heartbeat events on the live connection (HYPERSCOPE_HEARTBEAT_SECONDS). */
  heartbeatSeconds: number;
  /** Training worker processes started beside the server; 0 for an API-only server (HYPERSCOPE_WORKERS). */
  workers: number;
  /**
   * Threads each training worker trains on: above 1, data-parallel training on the CPU backends (wasm, cpu), one
   * gradient replica thread per extra thread (HYPERSCOPE_TRAINING_THREADS).
   */
  trainingThreads: number;
  /** Root of the study artifacts; Artifact.path is relative to it (HYPERSCOPE_RESULTS_DIR). */
  resultsDir: string;
  /** Rotating JSON log files of the server, its workers and the CLI (HYPERSCOPE_LOGS_DIR). */
  logsDir: string;
  /** Least level logged (HYPERSCOPE_LOG_LEVEL: trace, debug, info, warn, error, fatal). */
  logLevel: LogLevel;
  /** When set, mutations and subscriptions need it as `Authorization: Bearer <token>` (HYPERSCOPE_API_TOKEN). */
  apiToken: string | undefined;
  /** Other origins allowed to call the API from a browser; `*` for any (HYPERSCOPE_CORS_ORIGINS, comma-separated). */
  corsOrigins: string[];
  /** Largest GraphQL request body (HYPERSCOPE_MAX_BODY_BYTES). */
  maxBodyBytes: number;
  /** Deepest field nesting of an operation (HYPERSCOPE_MAX_QUERY_DEPTH). */
  maxQueryDepth: number;
  /** Highest estimated cost of an operation; list fields cost per item (HYPERSCOPE_MAX_QUERY_COMPLEXITY). */
  maxQueryComplexity: number;
}

/** Thrown for a setting the user must change; carries a message meant to be printed as is. */
export class SettingsError extends Error {
  override name = 'SettingsError';
}

const repositoryRoot = path.resolve(import.meta.dirname, '..', '..', '..');

export function readServerSettings(env: NodeJS.ProcessEnv = process.env): ServerSettings {
  const trainingThreads = readPositiveInteger('HYPERSCOPE_TRAINING_THREADS', env.HYPERSCOPE_TRAINING_THREADS, 1);
  return {
    port: readPort(env.HYPERSCOPE_PORT, 4000),
    host: env.HYPERSCOPE_HOST || '0.0.0.0',
    databaseUrl: readDatabaseUrl(env.DATABASE_URL),
    dataDir: path.resolve(env.HYPERSCOPE_DATA_DIR || '.hyperscope'),
    clientDir: path.resolve(env.HYPERSCOPE_CLIENT_DIR || path.join(repositoryRoot, 'client', 'dist', 'browser')),
    heartbeatSeconds: readPositiveNumber('HYPERSCOPE_HEARTBEAT_SECONDS', env.HYPERSCOPE_HEARTBEAT_SECONDS, 2),
    resultsDir: path.resolve(env.HYPERSCOPE_RESULTS_DIR || 'optimization_results'),
    logsDir: path.resolve(env.HYPERSCOPE_LOGS_DIR || 'logs'),
    logLevel: readLogLevel(env.HYPERSCOPE_LOG_LEVEL, 'info'),
    trainingThreads,
    workers: readWorkerCount(env.HYPERSCOPE_WORKERS, trainingThreads),
    apiToken: env.HYPERSCOPE_API_TOKEN || undefined,
    corsOrigins: (env.HYPERSCOPE_CORS_ORIGINS ?? '').split(',').map((origin) => origin.trim()).filter(Boolean),
    maxBodyBytes: readPositiveInteger('HYPERSCOPE_MAX_BODY_BYTES', env.HYPERSCOPE_MAX_BODY_BYTES, 100 * 1024),
    maxQueryDepth: readPositiveInteger('HYPERSCOPE_MAX_QUERY_DEPTH', env.HYPERSCOPE_MAX_QUERY_DEPTH, 10),
    maxQueryComplexity: readPositiveInteger('HYPERSCOPE_MAX_QUERY_COMPLEXITY', env.HYPERSCOPE_MAX_QUERY_COMPLEXITY, 10_000),
  };
}

const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

function readLogLevel(raw: string | undefined, fallback: LogLevel): LogLevel {
  if (raw === undefined || raw === '') return fallback;
  if (!(LOG_LEVELS as readonly string[]).includes(raw)) {
    throw new SettingsError(`HYPERSCOPE_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${raw}".`);
  }
  return raw as LogLevel;
}

function readPort(raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new SettingsError(`HYPERSCOPE_PORT must be an integer from 0 to 65535, got "${raw}".`);
  }
  return port;
}

/** One worker per core: each TF.js training uses one. */
/** By default the workers and their training threads fill the cores once. */
export function defaultWorkerCount(trainingThreads: number): number {
  return Math.max(1, Math.floor(os.availableParallelism() / trainingThreads));
}

function readWorkerCount(raw: string | undefined, trainingThreads: number): number {
  if (raw === undefined || raw === '') return defaultWorkerCount(trainingThreads);
  const count = Number(raw);
  if (!Number.isInteger(count) || count < 0 || count > 256) {
    throw new SettingsError(`HYPERSCOPE_WORKERS must be a whole number from 0 to 256, got "${raw}".`);
  }
  return count;
}

function readPositiveNumber(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new SettingsError(`${name} must be a positive number, got "${raw}".`);
  return value;
}

function readPositiveInteger(name: string, raw: string | undefined, fallback: number): number {
  const value = readPositiveNumber(name, raw, fallback);
  if (!Number.isInteger(value)) throw new SettingsError(`${name} must be a positive integer, got "${raw}".`);
  return value;
}

function readDatabaseUrl(raw: string | undefined): string | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new SettingsError(
      `DATABASE_URL is not a valid URL ("${redactPassword(raw)}"); expected postgresql://user:password@host:5432/database, or unset it to use the embedded database.`,
    );
  }
  if (url.protocol !== 'postgresql:' && url.protocol !== 'postgres:') {
    throw new SettingsError(
      `DATABASE_URL must start with postgresql:// (got "${url.protocol}//"); unset it to use the embedded database.`,
    );
  }
  return raw;
}

/** Hides the password of a connection string before it is printed. */
export function redactPassword(connectionString: string): string {
  return connectionString.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1***@');
}
