import { TestBed } from '@angular/core/testing';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';
import { FakeGraphqlWsClient, provideFakeGraphqlWsClient } from '../../testing/fake-graphql-ws-client';
import { HeartbeatDocument } from '../graphql/generated/graphql';
import { HeartbeatService } from './heartbeat.service';

describe('HeartbeatService', () => {
  let wsClient: FakeGraphqlWsClient;
  let service: HeartbeatService;
  let apollo: ApolloTestingController;

  beforeEach(() => {
    wsClient = new FakeGraphqlWsClient();
    TestBed.configureTestingModule({
      imports: [ApolloTestingModule],
      providers: [provideFakeGraphqlWsClient(wsClient)],
    });
    service = TestBed.inject(HeartbeatService);
    apollo = TestBed.inject(ApolloTestingController);
  });

  afterEach(() => apollo.verify());

  it('subscribes to the heartbeat and maps each message into the state', () => {
    const subscription = apollo.expectOne(HeartbeatDocument);
    expect(service.status()).toBe('connecting');

    subscription.flushData({ heartbeat: { __typename: 'Heartbeat', at: '2026-11-27T10:00:01.000Z', sequence: 7 } });
    subscription.flushData({ heartbeat: { __typename: 'Heartbeat', at: '2026-11-27T10:00:02.000Z', sequence: 8 } });

    expect(service.status()).toBe('live');
    expect(service.last()).toMatchObject({ at: '2026-11-27T10:00:02.000Z', sequence: 8 });
    expect(service.received()).toBe(2);
  });

  it('shows reconnecting when the socket drops and live again when it is back', () => {
    apollo.expectOne(HeartbeatDocument);

    wsClient.emit('connected');
    expect(service.status()).toBe('live');
    wsClient.emit('closed');
    expect(service.status()).toBe('reconnecting');
    wsClient.emit('connecting');
    expect(service.status()).toBe('reconnecting');
    wsClient.emit('connected');
    expect(service.status()).toBe('live');
  });

  it('stops listening to the socket when the app is destroyed', () => {
    apollo.expectOne(HeartbeatDocument);
    expect(wsClient.listenerCount()).toBe(3);

    TestBed.resetTestingModule();

    expect(wsClient.listenerCount()).toBe(0);
  });
});
