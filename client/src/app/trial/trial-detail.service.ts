import { computed, DestroyRef, inject, Injectable, signal } from '@angular/core';
import { Apollo } from 'apollo-angular';
import { map, Observable, Subject, Subscription } from 'rxjs';
import { EventType, TrialPageDocument, TrialPageQuery } from '../graphql/generated/graphql';
import { debouncedRereads } from '../graphql/debounced-rereads';
import { describeError } from '../graphql/describe-error';
import { isNotFound } from '../graphql/not-found';
import { injectStudyEventFeed, StudyEvent } from '../study/study-event-feed';
import { asRecord } from '../study/study-plan';
import { EpochPoint, epochFromEvent, withEpoch } from './epoch-series';

export type TrialPageRead = TrialPageQuery;

/** Events of this trial after which it is read again: diagnostics, health and artifacts arrive with them. */
const REFETCH_AFTER: ReadonlySet<EventType> = new Set<EventType>(['EPOCH_COMPLETED', 'TRIAL_COMPLETED', 'TRIAL_PRUNED', 'TRIAL_FAILED', 'ARTIFACT_CREATED']);
const REFETCH_DEBOUNCE_MS = 500;

/**
 * One trial, live: reads it with its files, then follows the study's events from the read on. An
 * EPOCH_COMPLETED of this trial extends the epoch curves at once; the trial is then read again (debounced) for
 * its diagnostics, health and files. Provided per trial page.
 */
@Injectable()
export class TrialDetailService {
  private readonly apollo = inject(Apollo);
  private readonly studyEvents = injectStudyEventFeed();

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

  constructor() {
    const refetching = debouncedRereads(this.refetch$, REFETCH_DEBOUNCE_MS, () => this.read(), (message) => this.errorValue.set(message)).subscribe(
      (read) => this.apply(read),
    );
    inject(DestroyRef).onDestroy(() => {
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
    this.events = this.studyEvents.follow(studyId, () => this.lastSequence).subscribe((event) => this.applyEvent(event));
  }

  private applyEvent(event: StudyEvent): void {
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

