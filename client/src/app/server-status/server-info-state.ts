import type { ServerInfoQuery } from '../graphql/generated/graphql';

export type ServerInfo = ServerInfoQuery['serverInfo'];

export type ServerInfoState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'loaded'; readonly info: ServerInfo }
  | { readonly kind: 'error'; readonly message: string };
