// Files of one trial among its study's downloads. The API lists downloads per study only and a Download names
// no trial, so a trial's files are recognised by the artifact ids its ARTIFACT_CREATED events carry (the url
// ends in the id), or by a name with `trial-<n>` (trial_<n>, trial<n>) in it, e.g. `trial-3-history.png`.
import type { StudyDetailsFragment } from '../graphql/generated/graphql';

export type DownloadLink = StudyDetailsFragment['downloads'][number];

export function trialDownloadsOf(downloads: readonly DownloadLink[], trialNumber: number, artifactIds: ReadonlySet<string> = new Set()): DownloadLink[] {
  const pattern = new RegExp(`(^|[^a-z0-9])trial[-_]?0*${trialNumber}(?![0-9])`, 'i');
  return downloads.filter((download) => pattern.test(download.fileName) || artifactIds.has(download.url.split('/').at(-1) ?? ''));
}

export function isImage(download: DownloadLink): boolean {
  return download.contentType.startsWith('image/');
}

export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined) return '';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
