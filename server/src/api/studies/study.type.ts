import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { StudyState as StudyStateValue } from '../../persistence/generated/prisma/client.js';
import { JSONScalar } from '../common/scalars.js';
import { PageInfo } from '../common/page-info.type.js';

export const StudyState = {
  QUEUED: 'QUEUED',
  RUNNING: 'RUNNING',
  FINAL_MODEL: 'FINAL_MODEL',
  COMPLETE: 'COMPLETE',
  CANCELLED: 'CANCELLED',
  FAILED: 'FAILED',
} as const satisfies Record<StudyStateValue, StudyStateValue>;
registerEnumType(StudyState, { name: 'StudyState', description: 'QUEUED → RUNNING → FINAL_MODEL → COMPLETE, or CANCELLED / FAILED.' });

@ObjectType({ description: 'How many of a study\'s trials are in each state.' })
export class TrialStateCounts {
  @Field(() => Int, { description: 'Trials whose parameters are chosen, waiting for a worker.' }) waiting!: number;
  @Field(() => Int) running!: number;
  @Field(() => Int) complete!: number;
  @Field(() => Int) pruned!: number;
  @Field(() => Int) failed!: number;
  @Field(() => Int) total!: number;
}

@ObjectType({ description: 'Statistics over a study\'s finished trials.' })
export class StudySummary {
  @Field(() => Int, { description: 'Trials that ended in any state (complete, pruned, failed).' })
  finishedTrials!: number;

  @Field(() => [Float], { nullable: true, description: 'The best trial\'s objective values, one per direction.' })
  bestValues!: number[] | null;

  @Field(() => Int, { nullable: true })
  bestTrialNumber!: number | null;

  @Field(() => Float, { nullable: true, description: 'Mean wall-clock seconds of a finished trial.' })
  meanTrialSeconds!: number | null;

  @Field(() => Float, { description: 'Wall-clock seconds summed over finished trials.' })
  totalTrialSeconds!: number;
}

@ObjectType({ description: 'A user\'s optimization job.' })
export class Study {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String) dataset!: string;
  @Field(() => String, { description: 'SIMPLE, HEALTH_AWARE or MULTI_OBJECTIVE.' }) mode!: string;
  @Field(() => [String], { description: '"maximize" or "minimize", one per objective.' }) directions!: string[];
  @Field(() => JSONScalar, { description: 'The validated study configuration the runner works from.' }) config!: unknown;
  @Field(() => StudyState) state!: StudyStateValue;
  @Field(() => String, { nullable: true }) error!: string | null;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) updatedAt!: Date;
  @Field(() => Date, { nullable: true }) startedAt!: Date | null;
  @Field(() => Date, { nullable: true }) finishedAt!: Date | null;
  bestTrialId!: string | null;
}

@ObjectType()
export class StudyConnection {
  @Field(() => [Study]) nodes!: Study[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int, { description: 'Studies matching the filter, over all pages.' }) totalCount!: number;
}
