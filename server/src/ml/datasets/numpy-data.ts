// Raw numpy array data by dtype descriptor (numpy's array-interface typestr: byte order, kind, item size), as .npy files
// and pickled arrays store it. Only little-endian and single-byte types are read: every file we load was written so.

export type NumpyNumbers = Int32Array | BigInt64Array | Uint8Array | Float32Array;

const TYPES: Record<string, { itemSize: number; decode: (buffer: ArrayBuffer) => NumpyNumbers }> = {
  '<i4': { itemSize: 4, decode: (buffer) => new Int32Array(buffer) },
  '<i8': { itemSize: 8, decode: (buffer) => new BigInt64Array(buffer) },
  '|u1': { itemSize: 1, decode: (buffer) => new Uint8Array(buffer) },
  '<f4': { itemSize: 4, decode: (buffer) => new Float32Array(buffer) },
};

/** numpy writes '|u1' for uint8 (byte order does not apply); '<u1' and '=' (native, little-endian here) mean the same. */
export function normalizeDescriptor(descr: string): string {
  const normalized = descr.replace(/^=/, '<');
  return normalized === '<u1' ? '|u1' : normalized;
}

/** Decodes `count` items of type `descr` from `bytes` (copied, so the result is aligned and owns its memory). */
export function decodeNumpyData(descr: string, bytes: Uint8Array, count: number, source: string): NumpyNumbers {
  const type = TYPES[normalizeDescriptor(descr)];
  if (!type) throw new Error(`${source}: numpy dtype '${descr}' is not read; supported: ${Object.keys(TYPES).join(', ')} and object arrays`);
  const length = count * type.itemSize;
  if (bytes.length < length) throw new Error(`${source}: ${count} items of ${descr} need ${length} bytes, found ${bytes.length}`);
  // new Uint8Array(view) copies into a fresh, aligned buffer (a Node Buffer's slice would share pooled memory).
  return type.decode(new Uint8Array(bytes.subarray(0, length)).buffer);
}

/** Integer values as plain numbers, rejecting what is not an integer or does not fit `what` (labels, token ids...). */
export function toInt32Array(values: NumpyNumbers | readonly unknown[], what: string): Int32Array {
  const result = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const raw = values[i];
    const value = typeof raw === 'number' || typeof raw === 'bigint' ? Number(raw) : NaN;
    if (!Number.isInteger(value) || value < -0x80000000 || value > 0x7fffffff) throw new Error(`${what}: item ${i} is ${String(values[i])}, not a 32-bit integer`);
    result[i] = value;
  }
  return result;
}
