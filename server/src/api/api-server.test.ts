import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createTestDatabase } from '../../test/support/test-database.js';
import { readServerSettings } from '../config/server-settings.js';
import { startHyperscopeServer, type RunningHyperscopeServer } from '../hyperscope-server.js';
import { createLogger } from '../logging/logger.js';
import { serverVersion } from '../server-version.js';
import { apiSchemaFile, printApiSchema } from './api-schema-file.js';

describe('API server', () => {
  let server: RunningHyperscopeServer;
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let clientDir: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    clientDir = await mkdtemp(path.join(os.tmpdir(), 'hyperscope-client-'));
    await writeFile(path.join(clientDir, 'index.html'), '<!doctype html><title>Hyperscope</title><app-root></app-root>');
    const settings = readServerSettings({
      DATABASE_URL: database.url,
      HYPERSCOPE_PORT: '0',
      HYPERSCOPE_HOST: '127.0.0.1',
      HYPERSCOPE_CLIENT_DIR: clientDir,
      HYPERSCOPE_HEARTBEAT_SECONDS: '0.1',
      HYPERSCOPE_WORKERS: '0',
    });
    server = await startHyperscopeServer(settings, createLogger('test', 'warn'));
  });

  afterAll(async () => {
    await server?.close();
    await database?.drop();
    await rm(clientDir, { recursive: true, force: true });
  });

  const graphql = async (query: string) => {
    const response = await fetch(new URL('graphql', server.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    return { status: response.status, body: (await response.json()) as { data?: any; errors?: any[] } };
  };

  it('reports what it is: version, database kind and training backend', async () => {
    const { body } = await graphql('{ serverInfo { version databaseKind trainingBackend startedAt } }');
    expect(body.errors).toBeUndefined();
    expect(body.data.serverInfo).toMatchObject({ version: serverVersion, databaseKind: 'EXTERNAL' });
    expect(['tensorflow-gpu', 'tensorflow', 'webgpu', 'wasm', 'cpu']).toContain(body.data.serverInfo.trainingBackend);
    expect(Date.parse(body.data.serverInfo.startedAt)).not.toBeNaN();
  });

  it('rejects an invalid query with a validation error', async () => {
    const { status, body } = await graphql('{ serverInfo { noSuchField } }');
    expect(status).toBe(400);
    expect(body.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('streams heartbeats with increasing sequence numbers over graphql-ws', async () => {
    const client = createClient({ url: server.url.replace('http', 'ws') + 'graphql', webSocketImpl: WebSocket });
    const sequences: number[] = [];
    try {
      await new Promise<void>((resolve, reject) => {
        const unsubscribe = client.subscribe<{ heartbeat: { sequence: number; at: string } }>(
          { query: 'subscription { heartbeat { sequence at } }' },
          {
            next: ({ data }) => {
              sequences.push(data!.heartbeat.sequence);
              if (sequences.length === 3) {
                unsubscribe();
                resolve();
              }
            },
            error: reject,
            complete: () => undefined,
          },
        );
      });
    } finally {
      await client.dispose();
    }
    expect(sequences[1]).toBe(sequences[0] + 1);
    expect(sequences[2]).toBe(sequences[1] + 1);
  });

  it('answers /healthz while the database is up', async () => {
    const response = await fetch(new URL('healthz', server.url));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('serves the dashboard at / and for client-side routes', async () => {
    for (const route of ['', 'studies/some-study']) {
      const response = await fetch(new URL(route, server.url), { headers: { accept: 'text/html' } });
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<app-root>');
    }
  });
});

describe('committed schema', () => {
  it('is what the resolvers generate (run server/scripts/write-schema.ts after changing the API)', async () => {
    expect(await readFile(apiSchemaFile, 'utf8')).toBe(await printApiSchema());
  });
});
