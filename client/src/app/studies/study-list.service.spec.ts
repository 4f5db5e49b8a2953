import { TestBed } from '@angular/core/testing';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';
import { DeleteStudyDocument, StudiesDocument, StudyListChangesDocument } from '../graphql/generated/graphql';
import { StudyListService } from './study-list.service';

const study = (id: string, state = 'RUNNING', finishedTrials = 0) => ({
  __typename: 'Study',
  id,
  name: `study-${id}`,
  state,
  dataset: 'mnist',
  mode: 'SIMPLE',
  config: { trials: 2 },
  createdAt: '2026-11-27T09:00:00.000Z',
  stateCounts: { __typename: 'TrialStateCounts', complete: finishedTrials, pruned: 0, failed: 0, running: 0, total: finishedTrials },
  summary: { __typename: 'StudySummary', finishedTrials, bestValues: null },
});
const change = (sequence: number, type: string, studyId: string, now: ReturnType<typeof study> | null) => ({
  studies: {
    __typename: 'StudyListChange',
    event: { __typename: 'StudyEvent', sequence, type, studyId: now ? studyId : null, payload: { studyId } },
    study: now,
  },
});

const page = (nodes: ReturnType<typeof study>[], endCursor: string | null = null, totalCount = nodes.length) => ({
  studies: { __typename: 'StudyConnection', totalCount, pageInfo: { __typename: 'PageInfo', endCursor, hasNextPage: endCursor !== null }, nodes },
});

describe('StudyListService', () => {
  let service: StudyListService;
  let apollo: ApolloTestingController;

  beforeEach(() => {
    vi.useFakeTimers();
    TestBed.configureTestingModule({ imports: [ApolloTestingModule] });
    service = TestBed.inject(StudyListService);
    apollo = TestBed.inject(ApolloTestingController);
  });

  afterEach(() => {
    TestBed.resetTestingModule();
    vi.useRealTimers();
  });

  it('patches the list with each change: updates in place, new studies on top, deleted ones removed', async () => {
    const changes = apollo.expectOne(StudyListChangesDocument);
    apollo.expectOne(StudiesDocument).flushData(page([study('b'), study('a')]));
    await vi.advanceTimersByTimeAsync(0);

    changes.flushData(change(1, 'TRIAL_COMPLETED', 'a', study('a', 'RUNNING', 1)));
    changes.flushData(change(2, 'STUDY_CREATED', 'c', study('c', 'QUEUED')));
    changes.flushData(change(3, 'STUDY_DELETED', 'b', null));
    await vi.advanceTimersByTimeAsync(0);

    expect(service.studies()?.map((s) => [s.id, s.state, s.summary.finishedTrials])).toEqual([
      ['c', 'QUEUED', 0],
      ['a', 'RUNNING', 1],
    ]);
  });

  it('keeps changes that arrive before the first read and applies them on top of it', async () => {
    const changes = apollo.expectOne(StudyListChangesDocument);
    changes.flushData(change(1, 'STUDY_COMPLETED', 'a', study('a', 'COMPLETE', 2)));
    await vi.advanceTimersByTimeAsync(0);

    apollo.expectOne(StudiesDocument).flushData(page([study('a')]));
    await vi.advanceTimersByTimeAsync(0);

    expect(service.studies()?.[0]).toMatchObject({ id: 'a', state: 'COMPLETE' });
  });

  it('loads older studies after the last cursor, skipping any already listed, until there is no next page', async () => {
    apollo.expectOne(StudyListChangesDocument);
    apollo.expectOne(StudiesDocument).flushData(page([study('d'), study('c')], 'cursor-c', 4));
    await vi.advanceTimersByTimeAsync(0);
    expect(service.hasMore()).toBe(true);

    const loading = service.loadMore();
    const next = apollo.expectOne(StudiesDocument);
    expect(next.operation.variables).toEqual({ first: 20, after: 'cursor-c' });
    next.flushData(page([study('c'), study('b'), study('a')], null, 4));
    await loading;

    expect(service.studies()?.map((s) => s.id)).toEqual(['d', 'c', 'b', 'a']);
    expect(service.hasMore()).toBe(false);
  });

  it('removes a deleted study from the list once the server confirms', async () => {
    apollo.expectOne(StudyListChangesDocument);
    apollo.expectOne(StudiesDocument).flushData(page([study('b'), study('a')]));
    await vi.advanceTimersByTimeAsync(0);

    const deleting = service.delete('b');
    const mutation = apollo.expectOne(DeleteStudyDocument);
    expect(mutation.operation.variables).toEqual({ id: 'b' });
    mutation.flushData({ deleteStudy: 'b' });
    await deleting;

    expect(service.studies()?.map((s) => s.id)).toEqual(['a']);
    expect(service.totalCount()).toBe(1);
  });
});
