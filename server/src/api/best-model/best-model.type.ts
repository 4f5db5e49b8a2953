import { Field, Float, Int, ObjectType } from 'type-graphql';
import { JSONScalar } from '../common/scalars.js';
import { Download } from '../downloads/download.type.js';
import { Study } from '../studies/study.type.js';
import { ArchitectureGraph } from '../trials/architecture-graph.type.js';
import { HealthReport, Trial } from '../trials/trial.type.js';

@ObjectType()
export class BestModelMetadata {
  @Field(() => String) dataset!: string;
  @Field(() => String) mode!: string;
  @Field(() => [String]) directions!: string[];
  @Field(() => Int) trialNumber!: number;
  @Field(() => [Float]) values!: number[];
  @Field(() => Int, { nullable: true }) parameterCount!: number | null;
  @Field(() => Int, { description: 'Epochs the trial trained.' }) epochs!: number;
  @Field(() => Float, { nullable: true }) finalValAccuracy!: number | null;
  @Field(() => Date, { nullable: true }) trainedAt!: Date | null;
}

@ObjectType({ description: 'The best trial of a study: its network, health and the files to take it away.' })
export class BestModel {
  @Field(() => Study) study!: Study;
  @Field(() => Trial) trial!: Trial;
  @Field(() => JSONScalar, { description: 'Hyperparameter values, by name.' }) params!: unknown;
  @Field(() => ArchitectureGraph, { nullable: true }) architecture!: ArchitectureGraph | null;
  @Field(() => HealthReport, { nullable: true }) health!: HealthReport | null;
  @Field(() => BestModelMetadata) metadata!: BestModelMetadata;
  @Field(() => [Download]) downloads!: Download[];
}
