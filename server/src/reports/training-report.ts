// Everything drawn and logged about one training run (a trial or the final model), as files relative to the run's
// folder: four plots, the architecture diagram, and a TensorBoard event file.
import type { ArchitectureGraph } from '../ml/model/architecture-graph.js';
import type { EpochMetrics } from '../ml/trainer/training-types.js';
import { architectureDiagramSvg } from './architecture/architecture-diagram.js';
import { activationProgressionSvg } from './plots/activation-progression-plot.js';
import { gradientFlowSvg } from './plots/gradient-flow-plot.js';
import type { ReportSubject } from './plots/report-subject.js';
import { trainingHistorySvg } from './plots/training-history-plot.js';
import { weightDistributionsSvg } from './plots/weight-distributions-plot.js';
import { renderPng } from './render-png.js';
import { eventFileName, trainingEventFile } from './tensorboard/training-event-file.js';

export interface TrainingReportInput {
  subject: ReportSubject;
  epochs: readonly EpochMetrics[];
  graph: ArchitectureGraph;
  /** When training began: the event file's name and wall times. */
  startedAt: Date;
  /** The machine that trained, in the event file's name. */
  hostname: string;
  /** Health metrics and composite of a finished run; absent for pruned or diverged runs. */
  health?: Readonly<Record<string, number>>;
}

export type ReportFileRole = 'plot' | 'architecture' | 'tensorboard';

export interface ReportFile {
  /** Relative to the run's folder, `/`-separated. */
  fileName: string;
  role: ReportFileRole;
  contentType: string;
  content: Uint8Array;
}

export const PLOT_FILE_NAMES = ['training_history.png', 'gradient_flow.png', 'weight_distributions.png', 'activation_progression.png'] as const;
export const ARCHITECTURE_FILE_NAME = 'architecture.png';
export const TENSORBOARD_FOLDER = 'tensorboard';

export function trainingReportFiles(input: TrainingReportInput): ReportFile[] {
  const { subject, epochs } = input;
  const png = (fileName: string, role: ReportFileRole, svg: string): ReportFile => ({ fileName, role, contentType: 'image/png', content: renderPng(svg) });
  const [history, gradients, weights, activations] = PLOT_FILE_NAMES;
  return [
    png(history, 'plot', trainingHistorySvg(epochs, subject)),
    png(gradients, 'plot', gradientFlowSvg(epochs, subject)),
    png(weights, 'plot', weightDistributionsSvg(epochs, subject)),
    png(activations, 'plot', activationProgressionSvg(epochs, subject)),
    png(ARCHITECTURE_FILE_NAME, 'architecture', architectureDiagramSvg(input.graph, `Architecture · ${subject.name}`)),
    {
      fileName: `${TENSORBOARD_FOLDER}/${eventFileName(input.startedAt, input.hostname)}`,
      role: 'tensorboard',
      contentType: 'application/octet-stream',
      content: trainingEventFile({ epochs, startedAt: input.startedAt, ...(input.health ? { health: input.health } : {}) }),
    },
  ];
}
