/** What a study set out to do, read from its validated configuration (`Study.config`, server StudyConfig). */
export interface StudyPlan {
  readonly trials: number;
  readonly epochsPerTrial: number;
  readonly finalModelEpochs: number;
}

/** Reads the plan out of `Study.config`; a field the server did not send counts as 0 rather than guessing a default. */
export function studyPlanOf(config: unknown): StudyPlan {
  const record = asRecord(config);
  return {
    trials: numberOr0(record['trials']),
    epochsPerTrial: numberOr0(asRecord(record['budget'])['epochs']),
    finalModelEpochs: numberOr0(asRecord(record['finalModel'])['epochs']),
  };
}

export function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function numberOr0(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}
