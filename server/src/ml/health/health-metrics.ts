// The six health metrics of a trained network, each a number in [0, 1] where 1 is healthy. Formulas, constants and
// their sources are in docs/HEALTH.md; keep the two in step.
import type { EpochMetrics, LayerDiagnostics } from '../trainer/training-types.js';

/** Reported for a metric whose inputs were not recorded (e.g. diagnostics turned off); listed in `unmeasured`. */
export const UNMEASURED = 0.5;

/** Parameter efficiency: models up to P0 parameters are not penalized; each decade above costs LAMBDA. */
export const EFFICIENCY_P0 = 1e4;
export const EFFICIENCY_LAMBDA = 0.5;
/** Training stability: per-batch log-loss noise up to this is ordinary minibatch noise. */
export const STABILITY_NOISE_ALLOWANCE = 0.5;
/** Training stability: losses are compared as ln(loss + OFFSET·ln K), so noise near zero loss does not count. */
export const STABILITY_LOSS_OFFSET = 0.1;
/** Training stability: a batch loss above this multiple of the chance loss ln K overshoots; weight of their share. */
export const OVERSHOOT_FACTOR = 1.5;
export const OVERSHOOT_WEIGHT = 3;
/** Gradient health: healthy band of log10(‖∇W‖ / ‖W‖) per layer, and decades outside it that take a layer to 0. */
export const GRADIENT_BAND: readonly [number, number] = [-5, 0];
export const GRADIENT_FALLOFF_DECADES = 2;
/** Gradient health: epochs with a training loss below this have nothing left to learn and are not judged. */
export const GRADIENT_CONVERGED_LOSS = 1e-3;
/** Convergence quality: relative change of the last epoch at which the curve counts as half settled. */
export const PLATEAU_HALF_CHANGE = 0.1;
/** Accuracy consistency: folds of the validation set, and the coefficient of variation that scores 0. */
export const CONSISTENCY_FOLDS = 5;
export const CONSISTENCY_MIN_FOLD_SIZE = 10;
export const CONSISTENCY_MAX_CV = 0.25;

const clamp01 = (x: number): number => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);
const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const std = (xs: number[]): number => {
  const m = mean(xs);
  return Math.sqrt(mean(xs.map((x) => (x - m) ** 2)));
};

/** 1 − dead fraction, averaged over the nonlinear layers of the final epoch's probe. */
export function neuronUtilization(layers: LayerDiagnostics[] | undefined): number | null {
  const nonlinear = layers?.filter((l) => l.nonlinear) ?? [];
  if (nonlinear.length === 0) return null;
  return clamp01(mean(nonlinear.map((l) => 1 - l.activation.deadFraction)));
}

/** Accuracy above chance, divided by 1 + λ·log10(P / P0) for P > P0 parameters. */
export function parameterEfficiency(accuracy: number, parameterCount: number, classes: number): number {
  const chance = 1 / classes;
  const aboveChance = clamp01((accuracy - chance) / (1 - chance));
  const decades = Math.max(0, Math.log10(Math.max(1, parameterCount) / EFFICIENCY_P0));
  return clamp01(aboveChance / (1 + EFFICIENCY_LAMBDA * decades));
}

/**
 * exp(−(rise + excess noise + OVERSHOOT_WEIGHT·overshoot)) on the training losses, with ℓ(x) = ln(x + 0.1·ln K):
 * rise = Σ increases of ℓ(mean epoch loss), starting from the chance loss ln K of an untrained network;
 * noise = the largest, over epochs, standard deviation of consecutive batch differences of ℓ, less the allowance;
 * overshoot = share of batches whose loss exceeds 1.5·ln K (worse than guessing). A non-finite loss scores 0.
 */
export function trainingStability(epochs: EpochMetrics[], classes: number): number | null {
  if (epochs.length === 0) return null;
  const all = epochs.flatMap((e) => e.batchLosses);
  if (!epochs.every((e) => Number.isFinite(e.loss)) || !all.every(Number.isFinite)) return 0;
  const chance = Math.log(classes);
  const level = (loss: number): number => Math.log(loss + STABILITY_LOSS_OFFSET * chance);
  const means = [chance, ...epochs.map((e) => e.loss)];
  let rise = 0;
  for (let i = 1; i < means.length; i++) rise += Math.max(0, level(means[i]!) - level(means[i - 1]!));
  const noises = epochs
    .map((e) => e.batchLosses.map(level))
    .filter((levels) => levels.length >= 3)
    .map((levels) => std(levels.slice(1).map((l, i) => l - levels[i]!)));
  const noise = noises.length > 0 ? Math.max(...noises) : 0;
  const overshoot = all.length > 0 ? all.filter((l) => l > OVERSHOOT_FACTOR * chance).length / all.length : 0;
  return clamp01(Math.exp(-(rise + Math.max(0, noise - STABILITY_NOISE_ALLOWANCE) + OVERSHOOT_WEIGHT * overshoot)));
}

