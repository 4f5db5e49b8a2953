// What a fused Adam update of one variable takes and returns, shared by the backends that fuse it.
import type * as tf from '@tensorflow/tfjs';

/** The optimizer's constants for one step; the bias corrections 1 − β^t come from the step count. */
export interface AdamConstants {
  beta1: number;
  beta2: number;
  epsilon: number;
  learningRate: number;
  firstCorrection: number;
  secondCorrection: number;
}

/** One variable's value, gradient and moments before the step. */
export interface AdamOperands {
  value: tf.Tensor;
  gradient: tf.Tensor;
  firstMoment: tf.Tensor;
  secondMoment: tf.Tensor;
}

/** The new moments and value, computed with tf.train.adam's operations in its order. */
export interface AdamResult {
  firstMoment: tf.Tensor;
  secondMoment: tf.Tensor;
  value: tf.Tensor;
}

export type AdamUpdate = (operands: AdamOperands, constants: AdamConstants) => AdamResult;
