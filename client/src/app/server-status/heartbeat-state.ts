import type { HeartbeatSubscription } from '../graphql/generated/graphql';

export type Heartbeat = HeartbeatSubscription['heartbeat'];

/** What the user sees: first contact, a working live stream, or a dropped one being re-established. */
export type ConnectionStatus = 'connecting' | 'live' | 'reconnecting';

export interface HeartbeatState {
  readonly status: ConnectionStatus;
  /** The latest heartbeat, kept across reconnects so the user sees when the stream last worked. */
  readonly last: Heartbeat | null;
  readonly received: number;
}

/** Everything that moves the heartbeat state: socket lifecycle events and heartbeat messages. */
export type HeartbeatEvent =
  | { readonly kind: 'connecting' }
  | { readonly kind: 'connected' }
  | { readonly kind: 'closed' }
  | { readonly kind: 'heartbeat'; readonly heartbeat: Heartbeat };

export const initialHeartbeatState: HeartbeatState = { status: 'connecting', last: null, received: 0 };

/** Pure transition function, so the live/reconnecting rules are testable without a socket. */
export function nextHeartbeatState(state: HeartbeatState, event: HeartbeatEvent): HeartbeatState {
  switch (event.kind) {
    case 'connecting':
      // Only the very first attempt is "connecting"; any later attempt follows a lost connection.
      return { ...state, status: state.status === 'connecting' && state.received === 0 ? 'connecting' : 'reconnecting' };
    case 'connected':
      return { ...state, status: 'live' };
    case 'closed':
      return { ...state, status: 'reconnecting' };
    case 'heartbeat':
      return { status: 'live', last: event.heartbeat, received: state.received + 1 };
  }
}
