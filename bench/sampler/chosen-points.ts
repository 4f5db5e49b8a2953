/**
 * Fidelity check against Optuna (not a test): the point TPE chooses for one fixed trial history, over many seeds.
 * With the same history, our TpeSampler and Optuna 3.1.0's TPESampler should choose points with the same
 * distribution (the seeds' random streams differ, so only distributions compare). Run from the repository root:
 *   npx tsx bench/sampler/chosen-points.ts history FUNCTION tpe|mv N_TRIALS FILE   # our TPE, seed 0, as JSON
 *   npx tsx bench/sampler/chosen-points.ts chosen FILE tpe|mv N_SEEDS > ours.json  # chosen point per seed
 *   python3 bench/sampler/chosen_points_optuna.py FILE tpe|mv N_SEEDS ours.json     # Optuna's, and a KS test
 */
import { readFileSync, writeFileSync } from 'node:fs';
import {
  createStudy,
  floatDistribution,
  NopPruner,
  TpeSampler,
  type Distribution,
  type FrozenTrial,
  type SamplerContext,
} from '../../server/src/engine/index.js';
import { TEST_FUNCTIONS } from './functions.js';

interface History {
  bounds: Array<[number, number]>;
  trials: Array<{ params: Record<string, number>; value: number }>;
}

const [command, ...rest] = process.argv.slice(2);
if (command === 'history') {
  const [name, mode, nTrials, file] = rest;
  const fn = TEST_FUNCTIONS.find((f) => f.name === name);
  if (!fn || !file) throw new Error('usage: history FUNCTION tpe|mv N_TRIALS FILE');
  const study = await createStudy({ sampler: new TpeSampler({ seed: 0, multivariate: mode === 'mv' }), pruner: new NopPruner() });
  for (let i = 0; i < Number(nTrials); i++) {
    const trial = await study.ask();
    const x: number[] = [];
    for (let d = 0; d < fn.bounds.length; d++) x.push(await trial.suggestFloat(`x${d}`, fn.bounds[d]![0], fn.bounds[d]![1]));
    await study.tell(trial, fn.evaluate(x));
  }
  const history: History = {
    bounds: fn.bounds,
    trials: (await study.getTrials()).map((t) => ({ params: t.params as Record<string, number>, value: t.values![0]! })),
  };
  writeFileSync(file, JSON.stringify(history));
} else if (command === 'chosen') {
  const [file, mode, nSeeds] = rest;
  if (!file) throw new Error('usage: chosen FILE tpe|mv N_SEEDS');
  const history = JSON.parse(readFileSync(file, 'utf8')) as History;
  const distributions: Record<string, Distribution> = {};
  history.bounds.forEach(([low, high], d) => (distributions[`x${d}`] = floatDistribution(low, high)));
  const names = Object.keys(distributions);
  const common = {
    studyId: 'history',
    intermediateValues: [],
    userAttrs: {},
    systemAttrs: {},
    workerId: null,
    heartbeatAt: null,
    retries: 0,
    error: null,
    startedAt: 0,
  };
  const trials: FrozenTrial[] = history.trials.map((t, i) => ({
    ...common,
    id: `t${i}`,
    number: i,
    state: 'COMPLETE',
    params: t.params,
    distributions,
    values: [t.value],
    finishedAt: 0,
  }));
  const current: FrozenTrial = {
    ...common,
    id: 'current',
    number: trials.length,
    state: 'RUNNING',
    params: {},
    distributions: {},
    values: null,
    finishedAt: null,
  };
  const rows: number[][] = [];
  for (let seed = 0; seed < Number(nSeeds); seed++) {
    const sampler = new TpeSampler({ seed, multivariate: mode === 'mv' });
    const context: SamplerContext = { studyName: 'history', directions: ['minimize'], trials: [...trials, current] };
    if (mode === 'mv') {
      const params = sampler.sampleRelative(context, current, sampler.inferRelativeSearchSpace(context));
      rows.push(names.map((name) => params[name] as number));
    } else {
      rows.push(names.map((name) => sampler.sampleIndependent(context, current, name, distributions[name]!) as number));
    }
  }
  console.log(JSON.stringify(rows));
} else {
  throw new Error('usage: chosen-points.ts history … | chosen …');
}
