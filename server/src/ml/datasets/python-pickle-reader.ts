// A Python pickle reader (protocols 2-5, pickletools' opcode table) for data only: numbers, strings, bytes, lists,
// tuples, dicts, and objects rebuilt by callers' JavaScript functions for an explicit list of globals. A pickle that
// names any other global, or uses any other opcode, is rejected before anything of it is used: nothing is executed.

/** A module-level name a pickle may refer to, rebuilt by JavaScript (never imported or called in Python). */
export interface PickleGlobal {
  /** `module.name`, as the pickle spells it. */
  readonly qualifiedName: string;
  /** REDUCE with this global as the callable; absent when the global may only be passed as an argument. */
  reduce?(args: readonly unknown[]): unknown;
}

/** An object a REDUCE produced that accepts BUILD (Python's `__setstate__`). */
export interface PickleBuildable {
  build(state: unknown): void;
}

function isBuildable(value: unknown): value is PickleBuildable {
  return typeof value === 'object' && value !== null && typeof (value as PickleBuildable).build === 'function';
}

const MARK = Symbol('pickle mark');

/** Opcode names for error messages (pickletools.opcodes). */
const UNSUPPORTED_NAMES: Record<number, string> = {
  0x69: 'INST', 0x6f: 'OBJ', 0x81: 'NEWOBJ', 0x92: 'NEWOBJ_EX', 0x50: 'PERSID', 0x51: 'BINPERSID',
  0x82: 'EXT1', 0x83: 'EXT2', 0x84: 'EXT4', 0x97: 'NEXT_BUFFER', 0x98: 'READONLY_BUFFER', 0x53: 'STRING', 0x56: 'UNICODE',
  0x49: 'INT', 0x4c: 'LONG', 0x46: 'FLOAT', 0x47: 'BINFLOAT', 0x8b: 'LONG4', 0x8d: 'BINUNICODE8', 0x8e: 'BINBYTES8',
  0x96: 'BYTEARRAY8', 0x8f: 'EMPTY_SET', 0x90: 'ADDITEMS', 0x91: 'FROZENSET', 0x64: 'DICT', 0x6c: 'LIST', 0x70: 'PUT', 0x67: 'GET',
  0x30: 'POP', 0x31: 'POP_MARK', 0x32: 'DUP',
};

const latin1 = new TextDecoder('latin1');
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads one pickle. `allowed` lists the only globals it may name (by `module.name`); `source` names the data in errors.
 * Tuples come back as frozen arrays, lists as arrays, dicts as Maps, Python bytes (and Python 2 strings) as Uint8Array,
 * integers as numbers (bigint beyond 2^53).
 */
