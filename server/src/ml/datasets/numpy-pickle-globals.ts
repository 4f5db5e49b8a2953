// The globals a pickled numpy object array refers to, rebuilt in JavaScript: ndarray (via multiarray._reconstruct and
// ndarray.__setstate__), dtype, integer scalars, and _codecs.encode (protocol 2 spells bytes as encode(str, 'latin1')).
// numpy 1.x pickles name numpy.core.multiarray, numpy 2.x numpy._core.multiarray; both are accepted.
import { decodeNumpyData, normalizeDescriptor, type NumpyNumbers } from './numpy-data.js';
import type { PickleBuildable, PickleGlobal } from './python-pickle-reader.js';

const latin1 = new TextDecoder('latin1');

function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value instanceof Uint8Array) return latin1.decode(value);
  return undefined;
}

/** A numpy dtype as pickled: `dtype(code, align, copy)` then BUILD with (version, byte order, ...). */
export class PickledDtype implements PickleBuildable {
  private byteOrder = '|';

  constructor(
    private readonly code: string,
    private readonly source: string,
  ) {}

  /** The array-interface descriptor ('<i8', '|u1', '|O'). */
  get descr(): string {
    return this.code.startsWith('O') ? '|O' : normalizeDescriptor(`${this.byteOrder}${this.code}`);
  }

  build(state: unknown): void {
    const fields = Array.isArray(state) ? state : [];
    const byteOrder = asText(fields[1]);
    if (!byteOrder || fields[3] !== null) throw new Error(`${this.source}: a pickled dtype with fields or without byte order is not read`);
    this.byteOrder = byteOrder;
  }
}

/** A numpy array as pickled: `_reconstruct(ndarray, (0,), b'b')` then BUILD with (version, shape, dtype, fortran, data). */
export class PickledArray implements PickleBuildable {
  shape: number[] = [];
  descr = '';
  /** Object arrays: the Python objects, flattened in C order; other dtypes: the decoded numbers. */
  items: readonly unknown[] | NumpyNumbers = [];

  constructor(private readonly source: string) {}

  build(state: unknown): void {
    // numpy's ndarray.__setstate__ takes (version, shape, dtype, is_fortran, data) or, from old numpys, no version.
    const fields = Array.isArray(state) ? (state.length === 5 ? state.slice(1) : state) : [];
    const [shape, dtype, fortran, data] = fields;
    if (fields.length !== 4 || !Array.isArray(shape) || !(dtype instanceof PickledDtype)) {
      throw new Error(`${this.source}: a pickled ndarray has an unexpected state`);
    }
    if (!shape.every((size) => Number.isInteger(size) && (size as number) >= 0)) throw new Error(`${this.source}: a pickled ndarray has a bad shape`);
    this.shape = shape as number[];
    this.descr = dtype.descr;
    const count = this.shape.reduce((product, size) => product * size, 1);
    if (fortran === true && this.shape.filter((size) => size > 1).length > 1) throw new Error(`${this.source}: Fortran-ordered arrays are not read`);
    if (this.descr === '|O') {
      if (!Array.isArray(data) || data.length !== count) throw new Error(`${this.source}: a pickled object array holds ${Array.isArray(data) ? data.length : 'no'} items, expected ${count}`);
      this.items = data;
    } else {
      if (!(data instanceof Uint8Array)) throw new Error(`${this.source}: a pickled ${this.descr} array has no raw data`);
      this.items = decodeNumpyData(this.descr, data, count, this.source);
    }
  }
}

/** The allowed globals, whose errors name `source`. */
export function numpyPickleGlobals(source: string): PickleGlobal[] {
  const ndarray: PickleGlobal = { qualifiedName: 'numpy.ndarray' };
  const reconstruct = (qualifiedName: string): PickleGlobal => ({
    qualifiedName,
    reduce: ([subtype]) => {
      if (subtype !== ndarray) throw new Error(`${source}: ${qualifiedName} of something other than numpy.ndarray`);
      return new PickledArray(source);
    },
  });
  const scalar = (qualifiedName: string): PickleGlobal => ({
    qualifiedName,
    reduce: ([dtype, data]) => {
      if (!(dtype instanceof PickledDtype) || !(data instanceof Uint8Array)) throw new Error(`${source}: ${qualifiedName} with unexpected arguments`);
      const value = decodeNumpyData(dtype.descr, data, 1, source)[0];
      return typeof value === 'bigint' && value >= Number.MIN_SAFE_INTEGER && value <= Number.MAX_SAFE_INTEGER ? Number(value) : value;
    },
  });
  return [
    ndarray,
    reconstruct('numpy._core.multiarray._reconstruct'),
    reconstruct('numpy.core.multiarray._reconstruct'),
    scalar('numpy._core.multiarray.scalar'),
    scalar('numpy.core.multiarray.scalar'),
    {
      qualifiedName: 'numpy.dtype',
      reduce: ([code]) => {
        const text = asText(code);
        if (!text) throw new Error(`${source}: numpy.dtype without a type code`);
        return new PickledDtype(text, source);
      },
    },
    {
      qualifiedName: '_codecs.encode',
      reduce: ([text, encoding]) => {
        if (typeof text !== 'string' || (encoding !== 'latin1' && encoding !== 'latin-1')) throw new Error(`${source}: _codecs.encode is only read for latin1 bytes`);
        const bytes = new Uint8Array(text.length);
        for (let i = 0; i < text.length; i++) {
          const code = text.charCodeAt(i);
          if (code > 0xff) throw new Error(`${source}: _codecs.encode of a character outside latin1`);
          bytes[i] = code;
        }
        return bytes;
      },
    },
  ];
}
