import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';
import { FakeGraphqlWsClient, provideFakeGraphqlWsClient } from '../../testing/fake-graphql-ws-client';
import { HeartbeatDocument, ServerInfoDocument } from '../graphql/generated/graphql';
import { Dashboard } from './dashboard';

describe('Dashboard', () => {
  let fixture: ComponentFixture<Dashboard>;
  let apollo: ApolloTestingController;
  let wsClient: FakeGraphqlWsClient;

  // Apollo delivers results on a later task, so let it run before waiting for rendering.
  const settle = async () => {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  };
  const text = (testId: string) =>
    (fixture.nativeElement as HTMLElement).querySelector(`[data-testid="${testId}"]`)?.textContent?.trim();

  beforeEach(async () => {
    wsClient = new FakeGraphqlWsClient();
    TestBed.configureTestingModule({
      imports: [Dashboard, ApolloTestingModule],
      providers: [provideFakeGraphqlWsClient(wsClient), provideRouter([])],
    });
    fixture = TestBed.createComponent(Dashboard);
    apollo = TestBed.inject(ApolloTestingController);
    await fixture.whenStable();
  });

  it('shows a loading skeleton before the server answers', () => {
    expect(text('server-info-loading')).toContain('Loading server information');
    expect(text('connection-status')).toBe('Connecting…');
  });

  it('renders the server info from the API', async () => {
    apollo.expectOne(ServerInfoDocument).flushData({
      serverInfo: {
        __typename: 'ServerInfo',
        version: '1.2.3',
        databaseKind: 'EXTERNAL',
        trainingBackend: 'webgpu',
        startedAt: '2026-11-27T09:00:00.000Z',
      },
    });
    await settle();

    expect(text('server-version')).toBe('1.2.3');
    expect(text('server-database')).toBe('External PostgreSQL');
    expect(text('server-backend')).toBe('webgpu');
    expect(text('server-info-loading')).toBeUndefined();
  });

  it('explains an unreachable server with a way to retry', async () => {
    apollo.expectOne(ServerInfoDocument).networkError(new Error('Failed to fetch'));
    await settle();

    const alert = (fixture.nativeElement as HTMLElement).querySelector('[role="alert"]');
    expect(alert?.textContent).toContain("Can't reach the Hyperscope server");
    expect(alert?.querySelector('button')?.textContent).toContain('Retry now');
  });

  it('shows the live heartbeat and a reconnecting state when the socket drops', async () => {
    apollo
      .expectOne(HeartbeatDocument)
      .flushData({ heartbeat: { __typename: 'Heartbeat', at: '2026-11-27T10:00:05.000Z', sequence: 42 } });
    await settle();

    expect(text('connection-status')).toBe('Live');
    expect(text('heartbeat-sequence')).toBe('42');

    wsClient.emit('closed');
    await fixture.whenStable();

    expect(text('connection-status')).toBe('Reconnecting…');
    expect(text('heartbeat-sequence')).toBe('42');
  });
});
