import { Ctx, Query, Resolver } from 'type-graphql';
import type { ApiContext } from '../api-context.js';
import { ServerInfo } from './server-info.type.js';

@Resolver(() => ServerInfo)
export class ServerInfoResolver {
  @Query(() => ServerInfo)
  serverInfo(@Ctx() context: ApiContext): ServerInfo {
    return context.services.serverInfo();
  }
}
