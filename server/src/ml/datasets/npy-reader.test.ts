import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NpzArchive } from './npz-archive.js';
import { readNpy } from './npy-reader.js';
import { numpyPickleGlobals } from './numpy-pickle-globals.js';
import { readPickle } from './python-pickle-reader.js';
import { temporaryDir } from './test-datasets-dir.js';

// Fixtures written by numpy 2.4 with test-fixtures/make-numpy-fixtures.py.
const FIXTURES = path.join(import.meta.dirname, 'test-fixtures');
const LISTS = [[1, 2, 300], [], [70000, 2147483647, -1], [2 ** 40], [5, 255, 256, 65535, 65536]];

async function npy(name: string) {
  return readNpy(await readFile(path.join(FIXTURES, name)), name);
}

describe('readNpy on object arrays of lists (numpy pickles, never executed)', () => {
  it.each([
    ['protocol 2 (bytes as _codecs.encode)', 'object-lists-protocol2.npy'],
    ['protocol 3', 'object-lists-protocol3.npy'],
    ['protocol 4 (np.save: FRAME, STACK_GLOBAL, MEMOIZE)', 'object-lists-protocol4.npy'],
    ['numpy 1.x module names (numpy.core.multiarray)', 'object-lists-numpy1-protocol2.npy'],
  ])('reads %s: every int size, empty lists, numpy int64 scalars', async (_, name) => {
    const array = await npy(name);
    expect(array.descr).toBe('|O');
    expect(array.shape).toEqual([5]);
    expect(array.data).toEqual(LISTS);
  });
});

describe('NpzArchive', () => {
  it.each(['arrays.npz', 'arrays-compressed.npz'])('reads plain and object arrays from %s (np.savez zip64 members, stored or deflated)', async (name) => {
    const npz = await NpzArchive.open(path.join(FIXTURES, name));
    expect(npz.keys().sort()).toEqual(['float32', 'int32', 'int64', 'objects', 'uint8']);
    expect(npz.array('objects').data).toEqual(LISTS);
    const int64 = npz.array('int64');
    expect(int64.descr).toBe('<i8');
    expect([...(int64.data as BigInt64Array)]).toEqual([3n, -2n, 7n]);
    expect(npz.array('int32')).toEqual({ descr: '<i4', shape: [2, 3], data: Int32Array.from([-2, -1, 0, 1, 2, 3]) });
    expect(npz.array('uint8')).toEqual({ descr: '|u1', shape: [2, 2], data: Uint8Array.from([0, 255, 128, 7]) });
    expect(npz.array('float32')).toEqual({ descr: '<f4', shape: [2], data: Float32Array.from([0.5, -1.25]) });
    expect(() => npz.array('x_train')).toThrow(/has no array 'x_train' \(it has .*objects/);
  });
});

/** A .npy of an object array whose pickle is `payload`. */
function objectNpy(payload: number[]): Uint8Array {
  let header = "{'descr': '|O', 'fortran_order': False, 'shape': (1,), }";
  header = header.padEnd(64 - 10 - 1) + '\n';
  return Uint8Array.from([0x93, ...Buffer.from('NUMPY'), 1, 0, header.length, 0, ...Buffer.from(header, 'latin1'), ...payload]);
}

const ascii = (text: string) => [...Buffer.from(text, 'latin1')];

describe('hostile pickles are rejected without running anything', () => {
  const marker = path.join(temporaryDir('pickle'), 'executed');

  it('refuses os.system through GLOBAL + REDUCE (protocol 2)', () => {
    // pickle.dumps of a __reduce__ returning (os.system, ('touch <marker>',)), protocol 2.
    const payload = [0x80, 2, ...ascii('cos\nsystem\n'), 0x58, ...u32(`touch ${marker}`.length), ...ascii(`touch ${marker}`), 0x85, 0x52, 0x2e];
    expect(() => readNpy(objectNpy(payload), 'evil.npy')).toThrow(/refusing the global os\.system: allowed are .*numpy\._core\.multiarray\._reconstruct/);
    expect(existsSync(marker)).toBe(false);
  });

  it('refuses builtins.eval through STACK_GLOBAL (protocol 4)', () => {
    const short = (text: string) => [0x8c, text.length, ...ascii(text)];
    const payload = [0x80, 4, ...short('builtins'), ...short('eval'), 0x93, ...short('print(1)'), 0x85, 0x52, 0x2e];
    expect(() => readPickle(Uint8Array.from(payload), numpyPickleGlobals('evil'), 'evil')).toThrow(/refusing the global builtins\.eval/);
  });

  it('refuses opcodes outside the data subset (NEWOBJ, protocol 0 INST) and REDUCE of non-callables', () => {
    expect(() => readPickle(Uint8Array.from([0x80, 2, 0x81, 0x2e]), [], 'x')).toThrow(/unsupported opcode NEWOBJ/);
    expect(() => readPickle(Uint8Array.from(ascii('(ios\nsystem\nS"ls"\no.')), [], 'x')).toThrow(/unsupported opcode INST/);
    // numpy.ndarray may be named (as _reconstruct's argument) but not called.
    const payload = [0x80, 2, ...ascii('cnumpy\nndarray\n'), 0x29, 0x52, 0x2e];
    expect(() => readPickle(Uint8Array.from(payload), numpyPickleGlobals('x'), 'x')).toThrow(/REDUCE of something that is not an allowed callable \(numpy\.ndarray\)/);
  });

  it('rejects a truncated pickle and a file that is not .npy', () => {
    expect(() => readPickle(Uint8Array.from([0x80, 2, 0x5d, 0x28, 0x4b]), [], 'x')).toThrow(/ends early/);
    expect(() => readNpy(Uint8Array.from(ascii('PK\x03\x04 not npy')), 'y.npy')).toThrow(/y\.npy is not a \.npy file/);
  });
});

function u32(value: number): number[] {
  return [value & 0xff, (value >>> 8) & 0xff, (value >>> 16) & 0xff, value >>> 24];
}
