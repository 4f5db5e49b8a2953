import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { inputErrorsOf } from './input-errors';

const FORM_FIELDS = ['dataset', 'trials', 'name', 'epochs'];
const graphqlErrors = (...errors: { message: string; extensions?: Record<string, unknown> }[]) =>
  new CombinedGraphQLErrors({ errors });

describe('inputErrorsOf', () => {
  it('puts a BAD_USER_INPUT message next to the field named in extensions.field', () => {
    const error = graphqlErrors(
      { message: 'trials must be at least 1', extensions: { code: 'BAD_USER_INPUT', field: 'input.trials' } },
      { message: 'a study named "x" exists', extensions: { code: 'BAD_USER_INPUT', field: 'input.name' } },
    );

    expect(inputErrorsOf(error, FORM_FIELDS)).toEqual({
      fields: { trials: 'trials must be at least 1', name: 'a study named "x" exists' },
      general: [],
    });
  });

  it('keeps errors for fields the form lacks, and other codes, as general messages', () => {
    const error = graphqlErrors(
      { message: 'low must be below high', extensions: { code: 'BAD_USER_INPUT', field: 'input.searchSpace[2].low' } },
      { message: 'Unauthenticated', extensions: { code: 'UNAUTHENTICATED' } },
    );

    expect(inputErrorsOf(error, FORM_FIELDS)).toEqual({ fields: {}, general: ['low must be below high', 'Unauthenticated'] });
  });

  it('places a search-space entry on the hyperparameter it was sent for, and a health weight on its metric', () => {
    const error = graphqlErrors(
      { message: 'input.searchSpace[1].low: low (3) must be below high (2)', extensions: { code: 'BAD_USER_INPUT', field: 'input.searchSpace[1].low', reason: 'low (3) must be below high (2)' } },
      { message: 'input.healthWeights.gradientHealth: too big', extensions: { code: 'BAD_USER_INPUT', field: 'input.healthWeights.gradientHealth', reason: 'too big' } },
      { message: 'input.searchSpace: nothing left to search', extensions: { code: 'BAD_USER_INPUT', field: 'input.searchSpace', reason: 'nothing left to search' } },
    );

    expect(inputErrorsOf(error, [...FORM_FIELDS, 'searchSpace', 'healthWeights.gradientHealth'], ['kernelSize', 'convBlocks'])).toEqual({
      fields: { 'searchSpace.convBlocks': 'low (3) must be below high (2)', 'healthWeights.gradientHealth': 'too big', searchSpace: 'nothing left to search' },
      general: [],
    });
  });

  it('reports a network failure as a general message', () => {
    expect(inputErrorsOf(new Error('Failed to fetch'), FORM_FIELDS)).toEqual({ fields: {}, general: ['Failed to fetch'] });
  });
});
