import { searchSpaceRows } from './search-space-summary';

describe('searchSpaceRows', () => {
  it('lists searched hyperparameters with their range or choices and description, then fixed and disabled ones', () => {
    const config = {
      searchSpace: [
        { name: 'convBlocks', kind: 'int', low: 1, high: 4, description: 'Number of conv blocks (conv → pool)' },
        { name: 'learningRate', kind: 'float', low: 0.0001, high: 0.01, log: true, description: 'Optimizer step size' },
        { name: 'activation', kind: 'categorical', choices: ['relu', 'selu'], description: 'Hidden activation' },
      ],
      fixedParams: { batchSize: 32 },
      disabledParams: ['convDropout'],
    };

    expect(searchSpaceRows(config)).toEqual([
      { name: 'convBlocks', values: '1 – 4', mode: 'searched', description: 'Number of conv blocks (conv → pool)' },
      { name: 'learningRate', values: '0.0001 – 0.01 (log)', mode: 'searched', description: 'Optimizer step size' },
      { name: 'activation', values: '"relu", "selu"', mode: 'searched', description: 'Hidden activation' },
      { name: 'batchSize', values: '32', mode: 'fixed', description: '' },
      { name: 'convDropout', values: 'architecture default', mode: 'off', description: '' },
    ]);
  });

  it('is empty for a config without a search space', () => {
    expect(searchSpaceRows({})).toEqual([]);
  });
});
