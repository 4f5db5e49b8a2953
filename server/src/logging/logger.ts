// The one structured logger for the server, workers and CLI: human-readable on a terminal, JSON otherwise.
import pino, { type Logger } from 'pino';

export type { Logger };

export function createLogger(name: string, level = process.env.HYPERSCOPE_LOG_LEVEL || 'info'): Logger {
  const pretty = process.stdout.isTTY && !process.env.CI;
  return pino({
    name,
    level,
    ...(pretty ? { transport: { target: 'pino-pretty', options: { colorize: true, ignore: 'pid,hostname' } } } : {}),
  });
}
