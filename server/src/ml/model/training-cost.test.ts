import { describe, expect, it } from 'vitest';
import { defaultModelConfig, type CnnConfig, type LstmConfig } from './model-config.js';
import { trainingCostPerExample } from './training-cost.js';

const cnn = (overrides: Partial<CnnConfig>): CnnConfig => ({ ...(defaultModelConfig('cnn') as CnnConfig), ...overrides });
const lstm = (overrides: Partial<LstmConfig>): LstmConfig => ({ ...(defaultModelConfig('lstm') as LstmConfig), ...overrides });

describe('trainingCostPerExample', () => {
  it('counts a CNN by hand: every conv position, pooling that shrinks the map, the flattened dense head', () => {
    const config = cnn({ filters: [8, 16], convLayersPerBlock: 1, kernelSize: 3, pooling: 'max', featureHead: 'flatten', denseUnits: [32] });
    // conv1 28·28·8·3·3·1, pool to 14×14, conv2 14·14·16·3·3·8, pool to 7×7, dense 7·7·16·32, output 32·10.
    expect(trainingCostPerExample(config, [28, 28, 1], 10)).toBe(56_448 + 225_792 + 25_088 + 320);
  });

  it('makes wider, deeper and unpooled networks cost more, and global pooling less than flattening', () => {
    const base = cnn({ filters: [16, 32] });
    const cost = (config: CnnConfig) => trainingCostPerExample(config, [32, 32, 3], 10);
    expect(cost(cnn({ filters: [32, 64] }))).toBeGreaterThan(cost(base));
    expect(cost(cnn({ filters: [16, 32], convLayersPerBlock: 2 }))).toBeGreaterThan(cost(base));
    expect(cost(cnn({ filters: [16, 32], pooling: 'none' }))).toBeGreaterThan(cost(base));
    expect(cost(cnn({ filters: [16, 32], featureHead: 'global-average' }))).toBeLessThan(cost(base));
  });

  it('counts an LSTM by its four gates per step and direction', () => {
    const one = lstm({ embeddingDim: 16, lstmUnits: [8], bidirectional: false, denseUnits: [] });
    // 20 steps · 4 gates · 8 units · (16 inputs + 8 state), then the 8 → 2 output layer.
    expect(trainingCostPerExample(one, [20], 2)).toBe(20 * 4 * 8 * 24 + 16);
    const both = lstm({ ...one, bidirectional: true });
    expect(trainingCostPerExample(both, [20], 2)).toBe(2 * 20 * 4 * 8 * 24 + 32);
  });
});
