import { computed, DestroyRef, inject, Injectable, signal } from '@angular/core';
import { Apollo } from 'apollo-angular';
import { forkJoin, map, Observable, Subject, Subscription } from 'rxjs';
import { CancelStudyDocument, EventType, StudyDetailsFragment, StudyDocument, StudyTrialsDocument, StudyTrialsQuery } from '../graphql/generated/graphql';
import { debouncedRereads } from '../graphql/debounced-rereads';
import { describeError } from '../graphql/describe-error';
import { injectStudyEventFeed, StudyEvent } from './study-event-feed';
import { StudyPlan, studyPlanOf } from './study-plan';
import { initialProgressState, mergeProgress, nextProgressState, ProgressState, ProgressTrial, studyProgress } from './study-progress';

export type StudyTrial = StudyTrialsQuery['trials']['nodes'][number];

/** Events after which the study and its trials are read again (counts, best trial, downloads change). */
const REFETCH_AFTER: ReadonlySet<EventType> = new Set<EventType>([
  'TRIAL_STARTED',
  'TRIAL_COMPLETED',
  'TRIAL_PRUNED',
  'TRIAL_FAILED',
  'ARTIFACT_CREATED',
  'FINAL_MODEL_STARTED',
  'FINAL_MODEL_COMPLETED',
  'STUDY_STARTED',
  'STUDY_COMPLETED',
  'STUDY_CANCELLED',
  'STUDY_FAILED',
]);
/** Bursts of events (parallel trials finishing) cause one refetch. */
const REFETCH_DEBOUNCE_MS = 250;

/** Below this share of the work done, the pace says too little to estimate what is left. */
const MIN_PERCENT_FOR_ESTIMATE = 5;

/**
 * One study, live: loads it and its trials, then follows `studyEvents` from the study's `lastEventSequence`.
 * After the socket reconnects it resubscribes from the last sequence it applied, so nothing is missed or
 * counted twice. Provided per study page.
 */
@Injectable()
export class StudyDetailService {
  private readonly apollo = inject(Apollo);
  private readonly studyEvents = injectStudyEventFeed();
  private readonly destroyRef = inject(DestroyRef);

  private readonly studyValue = signal<StudyDetailsFragment | null>(null);
  private readonly trialsValue = signal<readonly StudyTrial[]>([]);
  private readonly progressState = signal<ProgressState | null>(null);
  private readonly errorValue = signal<string | null>(null);
  private readonly cancellingValue = signal(false);
  private readonly nowValue = signal(Date.now());

  readonly study = this.studyValue.asReadonly();
  readonly trials = this.trialsValue.asReadonly();
  readonly error = this.errorValue.asReadonly();
  readonly cancelling = this.cancellingValue.asReadonly();
  readonly plan = computed<StudyPlan | null>(() => {
    const study = this.studyValue();
    return study ? studyPlanOf(study.config) : null;
  });
  readonly progress = computed(() => {
    const state = this.progressState();
    const plan = this.plan();
    return state && plan ? studyProgress(state, plan) : null;
  });
  /** The study state as the latest event says (may be ahead of the last read). */
  readonly state = computed(() => this.progressState()?.state ?? this.studyValue()?.state ?? null);
  readonly lastSequence = computed(() => this.progressState()?.lastSequence ?? null);
  /** Seconds since the study started, until it finished; ticks while it runs. */
  readonly elapsedSeconds = computed(() => {
    const study = this.studyValue();
    if (!study?.startedAt) return null;
    const end = study.finishedAt ? Date.parse(study.finishedAt) : this.nowValue();
    return Math.max(0, Math.round((end - Date.parse(study.startedAt)) / 1000));
  });

