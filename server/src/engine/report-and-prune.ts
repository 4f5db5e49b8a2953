import type { Trial } from './trial.js';
import { TrialPruned } from './trial-pruned.js';

/**
 * The multi-fidelity step of a training loop: report the metric at `step` (e.g. validation accuracy after
 * epoch `step`) and throw `TrialPruned` when the study's pruner decides from the reported values that the
 * trial should stop. `Study.optimize` turns the throw into a PRUNED trial.
 */
export async function reportAndPrune(trial: Trial, value: number, step: number): Promise<void> {
  await trial.report(value, step);
  if (await trial.shouldPrune()) throw new TrialPruned(`Trial ${trial.number} was pruned at step ${step}.`);
}
