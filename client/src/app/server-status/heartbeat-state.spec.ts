import { HeartbeatState, initialHeartbeatState, nextHeartbeatState } from './heartbeat-state';

const beat = (sequence: number) => ({ at: `2026-11-27T10:00:0${sequence}.000Z`, sequence });

describe('nextHeartbeatState', () => {
  it('starts as connecting with no heartbeat', () => {
    expect(initialHeartbeatState).toEqual({ status: 'connecting', last: null, received: 0 });
  });

  it('becomes live with the heartbeat as the last one when a heartbeat arrives', () => {
    const state = nextHeartbeatState(initialHeartbeatState, { kind: 'heartbeat', heartbeat: beat(1) });

    expect(state).toEqual({ status: 'live', last: beat(1), received: 1 });
  });

  it('keeps the newest heartbeat and counts them', () => {
    const state = [beat(1), beat(2), beat(3)].reduce<HeartbeatState>(
      (current, heartbeat) => nextHeartbeatState(current, { kind: 'heartbeat', heartbeat }),
      initialHeartbeatState,
    );

    expect(state.last).toEqual(beat(3));
    expect(state.received).toBe(3);
  });

  it('is reconnecting after the socket closes, and keeps the last heartbeat to show when it last worked', () => {
    const live = nextHeartbeatState(initialHeartbeatState, { kind: 'heartbeat', heartbeat: beat(4) });

    const closed = nextHeartbeatState(live, { kind: 'closed' });
    const retrying = nextHeartbeatState(closed, { kind: 'connecting' });

    expect(closed.status).toBe('reconnecting');
    expect(retrying.status).toBe('reconnecting');
    expect(retrying.last).toEqual(beat(4));
  });

  it('stays connecting on the first attempt and is live once the connection is acknowledged', () => {
    const connecting = nextHeartbeatState(initialHeartbeatState, { kind: 'connecting' });
    const connected = nextHeartbeatState(connecting, { kind: 'connected' });

    expect(connecting.status).toBe('connecting');
    expect(connected.status).toBe('live');
  });

  it('calls a later connection attempt reconnecting even if no heartbeat ever arrived', () => {
    const connected = nextHeartbeatState(initialHeartbeatState, { kind: 'connected' });

    expect(nextHeartbeatState(connected, { kind: 'connecting' }).status).toBe('reconnecting');
  });
});
