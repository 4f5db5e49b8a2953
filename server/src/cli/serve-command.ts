// `hyperscope serve`: the API, the dashboard and the local training workers (what `npm start` runs).
import { Command } from 'commander';
import { runServerUntilStopped } from '../run-server.js';

export function createServeCommand(): Command {
  return new Command('serve')
    .description('Serve the dashboard and GraphQL API with local training workers (embedded PostgreSQL unless DATABASE_URL is set)')
    .option('--port <port>', 'HTTP port (default: $HYPERSCOPE_PORT or 4000)')
    .option('--database-url <url>', 'external PostgreSQL (default: $DATABASE_URL, else the embedded one)')
    .option('--workers <count>', 'local training worker processes (default: $HYPERSCOPE_WORKERS or one per core)')
    .action(async (options: { port?: string; databaseUrl?: string; workers?: string }) => {
      await runServerUntilStopped({
        ...process.env,
        ...(options.port !== undefined ? { HYPERSCOPE_PORT: options.port } : {}),
        ...(options.databaseUrl !== undefined ? { DATABASE_URL: options.databaseUrl } : {}),
        ...(options.workers !== undefined ? { HYPERSCOPE_WORKERS: options.workers } : {}),
      });
    });
}
