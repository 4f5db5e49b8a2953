// Stores a training run's report (plots, architecture diagram, TensorBoard events) as study artifacts under the
// run's folder: `trial_<n>/` for a trial, `final_model/` for the final model.
import type { HealthReport } from '../ml/health/health-report.js';
import type { PrismaClient } from '../persistence/generated/prisma/client.js';
import { trainingReportFiles, type ReportFileRole, type TrainingReportInput } from '../reports/training-report.js';
import { writeArtifact } from './study-artifacts.js';

export interface TrainingArtifactsTarget {
  studyId: string;
  studyName: string;
  trialId: string;
  /** The run's folder inside the study's: `trial_3` or `final_model`. */
  folder: string;
  /** The artifact kind of the plots: `TRIAL_PLOT` or `FINAL_MODEL_PLOT`. */
  plotKind: string;
}

export function trialFolder(trialNumber: number): string {
  return `trial_${trialNumber}`;
}

export const FINAL_MODEL_FOLDER = 'final_model';

export async function writeTrainingArtifacts(
  prisma: PrismaClient,
  resultsDir: string,
  target: TrainingArtifactsTarget,
  report: TrainingReportInput,
): Promise<void> {
  const kinds: Record<ReportFileRole, string> = { plot: target.plotKind, architecture: 'ARCHITECTURE_DIAGRAM', tensorboard: 'TENSORBOARD' };
  for (const file of trainingReportFiles(report)) {
    await writeArtifact(prisma, resultsDir, {
      studyId: target.studyId,
      studyName: target.studyName,
      trialId: target.trialId,
      kind: kinds[file.role],
      fileName: `${target.folder}/${file.fileName}`,
      contentType: file.contentType,
      content: file.content,
    });
  }
}

/** The composite and the six metrics, without the details they were computed from (TensorBoard's `health/` tags). */
export function healthScalars(health: HealthReport): Record<string, number> {
  const { details: _details, ...scores } = health;
  return scores;
}
