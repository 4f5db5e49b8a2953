// A subscriber's view of the event log: what it missed since a sequence number (read from the database), then
// live events from the feed, deduplicated by sequence and strictly in order.
import type { Prisma, PrismaClient } from '../persistence/generated/prisma/client.js';
import type { EventFeed } from './event-feed.js';
import type { EventType } from './event-type.js';
import { toStoredEvent, type StoredEvent } from './stored-event.js';

export interface EventFilter {
  /** Events of this study; STUDY_DELETED is logged without a study row (it is gone) and matched by payload.studyId. */
  studyId?: string;
  types?: readonly EventType[];
}

export interface EventStreamOptions {
  /** Replay events after this sequence before live ones; null: live events only. */
  since: number | null;
  /** A subscriber this far behind is cut off; it reconnects with `since` and loses nothing. */
  maxBuffered?: number;
}

const REPLAY_PAGE = 500;
const DEFAULT_MAX_BUFFERED = 10_000;

export class SubscriberTooSlowError extends Error {
  override name = 'SubscriberTooSlowError';
}

export function matchesFilter(event: StoredEvent, filter: EventFilter): boolean {
  if (filter.types && !filter.types.includes(event.type)) return false;
  if (filter.studyId !== undefined) {
    return event.studyId === filter.studyId || (event.studyId === null && event.payload.studyId === filter.studyId);
  }
  return true;
}

/** Opens a stream; iterate it with `for await`, end it with `return()` (graphql-ws does on unsubscribe). */
export function openEventStream(
  feed: EventFeed,
  prisma: PrismaClient,
  filter: EventFilter,
  options: EventStreamOptions,
): AsyncIterableIterator<StoredEvent> {
  return new EventStream(feed, prisma, filter, options);
}

class EventStream implements AsyncIterableIterator<StoredEvent> {
  private readonly ready: StoredEvent[] = [];
  private live: StoredEvent[] | undefined = [];
  private waiting: { resolve: (result: IteratorResult<StoredEvent>) => void; reject: (error: Error) => void } | undefined;
  private failure: Error | undefined;
  private done = false;
  private last: number;
  /** The sequence of the last event handed to the consumer: where it resumes after being cut off. */
  private consumed: number;
  private readonly unsubscribe: () => void;
  private readonly maxBuffered: number;

  constructor(
    feed: EventFeed,
    private readonly prisma: PrismaClient,
    private readonly filter: EventFilter,
    options: EventStreamOptions,
  ) {
    this.maxBuffered = options.maxBuffered ?? DEFAULT_MAX_BUFFERED;
    this.consumed = options.since ?? feed.cursor;
    // Subscribe before reading the cursor: whatever the feed delivers after it reaches us, the rest is in the database.
    this.unsubscribe = feed.subscribe((event) => {
      if (!matchesFilter(event, filter)) return;
      if (this.live) this.live.push(event);
      else this.push(event);
    });
    const upTo = feed.cursor;
    if (options.since === null) {
      this.last = upTo;
      this.flushLive();
    } else {
      this.last = options.since;
      this.replay(options.since, upTo).then(
        () => this.flushLive(),
        (error: Error) => this.fail(error),
      );
    }
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<StoredEvent> {
    return this;
  }

  next(): Promise<IteratorResult<StoredEvent>> {
    const event = this.ready.shift();
    if (event) {
      this.consumed = event.sequence;
      return Promise.resolve({ value: event, done: false });
    }
    if (this.failure) {
      const failure = this.failure;
      this.failure = undefined;
      this.finish();
      return Promise.reject(failure);
    }
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
    });
  }

  return(): Promise<IteratorResult<StoredEvent>> {
    this.finish();
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error: unknown): Promise<IteratorResult<StoredEvent>> {
    this.finish();
    return Promise.reject(error);
  }

  private async replay(since: number, upTo: number): Promise<void> {
    let after = since;
    while (!this.done && after < upTo) {
      const rows = await this.prisma.event.findMany({
        where: { AND: [this.where(), { sequence: { gt: BigInt(after), lte: BigInt(upTo) } }] },
        orderBy: { sequence: 'asc' },
        take: REPLAY_PAGE,
      });
      for (const row of rows) this.push(toStoredEvent(row));
      if (rows.length < REPLAY_PAGE) return;
      after = Number(rows[rows.length - 1].sequence);
    }
  }

  private where(): Prisma.EventWhereInput {
    const where: Prisma.EventWhereInput = {};
    if (this.filter.types) where.type = { in: [...this.filter.types] };
    if (this.filter.studyId !== undefined) {
      where.OR = [
        { studyId: this.filter.studyId },
        { studyId: null, payload: { path: ['studyId'], equals: this.filter.studyId } },
      ];
    }
    return where;
  }

  private flushLive(): void {
    const live = this.live ?? [];
    this.live = undefined;
    for (const event of live) this.push(event);
  }

  private push(event: StoredEvent): void {
    if (this.done || event.sequence <= this.last) return;
    this.last = event.sequence;
    if (this.waiting) {
      const { resolve } = this.waiting;
      this.waiting = undefined;
      this.consumed = event.sequence;
      resolve({ value: event, done: false });
      return;
    }
    this.ready.push(event);
    if (this.ready.length > this.maxBuffered) {
      this.fail(new SubscriberTooSlowError(`subscriber fell ${this.ready.length} events behind; resubscribe with since: ${this.consumed}`));
    }
  }

  private fail(error: Error): void {
    if (this.done) return;
    this.ready.length = 0;
    this.unsubscribe();
    if (this.waiting) {
      // Rejecting the pending next(): graphql-ws reports it to the client as an error.
      const { reject } = this.waiting;
      this.waiting = undefined;
      this.done = true;
      reject(error);
      return;
    }
    this.failure = error;
  }

  private finish(): void {
    if (this.done) return;
    this.done = true;
    this.unsubscribe();
    this.ready.length = 0;
    this.live = undefined;
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.resolve({ value: undefined, done: true });
  }
}
