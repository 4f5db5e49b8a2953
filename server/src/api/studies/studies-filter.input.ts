import { Field, InputType } from 'type-graphql';
import type { StudyState as StudyStateValue } from '../../persistence/generated/prisma/client.js';
import { StudyState } from './study.type.js';

@InputType({ description: 'Studies in any of `states` and on `dataset`; an absent field does not filter.' })
export class StudiesFilter {
  @Field(() => [StudyState], { nullable: true })
  states?: StudyStateValue[] | null;

  @Field(() => String, { nullable: true })
  dataset?: string | null;
}
