// One HTTP port for everything: GraphQL over HTTP and graphql-ws at /graphql (and GraphiQL for browsers),
// downloads, dataset previews, /healthz, and the dashboard.
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { GraphQLError, parse, specifiedRules, validate, type ExecutionArgs, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { Logger } from '../logging/logger.js';
import type { ApiContext, ApiServices } from './api-context.js';
import { buildApiSchema, createPubSub, type ApiPubSub } from './api-schema.js';
import { createApiLoaders } from './common/api-loaders.js';
import { ErrorCode } from './common/api-errors.js';
import { createTokenCheck } from './common/api-token.js';
import { corsMiddleware, isAllowedWebSocketOrigin } from './common/cors.js';
import { checkComplexity, depthLimitRule, type QueryLimits } from './common/query-limits.js';
import { datasetPreviewRouter } from './datasets/dataset-preview-route.js';
import { downloadRouter } from './downloads/download-routes.js';
import { createSharedSubscribe } from './events/shared-subscribe.js';
import { graphiqlRouter } from './graphiql/graphiql-router.js';
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
  apiToken?: string;
  corsOrigins?: string[];
  maxBodyBytes?: number;
  limits?: QueryLimits;
}

export interface RunningApiServer {
  /** Base URL, e.g. http://localhost:4000/ */
  url: string;
  port: number;
  pubSub: ApiPubSub;
  /** Stops accepting work, lets requests in flight finish, closes live connections. */
  close(): Promise<void>;
}

const defaultLimits: QueryLimits = { maxDepth: 10, maxComplexity: 10_000 };

export async function startApiServer(options: ApiServerOptions): Promise<RunningApiServer> {
  const { logger, services } = options;
  const limits = options.limits ?? defaultLimits;
  const corsOrigins = options.corsOrigins ?? [];
  const hasToken = createTokenCheck(options.apiToken);
  const pubSub = createPubSub();
  const schema = await buildApiSchema(pubSub);
  const validationRules = [depthLimitRule(limits.maxDepth)];
  const app = express();
  app.disable('x-powered-by');
  const httpServer = createServer(app);
  const context = (credential: unknown): ApiContext => ({ services, loaders: createApiLoaders(services.prisma, services.events.cursor), authenticated: hasToken(credential) });

  const wsServer = new WebSocketServer({
    server: httpServer,
    path: '/graphql',
    verifyClient: ({ req }: { req: import('node:http').IncomingMessage }) => isAllowedWebSocketOrigin(req, corsOrigins),
  });
  const wsCleanup = useServer(
    {
      schema,
      context: (ctx) => context(ctx.connectionParams?.authorization ?? ctx.connectionParams?.token),
      onSubscribe: (_ctx, _id, payload) => subscribeArgs(schema, limits, validationRules, payload),
      subscribe: createSharedSubscribe<ApiContext>({
        partitionOf: (shared) => String(shared.authenticated),
        // Fresh loaders per event: a subscription lives long, and its first reads must not answer every later event.
        executionContext: (shared) => ({ ...shared, loaders: createApiLoaders(services.prisma, services.events.cursor) }),
      }),
    },
    wsServer,
  );

  const apollo = new ApolloServer<ApiContext>({
    schema,
    validationRules,
    plugins: [ApolloServerPluginLandingPageDisabled(), complexityPlugin(schema, limits.maxComplexity)],
    formatError: (formatted, error) => {
      // Apollo files every validation error under GRAPHQL_VALIDATION_FAILED; the depth limit keeps its own code.
      if (formatted.extensions?.maxDepth !== undefined) return { ...formatted, extensions: { ...formatted.extensions, code: ErrorCode.QUERY_TOO_DEEP } };
      const coercion = variableCoercionField(formatted.message);
      if (coercion) return { message: formatted.message, extensions: { code: ErrorCode.BAD_USER_INPUT, field: coercion } };
      if (formatted.extensions?.code === 'INTERNAL_SERVER_ERROR') {
        logger.error({ err: error }, 'GraphQL operation failed');
        return { message: 'internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
      }
      return formatted;
    },
    // Shutdown order is ours (drain HTTP, then the database); Apollo's own signal handler would race it.
    stopOnTerminationSignals: false,
  });
  await apollo.start();

  app.use(corsMiddleware(corsOrigins));
  app.get('/healthz', async (_request, response) => {
    try {
      await options.checkHealth();
      response.json({ status: 'ok' });
    } catch (error) {
      response.status(503).json({ status: 'unavailable', reason: (error as Error).message });
    }
  });
  app.use(graphiqlRouter({ tokenRequired: Boolean(options.apiToken) }));
  app.use(
    '/graphql',
    express.json({ limit: options.maxBodyBytes ?? 100 * 1024 }),
    expressMiddleware(apollo, { context: async ({ req }) => context(req.headers.authorization) }),
  );
  app.use(downloadRouter(services.prisma, services.resultsDir));
  const previews = express.Router();
  datasetPreviewRouter(previews);
  app.use(previews);
  serveClient(app, options.clientDir, logger);
  app.use(jsonErrors(logger));

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

/** The argument path a variable-coercion error names ("input.trials"), or undefined for other errors. */
function variableCoercionField(message: string): string | undefined {
  const match = /^Variable "\$(\w+)" (?:got invalid value .*? at "([^"]+)"|got invalid value|of required type|of non-null type)/s.exec(message);
  return match ? (match[2] ?? match[1]) : undefined;
}

/** graphql-ws runs the same validation (with the depth limit) and complexity check as HTTP. */
function subscribeArgs(
  schema: GraphQLSchema,
  limits: QueryLimits,
  validationRules: ReturnType<typeof depthLimitRule>[],
  payload: { query: string; variables?: Record<string, unknown> | null; operationName?: string | null },
): ExecutionArgs | readonly GraphQLError[] {
  let document;
  try {
    document = parse(payload.query);
  } catch (error) {
    return [error as GraphQLError];
  }
  const errors = validate(schema, document, [...specifiedRules, ...validationRules]);
  if (errors.length) return errors;
  try {
    checkComplexity(schema, document, payload.variables ?? undefined, payload.operationName, limits.maxComplexity);
  } catch (error) {
    return [error as GraphQLError];
  }
  return { schema, document, variableValues: payload.variables, operationName: payload.operationName };
}

function complexityPlugin(schema: GraphQLSchema, maxComplexity: number): ApolloServerPlugin<ApiContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          checkComplexity(schema, document, request.variables, request.operationName, maxComplexity);
        },
      };
    },
  };
}

/** Body-parser and route errors as JSON with a code (e.g. a body over the limit: 413 PAYLOAD_TOO_LARGE). */
function jsonErrors(logger: Logger): express.ErrorRequestHandler {
  return (error: { status?: number; type?: string; message: string }, _request, response, next) => {
    if (response.headersSent) return next(error);
    if (error.type === 'entity.too.large') {
      response.status(413).json({ errors: [{ message: `request body too large: ${error.message}`, extensions: { code: ErrorCode.PAYLOAD_TOO_LARGE } }] });
    } else if (error.status && error.status < 500) {
      response.status(error.status).json({ errors: [{ message: error.message, extensions: { code: ErrorCode.BAD_USER_INPUT } }] });
    } else {
      logger.error({ err: error }, 'request failed');
      response.status(500).json({ errors: [{ message: 'internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    }
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
