import { distributionsEqual, type SearchSpace } from './distributions.js';
import { isUnfinished, type FrozenTrial } from './frozen-trial.js';

/**
 * The parameters every finished (COMPLETE or PRUNED) trial has, with one identical distribution
 * (Optuna `IntersectionSearchSpace(include_pruned=True)`), sorted by name.
 */
export function intersectionSearchSpace(trials: readonly FrozenTrial[]): SearchSpace {
  let space: Map<string, SearchSpace[string]> | null = null;
  for (const trial of trials) {
    if (trial.state !== 'COMPLETE' && trial.state !== 'PRUNED') continue;
    if (space === null) {
      space = new Map(Object.entries(trial.distributions));
      continue;
    }
    for (const [name, distribution] of space) {
      const other = trial.distributions[name];
      if (!other || !distributionsEqual(distribution, other)) space.delete(name);
    }
  }
  return sortedSpace(space ?? new Map());
}

/**
 * Disjoint groups of parameters that always appear together (Optuna `_GroupDecomposedSearchSpace`,
 * include_pruned=True): each finished trial's parameter set splits the groups it intersects, so a
 * conditional branch (e.g. the filters of a third conv layer) becomes its own group.
 */
export function groupDecomposedSearchSpace(trials: readonly FrozenTrial[]): SearchSpace[] {
  let groups: Array<Map<string, SearchSpace[string]>> = [];
  for (const trial of trials) {
    if (trial.state !== 'COMPLETE' && trial.state !== 'PRUNED') continue;
    const remaining = new Map(Object.entries(trial.distributions));
    const next: Array<Map<string, SearchSpace[string]>> = [];
    for (const group of groups) {
      const inside = new Map<string, SearchSpace[string]>();
      const outside = new Map<string, SearchSpace[string]>();
      for (const [name, distribution] of group) {
        if (remaining.has(name)) inside.set(name, distribution);
        else outside.set(name, distribution);
      }
      for (const name of group.keys()) remaining.delete(name);
      next.push(inside, outside);
    }
    next.push(remaining);
    groups = next.filter((g) => g.size > 0);
  }
  return groups.map(sortedSpace);
}

/**
 * `intersectionSearchSpace` kept up to date across calls: finished trials never change, so each is
 * intersected once (Optuna caches the same way). One instance per study: `trials` is that study's list, ordered
 * by number, so only trials from the oldest one still RUNNING at the last call need looking at.
 */
export class IntersectionSearchSpace {
  private readonly seen = new Set<string>();
  private space: Map<string, SearchSpace[string]> | null = null;
  private scanFrom = 0;
  private result: SearchSpace | null = null;

  calculate(trials: readonly FrozenTrial[]): SearchSpace {
    if (trials.length < this.scanFrom) this.scanFrom = 0; // not the list seen before: look at everything again
    let advancing = true;
    for (let i = this.scanFrom; i < trials.length; i++) {
      const trial = trials[i]!;
      if (isUnfinished(trial.state)) advancing = false;
      else if (advancing) this.scanFrom = i + 1;
      if ((trial.state !== 'COMPLETE' && trial.state !== 'PRUNED') || this.seen.has(trial.id)) continue;
      this.seen.add(trial.id);
      this.result = null;
      if (this.space === null) {
        this.space = new Map(Object.entries(trial.distributions));
        continue;
      }
      for (const [name, distribution] of this.space) {
        const other = trial.distributions[name];
        if (!other || !distributionsEqual(distribution, other)) this.space.delete(name);
      }
    }
    this.result ??= sortedSpace(this.space ?? new Map());
    return { ...this.result };
  }
}

function sortedSpace(space: Map<string, SearchSpace[string]>): SearchSpace {
  const result: SearchSpace = {};
  for (const name of [...space.keys()].sort()) result[name] = space.get(name)!;
  return result;
}
