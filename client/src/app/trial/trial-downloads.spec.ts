import { trialPageStudy } from '../../testing/trial-fixtures';
import { trialDownloadsOf } from './trial-downloads';

describe('trialDownloadsOf', () => {
  const downloads = trialPageStudy().downloads;

  it('finds a trial’s files by its number in the file name, not another trial’s with the same digits', () => {
    expect(trialDownloadsOf(downloads, 3).map((d) => d.fileName)).toEqual(['trial-3-history.png']);
    expect(trialDownloadsOf(downloads, 13).map((d) => d.fileName)).toEqual(['trial-13-history.png']);
    expect(trialDownloadsOf(downloads, 1)).toEqual([]);
  });

  it('accepts the usual spellings: trial_3, trial003, plots/Trial-3.png', () => {
    const named = (fileName: string) => ({ kind: 'plot', fileName, url: `/${fileName}`, contentType: 'image/png', sizeBytes: 1 });
    const files = ['trial_3_loss.png', 'trial003.png', 'Trial-3.png', 'trials.csv', 'mytrial-3.png'].map(named);
    expect(trialDownloadsOf(files, 3).map((d) => d.fileName)).toEqual(['trial_3_loss.png', 'trial003.png', 'Trial-3.png']);
  });

  it('finds the artifacts this trial’s ARTIFACT_CREATED events named, whatever their file name', () => {
    const plot = (id: string) => ({ kind: 'TRIAL_PLOT', fileName: 'training_history.png', url: `/downloads/artifacts/${id}`, contentType: 'image/png', sizeBytes: 1 });
    expect(trialDownloadsOf([plot('a1'), plot('a2')], 3, new Set(['a2'])).map((d) => d.url)).toEqual(['/downloads/artifacts/a2']);
  });
});
