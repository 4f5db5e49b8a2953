import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/support/test-database.js';
import { createLogger } from '../logging/logger.js';
import { createPrismaClient } from '../persistence/database.js';
import type { PrismaClient } from '../persistence/generated/prisma/client.js';
import { appendEvent } from './append-event.js';
import { EventFeed } from './event-feed.js';
import { openEventStream } from './event-stream.js';
import type { StoredEvent } from './stored-event.js';

describe('event log', { timeout: 15_000 }, () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let prisma: PrismaClient;
  let feed: EventFeed;
  let studyId: string;
  let otherStudyId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    prisma = createPrismaClient(database.url);
    const study = await prisma.study.create({ data: { name: 'events', dataset: 'mnist', mode: 'SIMPLE', config: {} } });
    const other = await prisma.study.create({ data: { name: 'other', dataset: 'mnist', mode: 'SIMPLE', config: {} } });
    studyId = study.id;
    otherStudyId = other.id;
    feed = await EventFeed.start({ databaseUrl: database.url, logger: createLogger('test', 'warn'), gapRecheckMs: 10 });
  });

  afterAll(async () => {
    await feed?.close();
    await prisma?.$disconnect();
    await database?.drop();
  });

  /** Collects what the feed delivers until `count` events arrived. */
  function collect(count: number): Promise<StoredEvent[]> {
    const seen: StoredEvent[] = [];
    return new Promise((resolve) => {
      const stop = feed.subscribe((event) => {
        seen.push(event);
        if (seen.length === count) {
          stop();
          resolve(seen);
        }
      });
    });
  }

  async function take(stream: AsyncIterableIterator<StoredEvent>, count: number): Promise<StoredEvent[]> {
    const events: StoredEvent[] = [];
    while (events.length < count) {
      const { value, done } = await stream.next();
      if (done) break;
      events.push(value);
    }
    return events;
  }

  it('appends a row and delivers it to listeners with its sequence, study, type and payload', async () => {
    const delivered = collect(1);
    const written = await appendEvent(prisma, { studyId, type: 'TRIAL_STARTED', payload: { trialNumber: 0 } });
    const [event] = await delivered;
    expect(event).toEqual(written);
    expect(event).toMatchObject({ studyId, type: 'TRIAL_STARTED', payload: { trialNumber: 0 } });
    expect(feed.cursor).toBe(written.sequence);
  });

  it('holds back a later event until an earlier, still uncommitted one commits, then delivers both in order', async () => {
    const delivered = collect(2);
    let commit!: () => void;
    const committed = new Promise<void>((resolve) => (commit = resolve));
    let earlier!: StoredEvent;
    const slowTransaction = prisma.$transaction(async (tx) => {
      earlier = await appendEvent(tx, { studyId, type: 'EPOCH_COMPLETED', payload: { epoch: 1 } });
      await committed;
    });
    while (!earlier) await new Promise((resolve) => setTimeout(resolve, 5));
    const later = await appendEvent(prisma, { studyId, type: 'EPOCH_COMPLETED', payload: { epoch: 2 } });
    expect(later.sequence).toBe(earlier.sequence + 1);

    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(feed.cursor).toBe(earlier.sequence - 1);
    commit();
    await slowTransaction;
    expect((await delivered).map((event) => event.sequence)).toEqual([earlier.sequence, later.sequence]);
  });

  it('skips a sequence whose transaction rolled back, once that transaction has ended', async () => {
    const delivered = collect(1);
    let rolledBack = 0;
    await prisma
      .$transaction(async (tx) => {
        rolledBack = (await appendEvent(tx, { studyId, type: 'TRIAL_FAILED' })).sequence;
        throw new Error('roll back');
      })
      .catch(() => undefined);
    const after = await appendEvent(prisma, { studyId, type: 'TRIAL_STARTED' });
    expect(after.sequence).toBe(rolledBack + 1);
    expect((await delivered).map((event) => event.sequence)).toEqual([after.sequence]);
  });

  it('replays what a subscriber missed since a sequence, then continues live, without duplicates', async () => {
    const since = feed.cursor;
    const missed = [];
    for (let epoch = 1; epoch <= 3; epoch += 1) {
      missed.push(await appendEvent(prisma, { studyId, type: 'EPOCH_COMPLETED', payload: { epoch } }));
      await appendEvent(prisma, { studyId: otherStudyId, type: 'EPOCH_COMPLETED', payload: { epoch } });
    }
    while (feed.cursor < missed[2].sequence + 1) await new Promise((resolve) => setTimeout(resolve, 5));

    const stream = openEventStream(feed, prisma, { studyId }, { since });
    const live = appendEvent(prisma, { studyId, type: 'TRIAL_COMPLETED', payload: { trialNumber: 0 } });
    const events = await take(stream, 4);
    await stream.return!();
    expect(events.map((event) => event.sequence)).toEqual([...missed.map((event) => event.sequence), (await live).sequence]);
    expect(events.every((event) => event.studyId === studyId)).toBe(true);
  });

  it('without `since` streams only what happens after subscribing, filtered by type', async () => {
    await appendEvent(prisma, { studyId, type: 'STUDY_STARTED' });
    while (feed.cursor === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const stream = openEventStream(feed, prisma, { types: ['STUDY_COMPLETED', 'STUDY_DELETED'] }, { since: null });
    await appendEvent(prisma, { studyId, type: 'EPOCH_COMPLETED' });
    const completed = await appendEvent(prisma, { studyId, type: 'STUDY_COMPLETED' });
    const [event] = await take(stream, 1);
    await stream.return!();
    expect(event.sequence).toBe(completed.sequence);
  });

  it('matches a deletion logged without a study row to that study by its payload', async () => {
    const since = feed.cursor;
    const deleted = await appendEvent(prisma, { studyId: null, type: 'STUDY_DELETED', payload: { studyId: otherStudyId } });
    const stream = openEventStream(feed, prisma, { studyId: otherStudyId }, { since });
    const [event] = await take(stream, 1);
    await stream.return!();
    expect(event).toMatchObject({ sequence: deleted.sequence, type: 'STUDY_DELETED' });
  });

  it('ends a waiting stream when the subscriber leaves and stops listening', async () => {
    const listeners = feed.listenerCount;
    const stream = openEventStream(feed, prisma, { studyId }, { since: null });
    expect(feed.listenerCount).toBe(listeners + 1);
    const pending = stream.next();
    await stream.return!();
    expect(await pending).toEqual({ value: undefined, done: true });
    expect(feed.listenerCount).toBe(listeners);
  });
});
