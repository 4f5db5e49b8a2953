// The only way anything enters the event log: one INSERT and its NOTIFY, in one statement, so they commit together.
import type { Prisma, PrismaClient } from '../persistence/generated/prisma/client.js';
import type { EventPayload, EventType } from './event-type.js';
import { toStoredEvent, type EventRow, type StoredEvent } from './stored-event.js';

/** The PostgreSQL channel every API server LISTENs on; the notification's payload is the event's sequence. */
export const EVENT_CHANNEL = 'hyperscope_events';

export interface NewEvent {
  studyId: string | null;
  type: EventType;
  payload?: EventPayload;
}

/**
 * Appends an event. Pass a transaction client to make the event part of a larger write: listeners are
 * notified only when (and if) that transaction commits.
 */
export async function appendEvent(db: PrismaClient | Prisma.TransactionClient, event: NewEvent): Promise<StoredEvent> {
  const payload = JSON.stringify(event.payload ?? {});
  const rows = await db.$queryRaw<EventRow[]>`
    WITH inserted AS (
      INSERT INTO "Event" ("studyId", "type", "payload")
      VALUES (${event.studyId}::uuid, ${event.type}, ${payload}::jsonb)
      RETURNING "sequence", "studyId", "type", "payload", "createdAt"
    )
    SELECT inserted.*, pg_notify(${EVENT_CHANNEL}, inserted."sequence"::text)::text AS notified FROM inserted`;
  return toStoredEvent(rows[0]);
}
