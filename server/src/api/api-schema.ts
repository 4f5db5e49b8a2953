import 'reflect-metadata';
import { createPubSub } from '@graphql-yoga/subscription';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { BestModelResolver } from './best-model/best-model.resolver.js';
import { DatasetResolver } from './datasets/dataset.resolver.js';
import { EventSubscriptionResolver } from './events/event-subscription.resolver.js';
import { HeartbeatResolver } from './heartbeat/heartbeat.resolver.js';
import { OptimizationResolver } from './optimization/optimization.resolver.js';
import { SearchSpaceResolver } from './search-space/search-space.resolver.js';
import { ServerInfoResolver } from './server-info/server-info.resolver.js';
import { StudyResolver } from './studies/study.resolver.js';
import { TrialResolver } from './trials/trial.resolver.js';
import { WorkerResolver } from './workers/worker.resolver.js';

export type ApiPubSub = ReturnType<typeof createPubSub>;

export const apiResolvers = [
  ServerInfoResolver,
  HeartbeatResolver,
  StudyResolver,
  TrialResolver,
  BestModelResolver,
  DatasetResolver,
  SearchSpaceResolver,
  WorkerResolver,
  OptimizationResolver,
  EventSubscriptionResolver,
] as const;

export async function buildApiSchema(pubSub: ApiPubSub = createPubSub()): Promise<GraphQLSchema> {
  return buildSchema({ resolvers: apiResolvers, pubSub, validate: false });
}

export { createPubSub };
