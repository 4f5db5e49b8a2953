// IDX, the format of MNIST and Fashion-MNIST (http://yann.lecun.com/exdb/mnist/, "FILE FORMATS"):
// two zero bytes, a type byte (0x08 = unsigned byte), the number of dimensions, big-endian int32 sizes, then the data.

export interface IdxArray {
  shape: number[];
  data: Uint8Array;
}

const UNSIGNED_BYTE = 0x08;

/** Parses an uncompressed IDX file of unsigned bytes; `source` names the file in errors. */
export function parseIdx(buffer: Uint8Array, source: string): IdxArray {
  if (buffer.length < 4 || buffer[0] !== 0 || buffer[1] !== 0) throw new Error(`${source} is not an IDX file (bad magic number)`);
  if (buffer[2] !== UNSIGNED_BYTE) throw new Error(`${source}: IDX element type 0x${buffer[2].toString(16)} is not unsigned byte`);
  const dimensions = buffer[3];
  const view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  const shape: number[] = [];
  for (let i = 0; i < dimensions; i++) shape.push(view.getUint32(4 + 4 * i, false));
  const headerBytes = 4 + 4 * dimensions;
  const elements = shape.reduce((product, size) => product * size, 1);
  if (buffer.length !== headerBytes + elements) {
    throw new Error(`${source}: IDX header promises ${elements} values (shape ${shape.join('x')}) but the file holds ${buffer.length - headerBytes}`);
  }
  return { shape, data: buffer.subarray(headerBytes) };
}