/**
 * Per layer with weights and epoch: 1 inside the band of log10(‖∇W‖ / ‖W‖), falling to 0 two decades outside it, 0
 * for a zero or non-finite gradient; averaged over epochs per layer. The network scores ½·mean + ½·min over layers:
 * one layer that cannot learn blocks the layers before it.
 */
export function gradientHealth(epochs: EpochMetrics[]): { score: number | null; perLayer: Record<string, number> } {
  const scores = new Map<string, number[]>();
  for (const epoch of epochs) {
    if (epoch.loss < GRADIENT_CONVERGED_LOSS) continue;
    for (const layer of epoch.diagnostics?.layers ?? []) {
      if (layer.gradientNorm === undefined || layer.weightNorm === undefined) continue;
      const list = scores.get(layer.layer) ?? [];
      list.push(relativeGradientScore(layer.gradientNorm, layer.weightNorm));
      scores.set(layer.layer, list);
    }
  }
  if (epochs.some((e) => !Number.isFinite(e.loss)) && scores.size === 0) return { score: 0, perLayer: {} };
  if (scores.size === 0) return { score: null, perLayer: {} };
  const perLayer = Object.fromEntries([...scores].map(([name, list]) => [name, mean(list)]));
  const values = Object.values(perLayer);
  return { score: clamp01(0.5 * mean(values) + 0.5 * Math.min(...values)), perLayer };
}

function relativeGradientScore(gradientNorm: number, weightNorm: number): number {
  if (!Number.isFinite(gradientNorm) || !Number.isFinite(weightNorm)) return 0;
  if (gradientNorm === 0) return 0;
  const decades = Math.log10(gradientNorm / Math.max(weightNorm, 1e-12));
  const [low, high] = GRADIENT_BAND;
  const outside = decades < low ? low - decades : decades > high ? decades - high : 0;
  return clamp01(1 - outside / GRADIENT_FALLOFF_DECADES);
}

/**
 * On the validation-loss curve (training loss without validation), prefixed by the chance loss ln K of an untrained
 * network: path efficiency |v_E − v_0| / Σ|Δv| · exp(−2·overfit) · (½ + ½·settled); 0 if the loss never fell
 * below ln K. overfit = (v_E − min v) / min v; settled = 2^(−|Δv_E| / v_(E−1) / PLATEAU_HALF_CHANGE).
 */
export function convergenceQuality(epochs: EpochMetrics[], classes: number): number | null {
  if (epochs.length === 0) return null;
  const losses = epochs.map((e) => e.valLoss ?? e.loss);
  if (!losses.every(Number.isFinite)) return 0;
  const curve = [Math.log(classes), ...losses];
  const last = curve.at(-1)!;
  if (last >= curve[0]!) return 0;
  let path = 0;
  for (let i = 1; i < curve.length; i++) path += Math.abs(curve[i]! - curve[i - 1]!);
  const efficiency = Math.abs(last - curve[0]!) / path;
  const lowest = Math.min(...curve);
  const overfit = (last - lowest) / Math.max(lowest, 1e-12);
  const previous = curve.at(-2)!;
  const settled = 2 ** -(Math.abs(last - previous) / Math.max(previous, 1e-12) / PLATEAU_HALF_CHANGE);
  return clamp01(efficiency * Math.exp(-2 * overfit) * (0.5 + 0.5 * settled));
}

/** Accuracies of the validation examples split into folds by index mod k (k shrinks for small sets). */
export function foldAccuracies(correct: Uint8Array, folds = CONSISTENCY_FOLDS): number[] {
  const k = Math.min(folds, Math.floor(correct.length / CONSISTENCY_MIN_FOLD_SIZE));
  if (k < 2) return [];
  const hits = new Array<number>(k).fill(0);
  const sizes = new Array<number>(k).fill(0);
  correct.forEach((c, i) => {
    hits[i % k]! += c;
    sizes[i % k]! += 1;
  });
  return hits.map((h, i) => h / sizes[i]!);
}

/** 1 − CV / CV_max of the fold accuracies (CV = std / mean); 0 when the mean is 0. */
export function accuracyConsistency(accuracies: number[]): number | null {
  if (accuracies.length < 2) return null;
  const m = mean(accuracies);
  if (m <= 0) return 0;
  return clamp01(1 - std(accuracies) / m / CONSISTENCY_MAX_CV);
}
