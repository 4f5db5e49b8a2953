import 'reflect-metadata';
import { createPubSub } from '@graphql-yoga/subscription';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { HeartbeatResolver } from './heartbeat/heartbeat.resolver.js';
import { ServerInfoResolver } from './server-info/server-info.resolver.js';

export type ApiPubSub = ReturnType<typeof createPubSub>;

export const apiResolvers = [ServerInfoResolver, HeartbeatResolver] as const;

export async function buildApiSchema(pubSub: ApiPubSub = createPubSub()): Promise<GraphQLSchema> {
  return buildSchema({ resolvers: apiResolvers, pubSub, validate: false });
}

export { createPubSub };
