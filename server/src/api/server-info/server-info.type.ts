import { Field, ObjectType, registerEnumType } from 'type-graphql';
import type { DatabaseKind as DatabaseKindValue } from '../../persistence/database.js';

export const DatabaseKind = { EMBEDDED: 'EMBEDDED', EXTERNAL: 'EXTERNAL' } as const satisfies Record<DatabaseKindValue, DatabaseKindValue>;
registerEnumType(DatabaseKind, {
  name: 'DatabaseKind',
  description: 'Whether the server runs its own embedded PostgreSQL or one named by DATABASE_URL.',
});

@ObjectType({ description: 'What this server is and what it can train with.' })
export class ServerInfo {
  @Field(() => String)
  version!: string;

  @Field(() => DatabaseKind)
  databaseKind!: DatabaseKindValue;

  @Field(() => String, {
    description: 'TF.js backend trials train with on this server (tensorflow-gpu, tensorflow, webgpu, wasm or cpu).',
  })
  trainingBackend!: string;

  @Field(() => Date)
  startedAt!: Date;
}
