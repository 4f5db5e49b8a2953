// Checksums of dataset files, computed once per file version and remembered in the cache folder:
// hashing a 90 MB zip on every load is wasted time, so a file whose size and mtime match the record is trusted.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface ExpectedChecksum {
  bytes?: number;
  sha256?: string;
  md5?: string;
}

export type VerificationResult = { ok: true } | { ok: false; reason: string };

interface VerificationRecord {
  bytes: number;
  mtimeMs: number;
  sha256?: string;
  md5?: string;
}

export async function hashFile(filePath: string, algorithms: ReadonlyArray<'sha256' | 'md5'>): Promise<Record<string, string>> {
  const hashes = algorithms.map((algorithm) => createHash(algorithm));
  for await (const chunk of createReadStream(filePath, { highWaterMark: 1 << 20 })) {
    for (const hash of hashes) hash.update(chunk as Buffer);
  }
  return Object.fromEntries(algorithms.map((algorithm, i) => [algorithm, hashes[i].digest('hex')]));
}

export class FileVerifier {
  private readonly recordPath: string;
  private records: Record<string, VerificationRecord> | undefined;

  constructor(cacheDir: string) {
    this.recordPath = path.join(cacheDir, 'verified-files.json');
  }

  /** Whether a file with these checksums was already verified at its current size and mtime (no hashing). */
  async isRecorded(filePath: string, expected: ExpectedChecksum): Promise<boolean> {
    const info = await stat(filePath);
    const record = (await this.load())[path.resolve(filePath)];
    return record !== undefined && record.bytes === info.size && record.mtimeMs === info.mtimeMs && this.matches(record, expected);
  }

  async verify(filePath: string, expected: ExpectedChecksum): Promise<VerificationResult> {
    const info = await stat(filePath);
    if (expected.bytes !== undefined && info.size !== expected.bytes) {
      return { ok: false, reason: `it has ${info.size} bytes, expected ${expected.bytes}` };
    }
    if (!expected.sha256 && !expected.md5) return { ok: true };
    if (await this.isRecorded(filePath, expected)) return { ok: true };
    const algorithms = [...(expected.sha256 ? ['sha256' as const] : []), ...(expected.md5 ? ['md5' as const] : [])];
    const actual = await hashFile(filePath, algorithms);
    for (const algorithm of algorithms) {
      if (actual[algorithm] !== expected[algorithm]) {
        return { ok: false, reason: `its ${algorithm} is ${actual[algorithm]}, expected ${expected[algorithm]}` };
      }
    }
    await this.remember(filePath, { bytes: info.size, mtimeMs: info.mtimeMs, ...actual });
    return { ok: true };
  }

  private matches(record: VerificationRecord, expected: ExpectedChecksum): boolean {
    return (!expected.sha256 || record.sha256 === expected.sha256) && (!expected.md5 || record.md5 === expected.md5);
  }

  private async load(): Promise<Record<string, VerificationRecord>> {
    if (!this.records) {
      try {
        this.records = JSON.parse(await readFile(this.recordPath, 'utf8')) as Record<string, VerificationRecord>;
      } catch {
        // No record yet (or an unreadable one): everything is verified afresh.
        this.records = {};
      }
    }
    return this.records;
  }

  private async remember(filePath: string, record: VerificationRecord): Promise<void> {
    // Re-read so concurrent processes (parallel trials) do not drop each other's records.
    this.records = undefined;
    const records = await this.load();
    records[path.resolve(filePath)] = record;
    await mkdir(path.dirname(this.recordPath), { recursive: true });
    const temporary = `${this.recordPath}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify(records, null, 1));
    await rename(temporary, this.recordPath);
  }
}
