import { describe, expect, it } from 'vitest';
import {
  categoricalDistribution,
  checkDistributionCompatibility,
  contains,
  floatDistribution,
  intDistribution,
  isSingle,
  toExternal,
  toInternal,
} from './distributions.js';

describe('distributions', () => {
  it('are plain JSON values that round-trip', () => {
    const all = [
      floatDistribution(1e-5, 1e-1, { log: true }),
      floatDistribution(0, 1, { step: 0.25 }),
      intDistribution(16, 256, { log: true }),
      intDistribution(1, 9, { step: 2 }),
      categoricalDistribution(['relu', 'tanh', null, 3, true]),
    ];
    expect(JSON.parse(JSON.stringify(all))).toEqual(all);
  });

  it('reject bad input with a message that says what to change', () => {
    expect(() => floatDistribution(1, 0)).toThrow(/low <= high/);
    expect(() => floatDistribution(0, 1, { log: true })).toThrow(/low > 0/);
    expect(() => floatDistribution(1, 2, { log: true, step: 0.1 })).toThrow(/log=true with a step/);
    expect(() => intDistribution(1, 10, { log: true, step: 2 })).toThrow(/step=1/);
    expect(() => intDistribution(0.5, 3)).toThrow(/integer/);
    expect(() => categoricalDistribution([])).toThrow(/at least one/);
  });

  it('lower a high that is off the step grid onto it (Optuna behaviour)', () => {
    expect(floatDistribution(0, 1, { step: 0.3 }).high).toBeCloseTo(0.9, 12);
    expect(intDistribution(0, 10, { step: 3 }).high).toBe(9);
  });

  it('map categorical choices to indices and back', () => {
    const d = categoricalDistribution(['a', 'b', 'c']);
    expect(toInternal(d, 'c')).toBe(2);
    expect(toExternal(d, 1)).toBe('b');
    expect(() => toInternal(d, 'z')).toThrow(/not one of/);
    expect(toExternal(intDistribution(0, 5), 2.9999)).toBe(3);
  });

  it('know which values they contain and when they are single-valued', () => {
    expect(contains(intDistribution(0, 10, { step: 2 }), 4)).toBe(true);
    expect(contains(intDistribution(0, 10, { step: 2 }), 5)).toBe(false);
    expect(contains(floatDistribution(0, 1), 1.5)).toBe(false);
    expect(isSingle(floatDistribution(2, 2))).toBe(true);
    expect(isSingle(categoricalDistribution(['only']))).toBe(true);
    expect(isSingle(intDistribution(0, 1))).toBe(false);
  });

  it('allow a changing range but not a changing kind or choice set for one name', () => {
    expect(() => checkDistributionCompatibility('x', floatDistribution(0, 1), floatDistribution(0, 2))).not.toThrow();
    expect(() => checkDistributionCompatibility('x', floatDistribution(0, 1), intDistribution(0, 1))).toThrow(/float/);
    expect(() =>
      checkDistributionCompatibility('c', categoricalDistribution(['a']), categoricalDistribution(['a', 'b'])),
    ).toThrow(/choices/);
  });
});
