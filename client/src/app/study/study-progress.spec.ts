import { initialProgressState, mergeProgress, nextProgressState, ProgressEvent, ProgressState, studyProgress } from './study-progress';
import { StudyPlan, studyPlanOf } from './study-plan';

const plan: StudyPlan = { trials: 4, epochsPerTrial: 2, finalModelEpochs: 2 };
let sequence = 100;
const event = (type: ProgressEvent['type'], fields: Partial<ProgressEvent> = {}): ProgressEvent => ({
  sequence: ++sequence,
  type,
  trialNumber: null,
  epoch: null,
  payload: {},
  ...fields,
});
const apply = (state: ProgressState, ...events: ProgressEvent[]) => events.reduce(nextProgressState, state);
const running = () => initialProgressState({ state: 'RUNNING', lastEventSequence: 100 }, [], plan);

describe('studyPlanOf', () => {
  it('reads trials, the per-trial epochs and the final-model epochs from the study config', () => {
    expect(studyPlanOf({ trials: 2, budget: { epochs: 1, trainSubsetSize: 300 }, finalModel: { epochs: 3 } })).toEqual({
      trials: 2,
      epochsPerTrial: 1,
      finalModelEpochs: 3,
    });
    expect(studyPlanOf(null)).toEqual({ trials: 0, epochsPerTrial: 0, finalModelEpochs: 0 });
  });
});

describe('study progress', () => {
  it('takes a study whose STUDY_STARTED it missed for running once one of its trials reports', () => {
    const queued = initialProgressState({ state: 'QUEUED', lastEventSequence: 100 }, [], plan);
    const state = apply(queued, event('TRIAL_STARTED', { trialNumber: 1 }));
    expect(state.state).toBe('RUNNING');
    expect(studyProgress(state, plan)).toMatchObject({ phase: 'trials', label: '0 of 4 trials done · trial 1: epoch 1 of 2' });
    expect(apply(queued, event('STUDY_CANCELLED')).state).toBe('CANCELLED');
  });

  it('weighs every trial epoch and final-model epoch the same, counting the running trial by its completed epochs', () => {
    const state = apply(
      running(),
      event('TRIAL_STARTED', { trialNumber: 0 }),
      event('EPOCH_COMPLETED', { trialNumber: 0, epoch: 1 }),
    );

    // 1 of (4 trials × 2 epochs + 2 final epochs) units.
    expect(studyProgress(state, plan)).toMatchObject({ phase: 'trials', percent: 10, trialsDone: 0, trialsTotal: 4 });
    expect(studyProgress(state, plan).label).toBe('0 of 4 trials done · trial 0: epoch 2 of 2');
  });

  it('counts a finished trial in full, pruned ones too, and only once', () => {
    const state = apply(
      running(),
      event('TRIAL_STARTED', { trialNumber: 0 }),
      event('EPOCH_COMPLETED', { trialNumber: 0, epoch: 1 }),
      event('TRIAL_PRUNED', { trialNumber: 0 }),
      event('TRIAL_STARTED', { trialNumber: 1 }),
      event('TRIAL_COMPLETED', { trialNumber: 1 }),
    );
    const afterRefetch = mergeProgress(
      state,
      { state: 'RUNNING', lastEventSequence: state.lastSequence },
      [
        { number: 0, state: 'PRUNED', epochsCompleted: 1 },
        { number: 1, state: 'COMPLETE', epochsCompleted: 2 },
      ],
      plan,
    );

    expect(studyProgress(afterRefetch, plan)).toMatchObject({ trialsDone: 2, percent: 40 });
  });

  it('ignores events replayed after a reconnect (sequence not above the last one applied)', () => {
    const started = event('TRIAL_STARTED', { trialNumber: 0 });
    const finished = event('TRIAL_COMPLETED', { trialNumber: 0 });
    const state = apply(running(), started, finished);

    expect(apply(state, started, finished)).toBe(state);
    expect(state.lastSequence).toBe(finished.sequence);
  });

  it('labels the final-model phase with the epoch in training and fills the bar to 100 % on completion', () => {
    let state = apply(
      running(),
      ...[0, 1, 2, 3].flatMap((trialNumber) => [event('TRIAL_STARTED', { trialNumber }), event('TRIAL_COMPLETED', { trialNumber })]),
    );
    expect(studyProgress(state, plan).percent).toBe(80);

    state = apply(state, event('FINAL_MODEL_STARTED', { payload: { epochs: 2, trialNumber: 3 } }));
    expect(studyProgress(state, plan)).toMatchObject({ phase: 'final-model', label: 'Training final model: epoch 1 of 2', percent: 80 });

    state = apply(state, event('FINAL_MODEL_EPOCH', { epoch: 1, payload: { epoch: 1, epochs: 2 } }));
    expect(studyProgress(state, plan)).toMatchObject({ label: 'Training final model: epoch 2 of 2', percent: 90 });

    state = apply(state, event('FINAL_MODEL_EPOCH', { payload: { epoch: 2, epochs: 2 } }));
    expect(studyProgress(state, plan)).toMatchObject({ phase: 'final-model', percent: 99 });

    state = apply(state, event('FINAL_MODEL_COMPLETED'), event('STUDY_COMPLETED'));
    expect(studyProgress(state, plan)).toMatchObject({ phase: 'complete', percent: 100 });
  });

  it('seeds running epochs and the final-model phase from a read taken mid-study', () => {
    const midTrials = initialProgressState(
      { state: 'RUNNING', lastEventSequence: 5 },
      [
        { number: 0, state: 'COMPLETE', epochsCompleted: 2 },
        { number: 1, state: 'RUNNING', epochsCompleted: 1 },
      ],
      plan,
    );
    expect(studyProgress(midTrials, plan)).toMatchObject({ percent: 30, trialsDone: 1 });

    const finalPhase = initialProgressState({ state: 'FINAL_MODEL', lastEventSequence: 9 }, [], plan);
    expect(studyProgress(finalPhase, plan).label).toBe('Training final model: epoch 1 of 2');
  });

  it('counts a WAITING trial (parameters chosen, no worker yet) as neither running nor done', () => {
    const read = initialProgressState(
      { state: 'RUNNING', lastEventSequence: 5 },
      [
        { number: 0, state: 'COMPLETE', epochsCompleted: 2 },
        { number: 1, state: 'WAITING', epochsCompleted: 0 },
      ],
      plan,
    );
    expect(read.finishedTrials).toEqual(new Set([0]));
    expect(read.runningEpochs.size).toBe(0);
    expect(studyProgress(read, plan)).toMatchObject({ trialsDone: 1 });
  });

  it('says how far a cancelled study got', () => {
    const state = apply(running(), event('TRIAL_STARTED', { trialNumber: 0 }), event('TRIAL_COMPLETED', { trialNumber: 0 }), event('STUDY_CANCELLED'));

    expect(studyProgress(state, plan)).toMatchObject({ phase: 'stopped', label: 'Cancelled after 1 of 4 trials', percent: 20 });
  });
});
