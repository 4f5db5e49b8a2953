import type { FrozenTrial } from './frozen-trial.js';
import { selectHypervolumeSubset, referencePoint } from './hypervolume.js';
import { nonDominationRanks } from './pareto-front.js';
import { lossSign, type StudyDirection } from './study-direction.js';

/**
 * TPE's split of trials into the `nBelow` good ones and the rest (Optuna `_tpe/sampler.py` `_split_trials`):
 * COMPLETE trials by value (multi-objective: non-domination rank, ties broken by hypervolume subset
 * selection), then PRUNED trials by (latest step, value at it) if the good set is not full yet. RUNNING trials
 * (present only with the constant liar) always count as bad: the "lie" is that they will turn out poorly,
 * which pushes concurrent workers away from points already being evaluated. Both lists come back ordered by
 * trial number, so the weights function sees oldest first.
 */
export function splitTrials(
  trials: readonly FrozenTrial[],
  directions: readonly StudyDirection[],
  nBelow: number,
): { below: FrozenTrial[]; above: FrozenTrial[] } {
  const complete: FrozenTrial[] = [];
  const pruned: FrozenTrial[] = [];
  const running: FrozenTrial[] = [];
  for (const t of trials) {
    if (t.state === 'COMPLETE') complete.push(t);
    else if (t.state === 'PRUNED') pruned.push(t);
    else if (t.state === 'RUNNING') running.push(t);
  }
  const below = new Set<FrozenTrial>(
    directions.length === 1
      ? bestSingleObjective(complete, lossSign(directions[0]!), nBelow)
      : bestMultiObjective(complete, directions, nBelow),
  );
  let remaining = Math.max(0, nBelow - below.size);
  if (remaining > 0 && directions.length === 1) {
    // Pruned trials rank by how far they got, then by their last value (NaN last).
    const sign = lossSign(directions[0]!);
    const score = (t: FrozenTrial): [number, number] => {
      const rows = t.intermediateValues;
      if (rows.length === 0) return [1, 0];
      const last = rows[rows.length - 1]!;
      return [-last.step, Number.isNaN(last.value) ? Infinity : sign * last.value];
    };
    const ranked = pruned
      .map((t) => ({ t, s: score(t) }))
      .sort((a, b) => a.s[0] - b.s[0] || a.s[1] - b.s[1] || a.t.number - b.t.number);
    for (const { t } of ranked) {
      if (remaining-- <= 0) break;
      below.add(t);
    }
  }
  const belowList: FrozenTrial[] = [];
  const aboveList: FrozenTrial[] = [];
  for (const t of trials) {
    if (t.state === 'FAILED') continue;
    (below.has(t) ? belowList : aboveList).push(t);
  }
  return { below: belowList, above: aboveList };
}

/** The k best trials by (loss, number), in one pass with a small sorted buffer (k ≤ 25 by default gamma). */
function bestSingleObjective(complete: readonly FrozenTrial[], sign: number, k: number): FrozenTrial[] {
  if (k <= 0) return [];
  const best: Array<{ loss: number; t: FrozenTrial }> = [];
  for (const t of complete) {
    const loss = sign * t.values![0]!;
    if (best.length === k && !(loss < best[k - 1]!.loss)) continue;
    let i = best.length;
    while (i > 0 && best[i - 1]!.loss > loss) i--;
    best.splice(i, 0, { loss, t });
    if (best.length > k) best.pop();
  }
  return best.map((b) => b.t);
}

function bestMultiObjective(
  complete: readonly FrozenTrial[],
  directions: readonly StudyDirection[],
  nBelow: number,
): FrozenTrial[] {
  if (nBelow <= 0) return [];
  if (nBelow >= complete.length) return [...complete];
  const signs = directions.map(lossSign);
  const losses = complete.map((t) => t.values!.map((v, i) => signs[i]! * v));
  const ranks = nonDominationRanks(losses, nBelow);
  // Whole fronts that fit, then the best hypervolume subset of the next front.
  const counts = new Map<number, number>();
  for (const r of ranks) counts.set(r, (counts.get(r) ?? 0) + 1);
  let taken = 0;
  let lastFullRank = -1;
  while (counts.has(lastFullRank + 1) && taken + counts.get(lastFullRank + 1)! <= nBelow) {
    lastFullRank++;
    taken += counts.get(lastFullRank)!;
  }
  const chosen = complete.filter((_, i) => ranks[i]! <= lastFullRank);
  if (chosen.length < nBelow) {
    const tieIndices = complete.map((_, i) => i).filter((i) => ranks[i] === lastFullRank + 1);
    const tiePoints = tieIndices.map((i) => losses[i]!);
    const picked = selectHypervolumeSubset(tiePoints, nBelow - chosen.length, referencePoint(tiePoints));
    for (const j of picked) chosen.push(complete[tieIndices[j]!]!);
  }
  return chosen;
}
