import { describe, expect, it } from 'vitest';
import { DEFAULT_CNN_CONFIG, DEFAULT_LSTM_CONFIG } from './model-config.js';
import { CNN_SEARCH_SPACE, LSTM_SEARCH_SPACE, modelConfigFromParams } from './search-space.js';

describe('search spaces', () => {
  it('are plain JSON data: names unique, conditions refer to earlier parameters', () => {
    for (const space of [CNN_SEARCH_SPACE, LSTM_SEARCH_SPACE]) {
      expect(JSON.parse(JSON.stringify(space))).toEqual(space);
      const names = space.map((p) => p.name);
      expect(new Set(names).size).toBe(names.length);
      space.forEach((p, i) => {
        if (p.condition) expect(names.slice(0, i)).toContain(p.condition.param);
      });
    }
  });

  it('conditions filters of block k on at least k blocks', () => {
    const block3 = CNN_SEARCH_SPACE.find((p) => p.name === 'filtersBlock3')!;
    expect(block3.condition).toEqual({ param: 'convBlocks', in: [3, 4] });
    expect(CNN_SEARCH_SPACE.find((p) => p.name === 'filtersBlock1')!.condition).toBeUndefined();
  });
});

describe('modelConfigFromParams', () => {
  it('returns the defaults for no parameters, without sharing their objects', () => {
    const config = modelConfigFromParams({}, 'cnn');
    expect(config).toEqual(DEFAULT_CNN_CONFIG);
    if (config.family === 'cnn') config.filters.push(1);
    expect(DEFAULT_CNN_CONFIG.filters).toEqual([32, 64]);
    expect(modelConfigFromParams({}, 'lstm')).toEqual(DEFAULT_LSTM_CONFIG);
  });

  it('fills a CNN from sampled values, one filter count per block', () => {
    const config = modelConfigFromParams(
      { convBlocks: 3, filtersBlock1: 16, filtersBlock2: 64, filtersBlock3: 128, kernelSize: 5, activation: 'elu', batchNormalization: false, pooling: 'average', featureHead: 'global-max', denseLayers: 2, denseUnits: 256, denseDropout: 0.1, optimizer: 'rmsprop', learningRate: 0.01, learningRateSchedule: 'cosine', batchSize: 128 },
      'cnn',
    );
    expect(config).toMatchObject({
      family: 'cnn',
      filters: [16, 64, 128],
      kernelSize: 5,
      activation: 'elu',
      batchNormalization: false,
      pooling: 'average',
      featureHead: 'global-max',
      denseUnits: [256, 256],
      denseDropout: 0.1,
      optimizer: { name: 'rmsprop', learningRate: 0.01, schedule: 'cosine', batchSize: 128 },
    });
  });

  it('keeps defaults for inactive parameters: zero dense layers, unsampled block filters', () => {
    expect(modelConfigFromParams({ denseLayers: 0 }, 'cnn')).toMatchObject({ denseUnits: [] });
    expect(modelConfigFromParams({ convBlocks: 3 }, 'cnn')).toMatchObject({ filters: [32, 64, 128] });
    expect(modelConfigFromParams({ lstmLayers: 2, lstmUnits: 32, bidirectional: true }, 'lstm')).toMatchObject({ lstmUnits: [32, 32], bidirectional: true });
  });

  it('rejects unknown names and out-of-space values before anything is built', () => {
    expect(() => modelConfigFromParams({ filters: 3 }, 'cnn')).toThrow(/Unknown cnn hyperparameter "filters"/);
    expect(() => modelConfigFromParams({ kernelSize: 4 }, 'cnn')).toThrow(/one of \[3,5\]/);
    expect(() => modelConfigFromParams({ learningRate: 1 }, 'lstm')).toThrow(/float in \[0.0001, 0.01\]/);
    expect(() => modelConfigFromParams({ convBlocks: 2.5 }, 'cnn')).toThrow(/int in \[1, 4\]/);
  });
});
