import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { EVENT_TYPES, type EventType as EventTypeValue } from '../../events/event-type.js';
import type { StoredEvent } from '../../events/stored-event.js';
import { JSONScalar, SafeIntScalar } from '../common/scalars.js';
import { Study } from '../studies/study.type.js';
import { Worker } from '../workers/worker.type.js';

export const EventType = Object.fromEntries(EVENT_TYPES.map((type) => [type, type])) as { [T in EventTypeValue]: T };
registerEnumType(EventType, { name: 'EventType', description: 'What happened; the payload carries the details.' });

@ObjectType({ description: 'One entry of the event log. Sequence numbers are global and strictly increasing.' })
export class StudyEvent {
  @Field(() => SafeIntScalar, { description: 'Pass the last one you received as `since` when resubscribing.' }) sequence!: number;
  @Field(() => EventType) type!: EventTypeValue;
  @Field(() => ID, { nullable: true }) studyId!: string | null;
  @Field(() => ID, { nullable: true }) trialId!: string | null;
  @Field(() => Int, { nullable: true }) trialNumber!: number | null;
  @Field(() => Int, { nullable: true }) epoch!: number | null;
  @Field(() => JSONScalar) payload!: unknown;
  @Field(() => Date) createdAt!: Date;
}

@ObjectType({ description: 'A change to the list of studies: the event, and the study as it is now (null once deleted).' })
export class StudyListChange {
  @Field(() => StudyEvent) event!: StudyEvent;
  @Field(() => Study, { nullable: true }) study!: Study | null;
}

@ObjectType({ description: 'A worker joined or left: the event, and the worker as it is now.' })
export class WorkerChange {
  @Field(() => StudyEvent) event!: StudyEvent;
  @Field(() => Worker, { nullable: true }) worker!: Worker | null;
}

const stringOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const integerOrNull = (value: unknown): number | null => (Number.isInteger(value) ? (value as number) : null);

export function toStudyEvent(event: StoredEvent): StudyEvent {
  return {
    sequence: event.sequence,
    type: event.type,
    studyId: event.studyId ?? stringOrNull(event.payload.studyId),
    trialId: stringOrNull(event.payload.trialId),
    trialNumber: integerOrNull(event.payload.trialNumber),
    epoch: integerOrNull(event.payload.epoch),
    payload: event.payload,
    createdAt: event.createdAt,
  };
}
