import { Arg, Ctx, FieldResolver, Float, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { ApiContext } from '../api-context.js';
import { badUserInput, checkId, notFound } from '../common/api-errors.js';
import { decodeCursor, encodeCursor } from '../common/page-info.type.js';
import { artifactDownload } from '../downloads/download-links.js';
import { Download } from '../downloads/download.type.js';
import { checkPageSize } from '../common/page-size.js';
import { findTrialPage } from './trial-query.js';
import { ArchitectureGraph } from './architecture-graph.type.js';
import { EpochDiagnostics, EpochMetric, HealthReport, IntermediateValue, Trial, TrialConnection } from './trial.type.js';
import { TrialFilter, TrialSort } from './trials-query.input.js';

const MAX_TRIALS_PER_PAGE = 500;
const isOffset = (value: unknown): value is { offset: number } =>
  typeof value === 'object' && value !== null && Number.isInteger((value as { offset: unknown }).offset) && (value as { offset: number }).offset >= 0;

@Resolver(() => Trial)
export class TrialResolver {
  @Query(() => TrialConnection, {
    description: 'A study\'s trials, filtered and sorted by state, objective or any hyperparameter.',
    complexity: ({ args, childComplexity }) => 1 + (args.first ?? 100) * childComplexity,
  })
  async trials(
    @Ctx() { services, loaders }: ApiContext,
    @Arg('studyId', () => ID) studyId: string,
    @Arg('filter', () => TrialFilter, { nullable: true }) filter: TrialFilter | null,
    @Arg('sort', () => TrialSort, { nullable: true }) sort: TrialSort | null,
    @Arg('first', () => Int, { defaultValue: 100 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<TrialConnection> {
    checkId('studyId', studyId);
    checkPageSize(first, MAX_TRIALS_PER_PAGE);
    let offset = 0;
    if (after) {
      const cursor = decodeCursor(after, isOffset);
      if (!cursor) throw badUserInput('after', 'is not a cursor this API returned');
      offset = cursor.offset;
    }
    if (!(await loaders.study.load(studyId))) throw notFound('Study', studyId);
    const page = await findTrialPage(services.prisma, studyId, filter, sort, offset, first);
    const loaded = await loaders.trial.loadMany(page.ids);
    const nodes = loaded.flatMap((trial) => (trial === null || trial instanceof Error ? [] : [trial]));
    return {
      nodes,
      totalCount: page.totalCount,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: nodes.length ? encodeCursor({ offset: offset + nodes.length }) : null },
    };
  }

  @Query(() => Trial)
  async trial(@Ctx() { loaders }: ApiContext, @Arg('id', () => ID) id: string): Promise<Trial> {
    const trial = await loaders.trial.load(checkId('id', id));
    if (!trial) throw notFound('Trial', id);
    return trial;
  }

  @FieldResolver(() => Float, { nullable: true, description: 'Wall-clock seconds from start to finish.' })
  durationSeconds(@Root() trial: Trial): number | null {
    return trial.finishedAt ? (trial.finishedAt.getTime() - trial.startedAt.getTime()) / 1000 : null;
  }

  @FieldResolver(() => [EpochMetric], { complexity: 5 })
  async epochs(@Root() trial: Trial, @Ctx() { loaders }: ApiContext): Promise<EpochMetric[]> {
    return loaders.epochs.load(trial.id);
  }

  @FieldResolver(() => [EpochDiagnostics], { complexity: 20, description: 'Diagnostics series, one entry per epoch.' })
  async diagnostics(@Root() trial: Trial, @Ctx() { loaders }: ApiContext): Promise<EpochDiagnostics[]> {
    return loaders.diagnostics.load(trial.id);
  }

  @FieldResolver(() => [IntermediateValue], { complexity: 5 })
  async intermediateValues(@Root() trial: Trial, @Ctx() { loaders }: ApiContext): Promise<IntermediateValue[]> {
    return loaders.intermediateValues.load(trial.id);
  }

  @FieldResolver(() => HealthReport, { nullable: true })
  async health(@Root() trial: Trial, @Ctx() { loaders }: ApiContext): Promise<HealthReport | null> {
    return loaders.health.load(trial.id);
  }

  @FieldResolver(() => ArchitectureGraph, { nullable: true, complexity: 10 })
  async architecture(@Root() trial: Trial, @Ctx() { loaders }: ApiContext): Promise<ArchitectureGraph | null> {
    return loaders.architecture.load(trial.id);
  }

  @FieldResolver(() => [Download], { complexity: 5, description: "The trial's stored files: plots, architecture diagram, TensorBoard events." })
  async downloads(@Root() trial: Trial, @Ctx() { loaders }: ApiContext): Promise<Download[]> {
    return (await loaders.trialArtifacts.load(trial.id)).map(artifactDownload);
  }
}
