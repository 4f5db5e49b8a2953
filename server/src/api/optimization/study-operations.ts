import type { Study } from '../../persistence/generated/prisma/client.js';
import type { OptimizationInput } from '../../studies/optimization-input.js';

/** What the mutations need from the study service (server/src/studies/study-service.ts). */
export interface StudyOperations {
  /** Throws StudyConfigError for bad input, before anything is written. */
  startStudy(input: OptimizationInput): Promise<Study>;
  /** Throws StudyNotFoundError. */
  cancelStudy(studyId: string): Promise<Study>;
  /** Removes the study, its trials, events and artifact files; throws StudyNotFoundError. */
  deleteStudy(studyId: string): Promise<void>;
}
