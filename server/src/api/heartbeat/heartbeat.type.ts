import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A periodic tick proving the live connection works.' })
export class Heartbeat {
  @Field(() => Int)
  sequence!: number;

  @Field(() => Date)
  at!: Date;
}
