// A queue worker process of the bench: runs no-op trial jobs until it receives SIGTERM.
import { createLogger } from '../../server/src/logging/logger.js';
import { createDatabaseClients } from '../../server/src/persistence/database.js';
import { PostgresStudyStorage } from '../../server/src/persistence/postgres-study-storage.js';
import { runQueueWorker, TrialQueue } from '../../server/src/studies/trial-queue.js';
import { runNoopTrial, type NoopStudy } from './noop-trial.js';

const [databaseUrl, studyJson] = process.argv.slice(2);
const study = JSON.parse(studyJson!) as NoopStudy;
const logger = createLogger('bench-worker', 'warn');
const { prisma, pool } = createDatabaseClients(databaseUrl!);
const queue = await TrialQueue.connect(databaseUrl!, logger);
const storage = new PostgresStudyStorage(pool);
const runner = await runQueueWorker({
  databaseUrl: databaseUrl!,
  logger,
  onQueueWorkerId: () => undefined,
  runTrial: ({ slot }) => runNoopTrial(prisma, storage, queue, study, slot),
  runFinalModel: async () => {
    throw new Error('the queue bench has no final model');
  },
});
process.send?.('ready');
process.once('SIGTERM', () => {
  void runner
    .stop()
    .then(() => Promise.all([queue.close(), prisma.$disconnect()]))
    .then(() => process.exit(0));
});
