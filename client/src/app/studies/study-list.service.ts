import { DestroyRef, inject, Injectable, signal } from '@angular/core';
import { Apollo } from 'apollo-angular';
import { firstValueFrom, map, retry, timer } from 'rxjs';
import {
  DeleteStudyDocument,
  StudiesDocument,
  StudyListChangesDocument,
  StudyListChangesSubscription,
  StudyListItemFragment,
} from '../graphql/generated/graphql';
import { describeError } from '../graphql/describe-error';

/** Studies read per page (newest first); "Load more" reads the next page after the last cursor. */
export const STUDY_PAGE_SIZE = 20;
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
  if (index === -1) return [updated, ...studies];
  return studies.map((study, i) => (i === index ? updated : study));
}

/** STUDY_DELETED is logged with studyId null and the id in the payload (docs/API.md). */
function deletedStudyId(payload: unknown): string | null {
  const id = typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>)['studyId'] : null;
  return typeof id === 'string' ? id : null;
}

/** Appends a later page, skipping studies already listed (one created meanwhile shifts the pages). */
export function appendStudyPage(
  studies: readonly StudyListItemFragment[],
  page: readonly StudyListItemFragment[],
): readonly StudyListItemFragment[] {
  const listed = new Set(studies.map((study) => study.id));
  return [...studies, ...page.filter((study) => !listed.has(study.id))];
}

/**
 * The newest studies as a signal, live: read once, then patched by every `studies` subscription change.
 * The subscription starts before the read answers, so no change falls between them. Older studies are
 * read a page at a time with `loadMore()`.
 */
@Injectable({ providedIn: 'root' })
export class StudyListService {
  private readonly apollo = inject(Apollo);
  private readonly studiesValue = signal<readonly StudyListItemFragment[] | null>(null);
  private readonly errorValue = signal<string | null>(null);
  private readonly endCursor = signal<string | null>(null);
  private readonly hasMoreValue = signal(false);
  private readonly loadingMoreValue = signal(false);
  private readonly totalCountValue = signal<number | null>(null);
  /** Changes that came before the first read answered; applied on top of it. */
  private pending: StudyListChange[] = [];

  readonly studies = this.studiesValue.asReadonly();
  readonly error = this.errorValue.asReadonly();
  readonly hasMore = this.hasMoreValue.asReadonly();
  readonly loadingMore = this.loadingMoreValue.asReadonly();
  /** Studies on the server, over all pages, as of the last page read. */
  readonly totalCount = this.totalCountValue.asReadonly();

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
      .query({ query: StudiesDocument, variables: { first: STUDY_PAGE_SIZE }, fetchPolicy: 'network-only' })
      .pipe(
        map((result) => {
          if (!result.data) throw result.error ?? new Error('The server answered without studies');
          this.pageRead(result.data.studies);
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

  /** Reads the next page of older studies and appends it. */
  async loadMore(): Promise<void> {
    const studies = this.studiesValue();
    if (!studies || !this.hasMoreValue() || this.loadingMoreValue()) return;
    this.loadingMoreValue.set(true);
    try {
      const result = await firstValueFrom(
        this.apollo.query({ query: StudiesDocument, variables: { first: STUDY_PAGE_SIZE, after: this.endCursor() }, fetchPolicy: 'network-only' }),
      );
      if (!result.data) throw result.error ?? new Error('The server answered without studies');
      this.pageRead(result.data.studies);
      this.studiesValue.set(appendStudyPage(this.studiesValue() ?? [], result.data.studies.nodes));
      this.errorValue.set(null);
    } catch (error) {
      this.errorValue.set(describeError(error));
    } finally {
      this.loadingMoreValue.set(false);
    }
  }

  /**
   * Deletes a study with its trials and files; it leaves the list at once (the subscription's
   * STUDY_DELETED would remove it too). Rejects with the server's reason.
   */
  async delete(id: string): Promise<void> {
    const result = await firstValueFrom(this.apollo.mutate({ mutation: DeleteStudyDocument, variables: { id } }));
    if (!result.data) throw result.error ?? new Error('The server did not confirm the deletion');
    const studies = this.studiesValue();
    if (studies) this.studiesValue.set(studies.filter((study) => study.id !== id));
    this.totalCountValue.update((count) => (count === null ? null : Math.max(0, count - 1)));
  }

  private pageRead(page: { totalCount: number; pageInfo: { endCursor: string | null; hasNextPage: boolean } }): void {
    this.endCursor.set(page.pageInfo.endCursor);
    this.hasMoreValue.set(page.pageInfo.hasNextPage);
    this.totalCountValue.set(page.totalCount);
  }

  private apply(change: StudyListChange): void {
    const studies = this.studiesValue();
    if (studies === null) this.pending.push(change);
    else this.studiesValue.set(applyStudyListChange(studies, change));
  }
}
