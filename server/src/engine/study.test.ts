import { describe, expect, it } from 'vitest';
import { InMemoryStorage } from './in-memory-storage.js';
import { MedianPruner } from './median-pruner.js';
import { NopPruner } from './nop-pruner.js';
import { RandomSampler } from './random-sampler.js';
import { reportAndPrune } from './report-and-prune.js';
import { DuplicateStudyError, TrialNotRunningError, TrialNotWaitingError } from './storage-errors.js';
import { TpeSampler } from './tpe-sampler.js';
import { createStudy } from './study.js';

const sampler = () => new RandomSampler({ seed: 1 });

describe('Study ask/tell', () => {
  it('records parameters, values and states through tell', async () => {
    const study = await createStudy({ sampler: sampler() });
    const trial = await study.ask();
    const x = await trial.suggestFloat('x', -1, 1);
    expect(await trial.suggestFloat('x', -1, 1)).toBe(x); // same name, same value
    await expect(trial.suggestInt('x', -1, 1)).rejects.toThrow(/another distribution/);
    await expect(study.tell(trial, [1, 2])).rejects.toThrow(/1 number/); // rejected before anything is written
    const done = await study.tell(trial, x * x);
    expect(done).toMatchObject({ state: 'COMPLETE', values: [x * x], params: { x } });
    await expect(study.tell(trial, 0)).rejects.toBeInstanceOf(TrialNotRunningError);

    const nan = await study.ask();
    expect((await study.tell(nan, NaN)).state).toBe('FAILED');
    const pruned = await study.ask();
    await pruned.report(0.7, 0);
    await pruned.report(0.4, 1);
    await pruned.report(0.9, 1); // a second report of a step is ignored, as in Optuna
    expect(await study.tell(pruned, 'pruned')).toMatchObject({ state: 'PRUNED', values: [0.4] });
    expect((await study.bestTrial).number).toBe(0);
  });

  it('refuses a parameter name reused with another kind across trials', async () => {
    const study = await createStudy({ sampler: sampler() });
    const first = await study.ask();
    await first.suggestCategorical('act', ['relu', 'tanh']);
    await study.tell(first, 1);
    const second = await study.ask();
    await expect(second.suggestCategorical('act', ['relu', 'gelu'])).rejects.toThrow(/choices/);
  });

  it('refuses it too when each trial loads the study afresh, as a worker does, sharing what finished trials said', async () => {
    const storage = new InMemoryStorage();
    const load = () => createStudy({ studyName: 'per-trial', storage, sampler: sampler(), loadIfExists: true });
    for (let i = 0; i < 3; i++) {
      const study = await load();
      const trial = await study.ask();
      await trial.suggestInt('units', 1, 8);
      await study.tell(trial, i);
    }
    const fresh = await load();
    const trial = await fresh.ask();
    await expect(trial.suggestFloat('units', 1, 8)).rejects.toThrow(/int before and as float/);
    // Another storage knows nothing of this one's trials.
    const elsewhere = await createStudy({ studyName: 'per-trial', storage: new InMemoryStorage(), sampler: sampler() });
    await expect((await elsewhere.ask()).suggestFloat('units', 1, 8)).resolves.toBeGreaterThanOrEqual(1);
  });

  it('creates, refuses duplicates and loads studies by name', async () => {
    const storage = new InMemoryStorage();
    const a = await createStudy({ storage, studyName: 'cnn', directions: ['maximize'] });
    await expect(createStudy({ storage, studyName: 'cnn', directions: ['maximize'] })).rejects.toBeInstanceOf(DuplicateStudyError);
    const b = await createStudy({ storage, studyName: 'cnn', directions: ['maximize'], loadIfExists: true });
    expect(b.studyId).toBe(a.studyId);
    await expect(createStudy({ storage, studyName: 'cnn', loadIfExists: true })).rejects.toThrow(/directions/);
  });

  it('returns the Pareto set for two directions', async () => {
    const study = await createStudy({ sampler: sampler(), directions: ['maximize', 'minimize'] });
    const values: Array<[number, number]> = [
      [0.9, 5],
      [0.8, 1],
      [0.7, 2], // dominated by [0.8, 1]
      [0.95, 9],
      [0.9, 6], // dominated by [0.9, 5]
    ];
    for (const v of values) await study.tell(await study.ask(), v);
    expect((await study.bestTrials).map((t) => t.number).sort()).toEqual([0, 1, 3]);
    await expect(study.bestTrial).rejects.toThrow(/bestTrials/);
  });
});

describe('Study.optimize', () => {
  it('runs nTrials with the requested number of objectives in flight', async () => {
    const study = await createStudy({ sampler: sampler() });
    let inFlight = 0;
    let peak = 0;
    await study.optimize(
      async (trial) => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        const x = await trial.suggestFloat('x', 0, 1);
        await new Promise((resolve) => setTimeout(resolve, 2));
        inFlight--;
        return x;
      },
      { nTrials: 20, concurrency: 4 },
    );
    expect((await study.getTrials()).length).toBe(20);
    expect(peak).toBe(4);
  });

  it('stops starting trials after timeoutMs', async () => {
    const study = await createStudy({ sampler: sampler() });
    const started = Date.now();
    await study.optimize(
      async (trial) => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        return trial.suggestFloat('x', 0, 1);
      },
      { timeoutMs: 100 },
    );
    expect(Date.now() - started).toBeLessThan(1000);
    expect((await study.getTrials()).length).toBeLessThan(10);
  });

  it('records pruned trials from reportAndPrune and failed trials from throwing objectives', async () => {
    const study = await createStudy({ sampler: sampler(), pruner: new MedianPruner({ nStartupTrials: 2 }) });
    let n = 0;
    // Trials 0 and 1 learn well; trial 2 learns badly and is pruned at its first epoch.
    await study.optimize(
      async (trial) => {
        const slope = n++ < 2 ? 1 : 0.1;
        for (let epoch = 0; epoch < 3; epoch++) await reportAndPrune(trial, 1 - slope * (epoch + 1) * 0.2, epoch);
        return 1 - slope * 0.6;
      },
      { nTrials: 3 },
    );
    expect((await study.getTrials()).map((t) => t.state)).toEqual(['COMPLETE', 'COMPLETE', 'PRUNED']);

    const failing = await createStudy({ sampler: sampler(), pruner: new NopPruner() });
    const boom = async () => {
      throw new Error('out of memory');
    };
    await expect(failing.optimize(boom, { nTrials: 3 })).rejects.toThrow('out of memory');
    expect((await failing.getTrials()).map((t) => [t.state, t.error])).toEqual([['FAILED', 'out of memory']]);
    await failing.optimize(boom, { nTrials: 3, catchErrors: true });
    expect((await failing.getTrials()).length).toBe(4);
  });
});

