import { lastStep, type FrozenTrial } from './frozen-trial.js';
import type { Pruner, PrunerStudy } from './pruner.js';

export interface SuccessiveHalvingPrunerOptions {
  /** Steps before the first rung; 'auto' = max(1, floor(last step of the first completed trial / 100)) (Optuna default 'auto'). */
  minResource?: number | 'auto';
  /** η: only the top 1/η of a rung is promoted (Optuna default 4). */
  reductionFactor?: number;
  /** s: the first rung sits at minResource·η^s (Optuna default 0). */
  minEarlyStoppingRate?: number;
  /** Trials a rung must hold before any is promoted (Optuna default 0). */
  bootstrapCount?: number;
}

/**
 * Asynchronous successive halving, ASHA (Li et al. 2020, "A system for massively parallel hyperparameter
 * tuning"; Optuna `SuccessiveHalvingPruner`). When a trial reaches rung r's step minResource·η^(s+r), it
 * records its value in that rung and continues only if it is in the top 1/η of the values recorded there.
 */
export class SuccessiveHalvingPruner implements Pruner {
  private minResource: number | null;
  private readonly reductionFactor: number;
  private readonly minEarlyStoppingRate: number;
  private readonly bootstrapCount: number;

  constructor({
    minResource = 'auto',
    reductionFactor = 4,
    minEarlyStoppingRate = 0,
    bootstrapCount = 0,
  }: SuccessiveHalvingPrunerOptions = {}) {
    if (minResource !== 'auto' && !(minResource >= 1)) throw new Error(`minResource must be >= 1 or 'auto'; got ${minResource}.`);
    if (!(reductionFactor >= 2)) throw new Error(`reductionFactor must be >= 2; got ${reductionFactor}.`);
    if (minEarlyStoppingRate < 0 || bootstrapCount < 0) throw new Error('minEarlyStoppingRate and bootstrapCount must be >= 0.');
    if (bootstrapCount > 0 && minResource === 'auto') {
      throw new Error("bootstrapCount > 0 needs an explicit minResource, not 'auto'.");
    }
    this.minResource = minResource === 'auto' ? null : minResource;
    this.reductionFactor = reductionFactor;
    this.minEarlyStoppingRate = minEarlyStoppingRate;
    this.bootstrapCount = bootstrapCount;
  }

  async prune(study: PrunerStudy, trial: FrozenTrial): Promise<boolean> {
    const step = lastStep(trial);
    if (step === null) return false;
    let rung = currentRung(trial);
    const value = trial.intermediateValues[trial.intermediateValues.length - 1]!.value;
    let trials: readonly FrozenTrial[] | null = null;
    for (;;) {
      if (this.minResource === null) {
        trials ??= await study.getTrials();
        this.minResource = estimateMinResource(trials);
        if (this.minResource === null) return false;
      }
      const rungPromotionStep = this.minResource * this.reductionFactor ** (this.minEarlyStoppingRate + rung);
      if (step < rungPromotionStep) return false;
      if (Number.isNaN(value)) return true;
      trials ??= await study.getTrials();
      const key = completedRungKey(rung);
      await study.setTrialSystemAttr(trial.id, key, value);
      // The snapshot predates this write, so the current trial is added by hand exactly once.
      const competing: number[] = [];
      for (const t of trials) {
        const v = t.systemAttrs[key];
        if (typeof v === 'number' && t.id !== trial.id) competing.push(v);
      }
      competing.push(value);
      if (competing.length <= this.bootstrapCount) return true;
      if (!isPromotable(value, competing, this.reductionFactor, study.directions[0] === 'maximize')) return true;
      rung++;
    }
  }
}

/** Optuna `_completed_rung_key`: the system attribute holding a trial's value at rung r. */
export function completedRungKey(rung: number): string {
  return `completed_rung_${rung}`;
}

function currentRung(trial: FrozenTrial): number {
  let rung = 0;
  while (completedRungKey(rung) in trial.systemAttrs) rung++;
  return rung;
}

function estimateMinResource(trials: readonly FrozenTrial[]): number | null {
  // Optuna: the longest completed trial's last step / 100, at least 1.
  let maxStep: number | null = null;
  for (const t of trials) {
    if (t.state !== 'COMPLETE') continue;
    const s = lastStep(t);
    if (s !== null && (maxStep === null || s > maxStep)) maxStep = s;
  }
  return maxStep === null ? null : Math.max(Math.floor(maxStep / 100), 1);
}

function isPromotable(value: number, competing: number[], reductionFactor: number, maximize: boolean): boolean {
  let promotableIndex = Math.floor(competing.length / reductionFactor) - 1;
  // Optuna cannot pause trials, so before a rung holds η values the best one so far is promoted.
  if (promotableIndex === -1) promotableIndex = 0;
  competing.sort((a, b) => a - b);
  return maximize ? value >= competing[competing.length - 1 - promotableIndex]! : value <= competing[promotableIndex]!;
}

