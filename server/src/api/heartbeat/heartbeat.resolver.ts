import { Resolver, Root, Subscription } from 'type-graphql';
import { Heartbeat } from './heartbeat.type.js';

export const HEARTBEAT_TOPIC = 'HEARTBEAT';

@Resolver(() => Heartbeat)
export class HeartbeatResolver {
  @Subscription(() => Heartbeat, { topics: HEARTBEAT_TOPIC })
  heartbeat(@Root() beat: Heartbeat): Heartbeat {
    return beat;
  }
}
