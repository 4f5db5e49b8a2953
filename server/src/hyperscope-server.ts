// Starts everything `hyperscope serve` / `npm start` runs: database, training backend, API and dashboard.
import { startApiServer } from './api/api-server.js';
import type { ServerSettings } from './config/server-settings.js';
import { EventFeed } from './events/event-feed.js';
import type { ChildLogSink } from './logging/log-destination.js';
import type { Logger } from './logging/logger.js';
import { initTrainingBackend } from './ml/backend/training-backend.js';
import { openDatabase, type Database } from './persistence/database.js';
import { serverVersion } from './server-version.js';
import { StudyService } from './studies/study-service.js';
import { startDeadWorkerReaper } from './studies/dead-worker-reaper.js';
import { LocalWorkerPool } from './studies/local-worker-pool.js';
import { TrialQueue } from './studies/trial-queue.js';

export interface RunningHyperscopeServer {
  url: string;
  database: Database;
  close(): Promise<void>;
}

export interface HyperscopeServerOptions {
  /** Keeps the local workers' logs with the server's (its log files); without it they go to stderr. */
  childLogs?: ChildLogSink;
}

export async function startHyperscopeServer(
  settings: ServerSettings,
  logger: Logger,
  options: HyperscopeServerOptions = {},
): Promise<RunningHyperscopeServer> {
  const database = await openDatabase({
    databaseUrl: settings.databaseUrl,
    dataDir: settings.dataDir,
    log: (message) => logger.info(message),
  });
  let events: EventFeed | undefined;
  let queue: TrialQueue | undefined;
  try {
    const backend = await initTrainingBackend({ logger });
    events = await EventFeed.start({ databaseUrl: database.url, logger });
    queue = await TrialQueue.connect(database.url, logger);
    const startedAt = new Date();
    const api = await startApiServer({
      port: settings.port,
      host: settings.host,
      clientDir: settings.clientDir,
      heartbeatSeconds: settings.heartbeatSeconds,
      logger,
      apiToken: settings.apiToken,
      corsOrigins: settings.corsOrigins,
      maxBodyBytes: settings.maxBodyBytes,
      limits: { maxDepth: settings.maxQueryDepth, maxComplexity: settings.maxQueryComplexity },
      services: {
        serverInfo: () => ({ version: serverVersion, databaseKind: database.kind, trainingBackend: backend.name, startedAt }),
        prisma: database.prisma,
        events,
        resultsDir: settings.resultsDir,
        studies: new StudyService(database, queue, settings.resultsDir),
      },
      checkHealth: async () => {
        await database.prisma.$queryRaw`SELECT 1`;
      },
    });
    // Workers killed with the previous server (or on other machines) have their jobs released once their
    // heartbeats stop, so a restarted server resumes its running studies.
    const stopReaper = startDeadWorkerReaper(database.prisma, queue, logger);
    const workers = new LocalWorkerPool({
      size: settings.workers,
      databaseUrl: database.url,
      logger,
      workerArgs: ['--results-dir', settings.resultsDir],
      childLogs: options.childLogs,
    });
    workers.start();
    return {
      url: api.url,
      database,
      async close() {
        await api.close();
        logger.info('API stopped: no new requests, live connections closed');
        await stopReaper();
        await workers.stop();
        logger.info('local training workers stopped');
        await events?.close();
        await queue?.close();
        await database.close();
        logger.info('database closed');
      },
    };
  } catch (error) {
    await events?.close();
    await queue?.close();
    await database.close();
    throw error;
  }
}
