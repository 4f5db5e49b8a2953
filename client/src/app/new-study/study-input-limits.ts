// The API's bounds on a study's input (server/src/studies/study-config.ts: LIMITS and the read* calls),
// so the form can say what to change before a round trip. The server checks again and has the last word.

export interface NumberLimit {
  readonly min: number;
  readonly max: number;
  /** Whole numbers only. */
  readonly integer: boolean;
}

const whole = (min: number, max: number): NumberLimit => ({ min, max, integer: true });

export const STUDY_INPUT_LIMITS = {
  trials: whole(1, 10_000),
  parallelism: whole(1, 64),
  epochs: whole(1, 1000),
  trainSubsetSize: whole(100, 10_000_000),
  finalModelEpochs: whole(1, 1000),
  finalModelTrainSubsetSize: whole(100, 10_000_000),
  seed: whole(0, 2 ** 31 - 1),
  timeoutMinutes: { min: 0.1, max: 60 * 24 * 30, integer: false },
  healthWeight: { min: 0, max: 1, integer: false },
  healthWeights: { min: 0, max: 100, integer: false },
} as const satisfies Record<string, NumberLimit>;

/** The server's wording for a number out of bounds, or null. */
export function numberProblem(value: number | null, limit: NumberLimit): string | null {
  if (value === null) return null;
  if (!Number.isFinite(value) || value < limit.min || value > limit.max || (limit.integer && !Number.isInteger(value))) {
    return `must be ${limit.integer ? 'a whole number' : 'a number'} from ${limit.min} to ${limit.max}`;
  }
  return null;
}
