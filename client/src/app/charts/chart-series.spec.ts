import { formatChartValue, summarizeChart } from './chart-series';

describe('summarizeChart', () => {
  const series = [
    { label: 'Training loss', values: [1.2, 0.8, 0.6], colour: '#000' },
    { label: 'Validation loss', values: [null, 0.9, 0.7], colour: '#111' },
  ];

  it('says for each series where it started and ended, and its range', () => {
    expect(summarizeChart('Loss per epoch', 'epoch', [1, 2, 3], series)).toBe(
      'Loss per epoch, 3 epochs. Training loss: from 1.2 to 0.6, lowest 0.6, highest 1.2. Validation loss: from 0.9 to 0.7, lowest 0.7, highest 0.9.',
    );
  });

  it('reads single points and percentages plainly, and says when there is no data', () => {
    expect(summarizeChart('Accuracy', 'epoch', [1], [{ label: 'Validation', values: [0.912], colour: '#000' }], { title: '', percent: true })).toBe(
      'Accuracy, 1 epoch. Validation: 91.2 %.',
    );
    expect(summarizeChart('Accuracy', 'epoch', [], [])).toBe('Accuracy: no data yet.');
  });
});

describe('formatChartValue', () => {
  it('keeps 4 significant digits, uses exponents for tiny or huge values, and a dash for missing ones', () => {
    expect(formatChartValue(0.123456)).toBe('0.1235');
    expect(formatChartValue(0.0000123)).toBe('1.23e-5');
    expect(formatChartValue(null)).toBe('—');
    expect(formatChartValue(Number.NaN)).toBe('—');
  });
});
