// Parsed datasets (resized GTSRB crops, tokenized text) kept as one binary file per key, so a second load skips the work.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

export type CachedArray = Uint8Array | Int32Array;

export interface CacheEntry<Meta> {
  meta: Meta;
  arrays: Record<string, CachedArray>;
}

interface ArrayHeader {
  name: string;
  type: 'uint8' | 'int32';
  offset: number;
  length: number;
}

const MAGIC = 'HSDC1\n';

export class DatasetCache {
  constructor(readonly dir: string) {}

  /** Folder for files unpacked from archives, per dataset. */
  unpackDir(datasetFolder: string): string {
    return path.join(this.dir, 'unpacked', datasetFolder);
  }

  /** Cache file of a key; the key should name every input (file checksums, options) the result depends on. */
  pathOf(name: string, key: unknown): string {
    const digest = createHash('sha256').update(JSON.stringify(key)).digest('hex').slice(0, 16);
    return path.join(this.dir, 'parsed', `${name}-${digest}.bin`);
  }

  async read<Meta>(name: string, key: unknown): Promise<CacheEntry<Meta> | undefined> {
    let buffer: Buffer;
    try {
      buffer = await readFile(this.pathOf(name, key));
    } catch {
      return undefined;
    }
    if (buffer.toString('latin1', 0, MAGIC.length) !== MAGIC) return undefined;
    const headerLength = buffer.readUInt32LE(MAGIC.length);
    const headerStart = MAGIC.length + 4;
    const header = JSON.parse(buffer.toString('utf8', headerStart, headerStart + headerLength)) as { meta: Meta; arrays: ArrayHeader[] };
    const arrays: Record<string, CachedArray> = {};
    for (const array of header.arrays) {
      const bytes = buffer.subarray(array.offset, array.offset + array.length * (array.type === 'int32' ? 4 : 1));
      // Copies: typed arrays must not alias the pooled read buffer, and int32 views need 4-byte alignment.
      arrays[array.name] = array.type === 'int32' ? new Int32Array(new Uint8Array(bytes).buffer) : new Uint8Array(bytes);
    }
    return { meta: header.meta, arrays };
  }

  async write<Meta>(name: string, key: unknown, entry: CacheEntry<Meta>): Promise<void> {
    const headers: ArrayHeader[] = [];
    // Offsets depend on the header length, which depends on the offsets: reserve room generously.
    const draft = JSON.stringify({ meta: entry.meta, arrays: Object.keys(entry.arrays).map((n) => ({ name: n, type: 'int32', offset: 1e15, length: 1e15 })) });
    const headerSpace = Buffer.byteLength(draft) + 64;
    let offset = MAGIC.length + 4 + headerSpace;
    for (const [arrayName, array] of Object.entries(entry.arrays)) {
      offset = Math.ceil(offset / 8) * 8;
      headers.push({ name: arrayName, type: array instanceof Int32Array ? 'int32' : 'uint8', offset, length: array.length });
      offset += array.byteLength;
    }
    const header = Buffer.from(JSON.stringify({ meta: entry.meta, arrays: headers }));
    const file = Buffer.alloc(offset);
    file.write(MAGIC, 0, 'latin1');
    file.writeUInt32LE(header.length, MAGIC.length);
    header.copy(file, MAGIC.length + 4);
    for (const array of headers) {
      const data = entry.arrays[array.name];
      file.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), array.offset);
    }
    const target = this.pathOf(name, key);
    await mkdir(path.dirname(target), { recursive: true });
    const temporary = `${target}.${process.pid}.tmp`;
    await writeFile(temporary, file);
    await rename(temporary, target);
  }
}
