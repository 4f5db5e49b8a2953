import { GraphQLObjectType, GraphQLSchema, GraphQLString, parse, type ExecutionResult } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createSharedSubscribe } from './shared-subscribe.js';

interface Tick {
  label: string;
}

/** A subscription `ticks(channel)` fed by hand; `resolved` counts how often an event was mapped to a result. */
function tickSchema() {
  const listeners = new Set<(tick: Tick) => void>();
  const counter = { resolved: 0, open: 0 };
  const schema = new GraphQLSchema({
    query: new GraphQLObjectType({ name: 'Query', fields: { ok: { type: GraphQLString } } }),
    subscription: new GraphQLObjectType({
      name: 'Subscription',
      fields: {
        tick: {
          type: GraphQLString,
          args: { channel: { type: GraphQLString } },
          subscribe: () => {
            const queue: Tick[] = [];
            let waiting: ((step: IteratorResult<Tick>) => void) | undefined;
            const listener = (tick: Tick) => (waiting ? (waiting({ done: false, value: tick }), (waiting = undefined)) : queue.push(tick));
            listeners.add(listener);
            counter.open += 1;
            const end = () => {
              if (listeners.delete(listener)) counter.open -= 1;
              waiting?.({ done: true, value: undefined });
              return Promise.resolve({ done: true as const, value: undefined });
            };
            const iterator: AsyncIterableIterator<Tick> = {
              next: () => (queue.length ? Promise.resolve({ done: false, value: queue.shift()! }) : new Promise((resolve) => (waiting = resolve))),
              return: end,
              [Symbol.asyncIterator]: () => iterator,
            };
            return iterator;
          },
          resolve: (tick: Tick, args: { channel?: string }, context: { user: string }) => {
            counter.resolved += 1;
            return `${tick.label}:${args.channel ?? '-'}:${context.user}`;
          },
        },
      },
    }),
  });
  return { schema, counter, emit: (tick: Tick) => listeners.forEach((listener) => listener(tick)) };
}

const subscribeWith = createSharedSubscribe<{ user: string }>({ partitionOf: (context) => context.user, executionContext: (context) => ({ ...context }) });

async function open(schema: GraphQLSchema, query: string, variables: Record<string, unknown>, user: string) {
  const stream = (await subscribeWith({ schema, document: parse(query), variableValues: variables, contextValue: { user } })) as AsyncIterableIterator<ExecutionResult>;
  return stream;
}

describe('shared subscription execution', () => {
  const QUERY = 'subscription($channel: String) { tick(channel: $channel) }';

  it('executes an event once for every subscriber with the same query, variables and partition', async () => {
    const { schema, counter, emit } = tickSchema();
    const same = await Promise.all([1, 2, 3].map(() => open(schema, QUERY, { channel: 'a' }, 'alice')));
    const otherVariables = await open(schema, QUERY, { channel: 'b' }, 'alice');
    const otherPartition = await open(schema, QUERY, { channel: 'a' }, 'bob');
    const pending = [...same, otherVariables, otherPartition].map((stream) => stream.next());
    emit({ label: 'x' });
    const results = await Promise.all(pending);
    expect(results.map((step) => step.value)).toEqual([
      { data: { tick: 'x:a:alice' } },
      { data: { tick: 'x:a:alice' } },
      { data: { tick: 'x:a:alice' } },
      { data: { tick: 'x:b:alice' } },
      { data: { tick: 'x:a:bob' } },
    ]);
    expect(counter.resolved).toBe(3);
    // A new event object is executed anew, not answered from the previous one.
    const next = same.map((stream) => stream.next());
    emit({ label: 'y' });
    expect((await Promise.all(next)).map((step) => step.value)).toEqual(Array(3).fill({ data: { tick: 'y:a:alice' } }));
    expect(counter.resolved).toBe(4);
  });

  it('ends the source at once when a subscriber leaves while waiting for an event', async () => {
    const { schema, counter } = tickSchema();
    const stream = await open(schema, QUERY, {}, 'alice');
    const pending = stream.next();
    expect(counter.open).toBe(1);
    await stream.return!();
    expect(counter.open).toBe(0);
    expect(await pending).toEqual({ done: true, value: undefined });
  });

  it('answers a subscription that cannot start with its errors', async () => {
    const { schema } = tickSchema();
    const result = await subscribeWith({ schema, document: parse('subscription { tick(channel: 1) }'), contextValue: { user: 'alice' } });
    expect((result as ExecutionResult).errors?.[0]?.message).toMatch(/invalid value/);
  });
});
