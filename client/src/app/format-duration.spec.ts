import { formatDuration } from './format-duration';

describe('formatDuration', () => {
  it('says the duration is unknown when there is none', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(undefined)).toBe('—');
  });

  it('rounds to whole seconds and names the two largest units', () => {
    expect(formatDuration(0.4)).toBe('0 s');
    expect(formatDuration(42)).toBe('42 s');
    expect(formatDuration(59.6)).toBe('1 min 0 s');
    expect(formatDuration(75)).toBe('1 min 15 s');
    expect(formatDuration(7325)).toBe('2 h 2 min');
  });
});
