import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { describeError } from '../graphql/describe-error';

/** Why the server refused a study: messages by form field, and those no field of the form can show. */
export interface InputErrors {
  readonly fields: Readonly<Record<string, string>>;
  readonly general: readonly string[];
}

/**
 * Maps a failed `startOptimization` to the form: a BAD_USER_INPUT error names its field in
 * `extensions.field` (`input.trials`, `input.healthWeights.gradientHealth`, `input.searchSpace[2].low`).
 * The key is the form control (`trials`, `healthWeights.gradientHealth`); a search-space entry becomes
 * `searchSpace.<hyperparameter>` through `searchSpaceNames`, the names of the overrides sent, in order.
 * Errors for fields the form lacks, and any other error, are general. The message is the server's
 * `extensions.reason` (without the field path) where it gives one.
 */
export function inputErrorsOf(error: unknown, formFields: readonly string[], searchSpaceNames: readonly string[] = []): InputErrors {
  const fields: Record<string, string> = {};
  const general: string[] = [];
  if (!CombinedGraphQLErrors.is(error)) return { fields, general: [describeError(error)] };
  for (const graphqlError of error.errors) {
    const field = graphqlError.extensions?.['field'];
    const control = typeof field === 'string' ? controlOf(field, formFields, searchSpaceNames) : null;
    const reason = graphqlError.extensions?.['reason'];
    const message = typeof reason === 'string' && reason ? reason : graphqlError.message;
    if (graphqlError.extensions?.['code'] === 'BAD_USER_INPUT' && control) {
      fields[control] ??= message;
    } else {
      general.push(graphqlError.message);
    }
  }
  return { fields, general };
}

function controlOf(field: string, formFields: readonly string[], searchSpaceNames: readonly string[]): string | null {
  const path = field.replace(/^input\./, '');
  const entry = /^searchSpace\[(\d+)\]/.exec(path);
  if (entry && formFields.includes('searchSpace')) {
    const name = searchSpaceNames[Number(entry[1])];
    return name ? `searchSpace.${name}` : 'searchSpace';
  }
  const nested = /^([A-Za-z]+)\.([A-Za-z]+)/.exec(path);
  if (nested && formFields.includes(`${nested[1]}.${nested[2]}`)) return `${nested[1]}.${nested[2]}`;
  const top = /^([A-Za-z]+)/.exec(path);
  return top && formFields.includes(top[1]) ? top[1] : null;
}
