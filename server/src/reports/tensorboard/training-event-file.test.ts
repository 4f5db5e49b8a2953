// Reads the written file back with an independent reader (frames, both CRCs, protobuf fields), as TensorBoard
// would, and checks every value that was recorded.
import { describe, expect, it } from 'vitest';
import type { EpochMetrics } from '../../ml/trainer/training-types.js';
import { crc32c } from './crc32c.js';
import { EVENT_FILE_VERSION } from './tensorboard-event.js';
import { eventFileName, trainingEventFile } from './training-event-file.js';

interface ReadEvent {
  wallTime: number;
  step: number;
  fileVersion?: string;
  scalars: Map<string, number>;
}

function unmask(masked: number): number {
  const rotated = (masked - 0xa282ead8) >>> 0;
  return ((rotated << 15) | (rotated >>> 17)) >>> 0;
}

function readRecords(file: Uint8Array): Uint8Array[] {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const records: Uint8Array[] = [];
  let offset = 0;
  while (offset < file.length) {
    const length = Number(view.getBigUint64(offset, true));
    expect(unmask(view.getUint32(offset + 8, true))).toBe(crc32c(file.subarray(offset, offset + 8)));
    const data = file.subarray(offset + 12, offset + 12 + length);
    expect(unmask(view.getUint32(offset + 12 + length, true))).toBe(crc32c(data));
    records.push(data);
    offset += 16 + length;
  }
  expect(offset).toBe(file.length);
  return records;
}

type Field = { field: number; varint?: number; fixed64?: DataView; fixed32?: DataView; bytes?: Uint8Array };

function readFields(message: Uint8Array): Field[] {
  const fields: Field[] = [];
  let offset = 0;
  const varint = () => {
    let value = 0;
    let scale = 1;
    for (;;) {
      const byte = message[offset++]!;
      value += (byte & 0x7f) * scale;
      scale *= 128;
      if (byte < 0x80) return value;
    }
  };
  while (offset < message.length) {
    const key = varint();
    const field = Math.floor(key / 8);
    const view = (n: number) => new DataView(message.buffer, message.byteOffset + (offset += n) - n, n);
    switch (key % 8) {
      case 0:
        fields.push({ field, varint: varint() });
        break;
      case 1:
        fields.push({ field, fixed64: view(8) });
        break;
      case 2: {
        const length = varint();
        fields.push({ field, bytes: message.subarray(offset, (offset += length)) });
        break;
      }
      case 5:
        fields.push({ field, fixed32: view(4) });
        break;
      default:
        throw new Error(`unexpected wire type ${key % 8}`);
    }
  }
  return fields;
}

function readEvent(record: Uint8Array): ReadEvent {
  const event: ReadEvent = { wallTime: NaN, step: 0, scalars: new Map() };
  for (const f of readFields(record)) {
    if (f.field === 1) event.wallTime = f.fixed64!.getFloat64(0, true);
    else if (f.field === 2) event.step = f.varint!;
    else if (f.field === 3) event.fileVersion = new TextDecoder().decode(f.bytes);
    else if (f.field === 5) {
      for (const value of readFields(f.bytes!).filter((v) => v.field === 1)) {
        const parts = readFields(value.bytes!);
        const tag = new TextDecoder().decode(parts.find((p) => p.field === 1)!.bytes);
        event.scalars.set(tag, parts.find((p) => p.field === 2)!.fixed32!.getFloat32(0, true));
      }
    } else throw new Error(`unexpected Event field ${f.field}`);
  }
  return event;
}

