/** A study with this name already exists (pass `loadIfExists: true` to reuse it). */
export class DuplicateStudyError extends Error {
  constructor(readonly studyName: string) {
    super(`A study named "${studyName}" already exists; pick another name or pass loadIfExists: true.`);
    this.name = 'DuplicateStudyError';
  }
}

/** No study or trial has this id or name. */
export class NotFoundError extends Error {
  constructor(what: string) {
    super(`${what} does not exist in this storage.`);
    this.name = 'NotFoundError';
  }
}

/**
 * A write to a trial that is no longer RUNNING: typically a worker whose trial was declared dead after a
 * missed heartbeat. The write is refused so that a finished trial never changes.
 */
export class TrialNotRunningError extends Error {
  constructor(
    readonly trialNumber: number,
    readonly state: string,
  ) {
    super(
      `Trial ${trialNumber} is already ${state}; it cannot be changed. If its worker was alive, ` +
        'raise the heartbeat timeout.',
    );
    this.name = 'TrialNotRunningError';
  }
}

/** `startTrial` on a trial that is not WAITING: another worker started it, or it was finished meanwhile. */
export class TrialNotWaitingError extends Error {
  constructor(
    readonly trialNumber: number,
    readonly state: string,
  ) {
    super(`Trial ${trialNumber} is ${state}, not WAITING; it cannot be started.`);
    this.name = 'TrialNotWaitingError';
  }
}
