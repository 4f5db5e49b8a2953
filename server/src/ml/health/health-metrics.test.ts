import { describe, expect, it } from 'vitest';
import type { EpochMetrics } from '../trainer/training-types.js';
import {
  accuracyConsistency,
  convergenceQuality,
  foldAccuracies,
  gradientHealth,
  parameterEfficiency,
  trainingStability,
} from './health-metrics.js';
import { compositeHealth, computeHealth, healthWeights } from './health-report.js';
import { DEFAULT_OBJECTIVE_SETTINGS, objectiveDirections, objectiveValues } from './objective.js';

function epoch(loss: number, valLoss: number | null, batchLosses: number[], gradients: [number, number][] = []): EpochMetrics {
  return {
    epoch: 1,
    loss,
    accuracy: 0,
    valLoss,
    valAccuracy: null,
    seconds: 1,
    samplesPerSecond: 1,
    learningRate: 0.01,
    batchLosses,
    diagnostics: {
      probeSize: 8,
      layers: gradients.map(([gradientNorm, weightNorm], i) => ({
        layer: `l${i}`,
        layerClass: 'Dense',
        nonlinear: true,
        activation: { mean: 0, std: 1, deadFraction: 0 },
        gradientNorm,
        weightNorm,
      })),
    },
  };
}

describe('parameter efficiency', () => {
  it('rewards accuracy above chance and penalizes each decade of parameters above 10 000', () => {
    expect(parameterEfficiency(0.1, 1_000, 10)).toBe(0); // chance accuracy is worth nothing, however small the model
    expect(parameterEfficiency(1, 5_000, 10)).toBe(1);
    expect(parameterEfficiency(1, 100_000, 10)).toBeCloseTo(1 / 1.5);
    expect(parameterEfficiency(1, 1_000_000, 10)).toBeCloseTo(1 / 2);
    expect(parameterEfficiency(0.55, 10_000, 10)).toBeCloseTo(0.5);
  });
});

describe('training stability', () => {
  const steady = [epoch(0.5, null, [0.6, 0.55, 0.5, 0.45]), epoch(0.3, null, [0.35, 0.3, 0.3, 0.25])];
  it('is 1 for a steadily falling loss, lower for oscillation and rises, 0 for a non-finite loss', () => {
    expect(trainingStability(steady, 10)).toBe(1);
    const oscillating = [epoch(1, null, [0.5, 3, 0.4, 4, 0.5, 3.5])];
    expect(trainingStability(oscillating, 10)).toBeLessThan(0.5);
    const rising = [epoch(0.5, null, [0.5, 0.5, 0.5]), epoch(1.5, null, [1.5, 1.5, 1.5])];
    expect(trainingStability(rising, 10)).toBeLessThan(0.5);
    expect(trainingStability([epoch(NaN, null, [0.5, NaN])], 10)).toBe(0);
  });
  it('counts batches worse than guessing (loss above 1.5 ln K) against stability', () => {
    const aboveChance = [epoch(2, null, [2, 2, 2, 2])];
    expect(trainingStability(aboveChance, 2)).toBeLessThan(0.1);
  });
});

describe('gradient health', () => {
  it('is 1 when every layer sits in the band, drops for vanishing and exploding layers', () => {
    expect(gradientHealth([epoch(1, null, [], [[0.01, 1], [0.1, 2]])]).score).toBe(1);
    const vanishing = gradientHealth([epoch(1, null, [], [[0.01, 1], [1e-9, 2]])]);
    expect(vanishing.perLayer).toEqual({ l0: 1, l1: 0 });
    expect(vanishing.score).toBe(0.25);
    expect(gradientHealth([epoch(1, null, [], [[1e3, 1]])]).score).toBe(0);
    expect(gradientHealth([epoch(1, null, [], [[Infinity, 1]])]).score).toBe(0);
  });
  it('does not judge epochs that have nothing left to learn', () => {
    expect(gradientHealth([epoch(1e-5, null, [], [[0, 1]])]).score).toBeNull();
  });
});

