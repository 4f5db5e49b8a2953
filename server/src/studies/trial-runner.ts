// Runs one trial slot of a study on this worker: asks the engine for parameters, builds and trains the model,
// reports every epoch (database, event log, pruner), scores health, writes its plots and TensorBoard events, and
// tells the engine how it ended.
import os from 'node:os';
import type { Logger } from '../logging/logger.js';
import { appendEvent } from '../events/append-event.js';
import { createStudy, type Study } from '../engine/study.js';
import type { Storage } from '../engine/storage.js';
import { TrialNotWaitingError } from '../engine/storage-errors.js';
import type { Trial } from '../engine/trial.js';
import { computeHealth, type HealthReport } from '../ml/health/health-report.js';
import { objectiveValues } from '../ml/health/objective.js';
import type { ArchitectureGraph } from '../ml/model/architecture-graph.js';
import { buildModel, disposeModel } from '../ml/model/model-builder.js';
import { modelConfigFromParams, type ParamDefinition, type SampledParams } from '../ml/model/search-space.js';
import type { GradientReplicas } from '../ml/trainer/data-parallel/gradient-replicas.js';
import { trainModel } from '../ml/trainer/train-model.js';
import type { EpochMetrics, TrainingResult } from '../ml/trainer/training-types.js';
import type { Prisma, PrismaClient } from '../persistence/generated/prisma/client.js';
import type { PostgresStudyStorage } from '../persistence/postgres-study-storage.js';
import { outcomeOf } from '../reports/plots/report-subject.js';
import { createPruner, createSampler } from './engine-components.js';
import type { DatasetCache } from './dataset-cache.js';
import { SLOT_ATTR, queueTrialSlots, waitingTrialOf } from './slot-queueing.js';
import type { StudyConfig } from './study-config.js';
import { sampleParams } from './trial-sampling.js';
import { watchCancellation } from './study-cancellation.js';
import type { RunTrialPayload, TrialQueue } from './trial-queue.js';
import { healthScalars, trialFolder, writeTrainingArtifacts } from './training-artifacts.js';

export interface TrialRunnerContext {
  prisma: PrismaClient;
  /** One per worker process: it keeps the finished trials it has read, so each ask reads only newer ones. */
  studyStorage: PostgresStudyStorage;
  queue: TrialQueue;
  datasets: DatasetCache;
  workerId: string;
  logger: Logger;
  /** Where this machine keeps its copy of the study artifacts; the database keeps every artifact's bytes. */
  resultsDir: string;
  /** Threads that take part of every batch (data-parallel training), when the worker trains on several. */
  replicas?: GradientReplicas;
}

/** Thrown out of a job cut short by its worker's shutdown, so that the queue runs the job again later. */
export class WorkerShutdownError extends Error {
  override name = 'WorkerShutdownError';
  constructor() {
    super('the worker shut down before the job finished; it will run again');
  }
}

/** A trial whose worker stopped sending heartbeats; its slot is run again, so it does not count as done. */
const HEARTBEAT = { intervalMs: 5_000, timeoutMs: 30_000, maxRetries: 1 };
export const STALE_TRIAL_ERROR_PREFIX = 'worker stopped sending heartbeats';

