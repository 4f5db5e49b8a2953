// Stops a running trial soon after its study is cancelled or deleted, or when the worker shuts down.
import type { PrismaClient } from '../persistence/generated/prisma/client.js';

/** How often a training worker looks at its study's state; the trainer checks the signal every batch. */
const POLL_MS = 500;

export function watchCancellation(prisma: PrismaClient, studyId: string, shutdown: AbortSignal): { signal: AbortSignal; stop(): void } {
  const controller = new AbortController();
  const onShutdown = () => controller.abort(shutdown.reason);
  shutdown.addEventListener('abort', onShutdown);
  const timer = setInterval(() => {
    prisma.study
      .findUnique({ where: { id: studyId }, select: { state: true } })
      .then((study) => {
        if (!study || study.state === 'CANCELLED' || study.state === 'FAILED') controller.abort(new Error('study cancelled'));
      })
      .catch(() => undefined);
  }, POLL_MS);
  timer.unref();
  return {
    signal: controller.signal,
    stop() {
      clearInterval(timer);
      shutdown.removeEventListener('abort', onShutdown);
    },
  };
}
