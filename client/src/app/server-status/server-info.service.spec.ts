import { TestBed } from '@angular/core/testing';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';
import { ServerInfoDocument } from '../graphql/generated/graphql';
import { ServerInfoService } from './server-info.service';

const serverInfo = {
  __typename: 'ServerInfo',
  version: '0.1.0',
  databaseKind: 'EMBEDDED',
  trainingBackend: 'wasm',
  startedAt: '2026-11-27T09:00:00.000Z',
};

describe('ServerInfoService', () => {
  let service: ServerInfoService;
  let apollo: ApolloTestingController;

  beforeEach(() => {
    vi.useFakeTimers();
    TestBed.configureTestingModule({ imports: [ApolloTestingModule] });
    service = TestBed.inject(ServerInfoService);
    apollo = TestBed.inject(ApolloTestingController);
  });

  afterEach(() => {
    TestBed.resetTestingModule();
    vi.useRealTimers();
  });

  it('is loading until the server answers, then holds the server info', async () => {
    expect(service.state()).toEqual({ kind: 'loading' });

    apollo.expectOne(ServerInfoDocument).flushData({ serverInfo });
    await vi.runAllTimersAsync();

    expect(service.state()).toEqual({
      kind: 'loaded',
      info: expect.objectContaining({ version: '0.1.0', databaseKind: 'EMBEDDED', trainingBackend: 'wasm' }),
    });
  });

  it('reports an unreachable server and heals by itself once it answers', async () => {
    apollo.expectOne(ServerInfoDocument).networkError(new Error('connect ECONNREFUSED'));
    await vi.advanceTimersByTimeAsync(0);

    expect(service.state()).toEqual({ kind: 'error', message: 'connect ECONNREFUSED' });

    await vi.advanceTimersByTimeAsync(1_000);
    apollo.expectOne(ServerInfoDocument).flushData({ serverInfo });
    await vi.advanceTimersByTimeAsync(0);

    expect(service.state().kind).toBe('loaded');
  });

  it('asks again at once on reload, showing the skeleton meanwhile', async () => {
    apollo.expectOne(ServerInfoDocument).networkError(new Error('offline'));
    await vi.advanceTimersByTimeAsync(0);

    service.reload();

    expect(service.state()).toEqual({ kind: 'loading' });
    apollo.expectOne(ServerInfoDocument).flushData({ serverInfo });
    await vi.advanceTimersByTimeAsync(0);
    expect(service.state().kind).toBe('loaded');
  });
});
