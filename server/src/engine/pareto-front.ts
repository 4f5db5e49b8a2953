/**
 * Non-dominated sorting of loss vectors (every objective minimized). Used by multi-objective TPE to split
 * trials and by `Study.bestTrials`.
 */

/** True when `a` is no worse than `b` everywhere and better somewhere. */
export function dominates(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  let better = false;
  for (let i = 0; i < a.length; i++) {
    if (a[i]! > b[i]!) return false;
    if (a[i]! < b[i]!) better = true;
  }
  return better;
}

/**
 * Non-domination rank of each point (0 = Pareto front). Ranks are computed until at least `nBelow`
 * points are ranked; the others get rank `Infinity` (Optuna `_fast_non_domination_rank` with n_below).
 */
export function nonDominationRanks(points: readonly (readonly number[])[], nBelow = points.length): number[] {
  const n = points.length;
  const ranks = new Array<number>(n).fill(Infinity);
  if (n === 0) return ranks;
  if (points[0]!.length === 2) return ranks2d(points, nBelow, ranks);
  let remaining = [...Array(n).keys()];
  let rank = 0;
  let ranked = 0;
  while (remaining.length > 0 && ranked < nBelow) {
    const front = remaining.filter((i) => !remaining.some((j) => j !== i && dominates(points[j]!, points[i]!)));
    for (const i of front) ranks[i] = rank;
    ranked += front.length;
    const inFront = new Set(front);
    remaining = remaining.filter((i) => !inFront.has(i));
    rank++;
  }
  return ranks;
}

function ranks2d(points: readonly (readonly number[])[], nBelow: number, ranks: number[]): number[] {
  // Sort by (f0, f1); a point is dominated within a front only by the front's last member (smallest f1).
  const order = [...points.keys()].sort((i, j) => points[i]![0]! - points[j]![0]! || points[i]![1]! - points[j]![1]!);
  const lastOfFront: number[] = [];
  for (const i of order) {
    const p = points[i]!;
    let rank = 0;
    for (; rank < lastOfFront.length; rank++) {
      const q = points[lastOfFront[rank]!]!;
      const dominated = q[1]! < p[1]! || (q[1]! === p[1]! && q[0]! < p[0]!);
      if (!dominated) break;
    }
    ranks[i] = rank;
    lastOfFront[rank] = i;
  }
  // Honour nBelow like the general path: only ranks needed to cover nBelow points are reported.
  const counts = new Map<number, number>();
  for (const r of ranks) counts.set(r, (counts.get(r) ?? 0) + 1);
  let covered = 0;
  let maxRank = -1;
  for (let r = 0; covered < nBelow && counts.has(r); r++) {
    covered += counts.get(r)!;
    maxRank = r;
  }
  return ranks.map((r) => (r <= maxRank ? r : Infinity));
}
