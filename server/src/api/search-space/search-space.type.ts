import { Field, Float, ObjectType, registerEnumType } from 'type-graphql';
import type { ParamValue } from '../../ml/model/search-space.js';
import { JSONScalar } from '../common/scalars.js';

export enum ModelFamily {
  CNN = 'CNN',
  LSTM = 'LSTM',
}
registerEnumType(ModelFamily, { name: 'ModelFamily', description: 'CNN for image datasets, LSTM for text datasets.' });

export enum HyperparameterKind {
  FLOAT = 'FLOAT',
  INT = 'INT',
  CATEGORICAL = 'CATEGORICAL',
  BOOL = 'BOOL',
}
registerEnumType(HyperparameterKind, { name: 'HyperparameterKind', description: 'BOOL is a categorical choice between true and false.' });

@ObjectType({ description: 'The hyperparameter exists only while `param` takes one of the values in `oneOf`.' })
export class HyperparameterCondition {
  @Field(() => String) param!: string;
  @Field(() => [JSONScalar]) oneOf!: ParamValue[];
}

@ObjectType({ description: 'One hyperparameter of a search space, with its default range and what it does.' })
export class Hyperparameter {
  @Field(() => String, { description: 'The name used in trial params and in OptimizationInput.searchSpace.' }) name!: string;
  @Field(() => HyperparameterKind) kind!: HyperparameterKind;
  @Field(() => Float, { nullable: true, description: 'FLOAT and INT: lower bound (inclusive).' }) low!: number | null;
  @Field(() => Float, { nullable: true, description: 'FLOAT and INT: upper bound (inclusive).' }) high!: number | null;
  @Field(() => Boolean, { description: 'Sampled on a log scale.' }) log!: boolean;
  @Field(() => Float, { nullable: true, description: 'Sampled in steps of this size; null: continuous (FLOAT) or 1 (INT).' }) step!: number | null;
  @Field(() => [JSONScalar], { nullable: true, description: 'CATEGORICAL and BOOL: the values searched.' }) choices!: ParamValue[] | null;
  @Field(() => JSONScalar, { nullable: true, description: 'What the architecture uses when this is not searched; null where the default architecture does not have it (its condition is unmet).' })
  defaultValue!: ParamValue | null;
  @Field(() => HyperparameterCondition, { nullable: true }) condition!: HyperparameterCondition | null;
  @Field(() => String, { description: 'One line: what it is.' }) summary!: string;
  @Field(() => String, { description: 'What it does to the network, and how it tends to move accuracy and the health metrics.' }) description!: string;
}

@ObjectType({ description: 'The hyperparameters searched for a dataset: its model family\'s search space.' })
export class SearchSpace {
  @Field(() => String) dataset!: string;
  @Field(() => ModelFamily) family!: ModelFamily;
  @Field(() => [Hyperparameter]) hyperparameters!: Hyperparameter[];
}
