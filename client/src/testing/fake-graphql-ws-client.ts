import { Provider } from '@angular/core';
import { GRAPHQL_WS_CLIENT } from '../app/graphql/graphql-ws-client';

type LifecycleEvent = 'connecting' | 'connected' | 'closed';

/** Test double for the graphql-ws client: lets a test drive socket lifecycle events by hand. */
export class FakeGraphqlWsClient {
  private readonly listeners = new Map<LifecycleEvent, Set<() => void>>();

  on(event: LifecycleEvent, listener: () => void): () => void {
    const forEvent = this.listeners.get(event) ?? new Set();
    forEvent.add(listener);
    this.listeners.set(event, forEvent);
    return () => forEvent.delete(listener);
  }

  emit(event: LifecycleEvent): void {
    this.listeners.get(event)?.forEach((listener) => listener());
  }

  listenerCount(): number {
    return [...this.listeners.values()].reduce((sum, set) => sum + set.size, 0);
  }
}

export function provideFakeGraphqlWsClient(fake: FakeGraphqlWsClient): Provider {
  return { provide: GRAPHQL_WS_CLIENT, useValue: fake };
}
