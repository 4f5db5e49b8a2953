import { PercentilePruner, type PercentilePrunerOptions } from './percentile-pruner.js';

/**
 * Prunes a trial whose best intermediate value is worse than the median of completed trials at the same
 * step (Optuna `MedianPruner`: the 50th percentile, nStartupTrials 5, nWarmupSteps 0, intervalSteps 1,
 * nMinTrials 1).
 */
export class MedianPruner extends PercentilePruner {
  constructor(options: PercentilePrunerOptions = {}) {
    super(50, options);
  }
}
