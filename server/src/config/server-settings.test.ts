import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { readServerSettings, SettingsError } from './server-settings.js';

describe('server settings', () => {
  it('trains on one thread per worker by default, one worker per core', () => {
    const settings = readServerSettings({});
    expect(settings.trainingThreads).toBe(1);
    expect(settings.workers).toBe(os.availableParallelism());
  });

  it('with HYPERSCOPE_TRAINING_THREADS, starts as many workers as fill the cores once (at least one)', () => {
    const settings = readServerSettings({ HYPERSCOPE_TRAINING_THREADS: '2' });
    expect(settings.trainingThreads).toBe(2);
    expect(settings.workers).toBe(Math.max(1, Math.floor(os.availableParallelism() / 2)));
    expect(readServerSettings({ HYPERSCOPE_TRAINING_THREADS: '2', HYPERSCOPE_WORKERS: '3' }).workers).toBe(3);
    expect(readServerSettings({ HYPERSCOPE_TRAINING_THREADS: '1024' }).workers).toBe(1);
  });

  it('rejects a thread count that is not a positive whole number, naming the setting', () => {
    for (const raw of ['0', '-1', '1.5', 'two']) {
      expect(() => readServerSettings({ HYPERSCOPE_TRAINING_THREADS: raw })).toThrow(SettingsError);
      expect(() => readServerSettings({ HYPERSCOPE_TRAINING_THREADS: raw })).toThrow(/HYPERSCOPE_TRAINING_THREADS/);
    }
  });
});
