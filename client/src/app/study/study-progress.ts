import type { EventType, StudyState, TrialState } from '../graphql/generated/graphql';
import { asRecord, StudyPlan } from './study-plan';

/** The parts of a `studyEvents` message that move progress. */
export interface ProgressEvent {
  readonly sequence: number;
  readonly type: EventType;
  readonly trialNumber: number | null;
  readonly epoch: number | null;
  readonly payload: unknown;
}

/** A trial as the trials query reports it: enough to seed progress on (re)load. */
export interface ProgressTrial {
  readonly number: number;
  readonly state: TrialState;
  /** Epochs completed so far. */
  readonly epochsCompleted: number;
}

/** What is known of a study's progress: built from a query, then moved by each event. */
export interface ProgressState {
  readonly state: StudyState;
  /** The newest event applied; resubscribe with `since` set to it. */
  readonly lastSequence: number | null;
  /** Numbers of trials that ended (complete, pruned or failed). A set, so a refetch and an event never count twice. */
  readonly finishedTrials: ReadonlySet<number>;
  /** Epochs completed by each running trial, by trial number. */
  readonly runningEpochs: ReadonlyMap<number, number>;
  /** Null until the final model starts training. */
  readonly finalModel: { readonly epoch: number; readonly epochs: number; readonly done: boolean } | null;
}

export function initialProgressState(
  study: { state: StudyState; lastEventSequence?: number | null },
  trials: readonly ProgressTrial[],
  plan: StudyPlan,
): ProgressState {
  return mergeProgress(
    {
      state: study.state,
      lastSequence: study.lastEventSequence ?? null,
      finishedTrials: new Set(),
      runningEpochs: new Map(),
      finalModel: null,
    },
    study,
    trials,
    plan,
  );
}

/**
 * Folds a fresh read of the study and its trials into the state. Events may already have moved it further
 * than the read (the read raced them), so finished trials are united and running epochs only move forward.
 */
export function mergeProgress(
  current: ProgressState,
  study: { state: StudyState; lastEventSequence?: number | null },
  trials: readonly ProgressTrial[],
  plan: StudyPlan,
): ProgressState {
  const finishedTrials = new Set(current.finishedTrials);
  const runningEpochs = new Map(current.runningEpochs);
  for (const trial of trials) {
    // Parameters chosen, no worker yet: neither running nor finished.
    if (trial.state === 'WAITING') continue;
    if (trial.state === 'RUNNING') {
      if (!finishedTrials.has(trial.number)) {
        runningEpochs.set(trial.number, Math.max(runningEpochs.get(trial.number) ?? 0, trial.epochsCompleted));
      }
    } else {
      finishedTrials.add(trial.number);
      runningEpochs.delete(trial.number);
    }
  }
  const readIsNewer = (study.lastEventSequence ?? -1) > (current.lastSequence ?? -1);
  const state = readIsNewer ? study.state : current.state;
  let finalModel = current.finalModel;
  if (state === 'FINAL_MODEL' && !finalModel) finalModel = { epoch: 0, epochs: plan.finalModelEpochs, done: false };
  if (state === 'COMPLETE' && plan.finalModelEpochs > 0) {
    finalModel = { epoch: plan.finalModelEpochs, epochs: plan.finalModelEpochs, done: true };
  }
  return { state, lastSequence: current.lastSequence, finishedTrials, runningEpochs, finalModel };
}

const TRIAL_ENDS: readonly EventType[] = ['TRIAL_COMPLETED', 'TRIAL_PRUNED', 'TRIAL_FAILED'];
const TRIAL_EVENTS: readonly EventType[] = ['TRIAL_STARTED', 'EPOCH_COMPLETED', ...TRIAL_ENDS];
const STATE_AFTER: Partial<Record<EventType, StudyState>> = {
  STUDY_STARTED: 'RUNNING',
  FINAL_MODEL_STARTED: 'FINAL_MODEL',
  STUDY_COMPLETED: 'COMPLETE',
  STUDY_CANCELLED: 'CANCELLED',
  STUDY_FAILED: 'FAILED',
};

