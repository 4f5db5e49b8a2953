// One LISTEN connection per API server process turns the event log's NOTIFYs into in-process deliveries, in
// sequence order and without gaps: a sequence number allocated by a transaction that has not committed yet is
// waited for, and skipped only once every transaction that could still commit it has ended (it rolled back).
import pg from 'pg';
import type { Logger } from '../logging/logger.js';
import { EVENT_CHANNEL } from './append-event.js';
import { toStoredEvent, type EventRow, type StoredEvent } from './stored-event.js';

export type EventListener = (event: StoredEvent) => void;

export interface EventFeedOptions {
  databaseUrl: string;
  logger: Logger;
  /** How often a gap is re-checked while the transaction that may fill it is still open. */
  gapRecheckMs?: number;
}

const READ_BATCH = 500;
const RECONNECT_MS = 1000;
/** At start-up, how long to wait for transactions in flight to end before taking the log's tail as the cursor. */
const STARTUP_WAIT_MS = 5000;

interface Gap {
  /** The first missing sequence. */
  from: number;
  /** Transactions in flight when the gap was seen: one of them may own the missing sequence. */
  xids: string[];
  /** All of them have ended: whatever is still missing after one more read was rolled back. */
  settled: boolean;
}

export class EventFeed {
  private client: pg.Client | undefined;
  private readonly listeners = new Set<EventListener>();
  private position = 0;
  private gap: Gap | undefined;
  private reading: Promise<void> | undefined;
  private readAgain = false;
  private retryTimer: NodeJS.Timeout | undefined;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private closed = false;
  /** Notifications before the start-up cursor is known are covered by reading from it. */
  private started = false;

  private constructor(private readonly options: EventFeedOptions) {}

  static async start(options: EventFeedOptions): Promise<EventFeed> {
    const feed = new EventFeed(options);
    await feed.connect();
    feed.position = await feed.settledTail();
    feed.started = true;
    feed.wake();
    return feed;
  }

  /** Every event up to this sequence has been delivered to listeners (or is known never to have committed). */
  get cursor(): number {
    return this.position;
  }

  /** Listeners are called synchronously, in sequence order, for every event after the current cursor. */
  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retryTimer);
    clearTimeout(this.reconnectTimer);
    await this.reading?.catch(() => undefined);
    this.listeners.clear();
    await this.client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.options.databaseUrl, application_name: 'hyperscope-event-feed' });
    client.on('notification', () => this.wake());
    client.on('error', (error) => this.lostConnection(client, error));
    client.on('end', () => this.lostConnection(client, new Error('connection ended')));
    await client.connect();
    await client.query(`LISTEN ${EVENT_CHANNEL}`);
    this.client = client;
  }

  private lostConnection(client: pg.Client, error: Error): void {
    if (this.closed || this.client !== client) return;
    this.client = undefined;
    this.options.logger.warn(`event feed lost its database connection (${error.message}); reconnecting`);
    const retry = () => {
      this.reconnectTimer = undefined;
      if (this.closed) return;
      this.connect()
        .then(() => this.wake())
        .catch((reason: Error) => {
          this.options.logger.warn(`event feed could not reconnect: ${reason.message}`);
          this.reconnectTimer = setTimeout(retry, RECONNECT_MS);
        });
    };
    this.reconnectTimer = setTimeout(retry, RECONNECT_MS);
  }

  /** Reads whatever is new; concurrent wake-ups coalesce into one more read. */
  private wake(): void {
    if (this.closed || !this.started) return;
    if (this.reading) {
      this.readAgain = true;
      return;
    }
    this.reading = (async () => {
      do {
        this.readAgain = false;
        await this.readNew();
      } while (this.readAgain && !this.closed);
    })()
      .catch((error: Error) => {
        this.options.logger.warn(`event feed read failed (${error.message}); retrying`);
        this.scheduleRetry();
      })
      .finally(() => {
        this.reading = undefined;
      });
  }

  private async readNew(): Promise<void> {
    const client = this.client;
    if (!client) return;
    for (;;) {
      const { rows } = await client.query<EventRow>(
        `SELECT "sequence", "studyId", "type", "payload", "createdAt" FROM "Event" WHERE "sequence" > $1 ORDER BY "sequence" LIMIT ${READ_BATCH}`,
        [this.position],
      );
      for (const row of rows) {
        const event = toStoredEvent(row);
        if (event.sequence !== this.position + 1) {
          const expected = this.position + 1;
          if (this.gap?.from === expected && this.gap.settled) {
            // Every transaction that could have written the missing sequences has ended: they rolled back.
            this.gap = undefined;
          } else {
            if (this.gap?.from !== expected) {
              this.gap = { from: expected, xids: await this.transactionsInFlight(client), settled: false };
            } else if (await this.allEnded(client, this.gap.xids)) {
              this.gap.settled = true;
              this.readAgain = true;
              return;
            }
            this.scheduleRetry();
            return;
          }
        }
        this.position = event.sequence;
        this.deliver(event);
      }
      if (rows.length < READ_BATCH) return;
    }
  }

  private deliver(event: StoredEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        this.options.logger.error(`event listener failed on event ${event.sequence}: ${(error as Error).message}`);
      }
    }
  }

  private scheduleRetry(): void {
    if (this.retryTimer || this.closed) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.wake();
    }, this.options.gapRecheckMs ?? 20);
  }

  private async transactionsInFlight(client: pg.Client): Promise<string[]> {
    const { rows } = await client.query<{ xids: string[] }>(
      `SELECT COALESCE(array_agg(x::text), '{}') AS xids FROM pg_snapshot_xip(pg_current_snapshot()) AS x`,
    );
    return rows[0].xids;
  }

  private async allEnded(client: pg.Client, xids: string[]): Promise<boolean> {
    if (xids.length === 0) return true;
    const { rows } = await client.query<{ ended: boolean }>(
      `SELECT bool_and(pg_xact_status(x::xid8) IS DISTINCT FROM 'in progress') AS ended FROM unnest($1::text[]) AS x`,
      [xids],
    );
    return rows[0].ended;
  }

  /** The log's tail once every transaction in flight now has ended, so no sequence at or below it can still appear. */
  private async settledTail(): Promise<number> {
    const client = this.client!;
    const { rows } = await client.query<{ tail: string; xids: string[] }>(
      `SELECT (SELECT COALESCE(MAX("sequence"), 0) FROM "Event")::text AS tail,
              (SELECT COALESCE(array_agg(x::text), '{}') FROM pg_snapshot_xip(pg_current_snapshot()) AS x) AS xids`,
    );
    const deadline = Date.now() + STARTUP_WAIT_MS;
    while (!(await this.allEnded(client, rows[0].xids)) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return Number(rows[0].tail);
  }
}
