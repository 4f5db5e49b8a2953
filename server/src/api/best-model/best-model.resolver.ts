import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { ApiContext } from '../api-context.js';
import { checkId, notFound } from '../common/api-errors.js';
import { studyDownloads } from '../downloads/download-links.js';
import { BestModel } from './best-model.type.js';

@Resolver(() => BestModel)
export class BestModelResolver {
  @Query(() => BestModel, { nullable: true, description: 'Null until a trial of the study completes.', complexity: 20 })
  async bestModel(@Ctx() { loaders }: ApiContext, @Arg('studyId', () => ID) studyId: string): Promise<BestModel | null> {
    const study = await loaders.study.load(checkId('studyId', studyId));
    if (!study) throw notFound('Study', studyId);
    const trial = study.bestTrialId ? await loaders.trial.load(study.bestTrialId) : null;
    if (!trial) return null;
    const [architecture, health, epochs, artifacts] = await Promise.all([
      loaders.architecture.load(trial.id),
      loaders.health.load(trial.id),
      loaders.epochs.load(trial.id),
      loaders.artifacts.load(study.id),
    ]);
    return {
      study,
      trial,
      params: trial.params,
      architecture,
      health,
      metadata: {
        dataset: study.dataset,
        mode: study.mode,
        directions: study.directions,
        trialNumber: trial.number,
        values: trial.values,
        parameterCount: architecture?.parameterCount ?? null,
        epochs: epochs.length,
        finalValAccuracy: epochs.at(-1)?.valAccuracy ?? null,
        trainedAt: trial.finishedAt,
      },
      downloads: studyDownloads(study.id, true, artifacts),
    };
  }
}
