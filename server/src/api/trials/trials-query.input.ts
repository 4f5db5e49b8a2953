import { Field, Float, InputType, registerEnumType } from 'type-graphql';
import type { TrialState as TrialStateValue } from '../../persistence/generated/prisma/client.js';
import { JSONScalar } from '../common/scalars.js';
import { TrialState } from './trial.type.js';

export const TrialSortField = { NUMBER: 'NUMBER', OBJECTIVE: 'OBJECTIVE', STARTED_AT: 'STARTED_AT', DURATION: 'DURATION', PARAM: 'PARAM' } as const;
export type TrialSortField = (typeof TrialSortField)[keyof typeof TrialSortField];
registerEnumType(TrialSortField, { name: 'TrialSortField', description: 'OBJECTIVE is the first objective value; PARAM needs `param`.' });

export const SortDirection = { ASC: 'ASC', DESC: 'DESC' } as const;
export type SortDirection = (typeof SortDirection)[keyof typeof SortDirection];
registerEnumType(SortDirection, { name: 'SortDirection' });

@InputType({ description: 'Keeps trials whose parameter `name` lies in [min, max] (numbers) or is one of `oneOf`.' })
export class ParamFilter {
  @Field(() => String) name!: string;
  @Field(() => Float, { nullable: true }) min?: number | null;
  @Field(() => Float, { nullable: true }) max?: number | null;
  @Field(() => [JSONScalar], { nullable: true }) oneOf?: unknown[] | null;
}

@InputType({ description: 'Every given condition must hold.' })
export class TrialFilter {
  @Field(() => [TrialState], { nullable: true }) states?: TrialStateValue[] | null;
  @Field(() => Float, { nullable: true, description: 'Lowest first objective value.' }) objectiveMin?: number | null;
  @Field(() => Float, { nullable: true }) objectiveMax?: number | null;
  @Field(() => [ParamFilter], { nullable: true }) params?: ParamFilter[] | null;
}

@InputType()
export class TrialSort {
  @Field(() => TrialSortField) by!: TrialSortField;
  @Field(() => String, { nullable: true, description: 'The parameter to sort by when `by` is PARAM.' }) param?: string | null;
  @Field(() => SortDirection, { defaultValue: SortDirection.ASC }) direction!: SortDirection;
}
