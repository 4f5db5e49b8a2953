// What the trainer reports: per-epoch metrics with diagnostics, and the result of a whole training run.

/** Summary of one layer's output on the probe batch. */
export interface ActivationStatistics {
  mean: number;
  std: number;
  /** Fraction of units (channels for conv maps) whose output never varies over the probe batch (docs/HEALTH.md). */
  deadFraction: number;
}

export interface WeightHistogram {
  min: number;
  max: number;
  /** Counts of equal-width bins from min to max. */
  counts: number[];
}

/** Per-layer diagnostics of one epoch, on the fixed probe batch. */
export interface LayerDiagnostics {
  layer: string;
  /** The TF.js layer class. */
  layerClass: string;
  /** True when the layer's output passes a nonlinearity (units can die or saturate); only these count for utilization. */
  nonlinear: boolean;
  activation: ActivationStatistics;
  /** L2 norm of the loss gradient over the layer's trainable weights; absent for layers without weights. */
  gradientNorm?: number;
  /** L2 norm of the layer's trainable weights, to read gradient norms relative to it. */
  weightNorm?: number;
  /** Histogram of the layer's trainable weights. */
  weightHistogram?: WeightHistogram;
}

export interface EpochDiagnostics {
  probeSize: number;
  layers: LayerDiagnostics[];
}

export interface EpochMetrics {
  /** 1-based. */
  epoch: number;
  /** Mean training loss and accuracy over the epoch's batches (dropout active). */
  loss: number;
  accuracy: number;
  /** Null when the dataset has no validation split. */
  valLoss: number | null;
  valAccuracy: number | null;
  /** Wall time of the whole epoch: training, validation and diagnostics. */
  seconds: number;
  /** Training examples per second of the training phase alone. */
  samplesPerSecond: number;
  learningRate: number;
  /** Per-batch training losses of this epoch, in order (training stability reads them). */
  batchLosses: number[];
  diagnostics: EpochDiagnostics | null;
}

/** What the caller answers after each epoch: the study runner asks the engine's pruner. */
export type EpochDecision = 'continue' | 'stop';
export type EpochCallback = (metrics: EpochMetrics) => EpochDecision | Promise<EpochDecision>;

export interface TrainingBudget {
  epochs: number;
  /** Training examples used (a seeded random subset); undefined uses the whole training split. */
  trainSubsetSize?: number;
}

export interface EarlyStoppingOptions {
  /** Epochs without improvement of validation loss (training loss without a validation split) before stopping. */
  patience: number;
  /** Smallest decrease that counts as an improvement. */
  minDelta: number;
}

export type StopReason = 'completed' | 'pruned' | 'early-stopped' | 'cancelled' | 'diverged';

export interface SplitEvaluation {
  loss: number;
  accuracy: number;
  /** 1 where the example was classified correctly (accuracy consistency bootstraps over it). */
  correct: Uint8Array;
}

export interface TrainingResult {
  epochs: EpochMetrics[];
  stopReason: StopReason;
  /** 1-based epoch with the lowest validation loss (training loss without validation); 0 when none finished. */
  bestEpoch: number;
  trainExamples: number;
  /** Final model on the validation and test splits; null for an empty split or a cancelled run. */
  validation: SplitEvaluation | null;
  test: SplitEvaluation | null;
  totalSeconds: number;
}
