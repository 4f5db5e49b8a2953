// The phase after the last trial: the best configuration is trained again on the whole training split with the
// final-model budget, and the study completes.
import os from 'node:os';
import { appendEvent } from '../events/append-event.js';
import { computeHealth } from '../ml/health/health-report.js';
import { buildModel, disposeModel } from '../ml/model/model-builder.js';
import { modelConfigFromParams, type SampledParams } from '../ml/model/search-space.js';
import { saveModelToZip } from '../ml/model/model-archive.js';
import { preprocessingFor } from '../ml/trainer/example-batches.js';
import { trainModel } from '../ml/trainer/train-model.js';
import { outcomeOf } from '../reports/plots/report-subject.js';
import { writeArtifact } from './study-artifacts.js';
import { FINAL_MODEL_FOLDER, healthScalars, writeTrainingArtifacts } from './training-artifacts.js';
import { bestHyperparametersYaml, healthScores } from './best-hyperparameters.js';
import { failWaitingTrials } from './slot-queueing.js';
import type { FinalModelPayload } from './trial-queue.js';
import { updateBestTrial, WorkerShutdownError, type TrialRunnerContext } from './trial-runner.js';
import { trialParams, type StudyConfig } from './study-config.js';
import { watchCancellation } from './study-cancellation.js';

export async function runFinalModel(context: TrialRunnerContext, { studyId }: FinalModelPayload, signal: AbortSignal): Promise<void> {
  const { prisma, logger } = context;
  const { count } = await prisma.study.updateMany({ where: { id: studyId, state: { in: ['RUNNING', 'FINAL_MODEL'] } }, data: { state: 'FINAL_MODEL' } });
  if (count === 0) return;
  await failWaitingTrials(prisma, studyId, 'every trial slot was done before this trial started');
  const study = (await prisma.study.findUnique({ where: { id: studyId } }))!;
  const config = study.config as unknown as StudyConfig;
  const bestTrialId = await updateBestTrial(prisma, studyId, config);
  const bestTrial = bestTrialId ? await prisma.trial.findUnique({ where: { id: bestTrialId } }) : null;
  if (!bestTrial) {
    await finishStudy(context, studyId, 'FAILED', 'no trial completed, so there is no configuration to train a final model from');
    return;
  }

  await appendEvent(prisma, {
    studyId,
    type: 'FINAL_MODEL_STARTED',
    payload: { trialId: bestTrial.id, trialNumber: bestTrial.number, epochs: config.finalModel.epochs },
  });
  const dataset = await context.datasets.load(config);
  // The fixed hyperparameters too: the engine stores only the sampled ones.
  const params = trialParams(config, bestTrial.params as SampledParams);
  const modelConfig = modelConfigFromParams(params, config.family);
  const built = buildModel(modelConfig, dataset.description);
  const cancellation = watchCancellation(prisma, studyId, signal);
  try {
    const startedAt = new Date();
    const training = await trainModel({
      model: built.model,
      config: modelConfig,
      dataset,
      budget: { epochs: config.finalModel.epochs, trainSubsetSize: config.finalModel.trainSubsetSize ?? undefined },
      signal: cancellation.signal,
      seed: config.seed,
      ...(context.replicas ? { replicas: context.replicas } : {}),
      onEpochEnd: async (metrics) => {
        await appendEvent(prisma, {
          studyId,
          type: 'FINAL_MODEL_EPOCH',
          payload: {
            epoch: metrics.epoch,
            epochs: config.finalModel.epochs,
            loss: metrics.loss,
            accuracy: metrics.accuracy,
            valLoss: metrics.valLoss,
            valAccuracy: metrics.valAccuracy,
            seconds: metrics.seconds,
          },
        });
        return 'continue' as const;
      },
    });
    if (training.stopReason === 'cancelled') {
      if (signal.aborted) throw new WorkerShutdownError();
      return;
    }
    const health = computeHealth({
      training,
      parameterCount: built.parameterCount,
      classes: dataset.description.classNames.length,
      weights: config.healthWeights,
    });
    const scores: Record<string, number> = {};
    if (training.validation) scores['validationAccuracy'] = training.validation.accuracy;
    if (training.test) scores['testAccuracy'] = training.test.accuracy;
    const { details: _details, ...healthMetrics } = health;
    const zip = await saveModelToZip(built.model, {
      params,
      config: modelConfig,
      scores,
      health: healthMetrics,
      dataset: dataset.description,
      preprocessing: preprocessingFor(dataset.description),
    });
    await writeArtifact(prisma, context.resultsDir, {
      studyId,
      studyName: study.name,
      trialId: bestTrial.id,
      kind: 'FINAL_MODEL',
      fileName: 'final_model.zip',
      contentType: 'application/zip',
      content: zip,
    });
    try {
      await writeTrainingArtifacts(
        prisma,
        context.resultsDir,
        { studyId, studyName: study.name, trialId: bestTrial.id, folder: FINAL_MODEL_FOLDER, plotKind: 'FINAL_MODEL_PLOT' },
        {
          subject: { name: 'final model', outcome: outcomeOf(training.stopReason, training.epochs, config.finalModel.epochs) },
          epochs: training.epochs,
          graph: built.graph,
          startedAt,
          hostname: os.hostname(),
          health: healthScalars(health),
        },
      );
    } catch (error) {
      // The trained model is already saved; its plots are not worth failing the study for.
      logger.error({ err: error, study: study.name }, 'the final model\'s plots and TensorBoard events could not be written');
    }
    const bestHealth = await prisma.healthReport.findUnique({ where: { trialId: bestTrial.id } });
    const attrs = bestTrial.userAttrs as Record<string, number>;
    await writeArtifact(prisma, context.resultsDir, {
      studyId,
      studyName: study.name,
      trialId: bestTrial.id,
      kind: 'BEST_HYPERPARAMETERS',
      fileName: 'best_hyperparameters.yaml',
      contentType: 'application/yaml',
      content: bestHyperparametersYaml(
        { name: study.name, config },
        {
          number: bestTrial.number,
          params: bestTrial.params as SampledParams,
          values: bestTrial.values,
          validationAccuracy: attrs['validationAccuracy'],
          // The test split is scored once, by the final model trained from this configuration.
          testAccuracy: training.test?.accuracy ?? null,
          health: bestHealth ? healthScores(bestHealth) : null,
        },
      ),
    });
    await appendEvent(prisma, {
      studyId,
      type: 'FINAL_MODEL_COMPLETED',
      payload: {
        trialId: bestTrial.id,
        trialNumber: bestTrial.number,
        validationAccuracy: training.validation?.accuracy ?? null,
        testAccuracy: training.test?.accuracy ?? null,
        health: health.composite,
      },
    });
    logger.info({ study: study.name, testAccuracy: training.test?.accuracy }, 'final model trained');
    await finishStudy(context, studyId, 'COMPLETE');
  } finally {
    cancellation.stop();
    disposeModel(built.model);
  }
}

async function finishStudy(context: TrialRunnerContext, studyId: string, state: 'COMPLETE' | 'FAILED', error?: string): Promise<void> {
  await context.prisma.$transaction(async (tx) => {
    const { count } = await tx.study.updateMany({
      where: { id: studyId, state: 'FINAL_MODEL' },
      data: { state, finishedAt: new Date(), error: error ?? null },
    });
    if (count === 1) {
      await appendEvent(tx, { studyId, type: state === 'COMPLETE' ? 'STUDY_COMPLETED' : 'STUDY_FAILED', payload: error ? { error } : {} });
    }
  });
}
