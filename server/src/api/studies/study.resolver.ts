import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { Prisma } from '../../persistence/generated/prisma/client.js';
import type { ApiContext } from '../api-context.js';
import { badUserInput, checkId, notFound } from '../common/api-errors.js';
import { checkPageSize } from '../common/page-size.js';
import { decodeCursor, encodeCursor } from '../common/page-info.type.js';
import { SafeIntScalar } from '../common/scalars.js';
import { Download } from '../downloads/download.type.js';
import { studyDownloads } from '../downloads/download-links.js';
import { Trial } from '../trials/trial.type.js';
import { StudiesFilter } from './studies-filter.input.js';
import { Study, StudyConnection, StudySummary, TrialStateCounts } from './study.type.js';

const MAX_STUDIES_PER_PAGE = 100;

/** Keyset position in the newest-first order. */
type StudyCursor = [createdAt: string, id: string];
const isStudyCursor = (value: unknown): value is StudyCursor =>
  Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && !Number.isNaN(Date.parse(value[0])) && typeof value[1] === 'string';

@Resolver(() => Study)
export class StudyResolver {
  @Query(() => StudyConnection, { description: 'Studies, newest first.', complexity: ({ args, childComplexity }) => 1 + (args.first ?? 20) * childComplexity })
  async studies(
    @Ctx() { services }: ApiContext,
    @Arg('filter', () => StudiesFilter, { nullable: true }) filter: StudiesFilter | null,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<StudyConnection> {
    checkPageSize(first, MAX_STUDIES_PER_PAGE);
    const where: Prisma.StudyWhereInput = {};
    if (filter?.states?.length) where.state = { in: filter.states };
    if (filter?.dataset) where.dataset = filter.dataset;
    let page: Prisma.StudyWhereInput = where;
    if (after) {
      const cursor = decodeCursor(after, isStudyCursor);
      if (!cursor) throw badUserInput('after', 'is not a cursor this API returned');
      const [createdAt, id] = [new Date(cursor[0]), checkId('after', cursor[1])];
      page = { AND: [where, { OR: [{ createdAt: { lt: createdAt } }, { createdAt, id: { lt: id } }] }] };
    }
    const [rows, totalCount] = await Promise.all([
      services.prisma.study.findMany({ where: page, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: first + 1 }),
      services.prisma.study.count({ where }),
    ]);
    const nodes = rows.slice(0, first);
    const last = nodes.at(-1);
    return {
      nodes,
      totalCount,
      pageInfo: { hasNextPage: rows.length > first, endCursor: last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null },
    };
  }

  @Query(() => Study)
  async study(@Ctx() { loaders }: ApiContext, @Arg('id', () => ID) id: string): Promise<Study> {
    const study = await loaders.study.load(checkId('id', id));
    if (!study) throw notFound('Study', id);
    return study;
  }

  @FieldResolver(() => TrialStateCounts)
  async stateCounts(@Root() study: Study, @Ctx() { loaders }: ApiContext): Promise<TrialStateCounts> {
    const counts = await loaders.stateCounts.load(study.id);
    return { ...counts, total: counts.waiting + counts.running + counts.complete + counts.pruned + counts.failed };
  }

  @FieldResolver(() => StudySummary)
  async summary(@Root() study: Study, @Ctx() { loaders }: ApiContext): Promise<StudySummary> {
    const [counts, seconds, best] = await Promise.all([
      loaders.stateCounts.load(study.id),
      loaders.trainingSeconds.load(study.id),
      study.bestTrialId ? loaders.trial.load(study.bestTrialId) : null,
    ]);
    return {
      finishedTrials: counts.complete + counts.pruned + counts.failed,
      bestValues: best?.values ?? null,
      bestTrialNumber: best?.number ?? null,
      meanTrialSeconds: seconds.mean,
      totalTrialSeconds: seconds.total,
    };
  }

  @FieldResolver(() => Trial, { nullable: true, description: 'The best trial so far (null before the first completes).' })
  async bestTrial(@Root() study: Study, @Ctx() { loaders }: ApiContext): Promise<Trial | null> {
    return study.bestTrialId ? loaders.trial.load(study.bestTrialId) : null;
  }

  @FieldResolver(() => SafeIntScalar, {
    nullable: true,
    description:
      'Sequence of the study\'s latest event this read reflects: subscribe to studyEvents with `since` set to it to miss nothing after ' +
      'this read (no lower event can still appear; later ones may be replayed even if the read already shows them).',
  })
  async lastEventSequence(@Root() study: Study, @Ctx() { loaders }: ApiContext): Promise<number | null> {
    return loaders.lastEventSequence.load(study.id);
  }

  @FieldResolver(() => [Download], { description: 'Files the study offers: trials CSV, best hyperparameters, architecture, and stored artifacts.' })
  async downloads(@Root() study: Study, @Ctx() { loaders }: ApiContext): Promise<Download[]> {
    return studyDownloads(study.id, study.bestTrialId !== null, await loaders.artifacts.load(study.id));
  }
}
