import { conditionText, defaultSettings, type Hyperparameter, overridesOf, searchSpaceProblems, settingProblem } from './hyperparameter-setting';

const hyperparameter = (overrides: Partial<Hyperparameter> & Pick<Hyperparameter, 'name' | 'kind'>): Hyperparameter => ({
  low: null,
  high: null,
  log: false,
  step: null,
  choices: null,
  defaultValue: null,
  condition: null,
  summary: '',
  description: '',
  ...overrides,
});

const convBlocks = hyperparameter({ name: 'convBlocks', kind: 'INT', low: 1, high: 4, defaultValue: 2 });
const learningRate = hyperparameter({ name: 'learningRate', kind: 'FLOAT', low: 1e-4, high: 1e-1, log: true, defaultValue: 1e-3 });
const activation = hyperparameter({ name: 'activation', kind: 'CATEGORICAL', choices: ['relu', 'elu', 'tanh'], defaultValue: 'relu' });
const batchNormalization = hyperparameter({ name: 'batchNormalization', kind: 'BOOL', choices: [true, false], defaultValue: true });
const space = [convBlocks, learningRate, activation, batchNormalization];

describe('overridesOf', () => {
  it('sends nothing for an untouched search space', () => {
    expect(overridesOf(space, defaultSettings(space))).toEqual([]);
  });

  it('sends only the changed hyperparameters, in the space order, with only the bounds that moved', () => {
    const settings = defaultSettings(space);
    const changed = {
      ...settings,
      batchNormalization: { ...settings['batchNormalization']!, mode: 'OFF' as const },
      activation: { ...settings['activation']!, choices: ['tanh', 'relu'] },
      learningRate: { ...settings['learningRate']!, high: 0.01 },
      convBlocks: { ...settings['convBlocks']!, mode: 'FIXED' as const, value: 3 },
    };

    expect(overridesOf(space, changed)).toEqual([
      { name: 'convBlocks', mode: 'FIXED', value: 3 },
      { name: 'learningRate', mode: 'RANGE', high: 0.01 },
      // The API's order of choices, whatever order they were ticked in.
      { name: 'activation', mode: 'RANGE', choices: ['relu', 'tanh'] },
      { name: 'batchNormalization', mode: 'OFF' },
    ]);
  });

  it('fixes a categorical to its default unless the user picks another value', () => {
    const settings = defaultSettings(space);
    expect(overridesOf(space, { ...settings, activation: { ...settings['activation']!, mode: 'FIXED' } })).toEqual([
      { name: 'activation', mode: 'FIXED', value: 'relu' },
    ]);
  });
});

describe('settingProblem', () => {
  const settings = defaultSettings(space);

  it('accepts the defaults', () => {
    expect(space.map((h) => settingProblem(h, settings[h.name]!))).toEqual([null, null, null, null]);
  });

  it('rejects what the API rejects: bounds outside the space, non-integers, an empty range, no choices', () => {
    expect(settingProblem(convBlocks, { ...settings['convBlocks']!, high: 9 })).toBe('convBlocks bounds lie within 1..4');
    expect(settingProblem(convBlocks, { ...settings['convBlocks']!, low: 1.5 })).toBe('convBlocks bounds must be integers');
    expect(settingProblem(convBlocks, { ...settings['convBlocks']!, low: 3, high: 3 })).toMatch(/^low \(3\) must be below high \(3\)/);
    expect(settingProblem(convBlocks, { ...settings['convBlocks']!, mode: 'FIXED', value: 7 })).toBe('convBlocks must be a number from 1 to 4');
    expect(settingProblem(activation, { ...settings['activation']!, choices: [] })).toBe('needs at least one choice');
  });

  it('needs one hyperparameter left to search', () => {
    const allOff = Object.fromEntries(space.map((h) => [h.name, { ...settings[h.name]!, mode: 'OFF' as const }]));
    expect(searchSpaceProblems(space, allOff)['']).toMatch(/nothing left to search/);
    expect(searchSpaceProblems(space, settings)).toEqual({});
  });
});

describe('conditionText', () => {
  it('lists the values the condition needs', () => {
    expect(conditionText({ param: 'convBlocks', oneOf: [3, 4] })).toBe('only when convBlocks is 3 or 4');
    expect(conditionText({ param: 'denseLayers', oneOf: [1] })).toBe('only when denseLayers is 1');
  });
});
