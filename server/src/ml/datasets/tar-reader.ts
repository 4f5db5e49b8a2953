// A streaming reader for .tar.gz archives (POSIX ustar, with pax and GNU long-name extensions), enough for the
// archives datasets are published in. Each regular file is yielded whole; skipped files are never buffered.
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';

export interface TarEntry {
  name: string;
  data: Buffer;
}

const BLOCK = 512;

function readString(header: Buffer, start: number, length: number): string {
  const field = header.subarray(start, start + length);
  const end = field.indexOf(0);
  return field.toString('utf8', 0, end === -1 ? length : end);
}

function readSize(header: Buffer): number {
  // GNU base-256 for sizes over 8 GiB: high bit of the first byte set.
  if (header[124] & 0x80) return header.subarray(125, 136).reduce((size, byte) => size * 256 + byte, 0);
  return parseInt(readString(header, 124, 12).trim() || '0', 8);
}

function verifyChecksum(header: Buffer, source: string): void {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : header[i];
  if (sum !== parseInt(readString(header, 148, 8).trim(), 8)) throw new Error(`${source}: damaged tar header (checksum mismatch)`);
}

function paxPath(data: Buffer): string | undefined {
  // Records are "<length> <key>=<value>\n".
  for (const record of data.toString('utf8').split('\n')) {
    const match = /^\d+ path=(.*)$/.exec(record);
    if (match) return match[1];
  }
  return undefined;
}

/** Yields the regular files of a gzipped tar whose names pass `wanted` (all by default). */
export async function* readTarGz(filePath: string, wanted: (name: string) => boolean = () => true): AsyncGenerator<TarEntry> {
  const chunks: Buffer[] = [];
  let buffered = 0;
  const take = (bytes: number): Buffer => {
    const joined = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, buffered);
    const taken = joined.subarray(0, bytes);
    chunks.length = 0;
    buffered = joined.length - bytes;
    if (buffered > 0) chunks.push(joined.subarray(bytes));
    return taken;
  };

  let header: Buffer | undefined;
  let longName: string | undefined;
  let finished = false;
  const gunzip = createReadStream(filePath).pipe(createGunzip());
  try {
    for await (const chunk of gunzip) {
      chunks.push(chunk as Buffer);
      buffered += (chunk as Buffer).length;
      for (;;) {
        if (!header) {
          if (buffered < BLOCK) break;
          const block = take(BLOCK);
          if (block.every((byte) => byte === 0)) {
            finished = true;
            break;
          }
          verifyChecksum(block, filePath);
          header = block;
        }
        const size = readSize(header);
        const padded = Math.ceil(size / BLOCK) * BLOCK;
        if (buffered < padded) break;
        const data = Buffer.from(take(padded).subarray(0, size));
        const type = String.fromCharCode(header[156] || 0x30);
        const prefix = readString(header, 345, 155);
        const name = longName ?? (prefix ? `${prefix}/${readString(header, 0, 100)}` : readString(header, 0, 100));
        header = undefined;
        if (type === 'x') {
          longName = paxPath(data);
        } else if (type === 'L') {
          longName = data.toString('utf8').replace(/\0+$/, '');
        } else {
          longName = undefined;
          if ((type === '0' || type === '7') && wanted(name)) yield { name, data };
        }
      }
      if (finished) break;
    }
  } finally {
    gunzip.destroy();
  }
  if (!finished && header) throw new Error(`${filePath}: the archive ends in the middle of ${readString(header, 0, 100)}`);
}
