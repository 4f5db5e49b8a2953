// Prisma's schema engine compiled to WebAssembly, talking to PostgreSQL through the pg driver adapter.
// The Prisma CLI would download a native engine, which is impossible offline; the wasm build ships in npm.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import * as bindings from '@prisma/schema-engine-wasm/schema_engine_bg';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';

// The server's TypeScript lib has no DOM, where the WebAssembly global is declared; this is the part we use.
declare const WebAssembly: {
  instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: { exports: Record<string, unknown> } }>;
};

let instantiated: Promise<void> | undefined;

/** Node 20 cannot `import` a .wasm module, so instantiate the engine's wasm by hand, once per process. */
function instantiateWasm(): Promise<void> {
  instantiated ??= (async () => {
    // The package does not export its .wasm path; it sits beside the exported JS glue.
    const require = createRequire(import.meta.url);
    const wasmPath = path.join(path.dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg')), 'schema_engine_bg.wasm');
    const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), {
      './schema_engine_bg.js': bindings,
    });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
  })();
  return instantiated;
}

export interface SchemaEngineSession {
  engine: SchemaEngine;
  close(): Promise<void>;
}

/** Opens the schema engine on `databaseUrl` with `schema` (the Prisma schema text) as its datamodel. */
export async function openSchemaEngine(databaseUrl: string, schema: string): Promise<SchemaEngineSession> {
  await instantiateWasm();
  // The engine opens connections through the factory but never closes them; the session must, or the
  // migration advisory lock they hold outlives it and the next session waits for the lock's timeout.
  const pgFactory = new PrismaPg({ connectionString: databaseUrl });
  const opened: { dispose(): Promise<void> }[] = [];
  const trackingFactory: SqlMigrationAwareDriverAdapterFactory = {
    provider: pgFactory.provider as typeof pgFactory.provider,
    adapterName: pgFactory.adapterName,
    connect: async () => remember(await pgFactory.connect()),
    connectToShadowDb: async () => remember(await pgFactory.connectToShadowDb()),
  };
  const remember = <T extends { dispose(): Promise<void> }>(adapter: T): T => {
    opened.push(adapter);
    return adapter;
  };
  const adapterFactory = bindMigrationAwareSqlAdapterFactory(trackingFactory);
  const { SchemaEngine } = bindings as unknown as { SchemaEngine: typeof import('@prisma/schema-engine-wasm').SchemaEngine };
  const engine = await SchemaEngine.new({ datamodels: [['schema.prisma', schema]] }, () => undefined, adapterFactory);
  return {
    engine,
    async close() {
      engine.free();
      await Promise.all(opened.map((adapter) => adapter.dispose()));
    },
  };
}
