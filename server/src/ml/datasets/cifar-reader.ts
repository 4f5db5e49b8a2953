// CIFAR binary version (https://www.cs.toronto.edu/~kriz/cifar.html, "Binary version"): fixed-size records of label
// byte(s) then 3072 pixel bytes, 1024 red, 1024 green, 1024 blue, each plane row-major 32x32.
// CIFAR-10: <1 x label><3072 x pixel>; CIFAR-100: <1 x coarse label><1 x fine label><3072 x pixel>.

export const CIFAR_PIXELS = 32 * 32 * 3;
const PLANE = 32 * 32;

export type CifarVariant = 'cifar10' | 'cifar100';

export interface CifarRecords {
  count: number;
  /** HWC interleaved (RGBRGB...), so every image dataset shares one [height, width, channels] layout. */
  inputs: Uint8Array;
  /** CIFAR-10: the label; CIFAR-100: the fine label. */
  labels: Int32Array;
  /** CIFAR-100 only. */
  coarseLabels?: Int32Array;
}

export function cifarRecordBytes(variant: CifarVariant): number {
  return (variant === 'cifar10' ? 1 : 2) + CIFAR_PIXELS;
}

/** Parses the records of one or more concatenated .bin files. */
export function parseCifarRecords(buffers: Uint8Array[], variant: CifarVariant, source: string): CifarRecords {
  const recordBytes = cifarRecordBytes(variant);
  const labelBytes = recordBytes - CIFAR_PIXELS;
  const total = buffers.reduce((sum, buffer) => sum + buffer.length, 0);
  for (const buffer of buffers) {
    if (buffer.length % recordBytes !== 0) throw new Error(`${source}: ${buffer.length} bytes is not a whole number of ${recordBytes}-byte records`);
  }
  const count = total / recordBytes;
  const inputs = new Uint8Array(count * CIFAR_PIXELS);
  const labels = new Int32Array(count);
  const coarseLabels = variant === 'cifar100' ? new Int32Array(count) : undefined;
  let index = 0;
  for (const buffer of buffers) {
    for (let record = 0; record < buffer.length; record += recordBytes, index++) {
      if (coarseLabels) coarseLabels[index] = buffer[record];
      labels[index] = buffer[record + labelBytes - 1];
      const pixels = record + labelBytes;
      const out = index * CIFAR_PIXELS;
      for (let p = 0; p < PLANE; p++) {
        inputs[out + 3 * p] = buffer[pixels + p];
        inputs[out + 3 * p + 1] = buffer[pixels + PLANE + p];
        inputs[out + 3 * p + 2] = buffer[pixels + 2 * PLANE + p];
      }
    }
  }
  return { count, inputs, labels, ...(coarseLabels ? { coarseLabels } : {}) };
}

/** Label names files hold one name per line (blank lines ignored). */
export function parseLabelNames(text: string): string[] {
  return text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
}
