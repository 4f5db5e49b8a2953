import { crc32 } from './crc32.js';
import { lastStep, type FrozenTrial, type TrialState } from './frozen-trial.js';
import type { Pruner, PrunerStudy } from './pruner.js';
import { SuccessiveHalvingPruner } from './successive-halving-pruner.js';

export interface HyperbandPrunerOptions {
  /** Steps before the first rung of the most aggressive bracket (Optuna default 1). */
  minResource?: number;
  /** Steps of a full trial; 'auto' = last step of the first completed trial + 1 (Optuna default 'auto'). */
  maxResource?: number | 'auto';
  /** η (Optuna default 3). */
  reductionFactor?: number;
  /** Passed to each bracket's successive halving (Optuna default 0). */
  bootstrapCount?: number;
}

/**
 * Hyperband (Li et al. 2018, JMLR 18(185)) as Optuna's `HyperbandPruner`: floor(log_η(max/min)) + 1 brackets,
 * each an ASHA with its own early-stopping rate; a trial's bracket is fixed by a hash of study name and trial
 * number, with bracket sizes proportional to ceil(n·η^s/(s+1)). Each bracket only compares its own trials.
 */
export class HyperbandPruner implements Pruner {
  private readonly minResource: number;
  private maxResource: number | null;
  private readonly reductionFactor: number;
  private readonly bootstrapCount: number;
  private pruners: SuccessiveHalvingPruner[] = [];
  private budgets: number[] = [];
  private totalBudget = 0;

  constructor({ minResource = 1, maxResource = 'auto', reductionFactor = 3, bootstrapCount = 0 }: HyperbandPrunerOptions = {}) {
    if (!(minResource >= 1)) throw new Error(`minResource must be >= 1; got ${minResource}.`);
    if (maxResource !== 'auto' && !(maxResource >= minResource)) {
      throw new Error(`maxResource must be >= minResource or 'auto'; got ${maxResource}.`);
    }
    this.minResource = minResource;
    this.maxResource = maxResource === 'auto' ? null : maxResource;
    this.reductionFactor = reductionFactor;
    this.bootstrapCount = bootstrapCount;
  }

  async prune(study: PrunerStudy, trial: FrozenTrial): Promise<boolean> {
    if (this.pruners.length === 0) {
      await this.initialize(study);
      if (this.pruners.length === 0) return false;
    }
    const bracket = this.bracketOf(study.studyName, trial.number);
    const bracketStudy: PrunerStudy = {
      studyName: study.studyName,
      directions: study.directions,
      setTrialSystemAttr: (trialId, key, value) => study.setTrialSystemAttr(trialId, key, value),
      getTrials: async (states?: readonly TrialState[]) =>
        (await study.getTrials(states)).filter((t) => this.bracketOf(study.studyName, t.number) === bracket),
    };
    return this.pruners[bracket]!.prune(bracketStudy, trial);
  }

  /** The bracket a trial belongs to (exposed for samplers that want to condition on it, and for tests). */
  bracketOf(studyName: string, trialNumber: number): number {
    if (this.pruners.length === 0) return 0;
    let n = crc32(`${studyName}_${trialNumber}`) % this.totalBudget;
    for (let bracket = 0; bracket < this.budgets.length; bracket++) {
      n -= this.budgets[bracket]!;
      if (n < 0) return bracket;
    }
    throw new Error('unreachable: bracket budgets do not cover the hash range');
  }

  private async initialize(study: PrunerStudy): Promise<void> {
    if (this.maxResource === null) {
      let maxStep: number | null = null;
      for (const t of await study.getTrials(['COMPLETE'])) {
        const s = lastStep(t);
        if (s !== null && (maxStep === null || s > maxStep)) maxStep = s;
      }
      if (maxStep === null) return;
      this.maxResource = maxStep + 1;
    }
    // s_max + 1 = floor(log_η(R / r)) + 1 (Li et al. 2018, Algorithm 1, with r = minResource).
    const nBrackets = Math.floor(Math.log(this.maxResource / this.minResource) / Math.log(this.reductionFactor) + 1e-9) + 1;
    // A concurrent call may have initialized while this one awaited the trials.
    if (this.pruners.length > 0) return;
    for (let bracket = 0; bracket < nBrackets; bracket++) {
      const s = nBrackets - 1 - bracket;
      const budget = Math.ceil((nBrackets * this.reductionFactor ** s) / (s + 1));
      this.budgets.push(budget);
      this.totalBudget += budget;
      this.pruners.push(
        new SuccessiveHalvingPruner({
          minResource: this.minResource,
          reductionFactor: this.reductionFactor,
          minEarlyStoppingRate: bracket,
          bootstrapCount: this.bootstrapCount,
        }),
      );
    }
  }
}