describe('convergence quality', () => {
  it('prefers a smooth, settled validation curve to a zigzag, an overfitting one, and one that never fell', () => {
    const smooth = convergenceQuality([epoch(1, 1.0, []), epoch(1, 0.5, []), epoch(1, 0.45, []), epoch(1, 0.44, [])], 10)!;
    const zigzag = convergenceQuality([epoch(1, 1.0, []), epoch(1, 2.0, []), epoch(1, 0.6, []), epoch(1, 1.5, [])], 10)!;
    const overfit = convergenceQuality([epoch(1, 0.6, []), epoch(1, 0.4, []), epoch(1, 0.8, [])], 10)!;
    expect(smooth).toBeGreaterThan(0.8);
    expect(zigzag).toBeLessThan(smooth / 2);
    expect(overfit).toBeLessThan(smooth / 2);
    expect(convergenceQuality([epoch(3, 3, [])], 10)).toBe(0);
  });
});

describe('accuracy consistency', () => {
  it('splits examples into folds by index mod k and scores 1 − CV / 0.25', () => {
    const correct = Uint8Array.from({ length: 100 }, (_, i) => (i % 5 === 0 ? 0 : 1));
    expect(foldAccuracies(correct)).toEqual([0, 1, 1, 1, 1]);
    expect(accuracyConsistency([0.9, 0.9, 0.9])).toBe(1);
    expect(accuracyConsistency([0.8, 1.0])).toBeCloseTo(1 - 0.1 / 0.9 / 0.25);
    expect(accuracyConsistency([0, 1, 1, 1, 1])).toBe(0);
    expect(foldAccuracies(new Uint8Array(15))).toEqual([]);
  });
});

describe('computeHealth, composite and objectives', () => {
  it('reports all six metrics, marks missing inputs as unmeasured, and blends them with the study weights', () => {
    const training = {
      epochs: [epoch(0.5, 0.6, [0.7, 0.6, 0.5], [[0.1, 1]])],
      stopReason: 'completed' as const,
      bestEpoch: 1,
      trainExamples: 3,
      validation: null,
      test: null,
      totalSeconds: 1,
    };
    const report = computeHealth({ training, parameterCount: 1000, classes: 10, accuracy: 0.82 });
    expect(report.details.unmeasured).toEqual(['accuracyConsistency']);
    expect(report.accuracyConsistency).toBe(0.5);
    expect(report.parameterEfficiency).toBeCloseTo(0.8);
    expect(report.neuronUtilization).toBe(1);
    expect(report.composite).toBeCloseTo(compositeHealth(report));
    const onlyStability = computeHealth({ training, parameterCount: 1000, classes: 10, weights: { ...zeroWeights(), trainingStability: 1 } });
    expect(onlyStability.composite).toBe(onlyStability.trainingStability);
    expect(() => healthWeights({ speed: 1 } as never)).toThrow(/Unknown health metric "speed"/);
  });

  it('gives accuracy, a documented blend, or the (accuracy, health) pair', () => {
    const health = { composite: 0.6 };
    expect(objectiveValues(DEFAULT_OBJECTIVE_SETTINGS, 0.9, health)).toEqual([0.9]);
    expect(objectiveValues({ mode: 'health-aware', healthWeight: 0.25 }, 0.9, health)[0]).toBeCloseTo(0.75 * 0.9 + 0.25 * 0.6);
    expect(objectiveValues({ mode: 'pareto', healthWeight: 0.25 }, 0.9, health)).toEqual([0.9, 0.6]);
    expect(objectiveDirections('pareto')).toEqual(['maximize', 'maximize']);
    expect(() => objectiveValues({ mode: 'health-aware', healthWeight: 2 }, 0.9, health)).toThrow(/healthWeight/);
  });
});

function zeroWeights() {
  return { neuronUtilization: 0, parameterEfficiency: 0, trainingStability: 0, gradientHealth: 0, convergenceQuality: 0, accuracyConsistency: 0 };
}
