import { asRecord } from './study-plan';

/** Hyperparameters shown per trial in lists; the rest are on the trial's page. */
export const KEY_PARAMS = 4;

/** The first `count` hyperparameters as `name=value`, numbers to 3 significant digits. */
export function keyParamsOf(params: unknown, count = KEY_PARAMS): string {
  return Object.entries(asRecord(params))
    .slice(0, count)
    .map(([name, value]) => `${name}=${typeof value === 'number' ? formatNumber(value) : String(value)}`)
    .join(', ');
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toPrecision(3);
}
