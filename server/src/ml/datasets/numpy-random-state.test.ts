import { describe, expect, it } from 'vitest';
import { NumpyRandomState } from './numpy-random-state.js';

// Expected values printed by numpy 2.4: np.random.RandomState(seed), then rng.shuffle(np.arange(n)).
describe('NumpyRandomState', () => {
  it('is MT19937 seeded like init_genrand (reference output for seed 5489)', () => {
    const random = new NumpyRandomState(5489);
    expect([random.nextUint32(), random.nextUint32(), random.nextUint32()]).toEqual([3499211612, 581869302, 3890346734]);
  });

  it('shuffles like RandomState(113).shuffle, one stream across calls (Keras shuffles IMDB train, then test)', () => {
    const random = new NumpyRandomState(113);
    expect([...random.shuffledIndices(10)]).toEqual([9, 3, 6, 1, 0, 7, 4, 8, 2, 5]);
    expect([...random.shuffledIndices(7)]).toEqual([5, 1, 0, 3, 6, 4, 2]);
  });

  it('matches numpy at Keras sizes: 11 228 Reuters wires, 25 000 + 25 000 IMDB reviews', () => {
    const reuters = new NumpyRandomState(113).shuffledIndices(11_228);
    expect([...reuters.subarray(0, 8)]).toEqual([1341, 4427, 5095, 2044, 3024, 1792, 1931, 2375]);
    expect([...reuters.subarray(-4)]).toEqual([2710, 11010, 6306, 4828]);
    const random = new NumpyRandomState(113);
    expect([...random.shuffledIndices(25_000).subarray(0, 5)]).toEqual([7798, 13226, 18078, 793, 17499]);
    const test = random.shuffledIndices(25_000);
    expect([...test.subarray(0, 5)]).toEqual([22748, 4083, 8015, 13688, 5310]);
    expect([...test.subarray(-3)]).toEqual([23183, 20869, 16517]);
  });
});
