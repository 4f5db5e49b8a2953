import { DestroyRef, inject, Injectable, signal } from '@angular/core';
import { Apollo } from 'apollo-angular';
import { map, retry, timer } from 'rxjs';
import { StudiesDocument, StudyListChangesDocument, StudyListChangesSubscription, StudyListItemFragment } from '../graphql/generated/graphql';
import { describeError } from '../graphql/describe-error';

/** Studies shown in the list (newest first); older ones are a later page. */
export const STUDY_LIST_SIZE = 50;
const RETRY_DELAY_MS = 3_000;

export type StudyListChange = StudyListChangesSubscription['studies'];

/**
 * Applies one change to a newest-first list: the study as it is now replaces its old row, a new study
 * goes on top, and a deleted one (null study) leaves.
 */
export function applyStudyListChange(
  studies: readonly StudyListItemFragment[],
  change: StudyListChange,
): readonly StudyListItemFragment[] {
  const id = change.study?.id ?? change.event.studyId ?? deletedStudyId(change.event.payload);
  if (!change.study) return id ? studies.filter((study) => study.id !== id) : studies;
  const updated = change.study;
  const index = studies.findIndex((study) => study.id === updated.id);
  if (index === -1) return [updated, ...studies].slice(0, STUDY_LIST_SIZE);
  return studies.map((study, i) => (i === index ? updated : study));
}

/** STUDY_DELETED is logged with studyId null and the id in the payload (docs/API.md). */
function deletedStudyId(payload: unknown): string | null {
  const id = typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>)['studyId'] : null;
  return typeof id === 'string' ? id : null;
}

/**
 * The newest studies as a signal, live: read once, then patched by every `studies` subscription change.
 * The subscription starts before the read answers, so no change falls between them.
 */
@Injectable({ providedIn: 'root' })
export class StudyListService {
  private readonly apollo = inject(Apollo);
  private readonly studiesValue = signal<readonly StudyListItemFragment[] | null>(null);
  private readonly errorValue = signal<string | null>(null);
  /** Changes that came before the first read answered; applied on top of it. */
  private pending: StudyListChange[] = [];

  readonly studies = this.studiesValue.asReadonly();
  readonly error = this.errorValue.asReadonly();

  constructor() {
    const destroyRef = inject(DestroyRef);
    const changes = this.apollo
      .subscribe({ query: StudyListChangesDocument })
      .pipe(
        map((result) => {
          if (result.error) throw result.error;
          if (!result.data) throw new Error('Study list change without data');
          return result.data.studies;
        }),
        retry({ delay: () => timer(RETRY_DELAY_MS) }),
      )
      .subscribe((change) => this.apply(change));
    const read = this.apollo
      .query({ query: StudiesDocument, variables: { first: STUDY_LIST_SIZE }, fetchPolicy: 'network-only' })
      .pipe(
        map((result) => {
          if (!result.data) throw result.error ?? new Error('The server answered without studies');
          return result.data.studies.nodes;
        }),
        retry({
          delay: (error: unknown) => {
            this.errorValue.set(describeError(error));
            return timer(RETRY_DELAY_MS);
          },
        }),
      )
      .subscribe((studies) => {
        this.errorValue.set(null);
        this.studiesValue.set(this.pending.reduce(applyStudyListChange, studies));
        this.pending = [];
      });
    destroyRef.onDestroy(() => {
      changes.unsubscribe();
      read.unsubscribe();
    });
  }

  private apply(change: StudyListChange): void {
    const studies = this.studiesValue();
    if (studies === null) this.pending.push(change);
    else this.studiesValue.set(applyStudyListChange(studies, change));
  }
}
