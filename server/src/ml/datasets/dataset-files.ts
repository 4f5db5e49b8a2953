// Which files each dataset is read from, where they are looked for, and how a missing one is obtained.
import { access, stat } from 'node:fs/promises';
import path from 'node:path';
import { DatasetFileError } from './dataset-file-error.js';
import { DATASETS_DIR_ENV } from './dataset-defaults.js';
import { downloadFile } from './file-download.js';
import { FileVerifier, type ExpectedChecksum } from './file-verification.js';

/** One file as its publisher distributes it. Checksums absent where none is published: then the parser's own checks verify it. */
export interface DatasetFile extends ExpectedChecksum {
  name: string;
  /** Canonical download address; absent for files that can only be placed by hand. */
  url?: string;
}

/** Files that together fill a role (e.g. the two halves of a re-packed archive). */
export interface FileGroup {
  label: string;
  files: DatasetFile[];
  /** Examples this group holds where fewer than published (a subset), so listings report what is really there. */
  holds?: { train?: number; test?: number };
  /**
   * Another edition of the dataset with its own published split (Keras' reuters.npz splits 80/20 at random, not ModApte):
   * its sizes replace the description's when this group is read.
   */
  splitSizes?: { train: number; test: number };
  /**
   * Read when its files are present, never downloaded: an edition a user opts into by placing its files, so a download
   * always fetches the edition the dataset's description documents.
   */
  optIn?: boolean;
}

/** Something a loader needs (the training images, the test labels...), with the file groups that provide it, preferred first. */
export interface FileRole {
  role: string;
  alternatives: FileGroup[];
  /** Loaded when present, never downloaded, never an error when absent. */
  optional?: boolean;
}

export interface DatasetFileSet {
  /** Sub-folder of the datasets folder. */
  folder: string;
  roles: FileRole[];
}

export interface ResolvedFile {
  name: string;
  path: string;
}

/** Role name → the chosen group's files, in the order the group lists them; optional roles absent when missing. */
export type ResolvedDatasetFiles = Record<string, { label: string; files: ResolvedFile[]; splitSizes?: FileGroup['splitSizes'] }>;

export type FileStatus = 'verified' | 'present' | 'missing' | 'corrupt';

export interface RoleAvailability {
  role: string;
  optional: boolean;
  label?: string;
  holds?: FileGroup['holds'];
  splitSizes?: FileGroup['splitSizes'];
  status: FileStatus;
  bytes: number;
  problem?: string;
}

async function exists(filePath: string): Promise<boolean> {
  try {
    await access(filePath);
    return true;
  } catch {
    return false;
  }
}

function describeGroup(group: FileGroup): string {
  return group.files.map((file) => (file.url ? `${file.name} from ${file.url}` : `${file.name} (no public URL: place it by hand)`)).join(' + ');
}

export class DatasetFileResolver {
  private readonly verifier: FileVerifier;

  constructor(
    private readonly datasetsDir: string,
    cacheDir: string,
    private readonly allowDownload: boolean,
  ) {
    this.verifier = new FileVerifier(cacheDir);
  }

  folderOf(files: DatasetFileSet): string {
    return path.join(this.datasetsDir, files.folder);
  }

  /** Finds, downloads when allowed and missing, and verifies every file a dataset needs; throws one DatasetFileError otherwise. */
  async resolve(datasetName: string, fileSet: DatasetFileSet): Promise<ResolvedDatasetFiles> {
    const folder = this.folderOf(fileSet);
    const resolved: ResolvedDatasetFiles = {};
    for (const role of fileSet.roles) {
      let group = await this.presentGroup(folder, role);
      if (!group && role.optional) continue;
      if (!group) group = await this.download(datasetName, folder, role);
      for (const file of group.files) {
        const filePath = path.join(folder, file.name);
        const result = await this.verifier.verify(filePath, file);
        if (!result.ok) {
          throw new DatasetFileError(
            `${datasetName}: ${filePath} is corrupt: ${result.reason}. Delete it and get it again${file.url ? ` from ${file.url}` : ''}.`,
            filePath,
          );
        }
      }
      resolved[role.role] = {
        label: group.label,
        files: group.files.map((file) => ({ name: file.name, path: path.join(folder, file.name) })),
        ...(group.splitSizes ? { splitSizes: group.splitSizes } : {}),
      };
    }
    return resolved;
  }

