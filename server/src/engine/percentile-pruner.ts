import { intermediateValueAt, lastStep, type FrozenTrial } from './frozen-trial.js';
import type { Pruner, PrunerStudy } from './pruner.js';

export interface PercentilePrunerOptions {
  /** Finished trials needed before anything is pruned (Optuna default 5). */
  nStartupTrials?: number;
  /** Steps of each trial never pruned (Optuna default 0). */
  nWarmupSteps?: number;
  /** Prune only at every this many steps after warm-up (Optuna default 1). */
  intervalSteps?: number;
  /** Completed trials that must have reported at the step before it is judged (Optuna default 1). */
  nMinTrials?: number;
}

/**
 * Prunes a trial whose best value so far is worse than the given percentile of the completed trials'
 * values at the same step (Optuna `PercentilePruner`).
 */
export class PercentilePruner implements Pruner {
  private readonly nStartupTrials: number;
  private readonly nWarmupSteps: number;
  private readonly intervalSteps: number;
  private readonly nMinTrials: number;

  constructor(
    private readonly percentile: number,
    { nStartupTrials = 5, nWarmupSteps = 0, intervalSteps = 1, nMinTrials = 1 }: PercentilePrunerOptions = {},
  ) {
    if (!(percentile >= 0 && percentile <= 100)) throw new Error(`percentile must be in [0, 100]; got ${percentile}.`);
    if (nStartupTrials < 0 || nWarmupSteps < 0) throw new Error('nStartupTrials and nWarmupSteps must be >= 0.');
    if (intervalSteps < 1 || nMinTrials < 1) throw new Error('intervalSteps and nMinTrials must be >= 1.');
    this.nStartupTrials = nStartupTrials;
    this.nWarmupSteps = nWarmupSteps;
    this.intervalSteps = intervalSteps;
    this.nMinTrials = nMinTrials;
  }

  async prune(study: PrunerStudy, trial: FrozenTrial): Promise<boolean> {
    const completed = await study.getTrials(['COMPLETE']);
    if (completed.length === 0 || completed.length < this.nStartupTrials) return false;
    const step = lastStep(trial);
    if (step === null || step < this.nWarmupSteps) return false;
    if (!isFirstInIntervalStep(step, trial, this.nWarmupSteps, this.intervalSteps)) return false;
    const maximize = study.directions[0] === 'maximize';
    const best = bestIntermediateValue(trial, maximize);
    if (Number.isNaN(best)) return true;
    const others: number[] = [];
    for (const t of completed) {
      const v = intermediateValueAt(t, step);
      if (v !== undefined) others.push(v);
    }
    if (others.length < this.nMinTrials) return false;
    const p = nanPercentile(others, maximize ? 100 - this.percentile : this.percentile);
    if (Number.isNaN(p)) return false;
    return maximize ? best < p : best > p;
  }
}

/** Optuna `_is_first_in_interval_step`: true at the first report on or after each pruning step. */
function isFirstInIntervalStep(step: number, trial: FrozenTrial, nWarmupSteps: number, intervalSteps: number): boolean {
  const nearestLowerPruningStep = Math.floor((step - nWarmupSteps) / intervalSteps) * intervalSteps + nWarmupSteps;
  let secondLastStep = -1;
  for (const row of trial.intermediateValues) if (row.step > secondLastStep && row.step !== step) secondLastStep = row.step;
  return secondLastStep < nearestLowerPruningStep;
}

function bestIntermediateValue(trial: FrozenTrial, maximize: boolean): number {
  let best = NaN;
  for (const { value } of trial.intermediateValues) {
    if (Number.isNaN(value)) continue;
    if (Number.isNaN(best) || (maximize ? value > best : value < best)) best = value;
  }
  return best;
}

/** numpy.nanpercentile with linear interpolation. */
export function nanPercentile(values: readonly number[], percentile: number): number {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const position = (percentile / 100) * (sorted.length - 1);
  const lo = Math.floor(position);
  const hi = Math.ceil(position);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (position - lo);
}
