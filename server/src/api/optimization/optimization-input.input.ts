// The GraphQL face of OptimizationInput: `implements` keeps it in step with the TS interface. Defaults are not
// repeated here; they live in server/src/studies/optimization-input.ts.
import { Field, Float, InputType, Int, registerEnumType } from 'type-graphql';
import type { ParamValue } from '../../ml/model/search-space.js';
import {
  OPTIMIZATION_MODES,
  OVERRIDE_MODES,
  PRUNER_KINDS,
  SAMPLER_KINDS,
  type HyperparameterOverride,
  type OptimizationInput as OptimizationInputValue,
  type OptimizationMode as OptimizationModeValue,
  type OverrideMode as OverrideModeValue,
  type PrunerKind as PrunerKindValue,
  type SamplerKind as SamplerKindValue,
} from '../../studies/optimization-input.js';
import { JSONScalar } from '../common/scalars.js';

const enumOf = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };

export const OptimizationMode = enumOf(OPTIMIZATION_MODES);
registerEnumType(OptimizationMode, { name: 'OptimizationMode', description: 'SIMPLE: validation accuracy. HEALTH_AWARE: accuracy blended with health. MULTI_OBJECTIVE: both, Pareto.' });
export const SamplerKind = enumOf(SAMPLER_KINDS);
registerEnumType(SamplerKind, { name: 'SamplerKind' });
export const PrunerKind = enumOf(PRUNER_KINDS);
registerEnumType(PrunerKind, { name: 'PrunerKind' });
export const OverrideMode = enumOf(OVERRIDE_MODES);
registerEnumType(OverrideMode, { name: 'OverrideMode', description: 'FIXED: one value. RANGE: searched within bounds or choices. OFF: the architecture default.' });

@InputType({ description: 'How to narrow one hyperparameter of the search space.' })
export class HyperparameterOverrideInput implements HyperparameterOverride {
  @Field(() => String) name!: string;
  @Field(() => OverrideMode) mode!: OverrideModeValue;
  @Field(() => JSONScalar, { nullable: true, description: 'FIXED: the value (number, string or boolean).' }) value?: ParamValue | null;
  @Field(() => Float, { nullable: true }) low?: number | null;
  @Field(() => Float, { nullable: true }) high?: number | null;
  @Field(() => Boolean, { nullable: true }) log?: boolean | null;
  @Field(() => [JSONScalar], { nullable: true, description: 'RANGE of a categorical hyperparameter: a subset of its choices.' })
  choices?: ParamValue[] | null;
}

@InputType({ description: 'What to optimize. Only the dataset is required; absent fields take the documented defaults.' })
export class OptimizationInput implements OptimizationInputValue {
  @Field(() => String, { description: 'mnist, fashion-mnist, cifar10, cifar100, gtsrb, imdb or reuters.' }) dataset!: string;
  @Field(() => String, { nullable: true, description: 'Also the artifact folder name; default <dataset>-<date>-<time>.' }) name?: string | null;
  @Field(() => OptimizationMode, { nullable: true }) mode?: OptimizationModeValue | null;
  @Field(() => Float, { nullable: true, description: 'HEALTH_AWARE: share of composite health in the objective.' }) healthWeight?: number | null;
  @Field(() => JSONScalar, { nullable: true, description: 'HEALTH_AWARE: weight of each health metric, by name.' }) healthWeights?: Record<string, number> | null;
  @Field(() => Int, { nullable: true }) trials?: number | null;
  @Field(() => Int, { nullable: true, description: 'Trials training at once.' }) parallelism?: number | null;
  @Field(() => Int, { nullable: true }) epochs?: number | null;
  @Field(() => Int, { nullable: true, description: 'Training examples per trial (null: the whole training split).' }) trainSubsetSize?: number | null;
  @Field(() => Int, { nullable: true }) finalModelEpochs?: number | null;
  @Field(() => Int, { nullable: true }) finalModelTrainSubsetSize?: number | null;
  @Field(() => SamplerKind, { nullable: true }) sampler?: SamplerKindValue | null;
  @Field(() => PrunerKind, { nullable: true }) pruner?: PrunerKindValue | null;
  @Field(() => Int, { nullable: true }) seed?: number | null;
  @Field(() => Float, { nullable: true, description: 'No trial starts after this many minutes.' }) timeoutMinutes?: number | null;
  @Field(() => [HyperparameterOverrideInput], { nullable: true }) searchSpace?: HyperparameterOverrideInput[] | null;
  @Field(() => Boolean, {
    nullable: true,
    description: 'GPU workers get the heavier trials first: parameters are chosen when a trial is queued, and CPU workers leave the heavier ones to GPU workers while one is alive (default false).',
  })
  heavyTrialsOnGpu?: boolean | null;
}
