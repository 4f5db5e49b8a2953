import { DestroyRef, inject, Injectable, signal } from '@angular/core';
import { Apollo } from 'apollo-angular';
import { catchError, EMPTY, map, merge, retry, switchMap, timer } from 'rxjs';
import { WorkerChangesDocument, WorkersDocument, type WorkerItemFragment } from '../graphql/generated/graphql';
import { describeError } from '../graphql/describe-error';

/** Heartbeats and running-trial counts change without an event: they are read again this often. */
export const WORKERS_POLL_MS = 5_000;
const RETRY_DELAY_MS = 3_000;

/**
 * The training workers as a signal, live: read now, again every few seconds (heartbeats, running trials) and
 * at once when the `workers` subscription says one joined or left. Provide it per page: it polls while alive.
 */
@Injectable()
export class WorkersService {
  private readonly apollo = inject(Apollo);
  private readonly workersValue = signal<readonly WorkerItemFragment[] | null>(null);
  private readonly errorValue = signal<string | null>(null);
  private readonly includeStoppedValue = signal(false);

  readonly workers = this.workersValue.asReadonly();
  readonly error = this.errorValue.asReadonly();
  readonly includeStopped = this.includeStoppedValue.asReadonly();

  constructor() {
    const changes = this.apollo.subscribe({ query: WorkerChangesDocument }).pipe(
      map((result) => {
        if (result.error) throw result.error;
        return result.data;
      }),
      retry({ delay: () => timer(RETRY_DELAY_MS) }),
    );
    const reads = merge(timer(0, WORKERS_POLL_MS), changes)
      .pipe(switchMap(() => this.read()))
      .subscribe();
    inject(DestroyRef).onDestroy(() => reads.unsubscribe());
  }

  setIncludeStopped(includeStopped: boolean): void {
    this.includeStoppedValue.set(includeStopped);
    this.read().subscribe();
  }

  private read() {
    return this.apollo
      .query({ query: WorkersDocument, variables: { includeStopped: this.includeStoppedValue() }, fetchPolicy: 'network-only' })
      .pipe(
        map((result) => {
          if (!result.data) throw result.error ?? new Error('The server answered without workers');
          this.errorValue.set(null);
          this.workersValue.set(result.data.workers);
        }),
        catchError((error: unknown) => {
          this.errorValue.set(describeError(error));
          return EMPTY;
        }),
      );
  }
}
