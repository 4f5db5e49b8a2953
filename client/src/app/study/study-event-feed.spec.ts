import { createEnvironmentInjector, EnvironmentInjector, runInInjectionContext } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';
import { FakeGraphqlWsClient, provideFakeGraphqlWsClient } from '../../testing/fake-graphql-ws-client';
import { StudyEventsDocument } from '../graphql/generated/graphql';
import { injectStudyEventFeed, StudyEvent, StudyEventFeed } from './study-event-feed';

const studyEvent = (sequence: number) => ({
  studyEvents: { __typename: 'StudyEvent', sequence, type: 'EPOCH_COMPLETED', trialNumber: 0, epoch: 1, payload: {} },
});

describe('injectStudyEventFeed', () => {
  let apollo: ApolloTestingController;
  let wsClient: FakeGraphqlWsClient;
  let injector: EnvironmentInjector;
  let feed: StudyEventFeed;

  beforeEach(() => {
    vi.useFakeTimers();
    wsClient = new FakeGraphqlWsClient();
    TestBed.configureTestingModule({ imports: [ApolloTestingModule], providers: [provideFakeGraphqlWsClient(wsClient)] });
    apollo = TestBed.inject(ApolloTestingController);
    injector = createEnvironmentInjector([], TestBed.inject(EnvironmentInjector));
    feed = runInInjectionContext(injector, injectStudyEventFeed);
  });

  afterEach(() => {
    TestBed.resetTestingModule();
    vi.useRealTimers();
  });

  it('subscribes from since(), and again from the then current since() once the socket reconnects after closing', async () => {
    let since = 40;
    const events: StudyEvent[] = [];
    feed.follow('s1', () => since).subscribe((event) => events.push(event));
    const first = apollo.expectOne(StudyEventsDocument);
    expect(first.operation.variables).toEqual({ studyId: 's1', since: 40 });
    first.flushData(studyEvent(41));
    await vi.advanceTimersByTimeAsync(0);
    expect(events.map((e) => e.sequence)).toEqual([41]);

    since = 41;
    wsClient.emit('connected');
    apollo.expectNone(StudyEventsDocument);
    wsClient.emit('closed');
    wsClient.emit('connecting');
    wsClient.emit('connected');
    expect(apollo.expectOne(StudyEventsDocument).operation.variables).toEqual({ studyId: 's1', since: 41 });
  });

  it('subscribes again after a pause when the subscription fails', async () => {
    feed.follow('s1', () => 40).subscribe();
    apollo.expectOne(StudyEventsDocument).networkError(new Error('socket hung up'));
    await vi.advanceTimersByTimeAsync(2_000);
    apollo.expectNone(StudyEventsDocument);

    await vi.advanceTimersByTimeAsync(1_000);
    expect(apollo.expectOne(StudyEventsDocument).operation.variables).toEqual({ studyId: 's1', since: 40 });
  });

  it('stops listening to the socket when its injector is destroyed', () => {
    expect(wsClient.listenerCount()).toBe(2);
    injector.destroy();
    expect(wsClient.listenerCount()).toBe(0);
  });
});
