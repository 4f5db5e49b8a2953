import { badUserInput } from './api-errors.js';

/** Checks a requested page size against the most one page may hold. */
export function checkPageSize(first: number, max: number): number {
  if (!Number.isInteger(first) || first < 1 || first > max) throw badUserInput('first', `must be an integer from 1 to ${max}, got ${first}`);
  return first;
}
