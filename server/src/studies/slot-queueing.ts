// Hands a study's trial slots to the queue. A slot's parameters are normally chosen by the worker that runs it. A
// study that gives GPU workers the heavier trials first (`heavyTrialsOnGpu`) has them chosen here instead, when the
// slot is queued: its trial waits (WAITING) with its parameters and its estimated training cost, the job's priority
// follows that cost (heavier first), and the heavier half is flagged so that CPU workers leave it to GPU workers
// while one is alive (`gpu-workers.ts`).
import { createStudy } from '../engine/study.js';
import type { Storage } from '../engine/storage.js';
import type { FrozenTrial } from '../engine/frozen-trial.js';
import { describeDataset } from '../ml/datasets/dataset-catalog.js';
import { modelConfigFromParams } from '../ml/model/search-space.js';
import { trainingCostPerExample } from '../ml/model/training-cost.js';
import type { Prisma } from '../persistence/generated/prisma/client.js';
import { createPruner, createSampler } from './engine-components.js';
import type { StudyConfig } from './study-config.js';
import type { TrialQueue } from './trial-queue.js';
import { sampleParams } from './trial-sampling.js';

/** The flag of jobs that CPU workers leave to GPU workers while one is alive. */
export const HEAVY_TRIAL_FLAG = 'heavy-trial';

/** System attributes of a trial: the slot it runs, and (prepared trials) its estimated cost per example. */
export const SLOT_ATTR = 'slot';
export const TRAINING_COST_ATTR = 'trainingCost';

export interface SlotQueueing {
  queue: TrialQueue;
  /** The engine's storage on the study's database. */
  storage: Storage;
}

export interface QueuedStudy {
  id: string;
  name: string;
  config: StudyConfig;
}

/** Queues slots `from..to-1`; safe to call again for a slot (its job and its prepared trial are kept). */
export async function queueTrialSlots({ queue, storage }: SlotQueueing, study: QueuedStudy, from: number, to: number): Promise<void> {
  if (!study.config.heavyTrialsOnGpu) return queue.enqueueTrials(study.id, from, to);
  const costs = new Map<number, number>();
  for (let slot = from; slot < to; slot++) {
    // A slot queued again (its job re-run after a crash) keeps the trial prepared for it.
    const prepared = costOf(await waitingTrialOf(storage, study.id, slot));
    costs.set(slot, prepared ?? (await prepareSlot(storage, study, slot)));
  }
  // Heavy: at least the median cost of the study's prepared trials so far, these included.
  const median = medianOf((await storage.getTrials(study.id)).flatMap((trial) => costOf(trial) ?? []));
  for (const [slot, cost] of costs) {
    await queue.enqueueTrials(study.id, slot, slot + 1, { priority: costPriority(cost), flags: cost >= median ? [HEAVY_TRIAL_FLAG] : [] });
  }
}

/** The slot's prepared trial that no worker started yet, if any. */
export async function waitingTrialOf(storage: Storage, studyId: string, slot: number): Promise<FrozenTrial | undefined> {
  return (await storage.getTrials(studyId, ['WAITING'])).find((trial) => trial.systemAttrs[SLOT_ATTR] === slot);
}

/**
 * Fails the study's prepared trials that no worker started: the study ended (cancelled, failed, or every slot done
 * while a duplicate waited), so they never will be.
 */
export async function failWaitingTrials(tx: Prisma.TransactionClient, studyId: string, reason: string): Promise<void> {
  await tx.trial.updateMany({ where: { studyId, state: 'WAITING' }, data: { state: 'FAILED', error: reason, finishedAt: new Date() } });
}

/** Creates the slot's WAITING trial with every parameter chosen, and returns its estimated cost. */
async function prepareSlot(storage: Storage, { name, config }: QueuedStudy, slot: number): Promise<number> {
  const engineStudy = await createStudy({
    studyName: name,
    storage,
    sampler: createSampler(config, slot),
    pruner: createPruner(config),
    directions: config.directions,
    loadIfExists: true,
  });
  const trial = await engineStudy.prepareTrial();
  await storage.setTrialSystemAttr(trial.id, SLOT_ATTR, slot);
  const params = await sampleParams(trial, config);
  const dataset = describeDataset(config.dataset);
  const cost = trainingCostPerExample(modelConfigFromParams(params, config.family), dataset.inputShape, dataset.classNames.length);
  await storage.setTrialSystemAttr(trial.id, TRAINING_COST_ATTR, cost);
  return cost;
}

function costOf(trial: FrozenTrial | undefined): number | undefined {
  const cost = trial?.systemAttrs[TRAINING_COST_ATTR];
  return typeof cost === 'number' ? cost : undefined;
}

/** Lower runs first: about 1 apart per doubling of the cost. */
function costPriority(cost: number): number {
  return -Math.round(Math.log2(Math.max(cost, 1)));
}

function medianOf(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
