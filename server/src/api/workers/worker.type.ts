import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A process that trains trials, on this machine or another.' })
export class Worker {
  @Field(() => String) id!: string;
  @Field(() => String) host!: string;
  @Field(() => Int) pid!: number;
  @Field(() => String, { description: 'TF.js backend it trains with.' }) backend!: string;
  @Field(() => String, { nullable: true, description: 'The device it trains on, where its backend uses one (webgpu: the GPU adapter).' })
  device!: string | null;
  @Field(() => Date) startedAt!: Date;
  @Field(() => Date) heartbeatAt!: Date;
  @Field(() => Date, { nullable: true }) stoppedAt!: Date | null;
  @Field(() => Boolean, { description: 'Not stopped, and its last heartbeat is recent.' }) alive!: boolean;
  @Field(() => Boolean, { description: 'Trains on a GPU (tensorflow-gpu, or webgpu on a hardware adapter): it gets the heavier trials first of studies that ask for it.' })
  gpu!: boolean;
  @Field(() => Int) runningTrials!: number;
}