export function readPickle(data: Uint8Array, allowed: readonly PickleGlobal[], source: string): unknown {
  const globals = new Map(allowed.map((global) => [global.qualifiedName, global]));
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const stack: unknown[] = [];
  const memo: unknown[] = [];
  let position = 0;

  const fail = (message: string): never => {
    throw new Error(`${source}: ${message} (pickle byte ${position}); only numbers, strings, lists, tuples, dicts and allowed numpy objects are read`);
  };
  const need = (bytes: number): number => {
    if (bytes < 0) fail('a negative length');
    if (position + bytes > data.length) fail('the pickle ends early');
    const at = position;
    position += bytes;
    return at;
  };
  const bytes = (length: number): Uint8Array => {
    const at = need(length);
    // A copy, never a view: a Node Buffer's slice shares (pooled) memory.
    return new Uint8Array(data.subarray(at, at + length));
  };
  const text = (length: number): string => {
    try {
      return utf8.decode(bytes(length));
    } catch {
      return fail('a string is not valid UTF-8');
    }
  };
  const line = (): string => {
    const end = data.indexOf(0x0a, position);
    if (end < 0) fail('a GLOBAL name is not terminated');
    const value = latin1.decode(data.subarray(position, end));
    position = end + 1;
    return value;
  };
  const pop = (): unknown => {
    if (stack.length === 0) fail('the stack is empty');
    const value = stack.pop();
    if (value === MARK) fail('a MARK was used as a value');
    return value;
  };
  const popToMark = (): unknown[] => {
    const mark = stack.lastIndexOf(MARK);
    if (mark < 0) fail('no MARK on the stack');
    const items = stack.splice(mark);
    items.shift();
    return items;
  };
  const top = (): unknown => {
    if (stack.length === 0 || stack[stack.length - 1] === MARK) fail('the stack is empty');
    return stack[stack.length - 1];
  };
  const list = (value: unknown): unknown[] => {
    if (!Array.isArray(value) || Object.isFrozen(value)) fail('APPEND(S) on something that is not a list');
    return value as unknown[];
  };
  const global = (module: string, name: string): PickleGlobal => {
    const found = globals.get(`${module}.${name}`);
    if (!found) {
      fail(`refusing the global ${module}.${name}: allowed are ${[...globals.keys()].join(', ')}`);
    }
    return found!;
  };
  const memoGet = (index: number): unknown => {
    if (!(index in memo)) fail(`memo ${index} was never stored`);
    return memo[index];
  };

  for (;;) {
    if (position >= data.length) fail('the pickle has no STOP');
    const opcode = data[position++];
    switch (opcode) {
      case 0x80: // PROTO
        if (data[need(1)] < 2) fail('pickle protocols below 2 are not read');
        break;
      case 0x95: // FRAME: a length hint for buffered reading, nothing to do with the data itself
        need(8);
        break;
      case 0x2e: // STOP
        if (stack.length !== 1) fail(`STOP with ${stack.length} values on the stack`);
        return pop();
      case 0x28: // MARK
        stack.push(MARK);
        break;
      case 0x4e: // NONE
        stack.push(null);
        break;
      case 0x88: // NEWTRUE
        stack.push(true);
        break;
      case 0x89: // NEWFALSE
        stack.push(false);
        break;
      case 0x4a: // BININT
        stack.push(view.getInt32(need(4), true));
        break;
      case 0x4b: // BININT1
        stack.push(data[need(1)]);
        break;
      case 0x4d: // BININT2
        stack.push(view.getUint16(need(2), true));
        break;
      case 0x8a: {
        // LONG1: little-endian two's complement of n bytes
        const length = data[need(1)];
        const at = need(length);
        let value = 0n;
        for (let i = length - 1; i >= 0; i--) value = (value << 8n) | BigInt(data[at + i]);
        if (length > 0 && data[at + length - 1] >= 0x80) value -= 1n << BigInt(8 * length);
        stack.push(value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value);
        break;
      }
      case 0x58: // BINUNICODE
        stack.push(text(view.getUint32(need(4), true)));
        break;
      case 0x8c: // SHORT_BINUNICODE
        stack.push(text(data[need(1)]));
        break;
      case 0x42: // BINBYTES
        stack.push(bytes(view.getUint32(need(4), true)));
        break;
      case 0x43: // SHORT_BINBYTES
        stack.push(bytes(data[need(1)]));
        break;
      case 0x54: // BINSTRING (Python 2 str: bytes)
        stack.push(bytes(view.getInt32(need(4), true)));
        break;
      case 0x55: // SHORT_BINSTRING
        stack.push(bytes(data[need(1)]));
        break;
      case 0x29: // EMPTY_TUPLE
        stack.push(Object.freeze([]));
        break;
      case 0x85: // TUPLE1
        stack.push(Object.freeze([pop()]));
        break;
      case 0x86: {
        // TUPLE2
        const second = pop();
        stack.push(Object.freeze([pop(), second]));
        break;
      }
      case 0x87: {
        // TUPLE3
        const third = pop();
        const second = pop();
        stack.push(Object.freeze([pop(), second, third]));
        break;
      }
      case 0x74: // TUPLE
        stack.push(Object.freeze(popToMark()));
        break;
      case 0x5d: // EMPTY_LIST
        stack.push([]);
        break;
      case 0x61: {
        // APPEND
        const item = pop();
        list(top()).push(item);
        break;
      }
      case 0x65: {
        // APPENDS
        const items = popToMark();
        const target = list(top());
        for (const item of items) target.push(item);
        break;
      }
      case 0x7d: // EMPTY_DICT
        stack.push(new Map());
        break;
      case 0x73: {
        // SETITEM
        const value = pop();
        const key = pop();
        const dict = top();
        if (!(dict instanceof Map)) fail('SETITEM on something that is not a dict');
        (dict as Map<unknown, unknown>).set(key, value);
        break;
      }
      case 0x75: {
        // SETITEMS
        const items = popToMark();
        const dict = top();
        if (!(dict instanceof Map) || items.length % 2) fail('SETITEMS on something that is not a dict');
        for (let i = 0; i < items.length; i += 2) (dict as Map<unknown, unknown>).set(items[i], items[i + 1]);
        break;
      }
      case 0x94: // MEMOIZE
        memo.push(top());
        break;
      case 0x71: // BINPUT
        memo[data[need(1)]] = top();
        break;
      case 0x72: // LONG_BINPUT
        memo[view.getUint32(need(4), true)] = top();
        break;
      case 0x68: // BINGET
        stack.push(memoGet(data[need(1)]));
        break;
      case 0x6a: // LONG_BINGET
        stack.push(memoGet(view.getUint32(need(4), true)));
        break;
      case 0x63: {
        // GLOBAL: "module\nname\n"
        const module = line();
        stack.push(global(module, line()));
        break;
      }
      case 0x93: {
        // STACK_GLOBAL
        const name = pop();
        const module = pop();
        if (typeof module !== 'string' || typeof name !== 'string') fail('STACK_GLOBAL needs two strings');
        stack.push(global(module as string, name as string));
        break;
      }
      case 0x52: {
        // REDUCE: only the allowed globals' JavaScript rebuilders run
        const args = pop();
        const callable = pop() as PickleGlobal;
        if (!globals.has(callable?.qualifiedName) || globals.get(callable.qualifiedName) !== callable || !callable.reduce) {
          fail(`REDUCE of something that is not an allowed callable (${(callable as PickleGlobal | undefined)?.qualifiedName ?? typeof callable})`);
        }
        if (!Array.isArray(args)) fail(`REDUCE of ${callable.qualifiedName} without an argument tuple`);
        stack.push(callable.reduce!(args as unknown[]));
        break;
      }
      case 0x62: {
        // BUILD
        const state = pop();
        const target = top();
        if (!isBuildable(target)) fail('BUILD on an object that takes no state');
        (target as PickleBuildable).build(state);
        break;
      }
      default:
        fail(`unsupported opcode ${UNSUPPORTED_NAMES[opcode] ?? `0x${opcode.toString(16).padStart(2, '0')}`}`);
    }
  }
}
