import { formatBytes, isImage } from './download-link';

describe('download links', () => {
  it('previews images only', () => {
    const file = (contentType: string) => ({ kind: 'TRIAL_PLOT', fileName: 'f', url: '/f', contentType, sizeBytes: 1 });
    expect(isImage(file('image/png'))).toBe(true);
    expect(isImage(file('application/octet-stream'))).toBe(false);
  });

  it('says sizes in the unit a person reads', () => {
    expect(formatBytes(null)).toBe('');
    expect(formatBytes(900)).toBe('900 B');
    expect(formatBytes(20_480)).toBe('20.0 KB');
    expect(formatBytes(3 * 1024 * 1024)).toBe('3.0 MB');
  });
});
