// One HTTP port for everything: GraphQL over HTTP and graphql-ws at /graphql, /healthz, and the dashboard.
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { Logger } from '../logging/logger.js';
import type { ApiContext, ApiServices } from './api-context.js';
import { buildApiSchema, createPubSub, type ApiPubSub } from './api-schema.js';
import { startHeartbeat } from './heartbeat/heartbeat-ticker.js';

export interface ApiServerOptions {
  port: number;
  host: string;
  clientDir: string;
  heartbeatSeconds: number;
  services: ApiServices;
  logger: Logger;
  /** Answers /healthz: throws when a dependency (the database) is down. */
  checkHealth: () => Promise<void>;
}

export interface RunningApiServer {
  /** Base URL, e.g. http://localhost:4000/ */
  url: string;
  port: number;
  pubSub: ApiPubSub;
  /** Stops accepting work, lets requests in flight finish, closes live connections. */
  close(): Promise<void>;
}

export async function startApiServer(options: ApiServerOptions): Promise<RunningApiServer> {
  const { logger } = options;
  const pubSub = createPubSub();
  const schema = await buildApiSchema(pubSub);
  const app = express();
  const httpServer = createServer(app);

  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql' });
  const context = (): ApiContext => ({ services: options.services });
  const wsCleanup = useServer({ schema, context }, wsServer);

  const apollo = new ApolloServer<ApiContext>({
    schema,
    plugins: [ApolloServerPluginLandingPageDisabled()],
    // Shutdown order is ours (drain HTTP, then the database); Apollo's own signal handler would race it.
    stopOnTerminationSignals: false,
  });
  await apollo.start();

  app.get('/healthz', async (_request, response) => {
    try {
      await options.checkHealth();
      response.json({ status: 'ok' });
    } catch (error) {
      response.status(503).json({ status: 'unavailable', reason: (error as Error).message });
    }
  });
  app.use('/graphql', express.json({ limit: '1mb' }), expressMiddleware(apollo, { context: async () => context() }));
  serveClient(app, options.clientDir, logger);

  await listen(httpServer, options.port, options.host);
  const port = (httpServer.address() as { port: number }).port;
  const stopHeartbeat = startHeartbeat(pubSub, options.heartbeatSeconds);

  return {
    url: `http://localhost:${port}/`,
    port,
    pubSub,
    async close() {
      stopHeartbeat();
      await drainHttpServer(httpServer, async () => {
        await wsCleanup.dispose();
      });
      await apollo.stop();
    },
  };
}

function serveClient(app: express.Express, clientDir: string, logger: Logger): void {
  const indexHtml = path.join(clientDir, 'index.html');
  if (!existsSync(indexHtml)) {
    logger.warn(`no built dashboard in ${clientDir}: run \`npm run build\` (the API still works)`);
    return;
  }
  app.use(express.static(clientDir, { index: 'index.html', maxAge: '1h' }));
  // Client-side routes (e.g. /studies/42) load the app shell; Angular's router takes it from there.
  app.get('/{*route}', (request, response, next) => {
    if (request.accepts('html')) response.sendFile(indexHtml);
    else next();
  });
}

/** Seconds requests in flight get to finish before their connections are cut. */
const DRAIN_GRACE_SECONDS = 10;

async function drainHttpServer(server: Server, closeLiveConnections: () => Promise<void>): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  await closeLiveConnections();
  const grace = setTimeout(() => server.closeAllConnections(), DRAIN_GRACE_SECONDS * 1000);
  await closed;
  clearTimeout(grace);
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE'
        ? new Error(`port ${port} is already in use: stop the other program or set HYPERSCOPE_PORT to a free port`)
        : error);
    });
    server.listen(port, host, () => resolve());
  });
}
