// Chooses a trial's hyperparameters: every parameter of the study's search space whose condition holds, asked of
// the engine's trial (sampled, or the values it already has), plus the study's fixed values.
import type { Trial } from '../engine/trial.js';
import type { ParamDefinition, SampledParams } from '../ml/model/search-space.js';
import { trialParams, type StudyConfig } from './study-config.js';

/** Suggests every active parameter of the search space (conditions follow sampled and fixed values). */
export async function sampleParams(trial: Trial, config: StudyConfig): Promise<SampledParams> {
  const params = trialParams(config, {});
  for (const definition of config.searchSpace) {
    if (definition.condition && !definition.condition.in.includes(params[definition.condition.param]!)) continue;
    params[definition.name] = await suggest(trial, definition);
  }
  return params;
}

function suggest(trial: Trial, definition: ParamDefinition): Promise<SampledParams[string]> {
  const numeric = { log: definition.kind !== 'categorical' && definition.log === true, ...(definition.kind !== 'categorical' && definition.step ? { step: definition.step } : {}) };
  switch (definition.kind) {
    case 'float':
      return trial.suggestFloat(definition.name, definition.low, definition.high, numeric);
    case 'int':
      return trial.suggestInt(definition.name, definition.low, definition.high, numeric);
    case 'categorical':
      return trial.suggestCategorical(definition.name, definition.choices) as Promise<SampledParams[string]>;
  }
}
