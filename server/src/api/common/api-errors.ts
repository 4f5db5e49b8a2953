// Every error a client can act on carries a code in `extensions.code`; bad input also names the field.
import { GraphQLError } from 'graphql';

export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  CONFLICT: 'CONFLICT',
  QUERY_TOO_DEEP: 'QUERY_TOO_DEEP',
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
} as const;

export function badUserInput(field: string, message: string): GraphQLError {
  return new GraphQLError(`${field}: ${message}`, { extensions: { code: ErrorCode.BAD_USER_INPUT, field, reason: message } });
}

export function notFound(what: string, id: string): GraphQLError {
  return new GraphQLError(`${what} ${id} does not exist`, { extensions: { code: ErrorCode.NOT_FOUND, what, id } });
}

export function unauthenticated(): GraphQLError {
  return new GraphQLError('this operation needs the API token: send `Authorization: Bearer <HYPERSCOPE_API_TOKEN>`', {
    extensions: { code: ErrorCode.UNAUTHENTICATED },
  });
}

export function conflict(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.CONFLICT } });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are UUIDs in the database: anything else is bad input, not a database error. */
export function checkId(field: string, id: string): string {
  if (!UUID.test(id)) throw badUserInput(field, `"${id.length > 60 ? `${id.slice(0, 60)}…` : id}" is not a valid id (a UUID)`);
  return id;
}
