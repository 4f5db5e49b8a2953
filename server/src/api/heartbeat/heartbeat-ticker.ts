import type { ApiPubSub } from '../api-schema.js';
import { HEARTBEAT_TOPIC } from './heartbeat.resolver.js';
import type { Heartbeat } from './heartbeat.type.js';

/** Publishes a heartbeat every `intervalSeconds`; returns a function that stops it. */
export function startHeartbeat(pubSub: ApiPubSub, intervalSeconds: number): () => void {
  let sequence = 0;
  const timer = setInterval(() => {
    sequence += 1;
    pubSub.publish(HEARTBEAT_TOPIC, { sequence, at: new Date() } satisfies Heartbeat);
  }, intervalSeconds * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
