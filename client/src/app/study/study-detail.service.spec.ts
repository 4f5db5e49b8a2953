import { TestBed } from '@angular/core/testing';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';
import { FakeGraphqlWsClient, provideFakeGraphqlWsClient } from '../../testing/fake-graphql-ws-client';
import { CancelStudyDocument, EventType, StudyDocument, StudyEventsDocument, StudyTrialsDocument } from '../graphql/generated/graphql';
import { StudyDetailService } from './study-detail.service';

const studyRead = (overrides: Record<string, unknown> = {}) => ({
  __typename: 'Study',
  id: 's1',
  name: 'mnist-e2e',
  state: 'RUNNING',
  dataset: 'mnist',
  mode: 'SIMPLE',
  config: { trials: 2, budget: { epochs: 2 }, finalModel: { epochs: 1 } },
  directions: ['maximize'],
  error: null,
  createdAt: '2026-11-27T09:00:00.000Z',
  startedAt: '2026-11-27T09:00:00.000Z',
  finishedAt: null,
  lastEventSequence: 40,
  stateCounts: { __typename: 'TrialStateCounts', complete: 0, pruned: 0, failed: 0, running: 1, total: 1 },
  summary: { __typename: 'StudySummary', finishedTrials: 0, bestTrialNumber: null, bestValues: null, meanTrialSeconds: null },
  bestTrial: null,
  downloads: [],
  ...overrides,
});
const trialsRead = (nodes: unknown[] = []) => ({ trials: { __typename: 'TrialConnection', totalCount: nodes.length, nodes } });
const runningTrial = {
  __typename: 'Trial',
  id: 't0',
  number: 0,
  state: 'RUNNING',
  values: [],
  params: { learningRate: 0.001 },
  durationSeconds: null,
  health: null,
  epochs: [],
};
const studyEvent = (sequence: number, type: EventType, fields: { trialNumber?: number; epoch?: number; payload?: unknown } = {}) => ({
  studyEvents: {
    __typename: 'StudyEvent',
    sequence,
    type,
    trialNumber: fields.trialNumber ?? null,
    epoch: fields.epoch ?? null,
    payload: fields.payload ?? {},
  },
});

