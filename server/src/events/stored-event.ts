import type { EventPayload, EventType } from './event-type.js';

/** One row of the event log as readers see it. `sequence` is global, gap-free as delivered, and strictly increasing. */
export interface StoredEvent {
  sequence: number;
  studyId: string | null;
  type: EventType;
  payload: EventPayload;
  createdAt: Date;
}

export interface EventRow {
  sequence: bigint | string | number;
  studyId: string | null;
  type: string;
  payload: unknown;
  createdAt: Date;
}

export function toStoredEvent(row: EventRow): StoredEvent {
  return {
    // Number is exact up to 2^53 events: far beyond what one installation writes.
    sequence: Number(row.sequence),
    studyId: row.studyId,
    type: row.type as EventType,
    payload: (row.payload ?? {}) as EventPayload,
    createdAt: row.createdAt,
  };
}
