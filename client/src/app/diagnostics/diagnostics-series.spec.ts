import { diagnostics } from '../../testing/trial-fixtures';
import { activationSeries, batchLossPoints, deadUnitLayers, gradientNormSeries, lastEpochLayers, parseDiagnostics } from './diagnostics-series';

describe('diagnostics series', () => {
  const epochs = parseDiagnostics(diagnostics);

  it('gives one gradient-norm series per layer with weights, over the epochs', () => {
    expect(gradientNormSeries(epochs).map((s) => [s.label, s.values])).toEqual([
      ['conv_1', [0.05, 0.025]],
      ['output', [0.2, 0.1]],
    ]);
  });

  it('leaves a zero gradient norm out (a log axis cannot show it) rather than dropping the layer', () => {
    const zero = parseDiagnostics([{ epoch: 1, diagnostics: { layers: [{ layer: 'dense', gradientNorm: 0, activation: {} }] } }]);
    expect(gradientNormSeries(zero).map((s) => [s.label, s.values])).toEqual([['dense', [null]]]);
  });

  it('shows activation statistics of the last epoch, and dead units only for layers whose units can die', () => {
    const last = lastEpochLayers(epochs);
    expect(activationSeries(last)[0].values).toEqual([0.21, 0.4, 0.1]);
    expect(deadUnitLayers(last).map((l) => [l.layer, l.deadFraction])).toEqual([['conv_1', 0.125]]);
  });

  it('chains the batch losses of all epochs', () => {
    expect(batchLossPoints(epochs)).toMatchObject({ labels: [1, 2, 3, 4, 5, 6], series: [{ values: [2.3, 1.9, 1.4, 1.1, 0.9, 0.8] }] });
  });

  it('tolerates epochs without diagnostics (probe turned off)', () => {
    expect(parseDiagnostics([{ epoch: 2, diagnostics: null }, { epoch: 1, diagnostics: { layers: 'x' } }])).toEqual([
      { epoch: 1, learningRate: null, batchLosses: [], layers: [] },
      { epoch: 2, learningRate: null, batchLosses: [], layers: [] },
    ]);
  });
});
