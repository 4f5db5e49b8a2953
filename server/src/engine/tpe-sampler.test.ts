import { describe, expect, it } from 'vitest';
import { hypervolume2d } from './hypervolume.js';
import { NopPruner } from './nop-pruner.js';
import { RandomSampler } from './random-sampler.js';
import type { Sampler } from './sampler.js';
import { groupDecomposedSearchSpace } from './search-space.js';
import { createStudy } from './study.js';
import { TpeSampler, defaultGamma, defaultWeights } from './tpe-sampler.js';
import type { Trial } from './trial.js';

const BRANIN_MIN = 0.397887357729738;

async function branin(trial: Trial): Promise<number> {
  const x = await trial.suggestFloat('x', -5, 10);
  const y = await trial.suggestFloat('y', 0, 15);
  const b = 5.1 / (4 * Math.PI ** 2);
  return (y - b * x * x + (5 / Math.PI) * x - 6) ** 2 + 10 * (1 - 1 / (8 * Math.PI)) * Math.cos(x) + 10;
}

async function bestValue(sampler: Sampler, nTrials: number): Promise<number> {
  const study = await createStudy({ sampler, pruner: new NopPruner() });
  await study.optimize(branin, { nTrials });
  return (await study.bestTrial).values![0]!;
}

const median = (v: number[]) => [...v].sort((a, b) => a - b)[v.length >> 1]!;

