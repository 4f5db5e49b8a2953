// 1000 graphql-ws subscribers on one study: latency from event write (appendEvent) to delivery, events lost, memory.
// The API server runs in its own process (npm's tsx on server/src/main.ts); subscribers and the writer run here.
// Usage: npx tsx --tsconfig server/tsconfig.json bench/subscriptions/subscriptions-bench.ts [subscribers] [events] [eventsPerSecond]
// Results: docs/BENCHMARKS.md.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { appendEvent } from '../../server/src/events/append-event.js';
import { createPrismaClient } from '../../server/src/persistence/database.js';
import { EmbeddedPostgres } from '../../server/src/persistence/embedded-postgres.js';
import { applyMigrations } from '../../server/src/persistence/migrations.js';

const [subscriberCount = 1000, eventCount = 200, eventsPerSecond = 50] = process.argv.slice(2).map(Number);
const root = path.resolve(import.meta.dirname, '..', '..');
/** User + system CPU seconds of a process: on a shared machine, what the fan-out costs regardless of who else runs. */
const cpuSeconds = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
};
const rssMiB = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
const CONNECT_BATCH = 100;
/** USER_HZ: /proc reports CPU time in these ticks (100 on Linux everywhere that matters). */
const CLOCK_TICKS_PER_SECOND = 100;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'hyperscope-bench-subscriptions-'));
const postgresDir = await mkdtemp(path.join(os.tmpdir(), 'hyperscope-bench-pg-'));
const postgres = new EmbeddedPostgres({ dataDir: postgresDir });
const databaseUrl = await postgres.start();
await applyMigrations(databaseUrl);
const prisma = createPrismaClient(databaseUrl);
const port = 40_000 + Math.floor(Math.random() * 10_000);
// node itself (not the tsx launcher) so that the pid measured is the server's.
const server = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
  cwd: root,
  env: { ...process.env, TSX_TSCONFIG_PATH: 'server/tsconfig.json', DATABASE_URL: databaseUrl, HYPERSCOPE_PORT: String(port), HYPERSCOPE_HOST: '127.0.0.1', HYPERSCOPE_DATA_DIR: dataDir, HYPERSCOPE_LOG_LEVEL: 'warn', HYPERSCOPE_BACKEND: 'cpu' },
  stdio: ['ignore', 'inherit', 'inherit'],
});
const clients: Client[] = [];
try {
  for (let attempt = 0; ; attempt += 1) {
    if (await fetch(`http://127.0.0.1:${port}/healthz`).then((response) => response.ok, () => false)) break;
    if (attempt > 600) throw new Error('server did not start');
    await sleep(100);
  }
  const study = await prisma.study.create({ data: { name: 'bench', dataset: 'mnist', mode: 'SIMPLE', config: {}, state: 'RUNNING' } });
  const rssIdle = rssMiB(server.pid!);

  const received: number[][] = Array.from({ length: subscriberCount }, () => []);
  const latencies: number[] = [];
  // Distinct subscribers that saw a warm-up event (several may be written before all are live).
  const warmedUp = new Set<number>();
  const query = 'subscription($id: ID!) { studyEvents(studyId: $id) { sequence type payload } }';
  // In batches: 1000 sockets opened at once on two busy cores can miss graphql-ws's 3 s connection-init window.
  for (let batch = 0; batch < subscriberCount; batch += CONNECT_BATCH) {
    const connected: Promise<unknown>[] = [];
    for (let index = batch; index < Math.min(subscriberCount, batch + CONNECT_BATCH); index += 1) {
      const client = createClient({ url: `ws://127.0.0.1:${port}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0, lazy: false });
      clients.push(client);
      connected.push(new Promise((resolve, reject) => {
        client.on('connected', resolve);
        client.on('closed', (event) => reject(new Error(`subscriber ${index} closed before connecting: ${(event as { reason?: string }).reason}`)));
      }));
      client.subscribe<{ studyEvents: { sequence: number; type: string; payload: { sentAt?: number } } }>({ query, variables: { id: study.id } }, {
        next: ({ data }) => {
          const event = data!.studyEvents;
          if (event.type === 'STUDY_STARTED') {
            warmedUp.add(index);
            return;
          }
          latencies.push(performance.now() - event.payload.sentAt!);
          received[index].push(event.sequence);
        },
        error: (error) => console.error(`subscriber ${index}:`, error),
        complete: () => undefined,
      });
    }
    await Promise.all(connected);
  }
  // Subscriptions are live once a warm-up event reaches every subscriber.
  for (let attempt = 0; warmedUp.size < subscriberCount; attempt += 1) {
    if (attempt % 20 === 0) await appendEvent(prisma, { studyId: study.id, type: 'STUDY_STARTED' });
    if (attempt > 600) throw new Error(`only ${warmedUp.size} of ${subscriberCount} subscribers are live`);
    await sleep(100);
  }
  await sleep(500);
  const rssSubscribed = rssMiB(server.pid!);

  const written: number[] = [];
  const cpuBefore = cpuSeconds(server.pid!);
  const started = performance.now();
  for (let index = 0; index < eventCount; index += 1) {
    const due = started + (index * 1000) / eventsPerSecond;
    await sleep(Math.max(0, due - performance.now()));
    const event = await appendEvent(prisma, { studyId: study.id, type: 'EPOCH_COMPLETED', payload: { epoch: index + 1, sentAt: performance.now() } });
    written.push(event.sequence);
  }
  const deadline = performance.now() + 30_000;
  while (latencies.length < subscriberCount * eventCount && performance.now() < deadline) await sleep(50);
  const rssPeak = rssMiB(server.pid!);
  const serverCpuMsPerEvent = ((cpuSeconds(server.pid!) - cpuBefore) * 1000) / eventCount;

  const lost = received.reduce((sum, sequences) => sum + written.filter((sequence) => !sequences.includes(sequence)).length, 0);
  const outOfOrder = received.filter((sequences) => sequences.some((sequence, i) => i > 0 && sequence <= sequences[i - 1])).length;
  latencies.sort((a, b) => a - b);
  console.log(JSON.stringify({
    subscribers: subscriberCount,
    events: eventCount,
    eventsPerSecond,
    deliveries: latencies.length,
    lost,
    subscribersOutOfOrder: outOfOrder,
    latencyMs: { p50: +percentile(latencies, 50).toFixed(1), p99: +percentile(latencies, 99).toFixed(1), max: +latencies.at(-1)!.toFixed(1) },
    serverRssMiB: { idle: Math.round(rssIdle), subscribed: Math.round(rssSubscribed), afterEvents: Math.round(rssPeak) },
    serverCpuMsPerEvent: +serverCpuMsPerEvent.toFixed(1),
    loadAverage: os.loadavg().map((load) => +load.toFixed(1)),
    perSubscriberKiB: Math.round(((rssSubscribed - rssIdle) * 1024) / subscriberCount),
    benchRssMiB: Math.round(process.memoryUsage().rss / 1024 / 1024),
    node: process.version,
    cpus: os.cpus().length,
  }, null, 2));
} finally {
  await Promise.all(clients.map((client) => client.dispose()));
  server.kill('SIGTERM');
  await new Promise((resolve) => server.once('exit', resolve));
  await prisma.$disconnect();
  await postgres.stop();
  await rm(dataDir, { recursive: true, force: true });
  await rm(postgresDir, { recursive: true, force: true });
}
