// Where a process's logs go: the terminal (pretty when it is one) and JSON lines in a rotating file under
// `logs/`. Worker processes forked by a server or the CLI send their lines here, so one optimization logs to
// the same files whether it was started from the dashboard or from the command line.
import path from 'node:path';
import pino, { type Level, type Logger } from 'pino';
import PinoPretty from 'pino-pretty';
import pinoRoll from 'pino-roll';

/** Size at which the log file rolls over to the next number, and how many older files are kept. */
export const LOG_ROTATION = { size: '10m', keepFiles: 10 } as const;
/** Base name of the log files: `hyperscope.1.log`, `hyperscope.2.log`, … and the `current.log` link. */
const LOG_FILE_BASE = 'hyperscope';
/** Set for worker processes a parent forwards the logs of: they write JSON lines to stdout and no file. */
export const LOG_TO_PARENT_ENV = 'HYPERSCOPE_LOG_TO_PARENT';

export interface LogDestinationOptions {
  logsDir: string;
  /** Least level shown on the terminal. */
  terminalLevel: Level;
  /** Least level kept in the files. */
  fileLevel: Level;
  /** Terminal stream: stderr keeps stdout for a command's own output (`optimize --json`). */
  terminal?: 'stdout' | 'stderr';
  /** Bytes or a pino-roll size string; small in tests. */
  rotationSize?: string | number;
}

/** Receives the output lines of a child process whose logs this process keeps. */
export interface ChildLogSink {
  writeChildLine(line: string, source: 'stdout' | 'stderr', childName: string): void;
}

type Stream = NodeJS.WritableStream & { flushSync?: () => void };

export class LogDestination implements ChildLogSink {
  private constructor(
    private readonly terminal: Stream,
    private readonly file: Stream,
    private readonly options: LogDestinationOptions,
    readonly fileBase: string,
  ) {}

  static async open(options: LogDestinationOptions): Promise<LogDestination> {
    const fileBase = path.join(options.logsDir, LOG_FILE_BASE);
    const file = (await pinoRoll({
      file: fileBase,
      extension: '.log',
      size: options.rotationSize ?? LOG_ROTATION.size,
      limit: { count: LOG_ROTATION.keepFiles },
      symlink: true,
      mkdir: true,
      // Written synchronously: a crash loses no line already logged.
      sync: true,
    })) as unknown as Stream;
    const fd = options.terminal === 'stderr' ? 2 : 1;
    const toTerminal = fd === 2 ? process.stderr : process.stdout;
    const terminal: Stream =
      toTerminal.isTTY && !process.env.CI
        ? (PinoPretty({ colorize: true, ignore: 'pid,hostname', destination: fd, sync: true }) as unknown as Stream)
        : toTerminal;
    return new LogDestination(terminal, file, options, fileBase);
  }

  createLogger(name: string): Logger {
    const { terminalLevel, fileLevel } = this.options;
    const lowest = levelValue(terminalLevel) < levelValue(fileLevel) ? terminalLevel : fileLevel;
    return pino(
      { name, level: lowest },
      pino.multistream([
        { level: terminalLevel, stream: this.terminal },
        { level: fileLevel, stream: this.file },
      ]),
    );
  }

  /** A child's JSON log line is kept as written; anything else it prints (a crash's stack) becomes a record. */
  writeChildLine(line: string, source: 'stdout' | 'stderr', childName: string): void {
    if (!line.trim()) return;
    let level: number;
    let json: string;
    try {
      const record = JSON.parse(line) as { level?: unknown };
      if (typeof record !== 'object' || record === null || typeof record.level !== 'number') throw new Error('not a log record');
      level = record.level;
      json = line;
    } catch {
      level = levelValue(source === 'stderr' ? 'warn' : 'info');
      json = JSON.stringify({ level, time: Date.now(), name: childName, msg: line });
    }
    if (level >= levelValue(this.options.terminalLevel)) this.terminal.write(`${json}\n`);
    if (level >= levelValue(this.options.fileLevel)) this.file.write(`${json}\n`);
  }
}

function levelValue(level: Level): number {
  return pino.levels.values[level]!;
}
