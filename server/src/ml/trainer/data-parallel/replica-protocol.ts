// Messages between a training process and its gradient replicas (worker threads, one core each).
import type { BackendName } from '../../backend/training-backend.js';
import type { DatasetDescription, LabeledExamples } from '../../datasets/dataset-types.js';
import type { ModelConfig } from '../../model/model-config.js';

/** Build the model of a new training; the training examples are copied to the replica once. */
export interface ReplicaSetUp {
  kind: 'set-up';
  config: ModelConfig;
  description: DatasetDescription;
  train: Pick<LabeledExamples, 'count' | 'inputs' | 'labels'>;
}

/** Compute the loss gradient of these training examples at these weights (every weight of the model, in order). */
export interface ReplicaStep {
  kind: 'step';
  weights: Float32Array[];
  indices: Int32Array;
}

export type ReplicaRequest = ReplicaSetUp | ReplicaStep;

export interface ReplicaReady {
  kind: 'ready';
  /** Shapes of the trainable weights, in order: the training process checks that they match its model's. */
  trainableShapes: number[][];
}

export interface ReplicaGradients {
  kind: 'gradients';
  /** Mean loss over the examples. */
  loss: number;
  /** Examples predicted correctly. */
  hits: number;
  /** One per trainable weight, in order. */
  gradients: Float32Array[];
}

export interface ReplicaFailure {
  kind: 'failure';
  message: string;
}

export type ReplicaReply = ReplicaReady | ReplicaGradients | ReplicaFailure;

/** What a replica thread starts with. */
export interface ReplicaThreadData {
  backend: BackendName;
}