  /**
   * Seconds left at the pace so far: time spent over the share of the work done (epochs of trials and of the final
   * model). Null before there is a pace to go by, and once the study has stopped.
   */
  readonly remainingSeconds = computed(() => {
    const progress = this.progress();
    const elapsed = this.elapsedSeconds();
    if (!progress || elapsed === null || (progress.phase !== 'trials' && progress.phase !== 'final-model')) return null;
    if (progress.percent < MIN_PERCENT_FOR_ESTIMATE) return null;
    return Math.round((elapsed * (100 - progress.percent)) / progress.percent);
  });

  private studyId: string | null = null;
  private loading: Subscription | null = null;
  private events: Subscription | null = null;
  private readonly refetch$ = new Subject<void>();

  constructor() {
    const refetching = debouncedRereads(this.refetch$, REFETCH_DEBOUNCE_MS, () => this.read(), (message) => this.errorValue.set(message)).subscribe(
      (read) => this.applyRead(read),
    );
    const ticker = setInterval(() => this.nowValue.set(Date.now()), 1_000);
    this.destroyRef.onDestroy(() => {
      refetching.unsubscribe();
      clearInterval(ticker);
      this.loading?.unsubscribe();
      this.events?.unsubscribe();
    });
  }

  /** Shows the study with this id, dropping whatever was shown. */
  load(studyId: string): void {
    this.studyId = studyId;
    this.loading?.unsubscribe();
    this.events?.unsubscribe();
    this.events = null;
    this.studyValue.set(null);
    this.trialsValue.set([]);
    this.progressState.set(null);
    this.errorValue.set(null);
    this.loading = this.read().subscribe({
      next: (read) => {
        this.applyRead(read);
        this.follow(studyId);
      },
      error: (error: unknown) => this.errorValue.set(describeError(error)),
    });
  }

  cancel(): void {
    const id = this.studyId;
    if (!id || this.cancellingValue()) return;
    this.cancellingValue.set(true);
    this.apollo.mutate({ mutation: CancelStudyDocument, variables: { id } }).subscribe({
      next: (result) => {
        this.cancellingValue.set(false);
        if (result.data) this.applyRead({ study: result.data.cancelStudy, trials: this.trialsValue() });
      },
      error: (error: unknown) => {
        this.cancellingValue.set(false);
        this.errorValue.set(describeError(error));
      },
    });
  }

  private read(): Observable<{ study: StudyDetailsFragment; trials: readonly StudyTrial[] }> {
    const studyId = this.studyId ?? '';
    return forkJoin({
      study: this.apollo.query({ query: StudyDocument, variables: { id: studyId }, fetchPolicy: 'network-only' }).pipe(
        map((result) => {
          if (!result.data) throw result.error ?? new Error('The server answered without the study');
          return result.data.study;
        }),
      ),
      trials: this.apollo.query({ query: StudyTrialsDocument, variables: { studyId }, fetchPolicy: 'network-only' }).pipe(
        map((result) => {
          if (!result.data) throw result.error ?? new Error('The server answered without the trials');
          return result.data.trials.nodes;
        }),
      ),
    });
  }

  private applyRead(read: { study: StudyDetailsFragment; trials: readonly StudyTrial[] }): void {
    const plan = studyPlanOf(read.study.config);
    const trials: ProgressTrial[] = read.trials.map((trial) => ({
      number: trial.number,
      state: trial.state,
      epochsCompleted: trial.epochs.length,
    }));
    this.studyValue.set(read.study);
    this.trialsValue.set(read.trials);
    this.progressState.update((state) =>
      state ? mergeProgress(state, read.study, trials, plan) : initialProgressState(read.study, trials, plan),
    );
  }

  private follow(studyId: string): void {
    this.events = this.studyEvents.follow(studyId, () => this.lastSequence()).subscribe((event) => this.applyEvent(event));
  }

  private applyEvent(event: StudyEvent): void {
    const before = this.progressState();
    if (!before) return;
    const after = nextProgressState(before, event);
    if (after === before) return;
    this.progressState.set(after);
    if (REFETCH_AFTER.has(event.type)) this.refetch$.next();
  }
}
