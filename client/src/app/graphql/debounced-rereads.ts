import { catchError, debounceTime, EMPTY, Observable, switchMap } from 'rxjs';
import { describeError } from './describe-error';

/**
 * Reads again once a burst of `requests` has gone quiet for `debounceMs`; a newer read replaces one still in flight.
 * A failed read is reported through `onError` rather than ending the stream, so the next request reads again.
 */
export function debouncedRereads<T>(requests: Observable<void>, debounceMs: number, read: () => Observable<T>, onError: (message: string) => void): Observable<T> {
  return requests.pipe(
    debounceTime(debounceMs),
    switchMap(() =>
      read().pipe(
        catchError((error: unknown) => {
          onError(describeError(error));
          return EMPTY;
        }),
      ),
    ),
  );
}