describe('heartbeats', () => {
  it("fails a dead worker's trial and retries its parameters up to maxRetries", async () => {
    let now = 0;
    const storage = new InMemoryStorage({ now: () => now });
    const heartbeat = { intervalMs: 1000, timeoutMs: 5000, maxRetries: 1 };
    // A worker without heartbeats stands in for one that died after suggesting.
    const dying = await createStudy({ storage, studyName: 's', sampler: sampler() });
    const lost = await dying.ask();
    const x = await lost.suggestFloat('x', 0, 1);

    const survivor = await createStudy({ storage, studyName: 's', sampler: sampler(), heartbeat, loadIfExists: true });
    now = 4000;
    const early = await survivor.ask(); // not stale yet: a fresh trial
    expect(early.number).toBe(1);
    await survivor.tell(early, 1);
    now = 6000;
    const retry = await survivor.ask();
    expect(await retry.suggestFloat('x', 0, 1)).toBe(x);
    expect(retry.created).toMatchObject({ retries: 1, systemAttrs: { retriedFrom: 0 } });
    const trials = await survivor.getTrials();
    expect(trials[0]).toMatchObject({ state: 'FAILED' });
    expect(trials[0]!.error).toMatch(/heartbeat/);
    // The dead worker's late tell is refused rather than overwriting the FAILED record.
    await expect(dying.tell(lost, 0.5)).rejects.toBeInstanceOf(TrialNotRunningError);

    // The retry dies too: with maxRetries 1 it is failed but not run a third time.
    now = 20000;
    const next = await survivor.ask();
    expect(next.created.retries).toBe(0);
    expect((await survivor.getTrials())[retry.number]!.state).toBe('FAILED');
    await survivor.tell(next, 0);
  });
});

describe('prepared (WAITING) trials', () => {
  it('keeps the parameters chosen when prepared, and starts each waiting trial once', async () => {
    let now = 0;
    const storage = new InMemoryStorage({ now: () => now });
    const heartbeat = { intervalMs: 1000, timeoutMs: 5000, maxRetries: 0 };
    const planner = await createStudy({ storage, studyName: 's', sampler: sampler(), heartbeat });
    const prepared = await planner.prepareTrial();
    const x = await prepared.suggestFloat('x', 0, 1);
    const layers = await prepared.suggestInt('layers', 1, 4);
    expect(await storage.getTrial(prepared.id)).toMatchObject({ state: 'WAITING', heartbeatAt: null, workerId: null, params: { x, layers } });

    // No heartbeat is expected of a trial no worker holds: waiting is not dying.
    now = 60_000;
    expect(await storage.failStaleTrials(planner.studyId, heartbeat.timeoutMs)).toEqual([]);

    const worker = await createStudy({ storage, studyName: 's', sampler: sampler(), heartbeat, loadIfExists: true, workerId: 'w1' });
    const started = await worker.startTrial(prepared.id);
    expect(started.number).toBe(prepared.number);
    expect(await started.suggestFloat('x', 0, 1)).toBe(x);
    expect(await started.suggestInt('layers', 1, 4)).toBe(layers);
    expect(await storage.getTrial(prepared.id)).toMatchObject({ state: 'RUNNING', workerId: 'w1', heartbeatAt: 60_000, startedAt: 60_000 });
    await expect(worker.startTrial(prepared.id)).rejects.toBeInstanceOf(TrialNotWaitingError);

    await worker.tell(started, x);
    expect((await worker.bestTrial).params).toEqual({ x, layers });
  });

  it('counts waiting trials as running for the constant liar', async () => {
    // Ten finished trials make TPE sample from its model; then two trials are sampled while the first is unfinished.
    const secondSample = async (constantLiar: boolean, unfinished: 'waiting' | 'running') => {
      const study = await createStudy({ studyName: 's', sampler: new TpeSampler({ seed: 3, constantLiar, nStartupTrials: 10 }) });
      for (let i = 0; i < 10; i++) {
        const t = await study.ask();
        const x = await t.suggestFloat('x', -10, 10);
        await study.tell(t, (x - 2) ** 2);
      }
      const next = () => (unfinished === 'waiting' ? study.prepareTrial() : study.ask());
      await (await next()).suggestFloat('x', -10, 10);
      return (await next()).suggestFloat('x', -10, 10);
    };
    const liedAbout = await secondSample(true, 'running');
    expect(liedAbout).not.toBe(await secondSample(false, 'running'));
    expect(await secondSample(true, 'waiting')).toBe(liedAbout);
  });
});
