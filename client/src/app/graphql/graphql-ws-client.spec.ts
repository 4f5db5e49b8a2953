import { graphqlWsUrl, reconnectDelayMs } from './graphql-ws-client';

describe('graphqlWsUrl', () => {
  it('uses ws on the page host for http pages', () => {
    expect(graphqlWsUrl({ protocol: 'http:', host: 'localhost:4000' })).toBe('ws://localhost:4000/graphql');
  });

  it('uses wss for https pages so browsers do not block mixed content', () => {
    expect(graphqlWsUrl({ protocol: 'https:', host: 'hyperscope.example' })).toBe('wss://hyperscope.example/graphql');
  });
});

describe('reconnectDelayMs', () => {
  it('backs off exponentially from half a second', () => {
    const noJitter = () => 0;
    expect([0, 1, 2, 3].map((retries) => reconnectDelayMs(retries, noJitter))).toEqual([500, 1_000, 2_000, 4_000]);
  });

  it('never waits more than ten seconds plus jitter, however long the server is away', () => {
    expect(reconnectDelayMs(50, () => 0.999)).toBeLessThan(10_500);
  });
});
