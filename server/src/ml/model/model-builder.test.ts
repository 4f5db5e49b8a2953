import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DatasetDescription } from '../datasets/dataset-types.js';
import { initTrainingBackend } from '../backend/training-backend.js';
import { buildModel } from './model-builder.js';
import { defaultModelConfig, type CnnConfig, type LstmConfig } from './model-config.js';

const mnist: DatasetDescription = {
  id: 'mnist',
  displayName: 'MNIST',
  modality: 'image',
  inputShape: [28, 28, 1],
  classNames: Array.from({ length: 10 }, (_, i) => String(i)),
  splitSizes: { train: 60_000, test: 10_000 },
};
const tinyText: DatasetDescription = {
  id: 'imdb',
  displayName: 'IMDB',
  modality: 'text',
  inputShape: [20],
  classNames: ['negative', 'positive'],
  splitSizes: { train: 25_000, test: 25_000 },
  vocabularySize: 1000,
};

function cnn(overrides: Partial<CnnConfig>): CnnConfig {
  return { ...(defaultModelConfig('cnn') as CnnConfig), ...overrides };
}
function lstm(overrides: Partial<LstmConfig>): LstmConfig {
  return { ...(defaultModelConfig('lstm') as LstmConfig), ...overrides };
}

describe('buildModel', () => {
  beforeAll(async () => {
    await initTrainingBackend({ preference: 'cpu' });
  });

  it('builds a CNN whose shapes and parameter counts match the hand computation', () => {
    const { model, graph, parameterCount } = buildModel(
      cnn({ filters: [8, 16], kernelSize: 3, batchNormalization: true, pooling: 'max', convDropout: 0, featureHead: 'flatten', denseUnits: [32], denseDropout: 0.3 }),
      mnist,
    );
    const rows = graph.nodes.map((n) => [n.data.id, n.data.kind, n.data.outputShape.join('×'), n.data.params]);
    expect(rows).toEqual([
      ['input', 'input', '28×28×1', 0],
      ['conv1', 'conv2d', '28×28×8', 3 * 3 * 1 * 8], // no bias: batch norm's β replaces it
      ['batchnorm1', 'batch-normalization', '28×28×8', 4 * 8], // γ, β, moving mean, moving variance
      ['activation1', 'activation', '28×28×8', 0],
      ['pool1', 'pooling', '14×14×8', 0],
      ['conv2', 'conv2d', '14×14×16', 3 * 3 * 8 * 16],
      ['batchnorm2', 'batch-normalization', '14×14×16', 4 * 16],
      ['activation2', 'activation', '14×14×16', 0],
      ['pool2', 'pooling', '7×7×16', 0],
      ['flatten', 'flatten', '784', 0],
      ['dense1', 'dense', '32', 784 * 32 + 32],
      ['dense_dropout1', 'dropout', '32', 0],
      ['output', 'output', '10', 32 * 10 + 10],
    ]);
    expect(parameterCount).toBe(72 + 32 + 1152 + 64 + 25_120 + 330);
    expect(parameterCount).toBe(model.countParams());
    expect(graph.nodes.find((n) => n.data.id === 'batchnorm1')!.data.trainableParams).toBe(16);
    expect(graph.edges.map((e) => `${e.data.source}→${e.data.target} ${e.data.label}`)).toEqual([
      'input→conv1 28×28×1',
      'conv1→batchnorm1 28×28×8',
      'batchnorm1→activation1 28×28×8',
      'activation1→pool1 28×28×8',
      'pool1→conv2 14×14×8',
      'conv2→batchnorm2 14×14×16',
      'batchnorm2→activation2 14×14×16',
      'activation2→pool2 14×14×16',
      'pool2→flatten 7×7×16',
      'flatten→dense1 784',
      'dense1→dense_dropout1 32',
      'dense_dropout1→output 32',
    ]);
    expect(graph.nodes[1]!.data.label).toBe('Conv2D 8 · 3×3');
    expect(graph.nodes.at(-1)!.data.label).toBe('Output 10 · softmax');
    model.dispose();
  });

  it('replaces flatten by global pooling and keeps conv biases without batch norm', () => {
    const { model, graph, parameterCount } = buildModel(
      cnn({ filters: [4], kernelSize: 5, batchNormalization: false, pooling: 'average', featureHead: 'global-average', denseUnits: [] }),
      mnist,
    );
    expect(graph.nodes.map((n) => n.data.kind)).toEqual(['input', 'conv2d', 'pooling', 'global-pooling', 'output']);
    expect(graph.nodes[3]!.data.outputShape).toEqual([4]);
    expect(parameterCount).toBe(5 * 5 * 1 * 4 + 4 + (4 * 10 + 10));
    model.dispose();
  });

  it('builds an LSTM whose parameter counts match 4·(units·(input + units) + units) per direction', () => {
    const single = buildModel(lstm({ embeddingDim: 16, lstmUnits: [8], bidirectional: false, denseUnits: [] }), tinyText);
    expect(single.graph.nodes.map((n) => [n.data.kind, n.data.outputShape.join('×'), n.data.params])).toEqual([
      ['input', '20', 0],
      ['embedding', '20×16', 1000 * 16],
      ['lstm', '8', 4 * (8 * (16 + 8) + 8)],
      ['output', '2', 8 * 2 + 2],
    ]);
    expect(single.graph.edges[1]!.data.label).toBe('20×16');
    single.model.dispose();

    const stacked = buildModel(lstm({ embeddingDim: 16, lstmUnits: [8, 4], bidirectional: true, denseUnits: [6] }), tinyText);
    expect(stacked.graph.nodes.map((n) => [n.data.label, n.data.outputShape.join('×'), n.data.params])).toEqual([
      ['Input 20', '20', 0],
      ['Embedding 1000→16', '20×16', 16_000],
      ['BiLSTM 8', '20×16', 2 * 4 * (8 * (16 + 8) + 8)],
      ['BiLSTM 4', '8', 2 * 4 * (4 * (16 + 4) + 4)],
      ['Dense 6 · relu', '6', 8 * 6 + 6],
      ['Dropout 0.3', '6', 0],
      ['Output 2 · softmax', '2', 6 * 2 + 2],
    ]);
    expect(stacked.parameterCount).toBe(stacked.model.countParams());
    stacked.model.dispose();
  });

  it('rejects a family that does not fit the modality, and invalid configs, with what to change', () => {
    expect(() => buildModel(defaultModelConfig('lstm'), mnist)).toThrow(/image data, which needs a cnn model/);
    expect(() => buildModel(cnn({ filters: [] }), mnist)).toThrow(/filters must not be empty/);
  });

  it('builds identical initial weights from the same seed, different ones from another', () => {
    const weights = (seed: number): number[][] => {
      const { model } = buildModel(lstm({ embeddingDim: 4, lstmUnits: [3], denseUnits: [2] }), tinyText, { seed });
      const values = model.getWeights().map((w) => Array.from(w.dataSync()));
      model.dispose();
      return values;
    };
    expect(weights(5)).toEqual(weights(5));
    expect(weights(5)[0]).not.toEqual(weights(6)[0]);
  });

  it('predicts class probabilities for a batch of images', () => {
    const { model } = buildModel(defaultModelConfig('cnn'), mnist);
    const out = tf.tidy(() => model.predict(tf.zeros([2, 28, 28, 1])) as tf.Tensor);
    expect(out.shape).toEqual([2, 10]);
    expect(out.sum(1).arraySync() as number[]).toEqual([expect.closeTo(1, 5), expect.closeTo(1, 5)]);
    out.dispose();
    model.dispose();
  });
});
