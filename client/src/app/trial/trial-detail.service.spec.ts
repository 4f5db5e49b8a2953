import { TestBed } from '@angular/core/testing';
import { GraphQLError } from 'graphql';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';
import { FakeGraphqlWsClient, provideFakeGraphqlWsClient } from '../../testing/fake-graphql-ws-client';
import { epochMetric, trialDetails, trialPageStudy } from '../../testing/trial-fixtures';
import { EventType, StudyEventsDocument, TrialPageDocument } from '../graphql/generated/graphql';
import { TrialDetailService } from './trial-detail.service';

const studyEvent = (sequence: number, type: EventType, trialNumber: number | null, payload: unknown = {}) => ({
  studyEvents: { __typename: 'StudyEvent', sequence, type, trialNumber, epoch: null, payload },
});
const epochPayload = (epoch: number, loss: number) => ({ trialId: 't3', trialNumber: 3, epoch, loss, accuracy: 0.7, valLoss: loss + 0.1, valAccuracy: 0.75, seconds: 2, samplesPerSecond: 50 });

describe('TrialDetailService', () => {
  let service: TrialDetailService;
  let apollo: ApolloTestingController;
  let wsClient: FakeGraphqlWsClient;

  const flushRead = async (trial = trialDetails(), study = trialPageStudy()) => {
    apollo.expectOne(TrialPageDocument).flushData({ trial, study });
    await vi.advanceTimersByTimeAsync(0);
  };
  const running = () => trialDetails({ state: 'RUNNING', values: [], health: null, epochs: [epochMetric(1, 1.2, 0.8)] });
  const runningStudy = () => trialPageStudy({ state: 'RUNNING', lastEventSequence: 50 });

  beforeEach(() => {
    vi.useFakeTimers();
    wsClient = new FakeGraphqlWsClient();
    TestBed.configureTestingModule({ imports: [ApolloTestingModule], providers: [provideFakeGraphqlWsClient(wsClient), TrialDetailService] });
    service = TestBed.inject(TrialDetailService);
    apollo = TestBed.inject(ApolloTestingController);
  });

  afterEach(() => {
    TestBed.resetTestingModule();
    vi.useRealTimers();
  });

  it('reads the trial with its study, then follows the events after the read, reading again for this trial’s new files', async () => {
    service.load('s1', 't3');
    const read = apollo.expectOne(TrialPageDocument);
    expect(read.operation.variables).toEqual({ studyId: 's1', trialId: 't3' });
    read.flushData({ trial: trialDetails(), study: trialPageStudy() });
    await vi.advanceTimersByTimeAsync(0);

    expect(service.trial()?.number).toBe(3);
    expect(service.epochs().map((e) => e.epoch)).toEqual([1, 2]);
    const events = apollo.expectOne(StudyEventsDocument);
    expect(events.operation.variables).toEqual({ studyId: 's1', since: 90 });
    events.flushData(studyEvent(91, 'ARTIFACT_CREATED', null, { artifactId: 'a10', kind: 'TRIAL_PLOT', path: 'demo/trial_4/training_history.png', trialId: 't4' }));
    await vi.advanceTimersByTimeAsync(600);
    apollo.expectNone(TrialPageDocument);

    events.flushData(studyEvent(92, 'ARTIFACT_CREATED', null, { artifactId: 'a9', kind: 'TRIAL_PLOT', path: 'demo/trial_3/gradient_flow.png', trialId: 't3' }));
    await vi.advanceTimersByTimeAsync(600);
    await flushRead();
    expect(service.trial()?.downloads.map((d) => d.fileName)).toContain('training_history.png');
  });

  it('extends the curves at once when this running trial finishes an epoch, then reads it again for its diagnostics', async () => {
    service.load('s1', 't3');
    await flushRead(running(), runningStudy());
    const events = apollo.expectOne(StudyEventsDocument);
    expect(events.operation.variables).toEqual({ studyId: 's1', since: 50 });

    events.flushData(studyEvent(51, 'EPOCH_COMPLETED', 4, { ...epochPayload(2, 9), trialNumber: 4 }));
    events.flushData(studyEvent(52, 'EPOCH_COMPLETED', 3, epochPayload(2, 0.6)));
    await vi.advanceTimersByTimeAsync(0);

    expect(service.epochs().map((e) => [e.epoch, e.loss])).toEqual([
      [1, 1.2],
      [2, 0.6],
    ]);
    await vi.advanceTimersByTimeAsync(600);
    await flushRead(trialDetails({ state: 'RUNNING', health: null, epochs: [epochMetric(1, 1.2, 0.8), epochMetric(2, 0.61, 0.9)] }), runningStudy());
    expect(service.epochs().map((e) => e.loss)).toEqual([1.2, 0.61]);
  });

  it('ignores events it has already applied when the subscription replays them after a reconnect', async () => {
    service.load('s1', 't3');
    await flushRead(running(), runningStudy());
    apollo.expectOne(StudyEventsDocument).flushData(studyEvent(51, 'EPOCH_COMPLETED', 3, epochPayload(2, 0.6)));
    await vi.advanceTimersByTimeAsync(0);

    wsClient.emit('closed');
    wsClient.emit('connected');
    const resumed = apollo.expectOne(StudyEventsDocument);
    expect(resumed.operation.variables).toEqual({ studyId: 's1', since: 51 });
    resumed.flushData(studyEvent(51, 'EPOCH_COMPLETED', 3, epochPayload(2, 99)));
    await vi.advanceTimersByTimeAsync(0);

    expect(service.epochs().at(-1)?.loss).toBe(0.6);
  });

  it('does not apply replayed events the read already covers (no stale epochs, no extra reads)', async () => {
    service.load('s1', 't3');
    await flushRead(running(), runningStudy());
    const events = apollo.expectOne(StudyEventsDocument);

    events.flushData(studyEvent(40, 'EPOCH_COMPLETED', 3, epochPayload(1, 99)));
    events.flushData(studyEvent(45, 'TRIAL_STARTED', 3));
    await vi.advanceTimersByTimeAsync(600);

    expect(service.epochs().map((e) => e.loss)).toEqual([1.2]);
    apollo.expectNone(TrialPageDocument);
  });

  it('reports a trial that does not exist as not found', async () => {
    service.load('s1', 'missing');
    apollo.expectOne(TrialPageDocument).graphqlErrors([new GraphQLError('Trial missing does not exist', { extensions: { code: 'NOT_FOUND' } })]);
    await vi.advanceTimersByTimeAsync(0);

    expect(service.notFound()).toBe(true);
    expect(service.error()).toContain('does not exist');
    expect(service.trial()).toBeNull();
  });
});
