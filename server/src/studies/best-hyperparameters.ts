// best_hyperparameters.yaml: every hyperparameter the best trial trained with (sampled, fixed or default),
// in the order a reader builds the network, with its scores and health.
import { stringify as toYaml } from 'yaml';
import type { ModelConfig } from '../ml/model/model-config.js';
import { modelConfigFromParams, type SampledParams } from '../ml/model/search-space.js';
import { trialParams, type StudyConfig } from './study-config.js';

export interface BestTrialSummary {
  number: number;
  /** As the engine stores them: the sampled ones (the study's fixed values are added here). */
  params: SampledParams;
  values: number[];
  validationAccuracy?: number | null;
  testAccuracy?: number | null;
  health?: Record<string, number> | null;
}

export function bestHyperparametersYaml(study: { name: string; config: StudyConfig }, best: BestTrialSummary): string {
  const { config } = study;
  return toYaml({
    study: study.name,
    dataset: config.dataset,
    mode: config.mode,
    trial: best.number,
    hyperparameters: hyperparametersOf(modelConfigFromParams(trialParams(config, best.params), config.family)),
    scores: {
      objective: best.values,
      ...(best.validationAccuracy != null ? { validation_accuracy: best.validationAccuracy } : {}),
      ...(best.testAccuracy != null ? { test_accuracy: best.testAccuracy } : {}),
    },
    ...(best.health ? { health: best.health } : {}),
  });
}

/** The six metrics and the composite of a stored health report, without its details. */
export function healthScores(report: Record<string, unknown>): Record<string, number> {
  const names = ['neuronUtilization', 'parameterEfficiency', 'trainingStability', 'gradientHealth', 'convergenceQuality', 'accuracyConsistency', 'composite'];
  return Object.fromEntries(names.filter((name) => typeof report[name] === 'number').map((name) => [name, report[name] as number]));
}

/** The model's hyperparameters by their conventional names; use_flattening comes right after use_global_pooling. */
function hyperparametersOf(model: ModelConfig): Record<string, unknown> {
  const training = {
    optimizer: model.optimizer.name,
    learning_rate: model.optimizer.learningRate,
    learning_rate_schedule: model.optimizer.schedule,
    batch_size: model.optimizer.batchSize,
  };
  const head = { dense_layers: model.denseUnits.length, dense_units: model.denseUnits, dense_dropout: model.denseDropout };
  if (model.family === 'cnn') {
    return {
      architecture: 'cnn',
      conv_blocks: model.filters.length,
      filters_per_block: model.filters,
      conv_layers_per_block: model.convLayersPerBlock,
      kernel_size: model.kernelSize,
      activation: model.activation,
      use_batch_normalization: model.batchNormalization,
      pooling: model.pooling,
      conv_dropout: model.convDropout,
      use_global_pooling: model.featureHead !== 'flatten',
      use_flattening: model.featureHead === 'flatten',
      global_pooling: model.featureHead === 'flatten' ? null : model.featureHead.replace('global-', ''),
      ...head,
      ...training,
    };
  }
  return {
    architecture: 'lstm',
    embedding_dim: model.embeddingDim,
    lstm_layers: model.lstmUnits.length,
    lstm_units: model.lstmUnits,
    bidirectional: model.bidirectional,
    recurrent_dropout: model.recurrentDropout,
    activation: model.activation,
    ...head,
    ...training,
  };
}