export async function runTrialSlot(context: TrialRunnerContext, { studyId, slot }: RunTrialPayload, signal: AbortSignal): Promise<void> {
  const { prisma, logger } = context;
  const study = await prisma.study.findUnique({ where: { id: studyId } });
  if (!study || (study.state !== 'QUEUED' && study.state !== 'RUNNING')) return;
  if (await slotIsDone(prisma, studyId, slot)) return await afterSlot(context, studyId, slot);
  await markRunning(prisma, studyId);
  const config = study.config as unknown as StudyConfig;

  const dataset = await context.datasets.load(config);
  const engineStudy = await createStudy({
    studyName: study.name,
    storage: context.studyStorage,
    sampler: createSampler(config, slot),
    pruner: createPruner(config),
    directions: config.directions,
    loadIfExists: true,
    heartbeat: HEARTBEAT,
    workerId: context.workerId,
  });
  const trial = await startSlotTrial(engineStudy, context.studyStorage, studyId, slot);
  const cancellation = watchCancellation(prisma, studyId, signal);
  const trialLog = logger.child({ study: study.name, trial: trial.number });
  try {
    const params = await sampleParams(trial, config);
    const modelConfig = modelConfigFromParams(params, config.family);
    await appendEvent(prisma, { studyId, type: 'TRIAL_STARTED', payload: { trialId: trial.id, trialNumber: trial.number, slot, params } });
    const built = buildModel(modelConfig, dataset.description);
    try {
      await prisma.architectureGraph.create({
        data: { trialId: trial.id, elements: built.graph as unknown as Prisma.InputJsonObject, parameterCount: built.parameterCount },
      });
      const startedAt = new Date();
      const training = await trainModel({
        model: built.model,
        config: modelConfig,
        dataset,
        budget: { epochs: config.budget.epochs, trainSubsetSize: config.budget.trainSubsetSize ?? undefined },
        signal: cancellation.signal,
        seed: config.seed + trial.number,
        // Trials are chosen on validation data; the test split is kept for the final model.
        evaluateTest: false,
        ...(context.replicas ? { replicas: context.replicas } : {}),
        onEpochEnd: async (metrics) => {
          await recordEpoch(prisma, studyId, trial, metrics);
          // Optuna's pruners judge one objective; multi-objective studies are never pruned.
          if (config.directions.length > 1) return 'continue';
          await trial.report(metrics.valAccuracy ?? metrics.accuracy, metrics.epoch);
          return (await trial.shouldPrune()) ? 'stop' : 'continue';
        },
      });
      if (training.stopReason === 'cancelled') {
        if (signal.aborted) {
          // The worker is shutting down, not the study: this slot must run again on another (or the next) worker.
          await finish(engineStudy, trial, 'failed', 'TRIAL_FAILED', prisma, studyId, {
            error: `${STALE_TRIAL_ERROR_PREFIX}: its worker shut down mid-trial; the trial runs again`,
          });
          throw new WorkerShutdownError();
        }
        await finish(engineStudy, trial, 'failed', 'TRIAL_FAILED', prisma, studyId, { error: 'the study was cancelled' });
        return;
      }
      // Written before the trial is told, so that they exist once the study moves on (the final model, the UI).
      const writeReport = (health?: HealthReport) =>
        writeTrialReport(context, { studyId, studyName: study.name, trial, config, graph: built.graph, training, startedAt, health }, trialLog);
      if (training.stopReason === 'pruned') {
        await writeReport();
        await finish(engineStudy, trial, 'pruned', 'TRIAL_PRUNED', prisma, studyId, { epoch: training.epochs.length });
      } else if (training.stopReason === 'diverged') {
        await writeReport();
        await finish(engineStudy, trial, 'failed', 'TRIAL_FAILED', prisma, studyId, { error: 'training diverged: the loss became NaN or infinite' });
      } else {
        const health = computeHealth({
          training,
          parameterCount: built.parameterCount,
          classes: dataset.description.classNames.length,
          weights: config.healthWeights,
        });
        const accuracy = training.validation?.accuracy ?? training.epochs.at(-1)!.accuracy;
        const values = objectiveValues(config.objective, accuracy, health);
        const { details, composite, ...metrics } = health;
        await prisma.healthReport.create({
          data: { trialId: trial.id, ...metrics, composite, details: details as unknown as Prisma.InputJsonObject },
        });
        await engineStudy.storage.setTrialUserAttr(trial.id, 'validationAccuracy', accuracy);
        await writeReport(health);
        await finish(engineStudy, trial, values, 'TRIAL_COMPLETED', prisma, studyId, { values, accuracy, health: composite });
        await updateBestTrial(prisma, studyId, config);
      }
      trialLog.info({ stopReason: training.stopReason, seconds: training.totalSeconds }, 'trial finished');
    } finally {
      disposeModel(built.model);
    }
  } catch (error) {
    if (error instanceof WorkerShutdownError) throw error;
    trialLog.error({ err: error }, 'trial failed');
    await finish(engineStudy, trial, 'failed', 'TRIAL_FAILED', prisma, studyId, { error: (error as Error).message });
  } finally {
    cancellation.stop();
  }
  await afterSlot(context, studyId, slot);
}

interface TrialReport {
  studyId: string;
  studyName: string;
  trial: Trial;
  config: StudyConfig;
  graph: ArchitectureGraph;
  training: TrainingResult;
  startedAt: Date;
  health: HealthReport | undefined;
}

/**
 * Plots, architecture diagram and TensorBoard events of a trial. A report that cannot be written must not cost the
 * trial its result: the error is logged with the trial's number, and the trial ends as its training did.
 */
async function writeTrialReport(context: TrialRunnerContext, report: TrialReport, trialLog: Logger): Promise<void> {
  const { trial, training, health } = report;
  try {
    await writeTrainingArtifacts(
      context.prisma,
      context.resultsDir,
      { studyId: report.studyId, studyName: report.studyName, trialId: trial.id, folder: trialFolder(trial.number), plotKind: 'TRIAL_PLOT' },
      {
        subject: { name: `trial ${trial.number}`, outcome: outcomeOf(training.stopReason, training.epochs, report.config.budget.epochs) },
        epochs: training.epochs,
        graph: report.graph,
        startedAt: report.startedAt,
        hostname: os.hostname(),
        ...(health ? { health: healthScalars(health) } : {}),
      },
    );
  } catch (error) {
    trialLog.error({ err: error, trialNumber: trial.number }, `the plots and TensorBoard events of trial ${trial.number} could not be written; its result is kept`);
  }
}

