import { DestroyRef, DOCUMENT, inject, InjectionToken } from '@angular/core';
import { Client, createClient } from 'graphql-ws';

/** Longest pause between reconnection attempts, so a restarted server is picked up quickly. */
const MAX_RETRY_DELAY_MS = 10_000;

/** The graphql-ws URL on the page's own host: `ws(s)://<host>/graphql`. */
export function graphqlWsUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/graphql`;
}

/** Exponential backoff capped at MAX_RETRY_DELAY_MS, with jitter so many tabs don't reconnect in step. */
export function reconnectDelayMs(retries: number, random: () => number = Math.random): number {
  const exponential = Math.min(500 * 2 ** retries, MAX_RETRY_DELAY_MS);
  return exponential + Math.floor(random() * 500);
}

/**
 * The one graphql-ws client of the app. Shared by the Apollo subscription link and by anything that
 * needs the connection's state (connecting, connected, closed).
 */
export const GRAPHQL_WS_CLIENT = new InjectionToken<Client>('GRAPHQL_WS_CLIENT', {
  providedIn: 'root',
  factory: () => {
    const location = inject(DOCUMENT).location;
    const client = createClient({
      url: graphqlWsUrl(location),
      // A dashboard should survive server restarts: never give up, whatever the close reason.
      retryAttempts: Infinity,
      shouldRetry: () => true,
      retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, reconnectDelayMs(retries))),
      keepAlive: 10_000,
    });
    inject(DestroyRef).onDestroy(() => void client.dispose());
    return client;
  },
});
