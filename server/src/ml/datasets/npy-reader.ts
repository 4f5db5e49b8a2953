// numpy's .npy format (numpy/lib/format.py, versions 1.0-3.0): magic, a Python-literal header with descr, fortran_order
// and shape, then the raw data, or for object arrays a pickle of the array, read here without executing anything.
import { decodeNumpyData, normalizeDescriptor, type NumpyNumbers } from './numpy-data.js';
import { numpyPickleGlobals, PickledArray } from './numpy-pickle-globals.js';
import { readPickle } from './python-pickle-reader.js';

export interface NpyArray {
  /** Array-interface descriptor: '<i8', '|u1', '<f4', or '|O' for object arrays. */
  descr: string;
  shape: number[];
  /** C-order items: numbers for numeric dtypes, the Python objects (lists as arrays) for object arrays. */
  data: NumpyNumbers | readonly unknown[];
}

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY

function headerField(header: string, key: string, pattern: string, source: string): string {
  const match = new RegExp(`'${key}'\\s*:\\s*${pattern}`).exec(header);
  if (!match) throw new Error(`${source}: the .npy header has no readable '${key}' (${header.trim()})`);
  return match[1];
}

/** Parses one .npy file's bytes; `source` names it in errors. */
export function readNpy(bytes: Uint8Array, source: string): NpyArray {
  if (bytes.length < 10 || MAGIC.some((byte, i) => bytes[i] !== byte)) throw new Error(`${source} is not a .npy file (no \\x93NUMPY magic)`);
  const major = bytes[6];
  if (major < 1 || major > 3) throw new Error(`${source}: .npy format version ${major}.${bytes[7]} is not read (1.0 to 3.0 are)`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const headerStart = major === 1 ? 10 : 12;
  const dataStart = headerStart + headerLength;
  if (dataStart > bytes.length) throw new Error(`${source}: the .npy header runs past the end of the file`);
  const header = new TextDecoder(major === 3 ? 'utf-8' : 'latin1').decode(bytes.subarray(headerStart, dataStart));

  const descr = normalizeDescriptor(headerField(header, 'descr', "'([^']*)'", source));
  const fortran = headerField(header, 'fortran_order', '(True|False)', source) === 'True';
  const shape = headerField(header, 'shape', '\\(([^)]*)\\)', source)
    .split(',')
    .map((size) => size.trim())
    .filter(Boolean)
    .map(Number);
  if (!shape.every((size) => Number.isInteger(size) && size >= 0)) throw new Error(`${source}: the .npy shape is not a tuple of sizes`);
  if (fortran && shape.filter((size) => size > 1).length > 1) throw new Error(`${source}: Fortran-ordered arrays are not read`);
  const count = shape.reduce((product, size) => product * size, 1);
  const body = bytes.subarray(dataStart);

  if (descr !== '|O') return { descr, shape, data: decodeNumpyData(descr, body, count, source) };
  const array = readPickle(body, numpyPickleGlobals(source), source);
  if (!(array instanceof PickledArray) || array.descr !== '|O') throw new Error(`${source}: the pickle does not hold a numpy object array`);
  if (array.shape.join(',') !== shape.join(',')) throw new Error(`${source}: the pickled array's shape (${array.shape}) differs from the header's (${shape})`);
  return { descr, shape, data: array.items };
}
