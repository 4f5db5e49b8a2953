// Binary PPM (P6, Netpbm): "P6", width, height, maxval as ASCII separated by whitespace (comments after '#'),
// one whitespace byte, then width*height RGB triples. GTSRB's images are 8-bit (maxval 255).

export interface RgbImage {
  width: number;
  height: number;
  /** Row-major RGB, 3 bytes per pixel. */
  pixels: Uint8Array;
}

export function parsePpm(buffer: Uint8Array, source: string): RgbImage {
  const fields: number[] = [];
  let position = 0;
  const isSpace = (byte: number) => byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;
  if (buffer[0] !== 0x50 || buffer[1] !== 0x36) throw new Error(`${source} is not a binary PPM (P6) image`);
  position = 2;
  while (fields.length < 3) {
    while (position < buffer.length && isSpace(buffer[position])) position++;
    if (buffer[position] === 0x23) {
      while (position < buffer.length && buffer[position] !== 0x0a) position++;
      continue;
    }
    let value = 0;
    const start = position;
    while (position < buffer.length && buffer[position] >= 0x30 && buffer[position] <= 0x39) value = value * 10 + buffer[position++] - 0x30;
    if (position === start) throw new Error(`${source}: malformed PPM header`);
    fields.push(value);
  }
  const [width, height, maxValue] = fields;
  if (maxValue !== 255) throw new Error(`${source}: PPM maxval ${maxValue} is not 255`);
  position++;
  const bytes = width * height * 3;
  if (buffer.length - position < bytes) throw new Error(`${source}: PPM holds ${buffer.length - position} pixel bytes, ${width}x${height} needs ${bytes}`);
  return { width, height, pixels: buffer.subarray(position, position + bytes) };
}
