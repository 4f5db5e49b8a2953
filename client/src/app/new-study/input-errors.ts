import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { describeError } from '../graphql/describe-error';

/** Why the server refused a study: messages by form field, and those no field of the form can show. */
export interface InputErrors {
  readonly fields: Readonly<Record<string, string>>;
  readonly general: readonly string[];
}

/**
 * Maps a failed `startOptimization` to the form: a BAD_USER_INPUT error names its field in
 * `extensions.field` (`input.trials`, `input.searchSpace[2].low`); the first path segment after `input`
 * is the form control. Errors for fields the form lacks, and any other error, are general.
 */
export function inputErrorsOf(error: unknown, formFields: readonly string[]): InputErrors {
  const fields: Record<string, string> = {};
  const general: string[] = [];
  if (!CombinedGraphQLErrors.is(error)) return { fields, general: [describeError(error)] };
  for (const graphqlError of error.errors) {
    const field = graphqlError.extensions?.['field'];
    const control = typeof field === 'string' ? controlOf(field) : null;
    if (graphqlError.extensions?.['code'] === 'BAD_USER_INPUT' && control && formFields.includes(control)) {
      fields[control] ??= graphqlError.message;
    } else {
      general.push(graphqlError.message);
    }
  }
  return { fields, general };
}

function controlOf(field: string): string | null {
  const match = /^(?:input\.)?([A-Za-z]+)/.exec(field);
  return match ? match[1] : null;
}
