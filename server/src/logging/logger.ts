// The one structured logger (pino) on the terminal only: human-readable on a terminal, JSON otherwise. Processes
// that keep log files create their loggers from a LogDestination; this serves tests and forked workers.
import pino, { type Level, type Logger } from 'pino';

export type { Logger };

export function createLogger(name: string, level: Level): Logger {
  const pretty = process.stdout.isTTY && !process.env.CI;
  return pino({
    name,
    level,
    ...(pretty ? { transport: { target: 'pino-pretty', options: { colorize: true, ignore: 'pid,hostname' } } } : {}),
  });
}
