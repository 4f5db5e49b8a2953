// Mutations: thin wrappers over the study service that check the token and turn its errors into coded ones.
import { GraphQLError } from 'graphql';
import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { StudyConfigError } from '../../studies/study-config.js';
import { StudyNotFoundError } from '../../studies/study-service.js';
import type { ApiContext } from '../api-context.js';
import { badUserInput, checkId, notFound, unauthenticated } from '../common/api-errors.js';
import { Study } from '../studies/study.type.js';
import { OptimizationInput } from './optimization-input.input.js';
import type { StudyOperations } from './study-operations.js';

function studyOperations(context: ApiContext): StudyOperations {
  if (!context.authenticated) throw unauthenticated();
  if (!context.services.studies) {
    throw new GraphQLError('this server does not run studies', { extensions: { code: 'SERVICE_UNAVAILABLE' } });
  }
  return context.services.studies;
}

function coded(error: unknown): never {
  if (error instanceof StudyConfigError) throw badUserInput(`input.${error.field}`, error.message);
  if (error instanceof StudyNotFoundError) throw notFound('Study', error.studyId);
  throw error;
}

@Resolver()
export class OptimizationResolver {
  @Mutation(() => Study, { description: 'Validates the input, creates the study and queues its trials.' })
  async startOptimization(@Ctx() context: ApiContext, @Arg('input', () => OptimizationInput) input: OptimizationInput): Promise<Study> {
    return studyOperations(context).startStudy({ ...input }).catch(coded);
  }

  @Mutation(() => Study, { description: 'Stops a queued or running study; running trials stop within a batch.' })
  async cancelStudy(@Ctx() context: ApiContext, @Arg('id', () => ID) id: string): Promise<Study> {
    const operations = studyOperations(context);
    return operations.cancelStudy(checkId('id', id)).catch(coded);
  }

  @Mutation(() => ID, { description: 'Deletes the study with its trials, events and artifact files; returns its id.' })
  async deleteStudy(@Ctx() context: ApiContext, @Arg('id', () => ID) id: string): Promise<string> {
    const operations = studyOperations(context);
    await operations.deleteStudy(checkId('id', id)).catch(coded);
    return id;
  }
}
