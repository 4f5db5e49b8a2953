// `hyperscope worker`: trains trials from the queue of the database it joins, until stopped (Ctrl-C, SIGTERM).
import { Command } from 'commander';
import { readServerSettings } from '../config/server-settings.js';
import { LogDestination, LOG_TO_PARENT_ENV } from '../logging/log-destination.js';
import { createLogger } from '../logging/logger.js';
import { datasetDefaults } from '../ml/datasets/index.js';
import { createDatabaseClients } from '../persistence/database.js';
import { applyMigrations } from '../persistence/migrations.js';
import { startTrainingWorker } from '../studies/training-worker.js';

export function createWorkerCommand(): Command {
  return new Command('worker')
    .description("Join a Hyperscope database's queue and train its trials (run one per core, on any machine)")
    .option('--database-url <url>', 'PostgreSQL of the Hyperscope server to join (default: $DATABASE_URL)')
    .option('--datasets-dir <dir>', `datasets folder (default: $HYPERSCOPE_DATASETS_DIR or ./${datasetDefaults.datasetsDir})`)
    .option('--cache-dir <dir>', 'cache folder for unpacked datasets', datasetDefaults.cacheDir)
    .option('--results-dir <dir>', 'study artifacts folder, shared with the server (default: $HYPERSCOPE_RESULTS_DIR or ./optimization_results)')
    .option('--training-threads <n>', 'train each model on n threads, data-parallel, on the CPU backends (default: $HYPERSCOPE_TRAINING_THREADS or 1)')
    .action(async (options: { databaseUrl?: string; datasetsDir?: string; cacheDir: string; resultsDir?: string; trainingThreads?: string }) => {
      const { databaseUrl, resultsDir, logsDir, logLevel, trainingThreads } = readServerSettings({
        ...process.env,
        DATABASE_URL: options.databaseUrl ?? process.env.DATABASE_URL,
        HYPERSCOPE_RESULTS_DIR: options.resultsDir ?? process.env.HYPERSCOPE_RESULTS_DIR,
        HYPERSCOPE_TRAINING_THREADS: options.trainingThreads ?? process.env.HYPERSCOPE_TRAINING_THREADS,
      });
      if (!databaseUrl) {
        throw new Error('hyperscope worker needs the database to join: pass --database-url postgresql://… or set DATABASE_URL');
      }
      // A worker forked by a server or `optimize` hands its log lines to that process, which keeps the files.
      const logger = process.env[LOG_TO_PARENT_ENV]
        ? createLogger('worker', logLevel)
        : (await LogDestination.open({ logsDir, terminalLevel: logLevel, fileLevel: logLevel })).createLogger('worker');
      // Listen before starting: a stop asked for while the worker registers must still unregister it.
      const stopRequested = new Promise<void>((resolve) => {
        process.once('SIGINT', () => resolve());
        process.once('SIGTERM', () => resolve());
        // Forked by a server's local pool: leave when that server is gone, even if it was killed outright.
        process.once('disconnect', () => resolve());
      });
      await applyMigrations(databaseUrl);
      const database = createDatabaseClients(databaseUrl);
      const worker = await startTrainingWorker({ database, databaseUrl, logger, resultsDir, trainingThreads, datasetsDir: options.datasetsDir, cacheDir: options.cacheDir });
      await stopRequested;
      logger.info('stopping: the trial in hand stops after its current batch');
      await worker.stop();
      await database.prisma.$disconnect();
      // Forked by a server, the IPC channel would keep this process alive after its work is done.
      if (process.connected) process.disconnect();
    });
}
