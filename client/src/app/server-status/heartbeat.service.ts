import { computed, DestroyRef, inject, Injectable, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Apollo } from 'apollo-angular';
import { map, retry, timer } from 'rxjs';
import { HeartbeatDocument } from '../graphql/generated/graphql';
import { GRAPHQL_WS_CLIENT } from '../graphql/graphql-ws-client';
import { HeartbeatEvent, HeartbeatState, initialHeartbeatState, nextHeartbeatState } from './heartbeat-state';

/** Pause before re-subscribing after the server rejected the subscription itself. */
const RESUBSCRIBE_DELAY_MS = 3_000;

/**
 * Live heartbeat of the server as signals. The socket reconnects by itself (see GRAPHQL_WS_CLIENT);
 * this service turns its lifecycle and the heartbeat messages into one HeartbeatState.
 */
@Injectable({ providedIn: 'root' })
export class HeartbeatService {
  private readonly state = signal<HeartbeatState>(initialHeartbeatState);

  readonly status = computed(() => this.state().status);
  readonly last = computed(() => this.state().last);
  readonly received = computed(() => this.state().received);

  constructor() {
    const wsClient = inject(GRAPHQL_WS_CLIENT);
    const destroyRef = inject(DestroyRef);
    const stopListening = [
      wsClient.on('connecting', () => this.apply({ kind: 'connecting' })),
      wsClient.on('connected', () => this.apply({ kind: 'connected' })),
      wsClient.on('closed', () => this.apply({ kind: 'closed' })),
    ];
    destroyRef.onDestroy(() => stopListening.forEach((stop) => stop()));

    inject(Apollo)
      .subscribe({ query: HeartbeatDocument })
      .pipe(
        map((result) => {
          if (result.error) throw result.error;
          if (!result.data) throw new Error('Heartbeat message without data');
          return result.data.heartbeat;
        }),
        // Socket drops are retried inside graphql-ws; this covers errors the server sends for the operation.
        retry({ delay: () => timer(RESUBSCRIBE_DELAY_MS) }),
        takeUntilDestroyed(destroyRef),
      )
      .subscribe((heartbeat) => this.apply({ kind: 'heartbeat', heartbeat }));
  }

  private apply(event: HeartbeatEvent): void {
    this.state.update((state) => nextHeartbeatState(state, event));
  }
}