describe('TpeSampler', () => {
  it('beats random search on Branin across seeds by a clear margin', async () => {
    const seeds = [0, 1, 2, 3, 4, 5, 6, 7];
    const tpe: number[] = [];
    const random: number[] = [];
    for (const seed of seeds) {
      tpe.push((await bestValue(new TpeSampler({ seed }), 60)) - BRANIN_MIN);
      random.push((await bestValue(new RandomSampler({ seed }), 60)) - BRANIN_MIN);
    }
    expect(median(tpe)).toBeLessThan(0.5 * median(random));
    expect(seeds.filter((_, i) => tpe[i]! < random[i]!).length).toBeGreaterThanOrEqual(6);
  });

  it('is reproducible: same seed, same parameters; another seed, others', async () => {
    const params = async (seed: number) => {
      const study = await createStudy({ sampler: new TpeSampler({ seed, multivariate: true }) });
      await study.optimize(branin, { nTrials: 25 });
      return (await study.getTrials()).map((t) => t.params);
    };
    expect(await params(11)).toEqual(await params(11));
    expect(await params(11)).not.toEqual(await params(12));
  });

  it('samples log, stepped, integer and categorical parameters inside their domains', async () => {
    const study = await createStudy({ sampler: new TpeSampler({ seed: 3, nStartupTrials: 5 }) });
    await study.optimize(
      async (trial) => {
        const lr = await trial.suggestFloat('lr', 1e-5, 1e-1, { log: true });
        const dropout = await trial.suggestFloat('dropout', 0, 0.5, { step: 0.1 });
        const units = await trial.suggestInt('units', 16, 512, { log: true });
        const layers = await trial.suggestInt('layers', 1, 7, { step: 2 });
        const act = await trial.suggestCategorical('act', ['relu', 'tanh', 'gelu']);
        return Math.abs(Math.log10(lr) + 3) + dropout + Math.abs(units - 64) / 64 + layers + (act === 'gelu' ? 0 : 1);
      },
      { nTrials: 40 },
    );
    for (const t of await study.getTrials()) {
      const { lr, dropout, units, layers, act } = t.params as Record<string, number & string>;
      expect(lr).toBeGreaterThanOrEqual(1e-5);
      expect(lr).toBeLessThanOrEqual(1e-1);
      expect(Math.abs(dropout * 10 - Math.round(dropout * 10))).toBeLessThan(1e-9);
      expect(Number.isInteger(units) && units >= 16 && units <= 512).toBe(true);
      expect([1, 3, 5, 7]).toContain(layers);
      expect(['relu', 'tanh', 'gelu']).toContain(act);
    }
    const best = await study.bestTrial;
    expect(best.params['act']).toBe('gelu');
    expect(best.params['layers']).toBe(1);
  });

  it('optimizes conditional spaces: per-layer parameters exist only for the layers a trial has', async () => {
    const objective = async (trial: Trial) => {
      const layers = await trial.suggestInt('layers', 1, 3);
      let loss = Math.abs(layers - 2);
      for (let i = 0; i < layers; i++) {
        const filters = await trial.suggestInt(`filters_${i}`, 8, 128, { log: true });
        loss += Math.abs(Math.log2(filters) - 5) / 3; // 32 filters is best
      }
      return loss;
    };
    const study = await createStudy({ sampler: new TpeSampler({ seed: 5, multivariate: true, group: true }) });
    await study.optimize(objective, { nTrials: 60 });
    const trials = await study.getTrials();
    for (const t of trials) {
      const layers = t.params['layers'] as number;
      for (let i = 0; i < 3; i++) expect(`filters_${i}` in t.params).toBe(i < layers);
    }
    const groups = groupDecomposedSearchSpace(trials).map((g) => Object.keys(g));
    expect(groups).toContainEqual(['filters_0', 'layers']);
    expect(groups).toContainEqual(['filters_1']);
    expect(groups).toContainEqual(['filters_2']);
    expect((await study.bestTrial).values![0]!).toBeLessThan(0.2);
  });

  it('with the constant liar, concurrent workers rarely evaluate a point that is already running', async () => {
    const duplicatesOfRunning = async (constantLiar: boolean) => {
      let duplicates = 0;
      for (const seed of [0, 1, 2]) {
        const study = await createStudy({ sampler: new TpeSampler({ seed, constantLiar }), pruner: new NopPruner() });
        const running = new Map<string, number>();
        await study.optimize(
          async (trial) => {
            const x = await trial.suggestInt('x', 0, 9);
            const y = await trial.suggestInt('y', 0, 9);
            const key = `${x},${y}`;
            if ((running.get(key) ?? 0) > 0) duplicates++;
            running.set(key, (running.get(key) ?? 0) + 1);
            for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
            running.set(key, running.get(key)! - 1);
            return (x - 3) ** 2 + (y - 6) ** 2;
          },
          { nTrials: 60, concurrency: 8 },
        );
      }
      return duplicates;
    };
    const withoutLiar = await duplicatesOfRunning(false);
    const withLiar = await duplicatesOfRunning(true);
    expect(withLiar).toBeLessThan(0.5 * withoutLiar);
  });

  it('finds a better Pareto front than random search for two objectives', async () => {
    const front = async (sampler: Sampler) => {
      const study = await createStudy({ sampler, directions: ['minimize', 'minimize'] });
      await study.optimize(
        async (trial) => {
          const x = await trial.suggestFloat('x', 0, 1);
          const y = await trial.suggestFloat('y', 0, 1);
          const g = 1 + 9 * y; // ZDT1-like: the front is y = 0, f2 = g·(1 − √(f1/g))
          return [x, g * (1 - Math.sqrt(x / g))];
        },
        { nTrials: 60 },
      );
      const best = await study.bestTrials;
      return hypervolume2d(best.map((t) => [...t.values!]), [1.1, 11]);
    };
    let wins = 0;
    for (const seed of [0, 1, 2, 3, 4]) {
      if ((await front(new TpeSampler({ seed }))) > (await front(new RandomSampler({ seed })))) wins++;
    }
    expect(wins).toBeGreaterThanOrEqual(4);
  });
});

describe('TPE defaults (Optuna)', () => {
  it('gamma takes the best 10 %, at most 25', () => {
    expect([0, 1, 10, 11, 100, 250, 1000].map(defaultGamma)).toEqual([0, 1, 1, 2, 10, 25, 25]);
  });

  it('weights ramp up old observations and keep the newest 25 at 1', () => {
    expect(Array.from(defaultWeights(3))).toEqual([1, 1, 1]);
    const w = defaultWeights(100);
    expect(w[0]).toBeCloseTo(0.01, 12);
    expect(w[74]).toBeCloseTo(1, 12);
    expect(Array.from(w.slice(75))).toEqual(new Array(25).fill(1));
  });
});
