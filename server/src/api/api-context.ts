import type { EventFeed } from '../events/event-feed.js';
import type { PrismaClient } from '../persistence/generated/prisma/client.js';
import type { ApiLoaders } from './common/api-loaders.js';
import type { ServerInfo } from './server-info/server-info.type.js';
import type { StudyOperations } from './optimization/study-operations.js';

/** What the resolvers may use; built once per server and shared by every request. */
export interface ApiServices {
  serverInfo(): ServerInfo;
  prisma: PrismaClient;
  events: EventFeed;
  /** Artifacts root: every Artifact.path is relative to it. */
  resultsDir: string;
  /** Starting, cancelling and deleting studies; absent where this server only reads. */
  studies?: StudyOperations;
}

export interface ApiContext {
  services: ApiServices;
  /** Per request: batch and cache database reads of one query (no N+1). */
  loaders: ApiLoaders;
  /** True when no API token is configured or the request presented it. */
  authenticated: boolean;
}
