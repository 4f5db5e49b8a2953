// The downloads a study offers: files generated from its records, and the artifacts its runner stored.
import path from 'node:path';
import type { Artifact } from '../../persistence/generated/prisma/client.js';
import type { Download } from './download.type.js';

export const DOWNLOADS_PATH = '/downloads';

export function generatedDownloads(studyId: string, hasBestTrial: boolean): Download[] {
  const base = `${DOWNLOADS_PATH}/studies/${studyId}`;
  const links: Download[] = [
    { kind: 'trials_csv', fileName: 'trials.csv', contentType: 'text/csv; charset=utf-8', url: `${base}/trials.csv`, sizeBytes: null, path: null, trialId: null },
  ];
  if (hasBestTrial) {
    links.push(
      { kind: 'best_hyperparameters', fileName: 'best_hyperparameters.yaml', contentType: 'application/yaml; charset=utf-8', url: `${base}/best_hyperparameters.yaml`, sizeBytes: null, path: null, trialId: null },
      { kind: 'architecture_json', fileName: 'architecture.json', contentType: 'application/json; charset=utf-8', url: `${base}/architecture.json`, sizeBytes: null, path: null, trialId: null },
    );
  }
  return links;
}

export function artifactDownload(artifact: Artifact): Download {
  return {
    kind: artifact.kind,
    fileName: path.posix.basename(artifact.path),
    contentType: artifact.contentType,
    url: `${DOWNLOADS_PATH}/artifacts/${artifact.id}`,
    sizeBytes: artifact.sizeBytes,
    // Artifact.path starts with the study's folder name.
    path: artifact.path.split('/').slice(1).join('/'),
    trialId: artifact.trialId,
  };
}

/** Generated files first; a stored artifact with the same file name replaces the generated one. */
export function studyDownloads(studyId: string, hasBestTrial: boolean, artifacts: Artifact[]): Download[] {
  const stored = artifacts.map(artifactDownload);
  const storedNames = new Set(stored.map((download) => download.fileName));
  return [...generatedDownloads(studyId, hasBestTrial).filter((download) => !storedNames.has(download.fileName)), ...stored];
}
