import { scoreColour, trialScores } from './trial-colour';

const trial = (id: string, valAccuracy: number | null, composite: number | null) => ({
  id,
  epochs: valAccuracy === null ? [] : [{ epoch: 1, valAccuracy }],
  health: composite === null ? null : { composite },
});

describe('trial colouring', () => {
  const trials = [trial('a', 0.9, 0.4), trial('b', 0.95, 0.8), trial('c', 0.8, null), trial('d', null, null)];

  it('spreads accuracy over the study’s range, so the best is 1 and the worst 0', () => {
    expect([...trialScores(trials, 'performance')]).toEqual([
      ['a', expect.closeTo(0.667, 3)],
      ['b', 1],
      ['c', 0],
      ['d', null],
    ]);
  });

  it('uses composite health as it is (already in [0, 1])', () => {
    expect([...trialScores(trials, 'health')]).toEqual([
      ['a', 0.4],
      ['b', 0.8],
      ['c', null],
      ['d', null],
    ]);
  });

  it('scores a single trial (or equal ones) as best, and colours red to green, grey when unscored', () => {
    expect(trialScores([trial('a', 0.5, null)], 'performance').get('a')).toBe(1);
    expect(scoreColour(0)).toBe('hsl(0 70% 42%)');
    expect(scoreColour(1)).toBe('hsl(120 70% 42%)');
    expect(scoreColour(null)).toBe('var(--color-border)');
  });
});
