import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { trainsOnGpu } from '../../ml/backend/training-backend.js';
import type { PrismaClient } from '../../persistence/generated/prisma/client.js';
import type { ApiContext } from '../api-context.js';
import { Worker } from './worker.type.js';

/** A worker silent for longer than this is presumed dead (workers beat every few seconds). */
const ALIVE_WITHIN_MS = 60_000;

export async function listWorkers(prisma: PrismaClient, includeStopped: boolean): Promise<Worker[]> {
  const [workers, running] = await Promise.all([
    prisma.worker.findMany({ where: includeStopped ? {} : { stoppedAt: null }, orderBy: { startedAt: 'asc' } }),
    prisma.trial.groupBy({ by: ['workerId'], where: { state: 'RUNNING', workerId: { not: null } }, _count: { _all: true } }),
  ]);
  const runningBy = new Map(running.map((row) => [row.workerId, row._count._all]));
  const now = Date.now();
  return workers.map((worker) => ({
    ...worker,
    alive: worker.stoppedAt === null && now - worker.heartbeatAt.getTime() < ALIVE_WITHIN_MS,
    gpu: trainsOnGpu(worker.backend, worker.device),
    runningTrials: runningBy.get(worker.id) ?? 0,
  }));
}

@Resolver(() => Worker)
export class WorkerResolver {
  @Query(() => [Worker], { complexity: 10 })
  async workers(
    @Ctx() { services }: ApiContext,
    @Arg('includeStopped', () => Boolean, { defaultValue: false }) includeStopped: boolean,
  ): Promise<Worker[]> {
    return listWorkers(services.prisma, includeStopped);
  }
}
