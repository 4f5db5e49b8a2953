import { describe, expect, it } from 'vitest';
import { crc32 } from './crc32.js';
import { HyperbandPruner } from './hyperband-pruner.js';
import { MedianPruner } from './median-pruner.js';
import { NopPruner } from './nop-pruner.js';
import { PercentilePruner } from './percentile-pruner.js';
import type { Pruner } from './pruner.js';
import { RandomSampler } from './random-sampler.js';
import { createStudy, type Study } from './study.js';
import type { StudyDirection } from './study-direction.js';
import { SuccessiveHalvingPruner, completedRungKey } from './successive-halving-pruner.js';

async function studyWith(pruner: Pruner, direction: StudyDirection = 'minimize', studyName?: string): Promise<Study> {
  return createStudy({ pruner, sampler: new RandomSampler({ seed: 0 }), directions: [direction], studyName });
}

/** Runs a finished trial with this learning curve (value at step i = curve[i]). */
async function completeCurve(study: Study, curve: number[]): Promise<void> {
  const trial = await study.ask();
  for (let step = 0; step < curve.length; step++) await trial.report(curve[step]!, step);
  await study.tell(trial, curve.at(-1)!);
}

/** Reports a curve on a new trial and returns shouldPrune() after each report. */
async function decisions(study: Study, curve: number[], steps = curve.map((_, i) => i)): Promise<boolean[]> {
  const trial = await study.ask();
  const out: boolean[] = [];
  for (let i = 0; i < curve.length; i++) {
    await trial.report(curve[i]!, steps[i]!);
    out.push(await trial.shouldPrune());
  }
  await study.tell(trial, 'pruned');
  return out;
}

describe('MedianPruner', () => {
  it('prunes a trial whose best value is worse than the median of completed trials at that step', async () => {
    const study = await studyWith(new MedianPruner());
    for (const level of [1, 2, 3, 4, 5]) await completeCurve(study, [level, level, level]); // median 3
    expect(await decisions(study, [3.5, 3.5, 3.5])).toEqual([true, true, true]);
    expect(await decisions(study, [2.5, 2.5, 2.5])).toEqual([false, false, false]);
    // The best value so far counts, not the latest one.
    expect(await decisions(study, [2, 4, 4])).toEqual([false, false, false]);
  });

  it('waits for nStartupTrials completed trials and nWarmupSteps steps', async () => {
    const study = await studyWith(new MedianPruner({ nStartupTrials: 5, nWarmupSteps: 2 }));
    for (const level of [1, 2, 3, 4]) await completeCurve(study, [level, level, level, level]);
    expect(await decisions(study, [9, 9, 9, 9])).toEqual([false, false, false, false]);
    await completeCurve(study, [5, 5, 5, 5]);
    expect(await decisions(study, [9, 9, 9, 9])).toEqual([false, false, true, true]);
  });

  it('judges only at the first report in each interval', async () => {
    const study = await studyWith(new MedianPruner({ nStartupTrials: 1, intervalSteps: 2 }));
    await completeCurve(study, [1, 1, 1, 1, 1]);
    expect(await decisions(study, [9, 9, 9, 9, 9])).toEqual([true, false, true, false, true]);
  });

  it('flips the comparison for maximized objectives and prunes NaN curves', async () => {
    const study = await studyWith(new MedianPruner({ nStartupTrials: 1 }), 'maximize');
    await completeCurve(study, [0.8, 0.9]);
    expect(await decisions(study, [0.5, 0.6])).toEqual([true, true]);
    expect(await decisions(study, [0.85, 0.95])).toEqual([false, false]);
    expect(await decisions(study, [NaN])).toEqual([true]);
  });
});

describe('PercentilePruner', () => {
  it('uses numpy-style linear interpolation between completed values', async () => {
    const study = await studyWith(new PercentilePruner(25, { nStartupTrials: 1 }));
    for (const level of [0, 10, 20, 30, 40]) await completeCurve(study, [level]); // 25th percentile = 10
    expect(await decisions(study, [10.5])).toEqual([true]);
    expect(await decisions(study, [9.5])).toEqual([false]);
  });
});

describe('SuccessiveHalvingPruner (ASHA)', () => {
  it('promotes a trial at a rung only when it is in the top 1/η of the values recorded there', async () => {
    const pruner = new SuccessiveHalvingPruner({ minResource: 1, reductionFactor: 2 });
    const study = await studyWith(pruner);
    // Rungs at steps 1, 2, 4 (minResource · η^rung). Step 0 is below the first rung: never pruned.
    expect(await decisions(study, [5, 5], [0, 1])).toEqual([false, false]); // first at rung 0: promoted
    expect(await decisions(study, [6], [1])).toEqual([true]); // [5, 6]: top 1 of 2 is 5
    expect(await decisions(study, [4], [1])).toEqual([false]); // [5, 6, 4]: top 1 of 3 is 4
    const trials = await study.getTrials();
    expect(trials.map((t) => t.systemAttrs[completedRungKey(0)])).toEqual([5, 6, 4]);
  });

  it('estimates minResource from the first completed trial (last step / 100, at least 1)', async () => {
    const study = await studyWith(new SuccessiveHalvingPruner({ reductionFactor: 2 }));
    expect(await decisions(study, [1], [500])).toEqual([false]); // nothing completed: no estimate
    await completeCurve(study, Array.from({ length: 401 }, () => 1)); // minResource = floor(400 / 100) = 4
    expect(await decisions(study, [1], [4])).toEqual([false]); // first value at the rung at step 4
    expect(await decisions(study, [9, 9], [3, 4])).toEqual([false, true]); // step 3 is below the rung
  });
});

describe('HyperbandPruner', () => {
  it('hashes trials into brackets like Optuna (crc32 of "<study>_<number>")', async () => {
    expect(crc32('hb_0')).toBe(2407493257);
    expect(crc32('hb_1')).toBe(4168637983);
    const pruner = new HyperbandPruner({ minResource: 1, maxResource: 9, reductionFactor: 3 });
    const study = await studyWith(pruner, 'minimize', 'hb');
    await decisions(study, [1], [0]); // initializes: 3 brackets, budgets [9, 5, 3]
    const expected = [0, 0, 2, 2, 1, 1, 1, 2, 1, 0, 1, 0, 1, 1, 1, 0, 2, 0, 2, 0]; // Python reference
    expect(expected.map((_, n) => pruner.bracketOf('hb', n))).toEqual(expected);
  });

  it('compares a trial only with trials of its own bracket', async () => {
    const pruner = new HyperbandPruner({ minResource: 1, maxResource: 9, reductionFactor: 3 });
    const study = await studyWith(pruner, 'minimize', 'hb');
    // Brackets of trials 0..3: 0, 0, 2, 2. Bracket 0 has rungs at steps 1, 3, 9; bracket 2 at step 9.
    expect(await decisions(study, [1], [1])).toEqual([false]); // trial 0: first value at its rung 0
    expect(await decisions(study, [5], [1])).toEqual([true]); // trial 1: 5 is not the best of [1, 5]
    expect(await decisions(study, [5], [1])).toEqual([false]); // trial 2: step 1 is below bracket 2's rung
    // Trial 3 reaches bracket 2's rung 0; trials 0 and 1 recorded a rung-0 value too, but in bracket 0:
    // unfiltered, [1, 5, 5] would prune it.
    expect(await decisions(study, [5], [9])).toEqual([false]);
  });
});

describe('NopPruner', () => {
  it('never prunes', async () => {
    const study = await studyWith(new NopPruner());
    await completeCurve(study, [0]);
    expect(await decisions(study, [NaN, 1e9])).toEqual([false, false]);
  });
});
