// One row per trial: number, state, objective values, timing, health, then one column per hyperparameter.
import type { HealthReport, Trial } from '../../persistence/generated/prisma/client.js';

const HEALTH_COLUMNS = ['neuronUtilization', 'parameterEfficiency', 'trainingStability', 'gradientHealth', 'convergenceQuality', 'accuracyConsistency', 'composite'] as const;

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  // Quote when needed; a leading =, +, - or @ is kept from being read as a spreadsheet formula.
  const safe = /^[=+\-@]/.test(text) && Number.isNaN(Number(text)) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function trialsCsv(directions: string[], trials: (Trial & { health: HealthReport | null })[]): string {
  const paramNames = [...new Set(trials.flatMap((trial) => Object.keys((trial.params ?? {}) as object)))].sort();
  const valueColumns = directions.length > 1 ? directions.map((_, index) => `value_${index}`) : ['value'];
  const header = ['number', 'state', ...valueColumns, 'duration_seconds', 'started_at', 'finished_at', ...HEALTH_COLUMNS.map((name) => `health_${name}`), ...paramNames.map((name) => `param_${name}`)];
  const rows = trials.map((trial) => {
    const params = (trial.params ?? {}) as Record<string, unknown>;
    return [
      trial.number,
      trial.state,
      ...valueColumns.map((_, index) => trial.values[index]),
      trial.finishedAt ? (trial.finishedAt.getTime() - trial.startedAt.getTime()) / 1000 : null,
      trial.startedAt.toISOString(),
      trial.finishedAt?.toISOString(),
      ...HEALTH_COLUMNS.map((name) => trial.health?.[name]),
      ...paramNames.map((name) => params[name]),
    ].map(cell).join(',');
  });
  return [header.join(','), ...rows].join('\n') + '\n';
}
