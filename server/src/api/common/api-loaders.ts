// One set of DataLoaders per request: every list field below a list of studies or trials costs one query, not N.
import DataLoader from 'dataloader';
import type { PrismaClient } from '../../persistence/generated/prisma/client.js';
import type { Artifact, EpochMetric, HealthReport, Study, Trial, TrialIntermediateValue } from '../../persistence/generated/prisma/client.js';
import { toArchitectureGraph, type ArchitectureGraph } from '../trials/architecture-graph.type.js';

export interface TrialStateCountsRow {
  waiting: number;
  running: number;
  complete: number;
  pruned: number;
  failed: number;
}

export interface EpochDiagnosticsRow {
  epoch: number;
  diagnostics: unknown;
}

export type ApiLoaders = ReturnType<typeof createApiLoaders>;

function byKey<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): (V | null)[] {
  const map = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => map.get(key) ?? null);
}

function groupByKey<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): V[][] {
  const map = new Map<K, V[]>(keys.map((key) => [key, []]));
  for (const row of rows) map.get(keyOf(row))?.push(row);
  return keys.map((key) => map.get(key)!);
}

/**
 * `eventWatermark`: the event feed's cursor when the request began, before any of its reads. Every event at or
 * below it has committed, so a read taken after it reflects them all; later ones are replayed to a subscriber
 * resuming from it, even one whose lower sequence commits after a higher one.
 */
export function createApiLoaders(prisma: PrismaClient, eventWatermark: number) {
  return {
    study: new DataLoader<string, Study | null>(async (ids) =>
      byKey(ids, await prisma.study.findMany({ where: { id: { in: [...ids] } } }), (row) => row.id)),
    trial: new DataLoader<string, Trial | null>(async (ids) =>
      byKey(ids, await prisma.trial.findMany({ where: { id: { in: [...ids] } } }), (row) => row.id)),
    stateCounts: new DataLoader<string, TrialStateCountsRow>(async (studyIds) => {
      const rows = await prisma.trial.groupBy({ by: ['studyId', 'state'], where: { studyId: { in: [...studyIds] } }, _count: { _all: true } });
      return studyIds.map((studyId) => {
        const counts: TrialStateCountsRow = { waiting: 0, running: 0, complete: 0, pruned: 0, failed: 0 };
        for (const row of rows) {
          if (row.studyId === studyId) counts[row.state.toLowerCase() as keyof TrialStateCountsRow] = row._count._all;
        }
        return counts;
      });
    }),
    lastEventSequence: new DataLoader<string, number | null>(async (studyIds) => {
      const rows = await prisma.event.groupBy({
        by: ['studyId'],
        where: { studyId: { in: [...studyIds] }, sequence: { lte: BigInt(eventWatermark) } },
        _max: { sequence: true },
      });
      const map = new Map(rows.map((row) => [row.studyId, row._max.sequence]));
      return studyIds.map((id) => (map.get(id) != null ? Number(map.get(id)) : null));
    }),
    trainingSeconds: new DataLoader<string, { total: number; mean: number | null }>(async (studyIds) => {
      const rows = await prisma.$queryRaw<{ studyId: string; total: number | null; mean: number | null }[]>`
        SELECT "studyId"::text AS "studyId",
               SUM(EXTRACT(EPOCH FROM ("finishedAt" - "startedAt")))::float8 AS total,
               AVG(EXTRACT(EPOCH FROM ("finishedAt" - "startedAt")))::float8 AS mean
        FROM "Trial" WHERE "studyId" = ANY(${[...studyIds]}::uuid[]) AND "finishedAt" IS NOT NULL GROUP BY "studyId"`;
      const map = new Map(rows.map((row) => [row.studyId, { total: row.total ?? 0, mean: row.mean }]));
      return studyIds.map((id) => map.get(id) ?? { total: 0, mean: null });
    }),
    artifacts: new DataLoader<string, Artifact[]>(async (studyIds) =>
      groupByKey(studyIds, await prisma.artifact.findMany({ where: { studyId: { in: [...studyIds] } }, orderBy: [{ kind: 'asc' }, { path: 'asc' }] }), (row) => row.studyId)),
    trialArtifacts: new DataLoader<string, Artifact[]>(async (trialIds) =>
      groupByKey(trialIds, await prisma.artifact.findMany({ where: { trialId: { in: [...trialIds] } }, orderBy: [{ kind: 'asc' }, { path: 'asc' }] }), (row) => row.trialId!)),
    epochs: new DataLoader<string, Omit<EpochMetric, 'diagnostics'>[]>(async (trialIds) =>
      groupByKey(
        trialIds,
        await prisma.epochMetric.findMany({
          where: { trialId: { in: [...trialIds] } },
          omit: { diagnostics: true },
          orderBy: [{ trialId: 'asc' }, { epoch: 'asc' }],
        }),
        (row) => row.trialId,
      )),
    diagnostics: new DataLoader<string, (EpochDiagnosticsRow & { trialId: string })[]>(async (trialIds) =>
      groupByKey(
        trialIds,
        await prisma.epochMetric.findMany({
          where: { trialId: { in: [...trialIds] } },
          select: { trialId: true, epoch: true, diagnostics: true },
          orderBy: [{ trialId: 'asc' }, { epoch: 'asc' }],
        }),
        (row) => row.trialId,
      )),
    intermediateValues: new DataLoader<string, TrialIntermediateValue[]>(async (trialIds) =>
      groupByKey(
        trialIds,
        await prisma.trialIntermediateValue.findMany({ where: { trialId: { in: [...trialIds] } }, orderBy: [{ trialId: 'asc' }, { step: 'asc' }] }),
        (row) => row.trialId,
      )),
    health: new DataLoader<string, HealthReport | null>(async (trialIds) =>
      byKey(trialIds, await prisma.healthReport.findMany({ where: { trialId: { in: [...trialIds] } } }), (row) => row.trialId)),
    architecture: new DataLoader<string, ArchitectureGraph | null>(async (trialIds) => {
      const rows = await prisma.architectureGraph.findMany({ where: { trialId: { in: [...trialIds] } } });
      return byKey(trialIds, rows, (row) => row.trialId).map((row) => row && toArchitectureGraph(row));
    }),
  };
}
