// The optional API token (HYPERSCOPE_API_TOKEN): when set, mutations and live subscriptions need it.
import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Returns whether a presented credential ("Bearer <token>" or the bare token) is the configured one. */
export function createTokenCheck(token: string | undefined): (presented: unknown) => boolean {
  if (!token) return () => true;
  const expected = digest(token);
  return (presented) => {
    if (typeof presented !== 'string') return false;
    const value = presented.startsWith('Bearer ') ? presented.slice('Bearer '.length) : presented;
    return timingSafeEqual(digest(value), expected);
  };
}
