import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LogDestination } from './log-destination.js';

const records = async (file: string) =>
  (await readFile(file, 'utf8'))
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { level: number; name: string; msg: string });

describe('LogDestination', () => {
  let logsDir: string;
  beforeEach(async () => {
    logsDir = await mkdtemp(path.join(os.tmpdir(), 'hyperscope-logs-'));
  });
  afterEach(async () => rm(logsDir, { recursive: true, force: true }));

  it('keeps JSON records at the file level in logs/, whatever the terminal shows', async () => {
    const logs = await LogDestination.open({ logsDir, terminal: 'stderr', terminalLevel: 'fatal', fileLevel: 'info' });
    const logger = logs.createLogger('server');
    logger.debug('too detailed');
    logger.info({ studyId: 's1' }, 'study started');
    logger.error('trial failed');
    const kept = await records(path.join(logsDir, 'current.log'));
    expect(kept.map((r) => [r.name, r.msg])).toEqual([
      ['server', 'study started'],
      ['server', 'trial failed'],
    ]);
    expect(kept[0]).toMatchObject({ studyId: 's1', level: 30 });
  });

  it("keeps a child's JSON lines as written and turns its other output into records", async () => {
    const logs = await LogDestination.open({ logsDir, terminal: 'stderr', terminalLevel: 'fatal', fileLevel: 'info' });
    logs.writeChildLine(JSON.stringify({ level: 30, time: 1, name: 'worker', msg: 'trial 3 started' }), 'stdout', 'worker-0');
    logs.writeChildLine(JSON.stringify({ level: 20, time: 2, name: 'worker', msg: 'debug detail' }), 'stdout', 'worker-0');
    logs.writeChildLine('    at Object.<anonymous> (crash.js:1:1)', 'stderr', 'worker-1');
    logs.writeChildLine('', 'stderr', 'worker-1');
    const kept = await records(path.join(logsDir, 'current.log'));
    expect(kept).toEqual([
      { level: 30, time: 1, name: 'worker', msg: 'trial 3 started' },
      expect.objectContaining({ level: 40, name: 'worker-1', msg: '    at Object.<anonymous> (crash.js:1:1)' }),
    ]);
  });

  it('rolls over to numbered files at the rotation size', async () => {
    const logs = await LogDestination.open({ logsDir, terminal: 'stderr', terminalLevel: 'fatal', fileLevel: 'info', rotationSize: '1k' });
    const logger = logs.createLogger('server');
    // Rolling happens between writes (pino-roll waits for the stream to drain), as it does in a running process.
    for (let i = 0; i < 40; i++) {
      logger.info({ i, padding: 'x'.repeat(60) }, 'epoch completed');
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    const files = (await readdir(logsDir)).filter((f) => /^hyperscope\.\d+\.log$/.test(f)).sort();
    expect(files.length).toBeGreaterThan(1);
    const all = (await Promise.all(files.map((f) => records(path.join(logsDir, f))))).flat();
    expect(all.map((r) => (r as unknown as { i: number }).i).sort((a, b) => a - b)).toEqual([...Array(40).keys()]);
  });
});
