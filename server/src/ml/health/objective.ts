// What a trial reports to the optimizer: validation accuracy alone, a health-aware blend, or both for a Pareto front.
import type { HealthReport } from './health-report.js';

export type ObjectiveMode = 'accuracy' | 'health-aware' | 'pareto';
export const OBJECTIVE_MODES: readonly ObjectiveMode[] = ['accuracy', 'health-aware', 'pareto'];

export interface ObjectiveSettings {
  mode: ObjectiveMode;
  /** health-aware: objective = (1 − healthWeight)·accuracy + healthWeight·composite health. */
  healthWeight: number;
}

/** A quarter on health: enough to break near-ties in accuracy toward healthier networks without dominating. */
export const DEFAULT_OBJECTIVE_SETTINGS: Readonly<ObjectiveSettings> = Object.freeze({ mode: 'accuracy', healthWeight: 0.25 });

/** Both objectives of every mode are maximized. */
export function objectiveDirections(mode: ObjectiveMode): ('maximize')[] {
  return mode === 'pareto' ? ['maximize', 'maximize'] : ['maximize'];
}

/** Names of the reported values, in order: for the API and plots. */
export function objectiveNames(mode: ObjectiveMode): string[] {
  return mode === 'accuracy' ? ['validation accuracy'] : mode === 'health-aware' ? ['health-aware score'] : ['validation accuracy', 'health'];
}

/** One value for single-objective modes, [accuracy, health] for pareto. */
export function objectiveValues(settings: ObjectiveSettings, validationAccuracy: number, health: Pick<HealthReport, 'composite'>): number[] {
  validateObjectiveSettings(settings);
  switch (settings.mode) {
    case 'accuracy':
      return [validationAccuracy];
    case 'health-aware':
      return [(1 - settings.healthWeight) * validationAccuracy + settings.healthWeight * health.composite];
    case 'pareto':
      return [validationAccuracy, health.composite];
  }
}

export function validateObjectiveSettings(settings: ObjectiveSettings): void {
  if (!OBJECTIVE_MODES.includes(settings.mode)) {
    throw new RangeError(`Objective mode must be one of ${OBJECTIVE_MODES.join(', ')}, got "${settings.mode}".`);
  }
  if (!(settings.healthWeight >= 0 && settings.healthWeight <= 1)) {
    throw new RangeError(`healthWeight must be in [0, 1], got ${settings.healthWeight}.`);
  }
}
