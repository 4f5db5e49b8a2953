import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { appendEvent } from '../events/append-event.js';
import { startApiTestServer, type ApiTestServer } from './testing/api-test-server.js';

const TOKEN = 'subscription-test-token';
const writer = path.join(import.meta.dirname, 'testing', 'write-study-events.ts');
const tsx = path.resolve(import.meta.dirname, '..', '..', '..', 'node_modules', '.bin', 'tsx');
const tsconfig = path.resolve(import.meta.dirname, '..', '..', 'tsconfig.json');

interface ReceivedEvent {
  sequence: number;
  type: string;
  trialNumber: number | null;
  epoch: number | null;
}

const STUDY_EVENTS = 'subscription($id: ID!, $since: SafeInt) { studyEvents(studyId: $id, since: $since) { sequence type trialNumber epoch } }';

describe('live subscriptions', () => {
  let server: ApiTestServer;

  beforeAll(async () => {
    server = await startApiTestServer({ apiToken: TOKEN });
  });

  afterAll(async () => {
    await server?.close();
  });

  const connect = (token: string | null = TOKEN): Client =>
    createClient({ url: server.wsUrl, webSocketImpl: WebSocket, connectionParams: token ? { authorization: `Bearer ${token}` } : {}, retryAttempts: 0 });

  /** Subscribes and collects events until `until` says stop; resolves with them. */
  function receive(client: Client, variables: Record<string, unknown>, until: (events: ReceivedEvent[]) => boolean): Promise<ReceivedEvent[]> {
    const events: ReceivedEvent[] = [];
    return new Promise((resolve, reject) => {
      const stop = client.subscribe<{ studyEvents: ReceivedEvent }>({ query: STUDY_EVENTS, variables }, {
        next: ({ data, errors }) => {
          if (errors) return reject(new Error(JSON.stringify(errors)));
          events.push(data!.studyEvents);
          if (until(events)) {
            stop();
            resolve(events);
          }
        },
        error: (error) => reject(error instanceof Error ? error : new Error(JSON.stringify(error))),
        complete: () => resolve(events),
      });
    });
  }

  const newStudy = (name: string) => server.prisma.study.create({ data: { name, dataset: 'mnist', mode: 'SIMPLE', directions: ['maximize'], config: {}, state: 'RUNNING' } });

  it('delivers, in order, the events of a study whose trials run in another process', async () => {
    const study = await newStudy('cross-process');
    const client = connect();
    try {
      const received = receive(client, { id: study.id, since: 0 }, (events) => events.at(-1)?.type === 'STUDY_COMPLETED');
      // Trials start only once the subscription is live, so part of the stream is replayed and part live.
      await new Promise((resolve) => setTimeout(resolve, 200));
      await promisify(execFile)(tsx, ['--tsconfig', tsconfig, writer, server.databaseUrl, study.id, '6', '3'], { timeout: 60_000 });
      const events = await received;
      const stored = await server.prisma.event.findMany({ where: { studyId: study.id }, orderBy: { sequence: 'asc' } });
      expect(events.map((event) => event.sequence)).toEqual(stored.map((row) => Number(row.sequence)));
      expect(events).toHaveLength(6 * (1 + 3 + 1) + 1);
      for (let trial = 0; trial < 6; trial += 1) {
        const ofTrial = events.filter((event) => event.trialNumber === trial).map((event) => `${event.type}${event.epoch ?? ''}`);
        expect(ofTrial).toEqual(['TRIAL_STARTED', 'EPOCH_COMPLETED1', 'EPOCH_COMPLETED2', 'EPOCH_COMPLETED3', 'TRIAL_COMPLETED']);
      }
    } finally {
      await client.dispose();
    }
  });

  it('after a reconnect with `since`, delivers exactly the events missed while away, then live ones', async () => {
    const study = await newStudy('reconnect');
    const append = (epoch: number) => appendEvent(server.prisma, { studyId: study.id, type: 'EPOCH_COMPLETED', payload: { epoch } });
    const first = connect();
    // From the feed's cursor rather than live only: the events below are written whether or not the subscription
    // is live yet.
    const before = receive(first, { id: study.id, since: server.events.cursor }, (events) => events.length === 2);
    await append(1);
    await append(2);
    const seen = await before;
    await first.dispose();

    const missed = [await append(3), await append(4), await append(5)];
    const second = connect();
    try {
      const after = receive(second, { id: study.id, since: seen.at(-1)!.sequence }, (events) => events.length === 4);
      await new Promise((resolve) => setTimeout(resolve, 200));
      const live = await append(6);
      const events = await after;
      expect(events.map((event) => event.sequence)).toEqual([...missed, live].map((event) => event.sequence));
      expect(events.map((event) => event.epoch)).toEqual([3, 4, 5, 6]);
    } finally {
      await second.dispose();
    }
  });

  it('keeps a read\'s lastEventSequence below an event still uncommitted, so a subscription from it gets that event when it commits', async () => {
    const study = await newStudy('late-commit');
    const readSequence = async () =>
      ((await server.graphql('query($id: ID!) { study(id: $id) { lastEventSequence } }', { id: study.id }, TOKEN)).body.data as { study: { lastEventSequence: number | null } })
        .study.lastEventSequence;
    const first = await appendEvent(server.prisma, { studyId: study.id, type: 'EPOCH_COMPLETED', payload: { epoch: 1 } });
    while ((await readSequence()) !== first.sequence) await new Promise((resolve) => setTimeout(resolve, 20));

    // A worker's STUDY_STARTED takes its sequence first but commits after a later event is already visible.
    let commit!: () => void;
    const committed = new Promise<void>((resolve) => (commit = resolve));
    let slow: number | undefined;
    const slowTransaction = server.prisma.$transaction(async (tx) => {
      slow = (await appendEvent(tx, { studyId: study.id, type: 'STUDY_STARTED' })).sequence;
      await committed;
    }, { timeout: 10_000 });
    while (slow === undefined) await new Promise((resolve) => setTimeout(resolve, 5));
    const later = await appendEvent(server.prisma, { studyId: study.id, type: 'TRIAL_STARTED', payload: { trialNumber: 0 } });
    await new Promise((resolve) => setTimeout(resolve, 150));
    const since = await readSequence();
    expect(since).toBe(first.sequence);

    const client = connect();
    try {
      const received = receive(client, { id: study.id, since }, (events) => events.length === 2);
      await new Promise((resolve) => setTimeout(resolve, 100));
      commit();
      await slowTransaction;
      expect((await received).map((event) => [event.sequence, event.type])).toEqual([[slow, 'STUDY_STARTED'], [later.sequence, 'TRIAL_STARTED']]);
      expect(await readSequence()).toBe(later.sequence);
    } finally {
      await client.dispose();
    }
  });

  it('answers every subscriber of the study list with the study as it is at each event, not as first read', async () => {
    const study = await newStudy('list-changes');
    const query = 'subscription($since: SafeInt) { studies(since: $since) { event { sequence type } study { id stateCounts { complete } } } }';
    const since = server.events.cursor;
    type Change = { event: { sequence: number; type: string }; study: { id: string; stateCounts: { complete: number } } | null };
    const clients = [connect(), connect()];
    try {
      const firstChange = clients.map(() => {
        let resolve!: () => void;
        return { promise: new Promise<void>((done) => (resolve = done)), resolve };
      });
      const received = clients.map((client, index) => new Promise<Change[]>((resolve, reject) => {
        const changes: Change[] = [];
        const stop = client.subscribe<{ studies: Change }>({ query, variables: { since } }, {
          next: ({ data, errors }) => {
            if (errors) return reject(new Error(JSON.stringify(errors)));
            if (data!.studies.study?.id !== study.id) return;
            changes.push(data!.studies);
            firstChange[index]!.resolve();
            if (changes.length === 2) {
              stop();
              resolve(changes);
            }
          },
          error: reject,
          complete: () => resolve(changes),
        });
      }));
      await appendEvent(server.prisma, { studyId: study.id, type: 'STUDY_STARTED' });
      // Each answer reads the study when it is executed: both must have answered before the trial changes it.
      await Promise.all(firstChange.map(({ promise }) => promise));
      await server.prisma.trial.create({ data: { studyId: study.id, number: 0, state: 'COMPLETE', values: [0.9], finishedAt: new Date() } });
      await appendEvent(server.prisma, { studyId: study.id, type: 'TRIAL_COMPLETED', payload: { trialNumber: 0 } });
      const [first, second] = await Promise.all(received);
      expect(first.map((change) => [change.event.type, change.study!.stateCounts.complete])).toEqual([['STUDY_STARTED', 0], ['TRIAL_COMPLETED', 1]]);
      expect(second).toEqual(first);
    } finally {
      await Promise.all(clients.map((client) => client.dispose()));
    }
  });

  it('refuses subscriptions without the API token, and unknown studies, with coded errors', { timeout: 10_000 }, async () => {
    const study = await newStudy('guarded');
    const anonymous = connect(null);
    const unknown = connect();
    try {
      await expect(receive(anonymous, { id: study.id }, () => true)).rejects.toThrow(/UNAUTHENTICATED/);
      await expect(receive(unknown, { id: '00000000-0000-4000-8000-000000000000' }, () => true)).rejects.toThrow(/NOT_FOUND/);
      await expect(receive(unknown, { id: study.id, since: -1 }, () => true)).rejects.toThrow(/BAD_USER_INPUT/);
    } finally {
      await anonymous.dispose();
      await unknown.dispose();
    }
  });
});
