// Optimizers and learning-rate schedules named in OptimizerConfig.
import * as tf from '@tensorflow/tfjs';
import { FusedAdamOptimizer } from '../backend/fused-adam.js';
import type { OptimizerConfig } from './model-config.js';

/** SGD's momentum; the usual 0.9 (Sutskever et al., 2013). */
const SGD_MOMENTUM = 0.9;
/** Adam's decay rates, as in Kingma & Ba (2014) and tf.train.adam; ε is the backend's (TF.js's default). */
const ADAM_BETA1 = 0.9;
const ADAM_BETA2 = 0.999;

export function createOptimizer(config: OptimizerConfig): tf.Optimizer {
  switch (config.name) {
    case 'adam':
      return new FusedAdamOptimizer(config.learningRate, ADAM_BETA1, ADAM_BETA2);
    case 'sgd-momentum':
      return tf.train.momentum(config.learningRate, SGD_MOMENTUM);
    case 'rmsprop':
      return tf.train.rmsprop(config.learningRate);
  }
}

/**
 * Learning rate for a 0-based epoch of `epochs`: constant; exponential lr·decayRate^epoch; cosine annealing
 * lr·½(1 + cos(π·epoch/epochs)) without restarts (Loshchilov & Hutter, 2017, SGDR).
 */
export function scheduledLearningRate(config: OptimizerConfig, epoch: number, epochs: number): number {
  switch (config.schedule) {
    case 'constant':
      return config.learningRate;
    case 'exponential':
      return config.learningRate * config.decayRate ** epoch;
    case 'cosine':
      return config.learningRate * 0.5 * (1 + Math.cos((Math.PI * epoch) / Math.max(1, epochs)));
  }
}

/**
 * TF.js optimizers read their rate differently: SGD/momentum keep a scalar, Adam and RMSProp read the field.
 * (`instanceof tf.SGDOptimizer` cannot tell them apart: TF.js optimizers answer instanceof by duck typing.)
 */
export function setOptimizerLearningRate(optimizer: tf.Optimizer, learningRate: number): void {
  const sgd = optimizer as Partial<tf.SGDOptimizer>;
  if (typeof sgd.setLearningRate === 'function') {
    sgd.setLearningRate(learningRate);
  } else {
    (optimizer as unknown as { learningRate: number }).learningRate = learningRate;
  }
}
