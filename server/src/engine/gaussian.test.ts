import { describe, expect, it } from 'vitest';
import { logGaussMass, logNdtr, ndtr, ndtri, ndtriExp, truncnormPpf } from './gaussian.js';

// Reference values from SciPy 1.17 (scipy.special / scipy.stats.truncnorm).
describe('gaussian special functions', () => {
  it('match SciPy in the centre and far in the tails', () => {
    expect(ndtr(0)).toBeCloseTo(0.5, 15);
    expect(ndtr(-5)).toBeCloseTo(2.866515718791939e-7, 20);
    expect(ndtr(1) / 0.8413447460685429).toBeCloseTo(1, 14);
    expect(logNdtr(-40) / -804.6084420137538).toBeCloseTo(1, 13);
    expect(logNdtr(-10) / -53.23128515051247).toBeCloseTo(1, 13);
    expect(ndtri(0.975)).toBeCloseTo(1.959963984540054, 13);
    expect(ndtri(1e-20)).toBeCloseTo(-9.262340089798408, 12);
    expect(ndtriExp(-2000) / -63.165418608783604).toBeCloseTo(1, 12);
  });

  it('keeps the mass of intervals many σ from the mean finite', () => {
    expect(logGaussMass(-3, -1)).toBeCloseTo(-1.8495664205476081, 13);
    expect(logGaussMass(90, 100)).toBeCloseTo(-4055.4188716222448, 9);
    expect(logGaussMass(-100, -90)).toBeCloseTo(logGaussMass(90, 100), 9);
    expect(logGaussMass(-50, 50)).toBeCloseTo(0, 15);
  });

  it('inverts the truncated normal CDF, also for intervals deep in a tail', () => {
    expect(truncnormPpf(0.3, -2, 3)).toBeCloseTo(-0.4802632093177195, 12);
    const deep = truncnormPpf(0.7, 5, 60);
    expect(deep).toBeGreaterThan(5);
    expect(deep).toBeCloseTo(5.227313280914729, 9);
    expect(truncnormPpf(0.2, -80, -70)).toBeGreaterThanOrEqual(-80);
  });
});
