/**
 * Thrown by an objective to stop its trial early (Optuna `TrialPruned`); `Study.optimize` records the trial
 * as PRUNED instead of FAILED.
 */
export class TrialPruned extends Error {
  constructor(message = 'Trial was pruned.') {
    super(message);
    this.name = 'TrialPruned';
  }
}
