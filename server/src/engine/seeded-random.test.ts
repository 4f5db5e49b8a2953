import { describe, expect, it } from 'vitest';
import { SeededRandom, deriveSeed } from './seeded-random.js';

describe('SeededRandom', () => {
  it('repeats its stream for a seed and differs across seeds', () => {
    const a = Array.from({ length: 5 }, ((r) => () => r.random())(new SeededRandom(42)));
    const b = Array.from({ length: 5 }, ((r) => () => r.random())(new SeededRandom(42)));
    const c = Array.from({ length: 5 }, ((r) => () => r.random())(new SeededRandom(43)));
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('draws uniforms in [0, 1) and standard normals with the right moments', () => {
    const rng = new SeededRandom(7);
    let sum = 0;
    let sumSq = 0;
    let outside = 0;
    const n = 50000;
    for (let i = 0; i < n; i++) {
      const u = rng.random();
      if (!(u >= 0 && u < 1)) outside++;
      const z = rng.normal();
      sum += z;
      sumSq += z * z;
    }
    expect(outside).toBe(0);
    expect(sum / n).toBeCloseTo(0, 1);
    expect(sumSq / n).toBeCloseTo(1, 1);
  });

  it('derives distinct seeds per label so trial streams do not collide', () => {
    expect(deriveSeed(1, 0, 'x')).toBe(deriveSeed(1, 0, 'x'));
    expect(deriveSeed(1, 0, 'x')).not.toBe(deriveSeed(1, 1, 'x'));
    expect(deriveSeed(1, 0, 'x')).not.toBe(deriveSeed(1, 0, 'y'));
    expect(deriveSeed(1, 0, '1')).not.toBe(deriveSeed(1, 0, 1));
  });
});
