// Live updates over graphql-ws. Each subscription replays what the client missed after `since`, then streams.
import { Arg, Ctx, ID, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import { openEventStream, type EventFilter } from '../../events/event-stream.js';
import { STUDY_LIST_EVENT_TYPES, WORKER_EVENT_TYPES } from '../../events/event-type.js';
import type { StoredEvent } from '../../events/stored-event.js';
import type { ApiContext } from '../api-context.js';
import { badUserInput, checkId, notFound, unauthenticated } from '../common/api-errors.js';
import { SafeIntScalar } from '../common/scalars.js';
import { listWorkers } from '../workers/worker.resolver.js';
import { StudyEvent, StudyListChange, toStudyEvent, WorkerChange } from './study-event.type.js';

type SubscribeData = SubscribeResolverData<unknown, { studyId?: string; since?: number | null }, ApiContext>;

function checkSince(since: number | null | undefined): number | null {
  if (since == null) return null;
  if (!Number.isSafeInteger(since) || since < 0) throw badUserInput('since', 'must be a sequence number (an integer ≥ 0)');
  return since;
}

function stream(context: ApiContext, filter: EventFilter, since: number | null | undefined): AsyncIterable<StoredEvent> {
  if (!context.authenticated) throw unauthenticated();
  return openEventStream(context.services.events, context.services.prisma, filter, { since: checkSince(since) });
}

@Resolver()
export class EventSubscriptionResolver {
  @Subscription(() => StudyEvent, {
    description: 'Everything that happens to one study, in order. With `since`, first what came after that sequence number.',
    subscribe: async ({ args, context }: SubscribeData) => {
      if (!context.authenticated) throw unauthenticated();
      const studyId = checkId('studyId', args.studyId!);
      // A client resuming with `since` may be catching up on the study's deletion; a fresh one must name a study.
      if (args.since == null && !(await context.services.prisma.study.findUnique({ where: { id: studyId }, select: { id: true } }))) {
        throw notFound('Study', studyId);
      }
      return stream(context, { studyId }, args.since);
    },
  })
  studyEvents(
    @Root() event: StoredEvent,
    @Arg('studyId', () => ID) _studyId: string,
    @Arg('since', () => SafeIntScalar, { nullable: true }) _since: number | null,
  ): StudyEvent {
    return toStudyEvent(event);
  }

  @Subscription(() => StudyListChange, {
    description: 'Studies created, started, progressing, finishing or deleted.',
    subscribe: ({ args, context }: SubscribeData) => stream(context, { types: STUDY_LIST_EVENT_TYPES }, args.since),
  })
  async studies(
    @Root() event: StoredEvent,
    @Ctx() { services }: ApiContext,
    @Arg('since', () => SafeIntScalar, { nullable: true }) _since: number | null,
  ): Promise<StudyListChange> {
    const change = toStudyEvent(event);
    // Read fresh, not through the request's loaders: a subscription's context lives as long as the subscription.
    const study = change.studyId ? await services.prisma.study.findUnique({ where: { id: change.studyId } }) : null;
    return { event: change, study };
  }

  @Subscription(() => WorkerChange, {
    description: 'Workers joining and leaving.',
    subscribe: ({ args, context }: SubscribeData) => stream(context, { types: WORKER_EVENT_TYPES }, args.since),
  })
  async workers(
    @Root() event: StoredEvent,
    @Ctx() { services }: ApiContext,
    @Arg('since', () => SafeIntScalar, { nullable: true }) _since: number | null,
  ): Promise<WorkerChange> {
    const change = toStudyEvent(event);
    const workerId = typeof event.payload.workerId === 'string' ? event.payload.workerId : null;
    const worker = workerId ? (await listWorkers(services.prisma, true)).find((candidate) => candidate.id === workerId) ?? null : null;
    return { event: change, worker };
  }
}
