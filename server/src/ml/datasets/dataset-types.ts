// The shapes every dataset loader produces and every consumer (model builder, trainer, API) reads.

export const DATASET_IDS = ['mnist', 'fashion-mnist', 'cifar10', 'cifar100', 'gtsrb', 'imdb', 'reuters'] as const;
export type DatasetId = (typeof DATASET_IDS)[number];

/** Images feed a CNN, token sequences an LSTM. */
export type Modality = 'image' | 'text';

export interface DatasetDescription {
  id: DatasetId;
  displayName: string;
  modality: Modality;
  /** Per-example shape: [height, width, channels] for images, [sequenceLength] for text. */
  inputShape: number[];
  classNames: string[];
  /** Examples per official split, as published. */
  splitSizes: { train: number; test: number };
  /** When the files on disk hold fewer examples than published (GTSRB's train subset), what was published. */
  publishedSplitSizes?: { train: number; test: number };
  /** Text only: the vocabulary size token ids are drawn from (0 = padding, 1 = out-of-vocabulary). */
  vocabularySize?: number;
  /** Loaded datasets: the files read (their groups' labels), as some datasets come in more than one edition. */
  source?: string;
}

/**
 * A block of labelled examples, row-major. Images stay uint8 (0..255) until a batch is made;
 * text is int32 token ids padded/truncated to the sequence length.
 */
export interface LabeledExamples {
  count: number;
  inputs: Uint8Array | Int32Array;
  labels: Int32Array;
  /**
   * Optional group id per example: examples of one group (a GTSRB track, 30 photos of the same physical sign) are
   * near-duplicates, so a train/validation split keeps each group on one side.
   */
  groups?: Int32Array;
}

export interface SplitDataset {
  description: DatasetDescription;
  train: LabeledExamples;
  validation: LabeledExamples;
  test: LabeledExamples;
  /** Text only: the word of each token id (0 = padding, 1 = out-of-vocabulary). */
  vocabulary?: string[];
}
