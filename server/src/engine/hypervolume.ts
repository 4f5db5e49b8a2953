/**
 * Two-objective hypervolume (the area dominated by loss points and bounded by a reference point), and the
 * greedy hypervolume subset selection Optuna's multi-objective TPE uses to break ties (Optuna
 * `optuna/_hypervolume`, `_solve_hssp`).
 */

/** Area dominated by `points` (minimization) inside the box bounded by `reference`. */
export function hypervolume2d(points: readonly (readonly number[])[], reference: readonly number[]): number {
  const inside = points.filter((p) => p[0]! < reference[0]! && p[1]! < reference[1]!);
  inside.sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!);
  let area = 0;
  let bestY = reference[1]!;
  for (const p of inside) {
    if (p[1]! < bestY) {
      area += (reference[0]! - p[0]!) * (bestY - p[1]!);
      bestY = p[1]!;
    }
  }
  return area;
}

/** Optuna `_get_reference_point`: 10 % beyond the worst point in each objective; 0 becomes EPS. */
export function referencePoint(points: readonly (readonly number[])[]): number[] {
  const dims = points[0]!.length;
  const reference: number[] = [];
  for (let d = 0; d < dims; d++) {
    let worst = -Infinity;
    for (const p of points) worst = Math.max(worst, p[d]!);
    const r = Math.max(1.1 * worst, 0.9 * worst);
    reference.push(r === 0 ? HYPERVOLUME_EPS : r);
  }
  return reference;
}

/** Optuna `_tpe/sampler.py` EPS. */
export const HYPERVOLUME_EPS = 1e-12;

/** Greedily picks `subsetSize` indices whose points maximize the hypervolume, ties to the lower index. */
export function selectHypervolumeSubset(
  points: readonly (readonly number[])[],
  subsetSize: number,
  reference: readonly number[],
): number[] {
  const selected: number[] = [];
  const chosen = new Set<number>();
  // Duplicated points add nothing after the first; Optuna takes distinct points first, then duplicates.
  while (selected.length < Math.min(subsetSize, points.length)) {
    const base = hypervolume2d(selected.map((i) => points[i]!), reference);
    let best = -1;
    let bestGain = -Infinity;
    for (let i = 0; i < points.length; i++) {
      if (chosen.has(i)) continue;
      const gain = hypervolume2d([...selected.map((j) => points[j]!), points[i]!], reference) - base;
      if (gain > bestGain) {
        bestGain = gain;
        best = i;
      }
    }
    selected.push(best);
    chosen.add(best);
  }
  return selected;
}

/** Each point's exclusive hypervolume contribution (for multi-objective TPE's below-weights). */
export function hypervolumeContributions(points: readonly (readonly number[])[], reference: readonly number[]): number[] {
  const total = hypervolume2d(points, reference);
  return points.map((_, i) => total - hypervolume2d(points.filter((__, j) => j !== i), reference));
}
