import path from 'node:path';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { buildApiSchema } from './api-schema.js';

/** The committed SDL of the API (server/schema.graphql). */
export const apiSchemaFile = path.resolve(import.meta.dirname, '..', '..', 'schema.graphql');

const header = '# Generated from the type-graphql resolvers in server/src/api by server/scripts/write-schema.ts; do not edit by hand.\n\n';

export async function printApiSchema(): Promise<string> {
  return header + printSchema(lexicographicSortSchema(await buildApiSchema())) + '\n';
}
