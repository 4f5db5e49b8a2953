// Deterministic, stratified train / validation split of an official training set, with a training subset whose
// examples are nested across sizes (a smaller budget's examples are a prefix of a larger one's), so multi-fidelity
// trials at different budgets see consistent data.
import type { LabeledExamples } from './dataset-types.js';
import { SeededRandom } from './seeded-random.js';

export interface SplitOptions {
  validationFraction: number;
  trainSubsetSize: number | undefined;
  seed: number;
}

/** Copies the examples at `indices`, in that order. */
export function takeExamples(examples: LabeledExamples, indices: ArrayLike<number>): LabeledExamples {
  const width = examples.count === 0 ? 0 : examples.inputs.length / examples.count;
  const inputs = examples.inputs instanceof Int32Array ? new Int32Array(indices.length * width) : new Uint8Array(indices.length * width);
  const labels = new Int32Array(indices.length);
  const groups = examples.groups ? new Int32Array(indices.length) : undefined;
  for (let i = 0; i < indices.length; i++) {
    const source = indices[i];
    inputs.set(examples.inputs.subarray(source * width, (source + 1) * width), i * width);
    labels[i] = examples.labels[source];
    if (groups) groups[i] = examples.groups![source];
  }
  return { count: indices.length, inputs, labels, ...(groups ? { groups } : {}) };
}

/**
 * Orders the units (groups, or single examples) so that every prefix is stratified: units are shuffled within their
 * class, and the r-th of a class's n units is placed at (r + 0.5) / n, interleaving classes in proportion.
 */
export function stratifiedUnitOrder(examples: LabeledExamples, seed: number): number[][] {
  const units = new Map<number, number[]>();
  for (let i = 0; i < examples.count; i++) {
    const key = examples.groups ? examples.groups[i] : i;
    let members = units.get(key);
    if (!members) units.set(key, (members = []));
    members.push(i);
  }
  const byClass = new Map<number, number[][]>();
  for (const members of units.values()) {
    const label = examples.labels[members[0]];
    let list = byClass.get(label);
    if (!list) byClass.set(label, (list = []));
    list.push(members);
  }
  const random = new SeededRandom(seed);
  const placed: { position: number; label: number; members: number[] }[] = [];
  for (const label of [...byClass.keys()].sort((a, b) => a - b)) {
    const list = random.shuffle(byClass.get(label)!);
    list.forEach((members, rank) => placed.push({ position: (rank + 0.5) / list.length, label, members }));
  }
  placed.sort((a, b) => a.position - b.position || a.label - b.label);
  return placed.map((unit) => unit.members);
}

/** Splits an official training set into training and validation examples. */
export function splitTrainValidation(examples: LabeledExamples, options: SplitOptions): { train: LabeledExamples; validation: LabeledExamples } {
  const order = stratifiedUnitOrder(examples, options.seed);
  const validationTarget = Math.round(options.validationFraction * examples.count);
  const validation: number[] = [];
  let next = 0;
  while (validation.length < validationTarget && next < order.length) validation.push(...order[next++]);
  const remaining = order.slice(next).flat();
  const wanted = options.trainSubsetSize ?? remaining.length;
  if (wanted > remaining.length) {
    throw new RangeError(
      `trainSubsetSize ${wanted} exceeds the ${remaining.length} training examples left after holding out ${validation.length} for validation`,
    );
  }
  return { train: takeExamples(examples, remaining.slice(0, wanted)), validation: takeExamples(examples, validation) };
}
