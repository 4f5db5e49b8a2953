import { Observable, Subject } from 'rxjs';
import { debouncedRereads } from './debounced-rereads';

describe('debouncedRereads', () => {
  let requests: Subject<void>;
  let reads: Subject<string>[];
  const read = () => {
    const next = new Subject<string>();
    reads.push(next);
    return next as Observable<string>;
  };

  beforeEach(() => {
    vi.useFakeTimers();
    requests = new Subject<void>();
    reads = [];
  });

  afterEach(() => vi.useRealTimers());

  it('reads once for a burst of requests, after it has gone quiet', () => {
    const results: string[] = [];
    debouncedRereads(requests, 250, read, () => undefined).subscribe((result) => results.push(result));

    requests.next();
    vi.advanceTimersByTime(200);
    requests.next();
    vi.advanceTimersByTime(200);
    expect(reads).toHaveLength(0);

    vi.advanceTimersByTime(50);
    expect(reads).toHaveLength(1);
    reads[0].next('read 1');
    expect(results).toEqual(['read 1']);
  });

  it('drops a read still in flight when a newer one starts', () => {
    const results: string[] = [];
    debouncedRereads(requests, 250, read, () => undefined).subscribe((result) => results.push(result));
    requests.next();
    vi.advanceTimersByTime(250);
    requests.next();
    vi.advanceTimersByTime(250);

    reads[0].next('stale');
    reads[1].next('fresh');
    expect(results).toEqual(['fresh']);
  });

  it('reports a failed read and reads again on the next request', () => {
    const errors: string[] = [];
    const results: string[] = [];
    debouncedRereads(requests, 250, read, (message) => errors.push(message)).subscribe((result) => results.push(result));

    requests.next();
    vi.advanceTimersByTime(250);
    reads[0].error(new Error('The server is restarting'));
    expect(errors).toEqual(['The server is restarting']);

    requests.next();
    vi.advanceTimersByTime(250);
    reads[1].next('read 2');
    expect(results).toEqual(['read 2']);
  });
});
