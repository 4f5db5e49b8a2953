import { describe, expect, it } from 'vitest';
import { defaultModelConfig, type ModelFamily } from './model-config.js';
import { modelConfigFromParams, searchSpaceFor } from './search-space.js';
import { architectureParams } from './architecture-params.js';
import { hyperparameterGuide } from './hyperparameter-guide.js';

describe('architecture defaults as hyperparameters', () => {
  it.each<ModelFamily>(['cnn', 'lstm'])('round-trips the %s defaults through modelConfigFromParams', (family) => {
    const params = architectureParams(defaultModelConfig(family));
    expect(modelConfigFromParams(params, family)).toEqual(defaultModelConfig(family));
  });

  it('maps each field of a non-default config to its hyperparameter, and leaves out those whose condition is unmet', () => {
    const config = defaultModelConfig('cnn');
    if (config.family !== 'cnn') throw new Error('expected a CNN config');
    Object.assign(config, { filters: [16, 32, 128], kernelSize: 5, activation: 'tanh', denseUnits: [] });
    config.optimizer.learningRate = 0.05;
    const params = architectureParams(config);
    expect(params).toMatchObject({ convBlocks: 3, filtersBlock1: 16, filtersBlock3: 128, kernelSize: 5, activation: 'tanh', denseLayers: 0, learningRate: 0.05 });
    expect(params).not.toHaveProperty('filtersBlock4');
    expect(params).not.toHaveProperty('denseUnits');
    expect(params).not.toHaveProperty('denseDropout');
    expect(modelConfigFromParams(params, 'cnn')).toEqual(config);
  });

  it('has a guide for every hyperparameter of every family', () => {
    for (const family of ['cnn', 'lstm'] as const) {
      for (const { name } of searchSpaceFor(family)) expect(hyperparameterGuide(name).length, name).toBeGreaterThan(80);
    }
    expect(() => hyperparameterGuide('dropoutEverywhere')).toThrow(/no guide/);
  });
});
