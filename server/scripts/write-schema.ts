// Writes server/schema.graphql from the type-graphql resolvers: the API contract the client's codegen reads
// and CI checks for unintended changes. Usage: npx tsx --tsconfig server/tsconfig.json server/scripts/write-schema.ts
import { writeFile } from 'node:fs/promises';
import { apiSchemaFile, printApiSchema } from '../src/api/api-schema-file.js';

await writeFile(apiSchemaFile, await printApiSchema());
console.log(`wrote ${apiSchemaFile}`);
