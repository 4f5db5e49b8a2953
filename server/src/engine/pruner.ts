import type { FrozenTrial, TrialState } from './frozen-trial.js';
import type { JsonValue } from './json-value.js';
import type { StudyDirection } from './study-direction.js';

/** What a pruner may read and write. Intermediate values are judged in the first objective's direction. */
export interface PrunerStudy {
  readonly studyName: string;
  readonly directions: readonly StudyDirection[];
  getTrials(states?: readonly TrialState[]): Promise<readonly FrozenTrial[]>;
  setTrialSystemAttr(trialId: string, key: string, value: JsonValue): Promise<void>;
}

/**
 * Decides from the values a trial reported (`report(value, step)`) whether to stop it early
 * (Optuna `BasePruner`). `trial` is a fresh snapshot of the RUNNING trial being judged.
 */
export interface Pruner {
  prune(study: PrunerStudy, trial: FrozenTrial): Promise<boolean>;
}
