import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { TrialState as TrialStateValue } from '../../persistence/generated/prisma/client.js';
import { JSONScalar } from '../common/scalars.js';
import { PageInfo } from '../common/page-info.type.js';

export const TrialState = { WAITING: 'WAITING', RUNNING: 'RUNNING', COMPLETE: 'COMPLETE', PRUNED: 'PRUNED', FAILED: 'FAILED' } as const satisfies Record<
  TrialStateValue,
  TrialStateValue
>;
registerEnumType(TrialState, {
  name: 'TrialState',
  description: 'WAITING (parameters chosen, queued for a worker; studies that give GPU workers the heavier trials) → RUNNING → COMPLETE, PRUNED or FAILED.',
});

@ObjectType({ description: 'One trained architecture: the parameters the sampler chose and what training made of them.' })
export class Trial {
  @Field(() => ID) id!: string;
  @Field(() => ID) studyId!: string;
  @Field(() => Int, { description: '0-based, distinct within the study.' }) number!: number;
  @Field(() => TrialState) state!: TrialStateValue;
  @Field(() => JSONScalar, { description: 'Hyperparameter values, by name.' }) params!: unknown;
  @Field(() => [Float], { description: 'Objective values, one per study direction; empty until COMPLETE.' }) values!: number[];
  @Field(() => JSONScalar) userAttrs!: unknown;
  @Field(() => String, { nullable: true }) workerId!: string | null;
  @Field(() => Int) retries!: number;
  @Field(() => String, { nullable: true }) error!: string | null;
  @Field(() => Date) startedAt!: Date;
  @Field(() => Date, { nullable: true }) finishedAt!: Date | null;
}

@ObjectType({ description: 'Training and validation metrics after one epoch.' })
export class EpochMetric {
  @Field(() => Int, { description: '1-based.' }) epoch!: number;
  @Field(() => Float) loss!: number;
  @Field(() => Float) accuracy!: number;
  @Field(() => Float, { nullable: true }) valLoss!: number | null;
  @Field(() => Float, { nullable: true }) valAccuracy!: number | null;
  @Field(() => Float) seconds!: number;
  @Field(() => Float) samplesPerSecond!: number;
  @Field(() => Date) createdAt!: Date;
}

@ObjectType({ description: 'Per-layer activation statistics, gradient norms and weight histograms after one epoch.' })
export class EpochDiagnostics {
  @Field(() => Int) epoch!: number;
  @Field(() => JSONScalar, { nullable: true }) diagnostics!: unknown;
}

@ObjectType({ description: 'What the trial reported to the pruner at each step.' })
export class IntermediateValue {
  @Field(() => Int) step!: number;
  @Field(() => Float) value!: number;
}

@ObjectType({ description: 'The six health metrics of a trained network, each in [0, 1] (docs/HEALTH.md).' })
export class HealthReport {
  @Field(() => Float) neuronUtilization!: number;
  @Field(() => Float) parameterEfficiency!: number;
  @Field(() => Float) trainingStability!: number;
  @Field(() => Float) gradientHealth!: number;
  @Field(() => Float) convergenceQuality!: number;
  @Field(() => Float) accuracyConsistency!: number;
  @Field(() => Float, { description: 'The weighted blend the HEALTH_AWARE mode optimizes.' }) composite!: number;
  @Field(() => JSONScalar) details!: unknown;
}


@ObjectType()
export class TrialConnection {
  @Field(() => [Trial]) nodes!: Trial[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int) totalCount!: number;
}
