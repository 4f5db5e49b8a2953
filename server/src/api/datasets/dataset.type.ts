import { Field, Int, ObjectType } from 'type-graphql';
import { SafeIntScalar } from '../common/scalars.js';

@ObjectType({ description: 'A dataset Hyperscope can optimize on, and whether its files are here.' })
export class Dataset {
  @Field(() => String) id!: string;
  @Field(() => String) displayName!: string;
  @Field(() => String, { description: 'image (CNN search space) or text (LSTM search space).' }) modality!: string;
  @Field(() => Boolean, { description: 'Every required file is on disk.' }) available!: boolean;
  @Field(() => Boolean, { description: 'Every required file\'s checksum was verified.' }) verified!: boolean;
  @Field(() => SafeIntScalar) bytesOnDisk!: number;
  @Field(() => Int) trainSize!: number;
  @Field(() => Int) testSize!: number;
  @Field(() => [Int], { description: '[height, width, channels] for images, [sequence length] for text.' }) inputShape!: number[];
  @Field(() => [String]) classNames!: string[];
  @Field(() => Int, { nullable: true }) vocabularySize!: number | null;
  @Field(() => String, { nullable: true, description: 'A PNG grid of test images per class (images), or example texts as JSON (text); null when unavailable.' })
  previewUrl!: string | null;
}
