// `npm start` and `hyperscope serve`: runs the server until SIGINT/SIGTERM, then shuts down in order.
import { readServerSettings } from './config/server-settings.js';
import { LogDestination } from './logging/log-destination.js';
import { describeStartupError } from './startup-error.js';

export async function runServerUntilStopped(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  try {
    const settings = readServerSettings(env);
    const logs = await LogDestination.open({ logsDir: settings.logsDir, terminalLevel: settings.logLevel, fileLevel: settings.logLevel });
    const logger = logs.createLogger('server');
    // Loaded after the settings are known good: TF.js and the database driver take seconds to import.
    const { startHyperscopeServer } = await import('./hyperscope-server.js');
    const server = await startHyperscopeServer(settings, logger, { childLogs: logs });
    logger.info(`Hyperscope is running at ${server.url} (database: ${server.database.kind.toLowerCase()})`);

    let stopping = false;
    const stop = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      logger.info(`${signal} received: shutting down`);
      try {
        await server.close();
        process.exit(0);
      } catch (error) {
        logger.error(error, 'shutdown failed');
        process.exit(1);
      }
    };
    process.on('SIGINT', () => void stop('SIGINT'));
    process.on('SIGTERM', () => void stop('SIGTERM'));
  } catch (error) {
    console.error(`hyperscope: ${describeStartupError(error)}`);
    process.exit(1);
  }
}
