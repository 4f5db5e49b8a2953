// N no-op trials of one study through the graphile-worker queue, run by W worker processes on one embedded
// PostgreSQL: trials/s end to end. The reference, in the same command, runs the same no-op trial in a loop in
// this process, without the queue, so the ratio says what the queue's hand-offs cost.
// Usage: npx tsx --tsconfig server/tsconfig.json bench/queue/queue-bench.ts [trials=10000] [workers=8] [referenceTrials=1000]
// Results: docs/BENCHMARKS.md.
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createDatabaseClients } from '../../server/src/persistence/database.js';
import { EmbeddedPostgres } from '../../server/src/persistence/embedded-postgres.js';
import { PostgresStudyStorage } from '../../server/src/persistence/postgres-study-storage.js';
import { applyMigrations } from '../../server/src/persistence/migrations.js';
import { TrialQueue } from '../../server/src/studies/trial-queue.js';
import { runNoopTrial, type NoopStudy } from './noop-trial.js';

const [trials = 10_000, workerCount = 8, referenceTrials = 1000] = process.argv.slice(2).map(Number);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const postgresDir = await mkdtemp(path.join(os.tmpdir(), 'hyperscope-bench-queue-pg-'));
const postgres = new EmbeddedPostgres({ dataDir: postgresDir });
const databaseUrl = await postgres.start();
await applyMigrations(databaseUrl);
const { prisma, pool } = createDatabaseClients(databaseUrl);
const queue = await TrialQueue.connect(databaseUrl);
const workers: ChildProcess[] = [];

const newStudy = async (name: string, count: number, parallelism: number): Promise<NoopStudy> => {
  const row = await prisma.study.create({ data: { name, directions: ['maximize'], dataset: 'mnist', mode: 'SIMPLE', config: {}, state: 'RUNNING' } });
  return { studyId: row.id, studyName: name, trials: count, parallelism };
};
const completed = (studyId: string) => prisma.trial.count({ where: { studyId, state: 'COMPLETE' } });

try {
  // Reference: the same trials one after another in this process, no queue.
  const reference = await newStudy('reference', referenceTrials, 1);
  const referenceStart = performance.now();
  const storage = new PostgresStudyStorage(pool);
  for (let slot = 0; slot < referenceTrials; slot += 1) await runNoopTrial(prisma, storage, null, reference, slot);
  const referenceRate = referenceTrials / ((performance.now() - referenceStart) / 1000);

  const study = await newStudy('queued', trials, workerCount);
  for (let index = 0; index < workerCount; index += 1) {
    const child = fork(path.join(import.meta.dirname, 'noop-worker.ts'), [databaseUrl, JSON.stringify(study)], {
      execArgv: ['--import', 'tsx'],
      env: { ...process.env, TSX_TSCONFIG_PATH: 'server/tsconfig.json' },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    workers.push(child);
  }
  await Promise.all(workers.map((child) => new Promise((resolve) => child.once('message', resolve))));

  // As a study starts: one job per parallel slot; each finished slot queues the next.
  const start = performance.now();
  await queue.enqueueTrials(study.studyId, 0, workerCount);
  let done = 0;
  let lastReport = start;
  while (done < trials) {
    await sleep(200);
    done = await completed(study.studyId);
    if (performance.now() - lastReport > 5000) {
      lastReport = performance.now();
      console.error(`  ${done}/${trials} trials, ${(done / ((lastReport - start) / 1000)).toFixed(0)}/s so far`);
    }
  }
  const seconds = (performance.now() - start) / 1000;
  const rate = trials / seconds;
  const [{ count: distinct }] = await prisma.$queryRaw<{ count: bigint }[]>`
    SELECT count(DISTINCT number) AS count FROM "Trial" WHERE "studyId" = ${study.studyId}::uuid`;
  console.log(`queue: ${trials} no-op trials, ${workerCount} worker processes, ${os.availableParallelism()} cores`);
  console.log(`  through the queue: ${rate.toFixed(0)} trials/s (${seconds.toFixed(1)} s); trial numbers distinct: ${distinct === BigInt(trials)}`);
  console.log(`  reference, same trial in a loop without the queue (${referenceTrials} trials): ${referenceRate.toFixed(0)} trials/s`);
  console.log(`  ratio queue / reference: ${(rate / referenceRate).toFixed(2)}  (goal: >= 200 trials/s through the queue)`);
} finally {
  for (const child of workers) child.kill('SIGTERM');
  await Promise.all(workers.map((child) => new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)))));
  await queue.close();
  await prisma.$disconnect();
  await postgres.stop();
  await rm(postgresDir, { recursive: true, force: true });
}
