import { describe, expect, it } from 'vitest';
import { categoricalDistribution, floatDistribution, intDistribution } from './distributions.js';
import { ParzenEstimator, type ParzenEstimatorParameters } from './parzen-estimator.js';
import { SeededRandom } from './seeded-random.js';
import { defaultWeights } from './tpe-sampler.js';

const univariate: ParzenEstimatorParameters = {
  considerPrior: true,
  priorWeight: 1,
  considerMagicClip: true,
  considerEndpoints: false,
  multivariate: false,
  weights: defaultWeights,
};

function integrate(pe: ParzenEstimator, name: string, low: number, high: number, n = 20000): number {
  const xs = Float64Array.from({ length: n }, (_, i) => low + ((i + 0.5) * (high - low)) / n);
  const logs = pe.logPdf({ [name]: xs });
  return logs.reduce((s, l) => s + Math.exp(l), 0) * ((high - low) / n);
}

describe('ParzenEstimator', () => {
  it('is a normalized density on a continuous range, linear or log', () => {
    const linear = new ParzenEstimator({ x: [0.1, 0.15, 0.9, -0.95] }, { x: floatDistribution(-1, 1) }, univariate);
    expect(integrate(linear, 'x', -1, 1)).toBeCloseTo(1, 3);
    // On a log range the density is over log(x): integrate p(x) dx with p = q(log x)/x.
    const log = new ParzenEstimator({ x: [0.001, 0.01, 0.5] }, { x: floatDistribution(1e-4, 1, { log: true }) }, univariate);
    const n = 20000;
    let mass = 0;
    for (let i = 0; i < n; i++) {
      const u = Math.log(1e-4) + ((i + 0.5) * (Math.log(1) - Math.log(1e-4))) / n;
      mass += Math.exp(log.logPdf({ x: [Math.exp(u)] })[0]!) * ((Math.log(1) - Math.log(1e-4)) / n);
    }
    expect(mass).toBeCloseTo(1, 3);
  });

  it('sums to one over an integer grid and over categorical choices', () => {
    const grid = new ParzenEstimator({ k: [2, 2, 7] }, { k: intDistribution(0, 10, { step: 1 }) }, univariate);
    const ks = Float64Array.from({ length: 11 }, (_, i) => i);
    expect(grid.logPdf({ k: ks }).reduce((s, l) => s + Math.exp(l), 0)).toBeCloseTo(1, 10);
    const cat = new ParzenEstimator({ c: [0, 0, 2] }, { c: categoricalDistribution(['a', 'b', 'c']) }, univariate);
    const probs = Array.from(cat.logPdf({ c: [0, 1, 2] }), Math.exp);
    expect(probs.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    // Optuna's categorical kernel: observed choice gets 1 + prior/nKernels, each choice prior/nKernels.
    // Kernels: two on 'a', one on 'c', one prior; weights 1/4 each; nKernels = 4, priorWeight/4 = 0.25.
    const row = (hit: number) => [0, 1, 2].map((j) => (0.25 + (j === hit ? 1 : 0)) / 1.75);
    const expected = [0, 1, 2].map((j) => (2 * row(0)[j]! + row(2)[j]! + 1 / 3) / 4);
    probs.forEach((p, j) => expect(p).toBeCloseTo(expected[j]!, 12));
  });

  it('draws samples that follow its own density', () => {
    const pe = new ParzenEstimator({ x: [0.2, 0.25, 0.8] }, { x: floatDistribution(0, 1) }, univariate);
    const samples = pe.sample(new SeededRandom(1), 40000).x!;
    const bins = new Array(10).fill(0);
    for (const s of samples) bins[Math.min(9, Math.floor(s * 10))]++;
    expect(Math.min(...samples)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...samples)).toBeLessThanOrEqual(1);
    for (let b = 0; b < 10; b++) {
      expect(bins[b] / samples.length).toBeCloseTo(integrate(pe, 'x', b / 10, (b + 1) / 10, 500), 1);
    }
  });

  it('uses the neighbour-gap bandwidths of Optuna (univariate, no endpoints, magic clip)', () => {
    // mus 0.2, 0.25, 0.8 plus prior 0.5 sorted: 0.2, 0.25, 0.5, 0.8; gaps to neighbours and bounds [0, 1].
    // sigma(0.2) = inner gap 0.05 (no endpoints) → clipped up to 1/min(100, 1 + 4) = 0.2;
    // sigma(0.25) = max(0.05, 0.25) = 0.25; sigma(0.8) = inner gap 0.3. Verify via the density at a mu.
    const pe = new ParzenEstimator({ x: [0.2, 0.25, 0.8] }, { x: floatDistribution(0, 1) }, univariate);
    const truncNormPdf = (x: number, mu: number, sigma: number) => {
      const phi = (z: number) => Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
      const cdf = (z: number) => 0.5 * (1 + erf(z / Math.SQRT2));
      return phi((x - mu) / sigma) / sigma / (cdf((1 - mu) / sigma) - cdf((0 - mu) / sigma));
    };
    const expected = (x: number) =>
      (truncNormPdf(x, 0.2, 0.2) + truncNormPdf(x, 0.25, 0.25) + truncNormPdf(x, 0.8, 0.3) + truncNormPdf(x, 0.5, 1)) / 4;
    for (const x of [0.05, 0.3, 0.61, 0.97]) {
      expect(Math.exp(pe.logPdf({ x: [x] })[0]!)).toBeCloseTo(expected(x), 6);
    }
  });

  it('scores like Optuna 3.1 with unnormalizedKernels: truncated normals without the 1/σ factor', () => {
    // Same kernels as above (sigmas 0.2, 0.25, 0.3 and the prior's 1); Optuna 3.1's _truncnorm.logpdf omits log σ.
    const pe = new ParzenEstimator({ x: [0.2, 0.25, 0.8] }, { x: floatDistribution(0, 1) }, { ...univariate, unnormalizedKernels: true });
    const kernel = (x: number, mu: number, sigma: number) => {
      const phi = (z: number) => Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
      const cdf = (z: number) => 0.5 * (1 + erf(z / Math.SQRT2));
      return phi((x - mu) / sigma) / (cdf((1 - mu) / sigma) - cdf((0 - mu) / sigma));
    };
    const expected = (x: number) => (kernel(x, 0.2, 0.2) + kernel(x, 0.25, 0.25) + kernel(x, 0.8, 0.3) + kernel(x, 0.5, 1)) / 4;
    for (const x of [0.05, 0.3, 0.61, 0.97]) {
      expect(Math.exp(pe.logPdf({ x: [x] })[0]!)).toBeCloseTo(expected(x), 9);
    }
  });

  it('gives each candidate the same log density, to the bit, in a batch as alone', () => {
    // The batch path computes four candidates per pass over the kernels; the last ones (7 = 4 + 3) one by one.
    const rng = new SeededRandom(5);
    const xs = Float64Array.from({ length: 400 }, () => rng.uniform(-5, 10));
    const pe = new ParzenEstimator({ x: xs }, { x: floatDistribution(-5, 10) }, { ...univariate, unnormalizedKernels: true });
    const batch = Float64Array.from({ length: 7 }, () => rng.uniform(-5, 10));
    const together = pe.logPdf({ x: batch });
    batch.forEach((x, j) => expect(Object.is(pe.logPdf({ x: [x] })[0], together[j])).toBe(true));
  });

  it('gives the same estimator with or without a precomputed sort order', () => {
    const rng = new SeededRandom(3);
    const xs = Float64Array.from({ length: 300 }, () => rng.uniform(-5, 10));
    const order = Int32Array.from(xs.keys()).sort((a, b) => xs[a]! - xs[b]! || a - b);
    const space = { x: floatDistribution(-5, 10) };
    const plain = new ParzenEstimator({ x: xs }, space, univariate);
    const hinted = new ParzenEstimator({ x: xs }, space, univariate, undefined, { x: order });
    const grid = Float64Array.from({ length: 101 }, (_, i) => -5 + (15 * i) / 100);
    expect(Array.from(hinted.logPdf({ x: grid }))).toEqual(Array.from(plain.logPdf({ x: grid })));
  });
});

// Abramowitz & Stegun 7.1.26 is too coarse for 6 digits; use a series that converges on |z| < 3.
function erf(z: number): number {
  let sum = 0;
  let term = z;
  for (let n = 0; n < 200; n++) {
    sum += term / (2 * n + 1);
    term *= (-z * z) / (n + 1);
  }
  return (2 / Math.sqrt(Math.PI)) * sum;
}
