import { describe, expect, it } from 'vitest';
import { DEFAULT_HEALTH_WEIGHTS, HEALTH_METRICS } from '../ml/health/health-report.js';
import { DEFAULT_OBJECTIVE_SETTINGS } from '../ml/health/objective.js';
import { CNN_SEARCH_SPACE } from '../ml/model/search-space.js';
import { optimizationInputDefaults, type OptimizationInput } from './optimization-input.js';
import { StudyConfigError, optimizationInputFromConfig, studyConfigFromInput } from './study-config.js';

const now = new Date('2026-11-27T08:09:10Z');

function configError(input: Parameters<typeof studyConfigFromInput>[0]): StudyConfigError {
  try {
    studyConfigFromInput(input, now);
  } catch (error) {
    if (error instanceof StudyConfigError) return error;
    throw error;
  }
  throw new Error('expected a StudyConfigError');
}

describe('studyConfigFromInput', () => {
  it('fills every unset field from the user-facing defaults', () => {
    const config = studyConfigFromInput({ dataset: 'mnist' }, now);
    expect(config).toMatchObject({
      name: 'mnist-20261127-080910',
      dataset: 'mnist',
      family: 'cnn',
      mode: optimizationInputDefaults.mode,
      objective: { mode: 'health-aware', healthWeight: DEFAULT_OBJECTIVE_SETTINGS.healthWeight },
      healthWeights: DEFAULT_HEALTH_WEIGHTS,
      directions: ['maximize'],
      trials: optimizationInputDefaults.trials,
      parallelism: optimizationInputDefaults.parallelism,
      budget: { epochs: optimizationInputDefaults.epochs, trainSubsetSize: optimizationInputDefaults.trainSubsetSize },
      finalModel: { epochs: optimizationInputDefaults.finalModelEpochs, trainSubsetSize: null },
      sampler: 'TPE',
      pruner: 'MEDIAN',
      fixedParams: { batchSize: 32 },
      disabledParams: [],
    });
    expect(config.searchSpace.map((p) => p.name)).toEqual(CNN_SEARCH_SPACE.map((p) => p.name).filter((n) => n !== 'batchSize'));
  });

  it('picks an LSTM for text datasets and two objectives for MULTI_OBJECTIVE', () => {
    const config = studyConfigFromInput({ dataset: 'imdb', mode: 'MULTI_OBJECTIVE' }, now);
    expect(config.family).toBe('lstm');
    expect(config.directions).toEqual(['maximize', 'maximize']);
  });

  it('applies FIXED, RANGE and OFF overrides', () => {
    const config = studyConfigFromInput(
      {
        dataset: 'fashion-mnist',
        searchSpace: [
          { name: 'convBlocks', mode: 'FIXED', value: 2 },
          { name: 'learningRate', mode: 'RANGE', low: 1e-3, high: 1e-2 },
          { name: 'activation', mode: 'RANGE', choices: ['relu', 'elu'] },
          { name: 'batchNormalization', mode: 'OFF' },
          { name: 'batchSize', mode: 'RANGE', choices: [64, 128] },
        ],
      },
      now,
    );
    expect(config.fixedParams).toEqual({ convBlocks: 2 });
    expect(config.disabledParams).toEqual(['batchNormalization']);
    expect(config.searchSpace.find((p) => p.name === 'learningRate')).toMatchObject({ low: 1e-3, high: 1e-2, log: true });
    expect(config.searchSpace.find((p) => p.name === 'activation')).toMatchObject({ choices: ['relu', 'elu'] });
    expect(config.searchSpace.find((p) => p.name === 'batchSize')).toMatchObject({ choices: [64, 128] });
    expect(config.searchSpace.some((p) => p.name === 'convBlocks' || p.name === 'batchNormalization')).toBe(false);
  });

  it.each([
    [{ dataset: 'svhn' }, 'dataset', /unknown dataset "svhn"/],
    [{ dataset: 'mnist', trials: 0 }, 'trials', /from 1 to 10000/],
    [{ dataset: 'mnist', trials: 2.5 }, 'trials', /whole number/],
    [{ dataset: 'mnist', epochs: 5000 }, 'epochs', /from 1 to 1000/],
    [{ dataset: 'mnist', name: '../etc' }, 'name', /letters, digits/],
    [{ dataset: 'mnist', name: 'x'.repeat(101) }, 'name', /1 to 100/],
    [{ dataset: 'mnist', mode: 'FAST' as never }, 'mode', /SIMPLE, HEALTH_AWARE, MULTI_OBJECTIVE/],
    [{ dataset: 'mnist', mode: 'SIMPLE', healthWeights: { gradientHealth: 2 } }, 'healthWeights', /HEALTH_AWARE mode only/],
    [{ dataset: 'mnist', healthWeight: 1.5 }, 'healthWeight', /from 0 to 1/],
    [{ dataset: 'mnist', healthWeights: { happiness: 1 } }, 'healthWeights.happiness', /unknown health metric/],
    [{ dataset: 'mnist', healthWeights: Object.fromEntries(HEALTH_METRICS.map((m) => [m, 0])) }, 'healthWeights', /must be positive/],
    [{ dataset: 'mnist', searchSpace: [{ name: 'lstmUnits', mode: 'OFF' as const }] }, 'searchSpace[0].name', /unknown CNN hyperparameter/],
    [{ dataset: 'mnist', searchSpace: [{ name: 'kernelSize', mode: 'FIXED' as const, value: 4 }] }, 'searchSpace[0].value', /one of 3, 5/],
    [{ dataset: 'mnist', searchSpace: [{ name: 'learningRate', mode: 'RANGE' as const, low: 0.05, high: 0.01 }] }, 'searchSpace[0].low', /below high/],
    [{ dataset: 'mnist', searchSpace: [{ name: 'learningRate', mode: 'RANGE' as const, low: 1e-6, high: 0.01 }] }, 'searchSpace[0].low', /within/],
    [{ dataset: 'mnist', searchSpace: [{ name: 'pooling', mode: 'RANGE' as const, choices: [] }] }, 'searchSpace[0].choices', /at least one/],
    [{ dataset: 'mnist', searchSpace: [{ name: 'pooling', mode: 'OFF' as const }, { name: 'pooling', mode: 'OFF' as const }] }, 'searchSpace[1].name', /set twice/],
    [
      { dataset: 'mnist', searchSpace: CNN_SEARCH_SPACE.map((p) => ({ name: p.name, mode: 'OFF' as const })) },
      'searchSpace',
      /nothing left to search/,
    ],
  ] as [OptimizationInput, string, RegExp][])('rejects %j at %s', (input, field, message) => {
    const error = configError(input);
    expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
  });

  it('converts back to the input that reproduces it', () => {
    const input = {
      dataset: 'mnist',
      name: 'round-trip',
      trials: 7,
      seed: 11,
      healthWeight: 0.4,
      healthWeights: { gradientHealth: 3 },
      searchSpace: [
        { name: 'convBlocks', mode: 'FIXED' as const, value: 3 },
        { name: 'pooling', mode: 'OFF' as const },
        { name: 'learningRate', mode: 'RANGE' as const, low: 0.001, high: 0.01, log: true },
      ],
    };
    const config = studyConfigFromInput(input, now);
    expect(studyConfigFromInput(optimizationInputFromConfig(config), now)).toEqual(config);
  });
});
