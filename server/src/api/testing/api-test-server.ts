// An API server on a fresh test database, with a real event feed: what the API tests talk to.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase } from '../../../test/support/test-database.js';
import { EventFeed } from '../../events/event-feed.js';
import { createLogger } from '../../logging/logger.js';
import { createDatabaseClients, type DatabaseClients } from '../../persistence/database.js';
import type { PrismaClient } from '../../persistence/generated/prisma/client.js';
import { startApiServer, type ApiServerOptions, type RunningApiServer } from '../api-server.js';
import type { StudyOperations } from '../optimization/study-operations.js';

export interface GraphqlResponse {
  status: number;
  body: { data?: any; errors?: { message: string; extensions: Record<string, any> }[] };
}

export interface ApiTestServer {
  url: string;
  wsUrl: string;
  databaseUrl: string;
  prisma: PrismaClient;
  events: EventFeed;
  resultsDir: string;
  api: RunningApiServer;
  graphql(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphqlResponse>;
  close(): Promise<void>;
}

export async function startApiTestServer(
  options: Partial<Pick<ApiServerOptions, 'apiToken' | 'corsOrigins' | 'maxBodyBytes' | 'limits'>> & {
    studies?: (database: DatabaseClients, resultsDir: string) => StudyOperations;
  } = {},
): Promise<ApiTestServer> {
  const database = await createTestDatabase();
  const clients = createDatabaseClients(database.url);
  const { prisma } = clients;
  const logger = createLogger('api-test', 'warn');
  const resultsDir = await mkdtemp(path.join(os.tmpdir(), 'hyperscope-results-'));
  const events = await EventFeed.start({ databaseUrl: database.url, logger });
  const api = await startApiServer({
    port: 0,
    host: '127.0.0.1',
    clientDir: path.join(resultsDir, 'no-client'),
    heartbeatSeconds: 60,
    logger,
    checkHealth: async () => undefined,
    ...options,
    services: {
      serverInfo: () => ({ version: 'test', databaseKind: 'EXTERNAL', trainingBackend: 'cpu', startedAt: new Date() }),
      prisma,
      events,
      resultsDir,
      studies: options.studies?.(clients, resultsDir),
    },
  });
  return {
    url: api.url,
    wsUrl: api.url.replace('http', 'ws') + 'graphql',
    databaseUrl: database.url,
    prisma,
    events,
    resultsDir,
    api,
    async graphql(query, variables, token) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (token) headers.authorization = `Bearer ${token}`;
      const response = await fetch(new URL('graphql', api.url), { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
      return { status: response.status, body: (await response.json()) as GraphqlResponse['body'] };
    },
    async close() {
      await api.close();
      await events.close();
      await prisma.$disconnect();
      await database.drop();
      await rm(resultsDir, { recursive: true, force: true });
    },
  };
}
