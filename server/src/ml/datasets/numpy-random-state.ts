// numpy's legacy RandomState (MT19937, Matsumoto & Nishimura 1998, seeded by init_genrand) and its shuffle, bit for
// bit, so Keras' load_data order and train/test split (np.random.RandomState(113).shuffle) are reproduced exactly.

const N = 624;
const M = 397;

export class NumpyRandomState {
  private readonly state = new Uint32Array(N);
  private position = N;

  /** RandomState(seed) for an integer seed in [0, 2^32) (numpy's _legacy_seeding → mt19937_seed). */
  constructor(seed: number) {
    if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new RangeError(`a RandomState seed must be an integer in [0, 2^32), got ${seed}`);
    this.state[0] = seed >>> 0;
    for (let i = 1; i < N; i++) {
      const previous = this.state[i - 1] ^ (this.state[i - 1] >>> 30);
      this.state[i] = (Math.imul(1812433253, previous) + i) >>> 0;
    }
  }

  /** The next 32-bit output (genrand_int32, with tempering). */
  nextUint32(): number {
    if (this.position >= N) this.generate();
    let y = this.state[this.position++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** A uniform integer in [0, max] by masked rejection (numpy's random_interval, for max < 2^32). */
  interval(max: number): number {
    if (max === 0) return 0;
    let mask = max;
    mask |= mask >>> 1;
    mask |= mask >>> 2;
    mask |= mask >>> 4;
    mask |= mask >>> 8;
    mask |= mask >>> 16;
    mask >>>= 0;
    let value: number;
    do value = (this.nextUint32() & mask) >>> 0;
    while (value > max);
    return value;
  }

  /** What `indices = np.arange(count); rng.shuffle(indices)` leaves in `indices` (Fisher-Yates from the end). */
  shuffledIndices(count: number): Int32Array {
    const indices = Int32Array.from({ length: count }, (_, i) => i);
    for (let i = count - 1; i > 0; i--) {
      const j = this.interval(i);
      const swap = indices[i];
      indices[i] = indices[j];
      indices[j] = swap;
    }
    return indices;
  }

  private generate(): void {
    const state = this.state;
    for (let i = 0; i < N; i++) {
      const y = (state[i] & 0x80000000) | (state[(i + 1) % N] & 0x7fffffff);
      state[i] = state[(i + M) % N] ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
    }
    this.position = 0;
  }
}
