import { provideHttpClient, withFetch } from '@angular/common/http';
import { EnvironmentProviders, inject, makeEnvironmentProviders } from '@angular/core';
import { ApolloLink, InMemoryCache } from '@apollo/client';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { provideApollo } from 'apollo-angular';
import { HttpLink } from 'apollo-angular/http';
import { OperationTypeNode } from 'graphql';
import { GRAPHQL_WS_CLIENT } from './graphql-ws-client';

/** Same-origin endpoint; the dev server proxies it to the API, production serves both from one host. */
export const GRAPHQL_HTTP_PATH = '/graphql';

/**
 * Apollo with one split link: subscriptions over graphql-ws, queries and mutations over HTTP.
 */
export function provideGraphql(): EnvironmentProviders {
  return makeEnvironmentProviders([
    provideHttpClient(withFetch()),
    provideApollo(() => {
      const http = inject(HttpLink).create({ uri: GRAPHQL_HTTP_PATH });
      const ws = new GraphQLWsLink(inject(GRAPHQL_WS_CLIENT));
      return {
        link: ApolloLink.split(({ operationType }) => operationType === OperationTypeNode.SUBSCRIPTION, ws, http),
        cache: new InMemoryCache(),
      };
    }),
  ]);
}