/** Applies one event. Events at or below the last sequence (a replay after reconnecting) change nothing. */
export function nextProgressState(state: ProgressState, event: ProgressEvent): ProgressState {
  if (state.lastSequence !== null && event.sequence <= state.lastSequence) return state;
  // A trial's event means the study runs, even if its STUDY_STARTED was missed: that event can commit after a
  // later one the page's read already counted, and a subscription from that read never replays it.
  const running = state.state === 'QUEUED' && TRIAL_EVENTS.includes(event.type) ? 'RUNNING' : state.state;
  const next: ProgressState = { ...state, lastSequence: event.sequence, state: STATE_AFTER[event.type] ?? running };
  const payload = asRecord(event.payload);
  const trial = event.trialNumber;

  if (event.type === 'TRIAL_STARTED' && trial !== null && !state.finishedTrials.has(trial)) {
    return { ...next, runningEpochs: new Map(state.runningEpochs).set(trial, 0) };
  }
  if (event.type === 'EPOCH_COMPLETED' && trial !== null && !state.finishedTrials.has(trial)) {
    const epoch = event.epoch ?? numberOr(payload['epoch'], 0);
    return { ...next, runningEpochs: new Map(state.runningEpochs).set(trial, Math.max(epoch, state.runningEpochs.get(trial) ?? 0)) };
  }
  if (TRIAL_ENDS.includes(event.type) && trial !== null) {
    const runningEpochs = new Map(state.runningEpochs);
    runningEpochs.delete(trial);
    return { ...next, runningEpochs, finishedTrials: new Set(state.finishedTrials).add(trial) };
  }
  if (event.type === 'FINAL_MODEL_STARTED') {
    return { ...next, finalModel: { epoch: 0, epochs: numberOr(payload['epochs'], 0), done: false } };
  }
  if (event.type === 'FINAL_MODEL_EPOCH') {
    const epochs = numberOr(payload['epochs'], state.finalModel?.epochs ?? 0);
    return { ...next, finalModel: { epoch: numberOr(payload['epoch'], event.epoch ?? 0), epochs, done: false } };
  }
  if (event.type === 'FINAL_MODEL_COMPLETED') {
    const epochs = state.finalModel?.epochs ?? 0;
    return { ...next, finalModel: { epoch: epochs, epochs, done: true } };
  }
  return next;
}

/** The bar stops short of full until the study is COMPLETE. */
const MAX_PERCENT_BEFORE_COMPLETE = 99;

export type ProgressPhase = 'queued' | 'trials' | 'final-model' | 'complete' | 'stopped';

/** The one progress bar of the study page. */
export interface StudyProgress {
  readonly phase: ProgressPhase;
  /** 0–100, whole study: every trial epoch and every final-model epoch weigh the same. */
  readonly percent: number;
  readonly label: string;
  readonly trialsDone: number;
  readonly trialsTotal: number;
}

/**
 * Trials count as their planned epochs (a finished trial, pruned or not, counts in full), the running
 * trials as the epochs they completed, then the final model as its epochs.
 */
export function studyProgress(state: ProgressState, plan: StudyPlan): StudyProgress {
  const trialsTotal = plan.trials;
  const trialsDone = Math.min(state.finishedTrials.size, trialsTotal);
  const epochsPerTrial = Math.max(plan.epochsPerTrial, 1);
  const runningUnits = [...state.runningEpochs.values()].reduce((sum, epochs) => sum + Math.min(epochs, epochsPerTrial), 0);
  const trialUnits = trialsTotal * epochsPerTrial;
  const finalEpochs = state.finalModel?.epochs ?? plan.finalModelEpochs;
  const finalUnits = Math.max(finalEpochs, 0);
  const finalDone = state.finalModel ? Math.min(state.finalModel.epoch, finalEpochs) : 0;
  const trialsPart = Math.min(trialsDone * epochsPerTrial + runningUnits, trialUnits);
  const fraction = trialUnits + finalUnits > 0 ? (trialsPart + finalDone) / (trialUnits + finalUnits) : 0;

  if (state.state === 'COMPLETE') {
    return { phase: 'complete', percent: 100, label: `Complete: ${trialsDone} of ${trialsTotal} trials and the final model`, trialsDone, trialsTotal };
  }
  // Saving the final model follows its last epoch: the bar says 100 % only once the study is complete.
  const percent = Math.min(Math.round(fraction * 1000) / 10, MAX_PERCENT_BEFORE_COMPLETE);
  if (state.state === 'CANCELLED' || state.state === 'FAILED') {
    const verb = state.state === 'CANCELLED' ? 'Cancelled' : 'Failed';
    return { phase: 'stopped', percent, label: `${verb} after ${trialsDone} of ${trialsTotal} trials`, trialsDone, trialsTotal };
  }
  if (state.state === 'FINAL_MODEL' || state.finalModel) {
    const epoch = Math.min((state.finalModel?.epoch ?? 0) + 1, Math.max(finalEpochs, 1));
    return { phase: 'final-model', percent, label: `Training final model: epoch ${epoch} of ${finalEpochs}`, trialsDone, trialsTotal };
  }
  if (state.state === 'QUEUED') {
    return { phase: 'queued', percent, label: `Queued: ${trialsTotal} trials`, trialsDone, trialsTotal };
  }
  const running = [...state.runningEpochs.entries()].sort(([a], [b]) => a - b);
  const runningLabel = running.map(([trial, epochs]) => `trial ${trial}: epoch ${Math.min(epochs + 1, epochsPerTrial)} of ${epochsPerTrial}`);
  const label = [`${trialsDone} of ${trialsTotal} trials done`, ...runningLabel].join(' · ');
  return { phase: 'trials', percent, label, trialsDone, trialsTotal };
}

function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}
