import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { bestHyperparametersYaml } from './best-hyperparameters.js';
import { studyConfigFromInput } from './study-config.js';

describe('best_hyperparameters.yaml', () => {
  it('lists every CNN hyperparameter, sampled or default, with use_flattening right after use_global_pooling', () => {
    const config = studyConfigFromInput({ dataset: 'mnist', name: 'yaml-study' });
    const text = bestHyperparametersYaml(
      { name: 'yaml-study', config },
      { number: 3, params: { convBlocks: 2, filtersBlock1: 32, filtersBlock2: 64, featureHead: 'global-max', learningRate: 0.002 }, values: [0.91], testAccuracy: 0.9, health: { composite: 0.7 } },
    );
    const document = parse(text);
    expect(document).toMatchObject({ study: 'yaml-study', dataset: 'mnist', trial: 3, scores: { objective: [0.91], test_accuracy: 0.9 }, health: { composite: 0.7 } });
    const keys = Object.keys(document.hyperparameters);
    expect(keys.indexOf('use_flattening')).toBe(keys.indexOf('use_global_pooling') + 1);
    expect(document.hyperparameters).toMatchObject({
      conv_blocks: 2,
      filters_per_block: [32, 64],
      use_global_pooling: true,
      use_flattening: false,
      global_pooling: 'max',
      learning_rate: 0.002,
    });
    for (const key of ['kernel_size', 'activation', 'use_batch_normalization', 'pooling', 'conv_dropout', 'dense_units', 'optimizer', 'batch_size', 'learning_rate_schedule']) {
      expect(document.hyperparameters).toHaveProperty(key);
    }
  });

  it('reports the study\'s fixed values too, which the engine does not store with the trial', () => {
    const config = studyConfigFromInput({
      dataset: 'mnist',
      name: 'fixed-study',
      searchSpace: [
        { name: 'batchSize', mode: 'FIXED', value: 32 },
        { name: 'convBlocks', mode: 'FIXED', value: 1 },
        { name: 'batchNormalization', mode: 'FIXED', value: false },
      ],
    });
    const document = parse(bestHyperparametersYaml({ name: 'fixed-study', config }, { number: 0, params: { filtersBlock1: 16, learningRate: 0.003 }, values: [0.8] }));
    expect(document.hyperparameters).toMatchObject({ batch_size: 32, conv_blocks: 1, filters_per_block: [16], use_batch_normalization: false, learning_rate: 0.003 });
  });
});
