import { computed, DestroyRef, inject, Injectable, signal } from '@angular/core';
import { Apollo } from 'apollo-angular';
import { BehaviorSubject, catchError, debounceTime, EMPTY, map, Observable, retry, Subject, Subscription, switchMap, timer } from 'rxjs';
import { EventType, StudyEventsDocument, StudyEventsSubscription, TrialPageDocument, TrialPageQuery } from '../graphql/generated/graphql';
import { describeError } from '../graphql/describe-error';
import { GRAPHQL_WS_CLIENT } from '../graphql/graphql-ws-client';
import { isNotFound } from '../graphql/not-found';
import { asRecord } from '../study/study-plan';
import { EpochPoint, epochFromEvent, withEpoch } from './epoch-series';

export type TrialPageRead = TrialPageQuery;

/** Events of this trial after which it is read again: diagnostics, health and artifacts arrive with them. */
const REFETCH_AFTER: ReadonlySet<EventType> = new Set<EventType>(['EPOCH_COMPLETED', 'TRIAL_COMPLETED', 'TRIAL_PRUNED', 'TRIAL_FAILED', 'ARTIFACT_CREATED']);
const REFETCH_DEBOUNCE_MS = 500;
const RESUBSCRIBE_DELAY_MS = 3_000;

/**
 * One trial, live: reads it with its files, then follows the study's events from the read on. An
 * EPOCH_COMPLETED of this trial extends the epoch curves at once; the trial is then read again (debounced) for
 * its diagnostics, health and files. Provided per trial page.
 */
@Injectable()
export class TrialDetailService {
  private readonly apollo = inject(Apollo);
  private readonly wsClient = inject(GRAPHQL_WS_CLIENT);

  private readonly readValue = signal<TrialPageRead | null>(null);
  private readonly liveEpochs = signal<readonly EpochPoint[]>([]);
  private readonly errorValue = signal<string | null>(null);
  private readonly notFoundValue = signal(false);

  readonly trial = computed(() => this.readValue()?.trial ?? null);
  readonly study = computed(() => this.readValue()?.study ?? null);
  /** Epochs as read, extended by the live events since. */
  readonly epochs = this.liveEpochs.asReadonly();
  readonly error = this.errorValue.asReadonly();
  /** The trial (or its study) does not exist: the page says so instead of loading forever. */
  readonly notFound = this.notFoundValue.asReadonly();

  private ids: { trialId: string; studyId: string } | null = null;
  /** The last event applied (or covered by the first read). */
  private lastSequence = 0;
  private loading: Subscription | null = null;
  private events: Subscription | null = null;
  private readonly refetch$ = new Subject<void>();
  private readonly resubscribe$ = new BehaviorSubject<void>(undefined);
  private disconnected = false;

  constructor() {
    const stopListening = [
      this.wsClient.on('closed', () => (this.disconnected = true)),
      this.wsClient.on('connected', () => {
        if (!this.disconnected) return;
        this.disconnected = false;
        this.resubscribe$.next();
      }),
    ];
    const refetching = this.refetch$
      .pipe(
        debounceTime(REFETCH_DEBOUNCE_MS),
        switchMap(() =>
          this.read().pipe(
            catchError((error: unknown) => {
              this.errorValue.set(describeError(error));
              return EMPTY;
            }),
          ),
        ),
      )
      .subscribe((read) => this.apply(read));
    inject(DestroyRef).onDestroy(() => {
      stopListening.forEach((stop) => stop());
      refetching.unsubscribe();
      this.loading?.unsubscribe();
      this.events?.unsubscribe();
    });
  }

  /** Shows this trial, dropping whatever was shown. */
  load(studyId: string, trialId: string): void {
    this.ids = { studyId, trialId };
    this.loading?.unsubscribe();
    this.events?.unsubscribe();
    this.events = null;
    this.lastSequence = 0;
    this.readValue.set(null);
    this.liveEpochs.set([]);
    this.errorValue.set(null);
    this.notFoundValue.set(false);
    this.loading = this.read().subscribe({
      next: (read) => {
        this.lastSequence = read.study.lastEventSequence ?? 0;
        this.apply(read);
        this.follow(studyId);
      },
      error: (error: unknown) => {
        this.notFoundValue.set(isNotFound(error));
        this.errorValue.set(describeError(error));
      },
    });
  }

  private read(): Observable<TrialPageRead> {
    const variables = this.ids ?? { studyId: '', trialId: '' };
    return this.apollo.query({ query: TrialPageDocument, variables, fetchPolicy: 'network-only' }).pipe(
      map((result) => {
        if (!result.data) throw result.error ?? new Error('The server answered without the trial');
        return result.data;
      }),
    );
  }

  private apply(read: TrialPageRead): void {
    this.readValue.set(read);
    // Epochs the read has are authoritative; live ones it does not have yet stay.
    const merged = read.trial.epochs.reduce<EpochPoint[]>((epochs, e) => withEpoch(epochs, e), [...this.liveEpochs()]);
    this.liveEpochs.set(merged);
  }

  private follow(studyId: string): void {
    this.events = this.resubscribe$
      .pipe(
        switchMap(() =>
          this.apollo.subscribe({ query: StudyEventsDocument, variables: { studyId, since: this.lastSequence } }).pipe(
            map((result) => {
              if (result.error) throw result.error;
              if (!result.data) throw new Error('Study event without data');
              return result.data.studyEvents;
            }),
          ),
        ),
        retry({ delay: () => timer(RESUBSCRIBE_DELAY_MS) }),
      )
      .subscribe((event) => this.applyEvent(event));
  }

  private applyEvent(event: StudyEventsSubscription['studyEvents']): void {
    const trial = this.trial();
    if (!trial || event.sequence <= this.lastSequence) return;
    this.lastSequence = event.sequence;
    const ofThisTrial = event.trialNumber === trial.number || asRecord(event.payload)['trialId'] === trial.id;
    const point = epochFromEvent(event, trial.number);
    if (point) this.liveEpochs.update((epochs) => withEpoch(epochs, point));
    if ((ofThisTrial && REFETCH_AFTER.has(event.type)) || STUDY_ENDS.has(event.type)) this.refetch$.next();
  }
}

const STUDY_ENDS: ReadonlySet<EventType> = new Set<EventType>(['STUDY_COMPLETED', 'STUDY_CANCELLED', 'STUDY_FAILED']);

