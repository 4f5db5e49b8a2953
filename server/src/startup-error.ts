import { SettingsError } from './config/server-settings.js';
import { DatabaseUnavailableError } from './persistence/database.js';

/** One line for errors the user can fix; the full stack only for ones that are our bug. */
export function describeStartupError(error: unknown): string {
  if (error instanceof SettingsError || error instanceof DatabaseUnavailableError) return error.message;
  if (error instanceof Error && /already in use/.test(error.message)) return error.message;
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
