/** A message for the user from anything an Apollo call may fail with. */
export function describeError(error: unknown): string {
  return error instanceof Error && error.message ? error.message : String(error);
}
