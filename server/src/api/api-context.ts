import type { ServerInfo } from './server-info/server-info.type.js';

/** What the resolvers may use; built once per server and shared by every request. */
export interface ApiServices {
  serverInfo(): ServerInfo;
}

export interface ApiContext {
  services: ApiServices;
}