  /** What is on disk, without downloading; hashes only when `verify` is set (otherwise earlier verifications count). */
  async inspect(fileSet: DatasetFileSet, verify: boolean): Promise<RoleAvailability[]> {
    const folder = this.folderOf(fileSet);
    const report: RoleAvailability[] = [];
    for (const role of fileSet.roles) {
      const group = await this.presentGroup(folder, role);
      if (!group) {
        report.push({ role: role.role, optional: !!role.optional, status: 'missing', bytes: 0 });
        continue;
      }
      let status: FileStatus = 'verified';
      let bytes = 0;
      let problem: string | undefined;
      for (const file of group.files) {
        const filePath = path.join(folder, file.name);
        bytes += (await stat(filePath)).size;
        const checksummed = !!(file.sha256 || file.md5);
        if (verify) {
          const result = await this.verifier.verify(filePath, file);
          if (!result.ok) {
            status = 'corrupt';
            problem = `${file.name}: ${result.reason}`;
          }
        } else if (checksummed && !(await this.verifier.isRecorded(filePath, file)) && status === 'verified') {
          status = 'present';
        }
      }
      report.push({
        role: role.role,
        optional: !!role.optional,
        label: group.label,
        status,
        bytes,
        ...(group.holds ? { holds: group.holds } : {}),
        ...(group.splitSizes ? { splitSizes: group.splitSizes } : {}),
        ...(problem ? { problem } : {}),
      });
    }
    return report;
  }

  private async presentGroup(folder: string, role: FileRole): Promise<FileGroup | undefined> {
    for (const group of role.alternatives) {
      const present = await Promise.all(group.files.map((file) => exists(path.join(folder, file.name))));
      if (present.every(Boolean)) return group;
    }
    return undefined;
  }

  private async download(datasetName: string, folder: string, role: FileRole): Promise<FileGroup> {
    const wanted = role.alternatives.map(describeGroup).join('; or ');
    const where = `looked in ${folder}${path.sep} (the datasets folder comes from ${DATASETS_DIR_ENV} or the datasetsDir option, default ./datasets)`;
    const downloadable = role.alternatives.find((group) => !group.optIn && group.files.every((file) => file.url));
    if (!this.allowDownload || !downloadable) {
      throw new DatasetFileError(
        `${datasetName}: missing ${role.role}: ${where}. Get ${wanted}${this.allowDownload ? '' : ' (downloads are turned off)'}.`,
        path.join(folder, role.alternatives[0].files[0].name),
      );
    }
    for (const file of downloadable.files) {
      const destination = path.join(folder, file.name);
      if (await exists(destination)) continue;
      try {
        await downloadFile(file.url!, destination);
      } catch (error) {
        throw new DatasetFileError(
          `${datasetName}: missing ${file.name}: ${where}; downloading it from ${file.url} failed (${(error as Error).message}). ` +
            `Download it by hand into that folder, or get ${wanted}.`,
          destination,
        );
      }
    }
    return downloadable;
  }
}

/** Size and modification time of files, for cache keys of results derived from them. */
export async function fingerprintFiles(filePaths: string[]): Promise<{ name: string; bytes: number; mtimeMs: number }[]> {
  return Promise.all(
    filePaths.map(async (filePath) => {
      const info = await stat(filePath);
      return { name: path.basename(filePath), bytes: info.size, mtimeMs: info.mtimeMs };
    }),
  );
}
