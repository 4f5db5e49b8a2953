// Subscription fan-out: the EventFeed hands the same event object to every live stream, so the GraphQL execution
// that turns it into a result is done once per distinct (query, variables, operation, partition) and shared by
// every subscriber asking the same, instead of once per subscriber. graphql-ws then only serializes and sends.
import { createSourceEventStream, execute, print, type ExecutionArgs, type ExecutionResult } from 'graphql';

export interface SharedSubscribeOptions<Context> {
  /** Subscribers whose contexts could make the same query answer differently must not share (e.g. authenticated or not). */
  partitionOf(context: Context): string;
  /** The context one shared execution runs with: it must hold nothing that belongs to a single subscriber. */
  executionContext(context: Context): Context;
}

type Subscribe = (args: ExecutionArgs) => Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult>;

/** A drop-in for graphql's `subscribe` (graphql-ws's `subscribe` option). */
export function createSharedSubscribe<Context>(options: SharedSubscribeOptions<Context>): Subscribe {
  // Keyed by the event object: once every stream has moved past an event, its results are collectable.
  const results = new WeakMap<object, Map<string, Promise<ExecutionResult>>>();

  return async (args) => {
    const source = await createSourceEventStream(args);
    if (!(Symbol.asyncIterator in source)) return source;
    const context = args.contextValue as Context;
    const key = JSON.stringify([
      args.document.loc?.source.body ?? print(args.document),
      args.variableValues ?? null,
      args.operationName ?? null,
      options.partitionOf(context),
    ]);
    const run = (event: unknown) =>
      Promise.resolve(execute({ ...args, rootValue: event, contextValue: options.executionContext(context) }));
    return mapStream(source[Symbol.asyncIterator](), (event) => {
      // Replayed events are read per subscriber (distinct objects) and simply are not shared.
      if (typeof event !== 'object' || event === null) return run(event);
      let byQuery = results.get(event);
      if (!byQuery) results.set(event, (byQuery = new Map()));
      let result = byQuery.get(key);
      if (!result) byQuery.set(key, (result = run(event)));
      return result;
    });
  };
}

/**
 * Maps a stream without an async generator: a generator's return() waits for the pending next() to settle, so an
 * unsubscribe from a quiet stream would hang until its next event; this one ends the source at once.
 */
function mapStream<T, R>(source: AsyncIterator<T>, map: (value: T) => Promise<R>): AsyncIterableIterator<R> {
  const stream: AsyncIterableIterator<R> = {
    async next() {
      const step = await source.next();
      return step.done ? { done: true, value: undefined } : { done: false, value: await map(step.value) };
    },
    async return() {
      await source.return?.();
      return { done: true, value: undefined };
    },
    async throw(error: unknown) {
      await source.return?.();
      throw error;
    },
    [Symbol.asyncIterator]: () => stream,
  };
  return stream;
}
