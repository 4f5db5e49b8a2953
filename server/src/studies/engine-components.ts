// The engine's sampler and pruner a study's configuration names.
import { HyperbandPruner } from '../engine/hyperband-pruner.js';
import { MedianPruner } from '../engine/median-pruner.js';
import { NopPruner } from '../engine/nop-pruner.js';
import type { Pruner } from '../engine/pruner.js';
import { RandomSampler } from '../engine/random-sampler.js';
import type { Sampler } from '../engine/sampler.js';
import { SuccessiveHalvingPruner } from '../engine/successive-halving-pruner.js';
import { TpeSampler } from '../engine/tpe-sampler.js';
import type { StudyConfig } from './study-config.js';

/**
 * Each job builds its own sampler; seeding it with the study seed and the slot keeps a study reproducible in
 * its first, independent trials while slots running in parallel draw different values. Workers run trials
 * concurrently, so TPE uses the constant liar.
 */
export function createSampler(config: StudyConfig, slot: number): Sampler {
  const seed = (config.seed + slot * 7919) % 2 ** 31;
  switch (config.sampler) {
    case 'RANDOM':
      return new RandomSampler({ seed });
    case 'TPE':
      return new TpeSampler({ seed, constantLiar: true });
    case 'TPE_MULTIVARIATE':
      return new TpeSampler({ seed, constantLiar: true, multivariate: true, group: true });
  }
}

/** Pruners count steps in epochs: the resource is the epoch budget. */
export function createPruner(config: StudyConfig): Pruner {
  switch (config.pruner) {
    case 'NONE':
      return new NopPruner();
    case 'MEDIAN':
      return new MedianPruner();
    case 'SUCCESSIVE_HALVING':
      return new SuccessiveHalvingPruner();
    case 'HYPERBAND':
      return new HyperbandPruner({ maxResource: config.budget.epochs });
  }
}
