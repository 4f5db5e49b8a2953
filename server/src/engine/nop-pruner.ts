import type { Pruner } from './pruner.js';

/** Never prunes (Optuna `NopPruner`). */
export class NopPruner implements Pruner {
  async prune(): Promise<boolean> {
    return false;
  }
}
