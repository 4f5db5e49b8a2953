import { describe, expect, it } from 'vitest';
import { formatTick, linearTicks, logTicks } from './axis-ticks.js';
import { lineChartSvg } from './line-chart.js';

const frame = { x: 0, y: 0, width: 600, height: 300 };

describe('axis ticks', () => {
  it('choose steps of 1, 2 or 5 that cover the values', () => {
    expect(linearTicks(0.13, 0.87, 5).ticks).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(linearTicks(1, 5, 8, { integer: true }).ticks).toEqual([1, 2, 3, 4, 5]);
    expect(linearTicks(1, 30, 8, { integer: true }).step).toBe(5);
  });

  it('put a single value inside the axis rather than on a zero-width one', () => {
    const axis = linearTicks(1, 1, 8, { integer: true });
    expect(axis.min).toBeLessThan(1);
    expect(axis.max).toBeGreaterThan(1);
    expect(axis.ticks).toContain(1);
  });

  it('span whole decades on a log axis', () => {
    expect(logTicks(0.0003, 0.2).ticks).toEqual([1e-4, 1e-3, 1e-2, 1e-1, 1]);
    expect(() => logTicks(0, 1)).toThrow(/positive/);
    expect(formatTick(1e-4, 1, 'log')).toBe('1e-4');
    expect(formatTick(0.1, 1, 'log')).toBe('0.1');
  });
});

describe('lineChartSvg', () => {
  it('draws a line per series with a marker per point, and a legend entry each', () => {
    const svg = lineChartSvg(
      {
        title: 'Loss',
        xLabel: 'epoch',
        yLabel: 'loss',
        series: [
          { name: 'training', points: [1, 2, 3].map((x) => ({ x, y: 1 / x })) },
          { name: 'validation', points: [1, 2, 3].map((x) => ({ x, y: 1.2 / x })) },
        ],
      },
      frame,
    );
    expect(svg.match(/<polyline/g)).toHaveLength(2);
    expect(svg.match(/<circle/g)!.length).toBe(6 + 2);
    expect(svg).toContain('>training<');
    expect(svg).toContain('>validation<');
  });

  it('breaks a line where a value is missing, and says how many could not be drawn', () => {
    const svg = lineChartSvg(
      { title: 'Gradient', xLabel: 'epoch', yLabel: 'norm', yScale: 'log', series: [{ name: 'dense', points: [{ x: 1, y: 1 }, { x: 2, y: 0 }, { x: 3, y: null }, { x: 4, y: 0.5 }, { x: 5, y: 0.4 }] }] },
      frame,
    );
    expect(svg.match(/<polyline/g)).toHaveLength(1);
    expect(svg).toContain('1 value not finite or not positive (log axis), not drawn');
    expect(svg).toContain('(log scale)');
  });

  it('says so when nothing was recorded', () => {
    expect(lineChartSvg({ title: 'Empty', xLabel: 'epoch', yLabel: 'y', series: [] }, frame)).toContain('no values recorded');
  });
});
