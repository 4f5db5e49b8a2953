// A worker's heartbeats, sent from a thread of their own: one training batch on the wasm backend holds the main
// event loop for seconds on a busy machine, and heartbeats that wait for it made live workers look dead (their
// trials were failed and run again). The thread stops beating once the main thread has been silent for
// `mainThreadStallLimitMs`, so a worker that is truly hung is still found dead.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

export interface WorkerHeartbeatOptions {
  databaseUrl: string;
  /** The Worker row to keep alive; RUNNING trials with this workerId are kept alive too. */
  workerId: string;
  intervalMs: number;
  /** Longest the main thread may go without running its event loop before the beats stop. */
  mainThreadStallLimitMs: number;
  /** How often the main thread proves its event loop runs (default 1 s; tests make it silent with a long one). */
  mainThreadTickMs?: number;
}

interface HeartbeatThreadData extends WorkerHeartbeatOptions {
  /** One float64: the time (ms since the epoch) the main thread's event loop last ran. */
  mainThreadTick: SharedArrayBuffer;
  /** Resolved here: the thread is evaluated code, with no module path to resolve from. */
  pgModulePath: string;
}

export interface WorkerHeartbeat {
  stop(): Promise<void>;
}

const DEFAULT_MAIN_THREAD_TICK_MS = 1_000;

// The thread's body, plain JavaScript so that it runs the same under tsx, vitest and the build (worker threads
// get no TypeScript loader). Its own connection (a pool of one reconnects after a drop), the database's clock.
const THREAD_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const pg = require(workerData.pgModulePath);
const { databaseUrl, workerId, intervalMs, mainThreadStallLimitMs } = workerData;
const mainThreadLastTick = new Float64Array(workerData.mainThreadTick);
const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
pool.on('error', (error) => parentPort.postMessage({ error: 'worker heartbeat connection lost: ' + error.message }));
let stopping = false;
let timer;
let beating = Promise.resolve();
async function beat() {
  if (Date.now() - mainThreadLastTick[0] > mainThreadStallLimitMs) return;
  await pool.query('UPDATE "Worker" SET "heartbeatAt" = now() WHERE id = $1', [workerId]);
  await pool.query('UPDATE "Trial" SET "heartbeatAt" = clock_timestamp() WHERE "workerId" = $1 AND state = $2::"TrialState"', [workerId, 'RUNNING']);
}
function schedule() {
  timer = setTimeout(() => {
    beating = beat()
      .catch((error) => parentPort.postMessage({ error: 'worker heartbeat failed: ' + error.message }))
      .finally(() => { if (!stopping) schedule(); });
  }, intervalMs);
}
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  stopping = true;
  clearTimeout(timer);
  // A beat in flight finishes before the pool closes under it.
  beating.then(() => pool.end()).finally(() => process.exit(0));
});
schedule();
`;

export function startWorkerHeartbeat(options: WorkerHeartbeatOptions, onError: (error: Error) => void): WorkerHeartbeat {
  const mainThreadTick = new SharedArrayBuffer(8);
  const tick = new Float64Array(mainThreadTick);
  tick[0] = Date.now();
  const ticking = setInterval(() => (tick[0] = Date.now()), options.mainThreadTickMs ?? DEFAULT_MAIN_THREAD_TICK_MS);
  ticking.unref();
  const pgModulePath = createRequire(import.meta.url).resolve('pg');
  const thread = new Worker(THREAD_SOURCE, { eval: true, workerData: { ...options, mainThreadTick, pgModulePath } satisfies HeartbeatThreadData });
  thread.on('message', (message: { error?: string }) => {
    if (message.error) onError(new Error(message.error));
  });
  thread.on('error', onError);
  thread.unref();
  return {
    async stop() {
      clearInterval(ticking);
      const exited = new Promise((resolve) => thread.once('exit', resolve));
      thread.ref();
      thread.postMessage('stop');
      await exited;
    },
  };
}