async function recordEpoch(prisma: PrismaClient, studyId: string, trial: Trial, metrics: EpochMetrics): Promise<void> {
  const row = {
    loss: finiteOr(metrics.loss, Number.MAX_VALUE),
    accuracy: metrics.accuracy,
    valLoss: metrics.valLoss,
    valAccuracy: metrics.valAccuracy,
    seconds: metrics.seconds,
    samplesPerSecond: metrics.samplesPerSecond,
  };
  await prisma.$transaction(async (tx) => {
    await tx.epochMetric.create({
      data: {
        trialId: trial.id,
        epoch: metrics.epoch,
        ...row,
        diagnostics: { learningRate: metrics.learningRate, batchLosses: metrics.batchLosses, layers: metrics.diagnostics?.layers ?? [] } as unknown as Prisma.InputJsonObject,
      },
    });
    await appendEvent(tx, { studyId, type: 'EPOCH_COMPLETED', payload: { trialId: trial.id, trialNumber: trial.number, epoch: metrics.epoch, ...row } });
  });
}

async function finish(
  study: Study,
  trial: Trial,
  result: number[] | 'pruned' | 'failed',
  type: 'TRIAL_COMPLETED' | 'TRIAL_PRUNED' | 'TRIAL_FAILED',
  prisma: PrismaClient,
  studyId: string,
  payload: Record<string, unknown>,
): Promise<void> {
  const error = typeof payload['error'] === 'string' ? payload['error'] : undefined;
  await study.tell(trial, result, error ? { error } : {});
  await appendEvent(prisma, { studyId, type, payload: { trialId: trial.id, trialNumber: trial.number, ...payload } });
}

/** The slot's trial: the one prepared when the slot was queued (`slot-queueing.ts`), else a new one. */
async function startSlotTrial(engineStudy: Study, storage: Storage, studyId: string, slot: number): Promise<Trial> {
  const waiting = await waitingTrialOf(storage, studyId, slot);
  if (waiting) {
    try {
      return await engineStudy.startTrial(waiting.id);
    } catch (error) {
      // Started by another worker meanwhile (a duplicate job): this one runs a trial of its own.
      if (!(error instanceof TrialNotWaitingError)) throw error;
    }
  }
  const trial = await engineStudy.ask();
  await engineStudy.storage.setTrialSystemAttr(trial.id, SLOT_ATTR, slot);
  return trial;
}

/** Whether a trial already finished this slot (a job re-run after its worker died past the tell). */
async function slotIsDone(prisma: PrismaClient, studyId: string, slot: number): Promise<boolean> {
  const [row] = await prisma.$queryRaw<{ done: boolean }[]>`
    SELECT EXISTS (
      SELECT 1 FROM "Trial" WHERE "studyId" = ${studyId}::uuid AND ("systemAttrs"->>'slot')::int = ${slot}
        AND state IN ('COMPLETE', 'PRUNED', 'FAILED') AND COALESCE(error, '') NOT LIKE ${STALE_TRIAL_ERROR_PREFIX + '%'}
    ) AS done`;
  return row!.done;
}

/** Hands the next slot to the queue, and the final model once every slot is done. */
async function afterSlot(context: TrialRunnerContext, studyId: string, slot: number): Promise<void> {
  const { prisma, queue } = context;
  const study = await prisma.study.findUnique({ where: { id: studyId } });
  if (!study || study.state !== 'RUNNING') return;
  const config = study.config as unknown as StudyConfig;
  const next = slot + config.parallelism;
  if (next < config.trials) await queueTrialSlots({ queue, storage: context.studyStorage }, { id: studyId, name: study.name, config }, next, next + 1);
  const [{ done }] = await prisma.$queryRaw<{ done: number }[]>`
    SELECT COUNT(DISTINCT ("systemAttrs"->>'slot')::int)::int AS done FROM "Trial"
    WHERE "studyId" = ${studyId}::uuid AND state IN ('COMPLETE', 'PRUNED', 'FAILED') AND "systemAttrs" ? 'slot'
      AND COALESCE(error, '') NOT LIKE ${STALE_TRIAL_ERROR_PREFIX + '%'}`;
  if (done >= config.trials) await queue.enqueueFinalModel(studyId);
}

async function markRunning(prisma: PrismaClient, studyId: string): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.study.updateMany({ where: { id: studyId, state: 'QUEUED' }, data: { state: 'RUNNING', startedAt: new Date() } });
    if (count === 1) await appendEvent(tx, { studyId, type: 'STUDY_STARTED' });
  });
}

/** The best COMPLETE trial so far: highest first objective (validation accuracy or the blend). */
export async function updateBestTrial(prisma: PrismaClient, studyId: string, config: StudyConfig): Promise<string | null> {
  const direction = config.directions[0] === 'minimize' ? 'ASC' : 'DESC';
  const rows = await prisma.$queryRawUnsafe<{ id: string }[]>(
    `SELECT id FROM "Trial" WHERE "studyId" = $1::uuid AND state = 'COMPLETE' ORDER BY "values"[1] ${direction}, number ASC LIMIT 1`,
    studyId,
  );
  if (rows[0]) await prisma.study.update({ where: { id: studyId }, data: { bestTrialId: rows[0].id } });
  return rows[0]?.id ?? null;
}

function finiteOr(value: number, fallback: number): number {
  return Number.isFinite(value) ? value : fallback;
}
