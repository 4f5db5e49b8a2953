import { describe, expect, it } from 'vitest';
import { floatDistribution } from './distributions.js';
import { InMemoryStorage } from './in-memory-storage.js';
import { DuplicateStudyError, TrialNotRunningError } from './storage-errors.js';

describe('InMemoryStorage', () => {
  it('gives concurrently created trials distinct consecutive numbers', async () => {
    const storage = new InMemoryStorage();
    const study = await storage.createStudy({ studyName: 's', directions: ['minimize'] });
    const trials = await Promise.all(Array.from({ length: 50 }, () => storage.createTrial(study.id)));
    expect(trials.map((t) => t.number).sort((a, b) => a - b)).toEqual([...Array(50).keys()]);
    await expect(storage.createStudy({ studyName: 's', directions: ['minimize'] })).rejects.toBeInstanceOf(DuplicateStudyError);
  });

  it('finishes a trial once and refuses later writes, so no tell overwrites another', async () => {
    const storage = new InMemoryStorage();
    const study = await storage.createStudy({ studyName: 's', directions: ['minimize'] });
    const trial = await storage.createTrial(study.id);
    await storage.setTrialParam(trial.id, 'x', 0.5, floatDistribution(0, 1));
    const done = await storage.finishTrial(trial.id, { state: 'COMPLETE', values: [1] });
    expect(done.state).toBe('COMPLETE');
    await expect(storage.finishTrial(trial.id, { state: 'COMPLETE', values: [2] })).rejects.toBeInstanceOf(TrialNotRunningError);
    await expect(storage.setTrialParam(trial.id, 'y', 0.1, floatDistribution(0, 1))).rejects.toThrow(/already COMPLETE/);
    expect((await storage.getTrial(trial.id)).values).toEqual([1]);
  });

  it('fails RUNNING trials whose heartbeat is older than the timeout, once', async () => {
    let now = 1000;
    const storage = new InMemoryStorage({ now: () => now });
    const study = await storage.createStudy({ studyName: 's', directions: ['minimize'] });
    const dead = await storage.createTrial(study.id);
    const alive = await storage.createTrial(study.id);
    now = 5000;
    await storage.recordHeartbeat(alive.id);
    now = 7000;
    const failed = await storage.failStaleTrials(study.id, 3000);
    expect(failed.map((t) => t.number)).toEqual([dead.number]);
    expect(failed[0]!.state).toBe('FAILED');
    expect(await storage.failStaleTrials(study.id, 3000)).toEqual([]);
    expect((await storage.getTrial(alive.id)).state).toBe('RUNNING');
  });

  it('stores trials as JSON values with (step, value) rows in step order', async () => {
    const storage = new InMemoryStorage();
    const study = await storage.createStudy({ studyName: 's', directions: ['minimize', 'maximize'] });
    const trial = await storage.createTrial(study.id, { systemAttrs: { fixedParams: { x: 1 } } });
    await storage.setTrialIntermediateValue(trial.id, 3, 0.5);
    await storage.setTrialIntermediateValue(trial.id, 1, 0.7);
    await storage.setTrialUserAttr(trial.id, 'note', { layers: [1, 2] });
    const done = await storage.finishTrial(trial.id, { state: 'COMPLETE', values: [0.1, 0.9] });
    expect(done.intermediateValues).toEqual([
      { step: 1, value: 0.7 },
      { step: 3, value: 0.5 },
    ]);
    expect(JSON.parse(JSON.stringify(done))).toEqual(done);
    expect(await storage.getTrials(study.id, ['RUNNING'])).toEqual([]);
  });
});