describe('StudyDetailService', () => {
  let service: StudyDetailService;
  let apollo: ApolloTestingController;
  let wsClient: FakeGraphqlWsClient;

  const flushRead = async (study = studyRead(), trials = trialsRead([runningTrial])) => {
    apollo.expectOne(StudyDocument).flushData({ study });
    apollo.expectOne(StudyTrialsDocument).flushData(trials);
    await vi.advanceTimersByTimeAsync(0);
  };

  beforeEach(() => {
    vi.useFakeTimers();
    wsClient = new FakeGraphqlWsClient();
    TestBed.configureTestingModule({
      imports: [ApolloTestingModule],
      providers: [provideFakeGraphqlWsClient(wsClient), StudyDetailService],
    });
    service = TestBed.inject(StudyDetailService);
    apollo = TestBed.inject(ApolloTestingController);
  });

  afterEach(() => {
    TestBed.resetTestingModule();
    vi.useRealTimers();
  });

  it('reads the study, then follows its events from lastEventSequence and moves the progress bar', async () => {
    service.load('s1');
    await flushRead();

    const events = apollo.expectOne(StudyEventsDocument);
    expect(events.operation.variables).toEqual({ studyId: 's1', since: 40 });
    expect(service.progress()).toMatchObject({ phase: 'trials', percent: 0, trialsTotal: 2 });

    events.flushData(studyEvent(41, 'EPOCH_COMPLETED', { trialNumber: 0, epoch: 1 }));
    await vi.advanceTimersByTimeAsync(0);

    // 1 of (2 trials × 2 epochs + 1 final epoch) units.
    expect(service.progress()).toMatchObject({ percent: 20, label: '0 of 2 trials done · trial 0: epoch 2 of 2' });
    expect(service.lastSequence()).toBe(41);
  });

  it('estimates the time left from the pace so far, once there is one, and not after the study ends', async () => {
    service.load('s1');
    await flushRead(studyRead({ startedAt: new Date(Date.now() - 60_000).toISOString() }));
    const events = apollo.expectOne(StudyEventsDocument);
    expect(service.remainingSeconds()).toBeNull();

    events.flushData(studyEvent(41, 'EPOCH_COMPLETED', { trialNumber: 0, epoch: 1 }));
    await vi.advanceTimersByTimeAsync(0);
    // 20 % done in the first 60 s: 240 s to go at that pace.
    expect(service.elapsedSeconds()).toBe(60);
    expect(service.remainingSeconds()).toBe(240);

    events.flushData(studyEvent(42, 'STUDY_CANCELLED'));
    await vi.advanceTimersByTimeAsync(0);
    expect(service.remainingSeconds()).toBeNull();
  });

  it('reads the study again after a trial ends, so counts, best trial and downloads follow', async () => {
    service.load('s1');
    await flushRead();
    const events = apollo.expectOne(StudyEventsDocument);

    events.flushData(studyEvent(41, 'TRIAL_COMPLETED', { trialNumber: 0 }));
    await vi.advanceTimersByTimeAsync(300);
    await flushRead(
      studyRead({
        lastEventSequence: 41,
        stateCounts: { __typename: 'TrialStateCounts', complete: 1, pruned: 0, failed: 0, running: 0, total: 1 },
        downloads: [{ __typename: 'Download', kind: 'trials_csv', fileName: 'trials.csv', url: '/downloads/studies/s1/trials.csv', contentType: 'text/csv', sizeBytes: null }],
      }),
      trialsRead([{ ...runningTrial, state: 'COMPLETE', values: [0.9] }]),
    );

    expect(service.study()?.stateCounts.complete).toBe(1);
    expect(service.study()?.downloads.map((d) => d.fileName)).toEqual(['trials.csv']);
    expect(service.progress()).toMatchObject({ trialsDone: 1, percent: 40 });
  });

  it('shows the final-model phase and reaches 100 % when the study completes', async () => {
    service.load('s1');
    await flushRead(studyRead({ config: { trials: 1, budget: { epochs: 1 }, finalModel: { epochs: 2 } } }));
    const events = apollo.expectOne(StudyEventsDocument);

    events.flushData(studyEvent(41, 'TRIAL_COMPLETED', { trialNumber: 0 }));
    events.flushData(studyEvent(42, 'FINAL_MODEL_STARTED', { payload: { epochs: 2 } }));
    events.flushData(studyEvent(43, 'FINAL_MODEL_EPOCH', { epoch: 1, payload: { epoch: 1, epochs: 2 } }));
    await vi.advanceTimersByTimeAsync(0);

    expect(service.state()).toBe('FINAL_MODEL');
    expect(service.progress()).toMatchObject({ phase: 'final-model', label: 'Training final model: epoch 2 of 2' });
    expect(service.progress()?.percent).toBeCloseTo(66.7);

    events.flushData(studyEvent(44, 'FINAL_MODEL_COMPLETED'));
    events.flushData(studyEvent(45, 'STUDY_COMPLETED'));
    await vi.advanceTimersByTimeAsync(0);

    expect(service.progress()).toMatchObject({ phase: 'complete', percent: 100 });
  });

  it('resubscribes from the last sequence it applied after the socket reconnects', async () => {
    service.load('s1');
    await flushRead();
    const first = apollo.expectOne(StudyEventsDocument);
    first.flushData(studyEvent(41, 'EPOCH_COMPLETED', { trialNumber: 0, epoch: 1 }));
    await vi.advanceTimersByTimeAsync(0);

    wsClient.emit('closed');
    wsClient.emit('connecting');
    wsClient.emit('connected');

    const resumed = apollo.expectOne(StudyEventsDocument);
    expect(resumed.operation.variables).toEqual({ studyId: 's1', since: 41 });
    // A replayed event is not applied twice.
    resumed.flushData(studyEvent(41, 'EPOCH_COMPLETED', { trialNumber: 0, epoch: 1 }));
    resumed.flushData(studyEvent(42, 'EPOCH_COMPLETED', { trialNumber: 0, epoch: 2 }));
    await vi.advanceTimersByTimeAsync(0);
    expect(service.lastSequence()).toBe(42);
    expect(service.progress()?.percent).toBe(40);
  });

  it('cancels the study and shows the state the server returns', async () => {
    service.load('s1');
    await flushRead();
    apollo.expectOne(StudyEventsDocument);

    service.cancel();
    expect(service.cancelling()).toBe(true);
    const mutation = apollo.expectOne(CancelStudyDocument);
    expect(mutation.operation.variables).toEqual({ id: 's1' });
    mutation.flushData({ cancelStudy: studyRead({ state: 'CANCELLED', lastEventSequence: 50, finishedAt: '2026-11-27T09:01:00.000Z' }) });
    await vi.advanceTimersByTimeAsync(0);

    expect(service.cancelling()).toBe(false);
    expect(service.state()).toBe('CANCELLED');
    expect(service.elapsedSeconds()).toBe(60);
  });
});
