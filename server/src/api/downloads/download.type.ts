import { Field, ObjectType } from 'type-graphql';
import { SafeIntScalar } from '../common/scalars.js';

@ObjectType({ description: 'A file to download over plain HTTP (GET `url`, relative to the server).' })
export class Download {
  @Field(() => String, { description: 'What it is: trials_csv, best_hyperparameters, architecture_json, or an artifact kind (model_zip, plot, ...).' })
  kind!: string;

  @Field(() => String, { description: 'The attachment name the server sends.' })
  fileName!: string;

  @Field(() => String)
  contentType!: string;

  @Field(() => String)
  url!: string;

  @Field(() => SafeIntScalar, { nullable: true, description: 'Known for stored artifacts; generated files have none.' })
  sizeBytes!: number | null;
}
