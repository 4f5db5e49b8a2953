// The protobuf wire format, just the field types TensorBoard's Event and Summary messages need
// (https://protobuf.dev/programming-guides/encoding/): varint, 64-bit double, 32-bit float, length-delimited.
import { concatBytes } from './tfrecord.js';

const WIRE = { varint: 0, fixed64: 1, lengthDelimited: 2, fixed32: 5 } as const;

export class ProtobufWriter {
  private readonly chunks: Uint8Array[] = [];

  /** Non-negative integers only (steps, lengths): negative int64 would need ten-byte two's complement. */
  varint(field: number, value: number): this {
    if (!(Number.isSafeInteger(value) && value >= 0)) throw new RangeError(`protobuf varint field ${field} needs a non-negative safe integer, got ${value}`);
    this.chunks.push(encodeVarint(tag(field, WIRE.varint)), encodeVarint(value));
    return this;
  }

  double(field: number, value: number): this {
    const bytes = new Uint8Array(8);
    new DataView(bytes.buffer).setFloat64(0, value, true);
    this.chunks.push(encodeVarint(tag(field, WIRE.fixed64)), bytes);
    return this;
  }

  float(field: number, value: number): this {
    const bytes = new Uint8Array(4);
    new DataView(bytes.buffer).setFloat32(0, value, true);
    this.chunks.push(encodeVarint(tag(field, WIRE.fixed32)), bytes);
    return this;
  }

  bytes(field: number, value: Uint8Array): this {
    this.chunks.push(encodeVarint(tag(field, WIRE.lengthDelimited)), encodeVarint(value.length), value);
    return this;
  }

  string(field: number, value: string): this {
    return this.bytes(field, new TextEncoder().encode(value));
  }

  finish(): Uint8Array {
    return concatBytes(this.chunks);
  }
}

function tag(field: number, wireType: number): number {
  return field * 8 + wireType;
}

export function encodeVarint(value: number): Uint8Array {
  const bytes: number[] = [];
  let rest = value;
  while (rest >= 0x80) {
    bytes.push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  bytes.push(rest);
  return Uint8Array.from(bytes);
}
