// Reads members of a .zip (PKWARE APPNOTE 4.3: end of central directory, central directory, local headers),
// stored or deflated, one at a time so a 90 MB archive of small images never sits decompressed in memory at once.
import { readFile } from 'node:fs/promises';
import { inflateRawSync } from 'node:zlib';

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;

export class ZipArchive {
  private constructor(
    private readonly source: string,
    private readonly data: Buffer,
    private readonly entries: Map<string, { method: number; compressedSize: number; size: number; localOffset: number }>,
  ) {}

  static async open(filePath: string): Promise<ZipArchive> {
    const data = await readFile(filePath);
    let end = -1;
    for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 0xffff); i--) {
      if (data.readUInt32LE(i) === END_OF_CENTRAL_DIRECTORY) {
        end = i;
        break;
      }
    }
    if (end < 0) throw new Error(`${filePath} is not a zip archive (no end of central directory)`);
    const entryCount = data.readUInt16LE(end + 10);
    let offset = data.readUInt32LE(end + 16);
    const entries = new Map<string, { method: number; compressedSize: number; size: number; localOffset: number }>();
    for (let i = 0; i < entryCount; i++) {
      if (data.readUInt32LE(offset) !== CENTRAL_DIRECTORY_ENTRY) throw new Error(`${filePath}: damaged central directory`);
      const nameLength = data.readUInt16LE(offset + 28);
      const name = data.toString('utf8', offset + 46, offset + 46 + nameLength);
      entries.set(name, {
        method: data.readUInt16LE(offset + 10),
        compressedSize: data.readUInt32LE(offset + 20),
        size: data.readUInt32LE(offset + 24),
        localOffset: data.readUInt32LE(offset + 42),
      });
      offset += 46 + nameLength + data.readUInt16LE(offset + 30) + data.readUInt16LE(offset + 32);
    }
    return new ZipArchive(filePath, data, entries);
  }

  names(): string[] {
    return [...this.entries.keys()];
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  read(name: string): Buffer {
    const entry = this.entries.get(name);
    if (!entry) throw new Error(`${this.source} has no member ${name}`);
    const local = entry.localOffset;
    if (this.data.readUInt32LE(local) !== LOCAL_FILE_HEADER) throw new Error(`${this.source}: damaged local header of ${name}`);
    const start = local + 30 + this.data.readUInt16LE(local + 26) + this.data.readUInt16LE(local + 28);
    const compressed = this.data.subarray(start, start + entry.compressedSize);
    const content = entry.method === 0 ? Buffer.from(compressed) : entry.method === 8 ? inflateRawSync(compressed) : undefined;
    if (!content) throw new Error(`${this.source}: ${name} uses unsupported compression method ${entry.method}`);
    if (content.length !== entry.size) throw new Error(`${this.source}: ${name} decompressed to ${content.length} bytes, expected ${entry.size}`);
    return content;
  }
}
