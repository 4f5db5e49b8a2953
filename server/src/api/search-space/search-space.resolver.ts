import { Arg, Query, Resolver } from 'type-graphql';
import { DATASET_IDS, describeDataset, type DatasetId } from '../../ml/datasets/index.js';
import { defaultModelConfig, familyForModality } from '../../ml/model/model-config.js';
import { searchSpaceFor, type ParamDefinition, type SampledParams } from '../../ml/model/search-space.js';
import { badUserInput } from '../common/api-errors.js';
import { architectureParams } from '../../ml/model/architecture-params.js';
import { hyperparameterGuide } from '../../ml/model/hyperparameter-guide.js';
import { Hyperparameter, HyperparameterKind, ModelFamily, SearchSpace } from './search-space.type.js';

@Resolver(() => SearchSpace)
export class SearchSpaceResolver {
  @Query(() => SearchSpace, { description: 'The hyperparameters searched for a dataset (CNN for images, LSTM for text), with defaults and what each does.' })
  searchSpace(@Arg('dataset', () => String) dataset: string): SearchSpace {
    if (!(DATASET_IDS as readonly string[]).includes(dataset)) {
      throw badUserInput('dataset', `unknown dataset ${JSON.stringify(dataset)}; choose one of ${DATASET_IDS.join(', ')}`);
    }
    const family = familyForModality(describeDataset(dataset as DatasetId).modality);
    const defaults = architectureParams(defaultModelConfig(family));
    return {
      dataset,
      family: family === 'cnn' ? ModelFamily.CNN : ModelFamily.LSTM,
      hyperparameters: searchSpaceFor(family).map((definition) => toHyperparameter(definition, defaults)),
    };
  }
}

function toHyperparameter(definition: ParamDefinition, defaults: SampledParams): Hyperparameter {
  const numeric = definition.kind !== 'categorical';
  return {
    name: definition.name,
    kind: numeric
      ? definition.kind === 'float' ? HyperparameterKind.FLOAT : HyperparameterKind.INT
      : definition.choices.every((choice) => typeof choice === 'boolean') ? HyperparameterKind.BOOL : HyperparameterKind.CATEGORICAL,
    low: numeric ? definition.low : null,
    high: numeric ? definition.high : null,
    log: numeric ? definition.log === true : false,
    step: numeric ? definition.step ?? null : null,
    choices: numeric ? null : definition.choices,
    defaultValue: defaults[definition.name] ?? null,
    condition: definition.condition ? { param: definition.condition.param, oneOf: definition.condition.in } : null,
    summary: definition.description,
    description: hyperparameterGuide(definition.name),
  };
}