function epoch(n: number, overrides: Partial<EpochMetrics> = {}): EpochMetrics {
  return {
    epoch: n,
    loss: 1 / n,
    accuracy: 0.5 + n / 10,
    valLoss: 1.1 / n,
    valAccuracy: 0.45 + n / 10,
    seconds: 2.5,
    samplesPerSecond: 400,
    learningRate: 0.001,
    batchLosses: [1 / n],
    diagnostics: {
      probeSize: 64,
      layers: [
        { layer: 'conv1', layerClass: 'Conv2D', nonlinear: true, activation: { mean: 0.2, std: 0.5, deadFraction: 0.125 }, gradientNorm: 0.03 * n, weightNorm: 4 },
        { layer: 'flatten', layerClass: 'Flatten', nonlinear: false, activation: { mean: 0.2, std: 0.5, deadFraction: 0 } },
      ],
    },
    ...overrides,
  };
}

describe('trainingEventFile', () => {
  const startedAt = new Date('2025-01-02T03:04:05.250Z');

  it('starts with the file version and writes one scalars event per epoch, timed by the recorded durations', () => {
    const file = trainingEventFile({ epochs: [epoch(1), epoch(2)], startedAt, health: { composite: 0.75, gradientHealth: 0.5 } });
    const events = readRecords(file).map(readEvent);
    expect(events).toHaveLength(4);
    expect(events[0]).toMatchObject({ fileVersion: EVENT_FILE_VERSION, wallTime: startedAt.getTime() / 1000 });
    expect(events[0]!.scalars.size).toBe(0);

    const [first, second, health] = events.slice(1);
    expect(first!.step).toBe(1);
    expect(first!.wallTime).toBeCloseTo(startedAt.getTime() / 1000 + 2.5, 6);
    expect(second!.step).toBe(2);
    expect(second!.wallTime).toBeCloseTo(startedAt.getTime() / 1000 + 5, 6);
    expect(second!.scalars.get('loss')).toBeCloseTo(0.5, 6);
    expect(second!.scalars.get('accuracy')).toBeCloseTo(0.7, 6);
    expect(second!.scalars.get('val_loss')).toBeCloseTo(0.55, 6);
    expect(second!.scalars.get('val_accuracy')).toBeCloseTo(0.65, 6);
    expect(second!.scalars.get('learning_rate')).toBeCloseTo(0.001, 9);
    expect(second!.scalars.get('gradient_norm/conv1')).toBeCloseTo(0.06, 6);
    expect(second!.scalars.get('weight_norm/conv1')).toBe(4);
    expect(second!.scalars.get('dead_fraction/conv1')).toBe(0.125);
    // A layer without weights has activation statistics but no gradient or weight norm.
    expect(second!.scalars.has('activation_mean/flatten')).toBe(true);
    expect(second!.scalars.has('gradient_norm/flatten')).toBe(false);

    expect(health!.step).toBe(2);
    expect(Object.fromEntries(health!.scalars)).toEqual({ 'health/composite': 0.75, 'health/gradientHealth': 0.5 });
  });

  it('leaves out what was not recorded: validation without a split, health of an unfinished run, diagnostics', () => {
    const events = readRecords(trainingEventFile({ epochs: [epoch(1, { valLoss: null, valAccuracy: null, diagnostics: null })], startedAt })).map(readEvent);
    expect(events).toHaveLength(2);
    expect([...events[1]!.scalars.keys()].sort()).toEqual(['accuracy', 'learning_rate', 'loss', 'samples_per_second']);
  });

  it('encodes steps past one byte of varint and non-finite losses as TensorFlow would', () => {
    const events = readRecords(trainingEventFile({ epochs: [epoch(300, { loss: Infinity })], startedAt })).map(readEvent);
    expect(events[1]!.step).toBe(300);
    expect(events[1]!.scalars.get('loss')).toBe(Infinity);
  });

  it('names the file so that TensorBoard finds it: events.out.tfevents.<seconds>.<host>', () => {
    expect(eventFileName(startedAt, 'worker-1.lab')).toBe(`events.out.tfevents.${Math.floor(startedAt.getTime() / 1000)}.worker-1.lab`);
    expect(eventFileName(startedAt, 'odd/host name')).toMatch(/\.odd_host_name$/);
  });
});
