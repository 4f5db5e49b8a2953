// A stored file offered for download (a trial's or a study's): plots are previewed, everything can be downloaded.
import type { TrialPageQuery } from '../graphql/generated/graphql';

export type DownloadLink = Pick<TrialPageQuery['trial']['downloads'][number], 'kind' | 'fileName' | 'url' | 'contentType' | 'sizeBytes'>;

export function isImage(download: DownloadLink): boolean {
  return download.contentType.startsWith('image/');
}

export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined) return '';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
