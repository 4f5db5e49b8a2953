// The hyperparameter values a ModelConfig corresponds to: the inverse of modelConfigFromParams, used to show what
// the architecture does when a hyperparameter is not searched. Parameters the config does not have (their
// condition is unmet, e.g. block 3 of a 2-block CNN) are left out.
import type { ModelConfig } from './model-config.js';
import { searchSpaceFor, type ParamDefinition, type SampledParams } from './search-space.js';

export function architectureParams(config: ModelConfig): SampledParams {
  const { optimizer } = config;
  const all: SampledParams = {
    optimizer: optimizer.name,
    learningRate: optimizer.learningRate,
    learningRateSchedule: optimizer.schedule,
    batchSize: optimizer.batchSize,
    denseLayers: config.denseUnits.length,
    denseDropout: config.denseDropout,
  };
  if (config.denseUnits.length > 0) all.denseUnits = config.denseUnits[0];
  if (config.family === 'cnn') {
    Object.assign(all, {
      convBlocks: config.filters.length,
      kernelSize: config.kernelSize,
      activation: config.activation,
      batchNormalization: config.batchNormalization,
      pooling: config.pooling,
      convDropout: config.convDropout,
      featureHead: config.featureHead,
    });
    config.filters.forEach((filters, block) => (all[`filtersBlock${block + 1}`] = filters));
  } else {
    Object.assign(all, {
      embeddingDim: config.embeddingDim,
      lstmLayers: config.lstmUnits.length,
      lstmUnits: config.lstmUnits[0],
      bidirectional: config.bidirectional,
      recurrentDropout: config.recurrentDropout,
    });
  }
  const params: SampledParams = {};
  for (const definition of searchSpaceFor(config.family)) {
    if (definition.name in all && conditionHolds(definition, all)) params[definition.name] = all[definition.name];
  }
  return params;
}

function conditionHolds(definition: ParamDefinition, params: SampledParams): boolean {
  return !definition.condition || definition.condition.in.includes(params[definition.condition.param]);
}
