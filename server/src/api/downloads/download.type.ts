import { Field, ID, ObjectType } from 'type-graphql';
import { SafeIntScalar } from '../common/scalars.js';

@ObjectType({ description: 'A file to download over plain HTTP (GET `url`, relative to the server).' })
export class Download {
  @Field(() => String, { description: 'What it is: trials_csv, best_hyperparameters, architecture_json, or an artifact kind (model_zip, plot, ...).' })
  kind!: string;

  @Field(() => String, { description: 'The attachment name the server sends.' })
  fileName!: string;

  @Field(() => String, {
    nullable: true,
    description: "Where a stored artifact lies in the study's folder, e.g. `trial_3/training_history.png`; generated files have none.",
  })
  path!: string | null;

  @Field(() => ID, { nullable: true, description: 'The trial a stored artifact belongs to; null for study-wide files.' })
  trialId!: string | null;

  @Field(() => String)
  contentType!: string;

  @Field(() => String)
  url!: string;

  @Field(() => SafeIntScalar, { nullable: true, description: 'Known for stored artifacts; generated files have none.' })
  sizeBytes!: number | null;
}
