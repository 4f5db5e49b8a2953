// How the trial gallery colours its cards: by performance (validation accuracy, relative to the study's other
// trials) or by health (composite, absolute). Colour is only a cue; cards print both numbers.
import type { StudyTrial } from './study-detail.service';

export type TrialColouring = 'performance' | 'health';

/** Last epoch's validation accuracy; null before the first epoch. */
export function lastValAccuracy(trial: Pick<StudyTrial, 'epochs'>): number | null {
  return trial.epochs.at(-1)?.valAccuracy ?? null;
}

/**
 * Each trial's score in [0, 1] for the colouring, by trial id; null where there is nothing to score. Accuracy
 * is spread over the study's range (all equal: 1) so small differences between good trials stay visible.
 */
export function trialScores(trials: readonly Pick<StudyTrial, 'id' | 'epochs' | 'health'>[], colouring: TrialColouring): Map<string, number | null> {
  if (colouring === 'health') return new Map(trials.map((trial) => [trial.id, trial.health?.composite ?? null]));
  const accuracies = trials.map(lastValAccuracy).filter((a): a is number => a !== null);
  const low = Math.min(...accuracies);
  const high = Math.max(...accuracies);
  return new Map(
    trials.map((trial) => {
      const accuracy = lastValAccuracy(trial);
      if (accuracy === null) return [trial.id, null];
      return [trial.id, high > low ? (accuracy - low) / (high - low) : 1];
    }),
  );
}

/** Red (0) through amber to green (1); grey when unscored. Dark enough to read as a stripe on white and dark surfaces. */
export function scoreColour(score: number | null): string {
  if (score === null) return 'var(--color-border)';
  const clamped = Math.min(1, Math.max(0, score));
  return `hsl(${Math.round(clamped * 120)} 70% 42%)`;
}
