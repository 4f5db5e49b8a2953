import { CombinedGraphQLErrors } from '@apollo/client/errors';

/**
 * Whether the server said the thing asked for does not exist: NOT_FOUND, or an id that cannot be one
 * (BAD_USER_INPUT naming an id argument), so a mistyped address reads as "not found" too.
 */
export function isNotFound(error: unknown): boolean {
  if (!CombinedGraphQLErrors.is(error)) return false;
  return error.errors.some((e) => {
    const code = e.extensions?.['code'];
    const field = e.extensions?.['field'];
    return code === 'NOT_FOUND' || (code === 'BAD_USER_INPUT' && typeof field === 'string' && /^(id|studyId|trialId)$/.test(field));
  });
}
