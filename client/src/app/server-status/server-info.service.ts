import { DestroyRef, inject, Injectable, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Apollo } from 'apollo-angular';
import { map, retry, Subscription, timer } from 'rxjs';
import { ServerInfoDocument } from '../graphql/generated/graphql';
import { ServerInfoState } from './server-info-state';

/** Longest wait between automatic retries while the server is unreachable. */
const MAX_RETRY_DELAY_MS = 15_000;

/**
 * What the server is (version, database, training backend), as a signal. While the server is
 * unreachable the state says so and the query is retried with backoff, so the page heals by itself.
 */
@Injectable({ providedIn: 'root' })
export class ServerInfoService {
  private readonly apollo = inject(Apollo);
  private readonly destroyRef = inject(DestroyRef);
  private readonly current = signal<ServerInfoState>({ kind: 'loading' });
  private request: Subscription | null = null;

  readonly state = this.current.asReadonly();

  constructor() {
    this.reload();
  }

  /** Fetches the server info again now, cancelling any pending attempt or scheduled retry. */
  reload(): void {
    this.request?.unsubscribe();
    this.current.set({ kind: 'loading' });
    this.request = this.apollo
      .query({ query: ServerInfoDocument, fetchPolicy: 'network-only' })
      .pipe(
        map((result) => {
          if (!result.data) throw result.error ?? new Error('The server answered without data');
          return result.data.serverInfo;
        }),
        retry({
          delay: (error: unknown, attempt: number) => {
            this.current.set({ kind: 'error', message: describeError(error) });
            return timer(Math.min(1_000 * 2 ** (attempt - 1), MAX_RETRY_DELAY_MS));
          },
        }),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((info) => this.current.set({ kind: 'loaded', info }));
  }
}

function describeError(error: unknown): string {
  return error instanceof Error && error.message ? error.message : String(error);
}
