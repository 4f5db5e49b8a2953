// TensorBoard's Event message (tensorflow/core/util/event.proto) with scalar summaries
// (tensorflow/core/framework/summary.proto), encoded by hand: the only protobuf messages Hyperscope writes.
import { ProtobufWriter } from './protobuf-writer.js';

/** The first record of every event file; readers reject files whose version they do not know. */
export const EVENT_FILE_VERSION = 'brain.Event:2';

const EVENT = { wallTime: 1, step: 2, fileVersion: 3, summary: 5 } as const;
const SUMMARY = { value: 1 } as const;
const SUMMARY_VALUE = { tag: 1, simpleValue: 2 } as const;

export interface Scalar {
  tag: string;
  value: number;
}

/** `wallTime` in seconds since the Unix epoch, as TensorFlow records it. */
export function fileVersionEvent(wallTime: number): Uint8Array {
  return new ProtobufWriter().double(EVENT.wallTime, wallTime).string(EVENT.fileVersion, EVENT_FILE_VERSION).finish();
}

export function scalarsEvent(wallTime: number, step: number, scalars: readonly Scalar[]): Uint8Array {
  const summary = new ProtobufWriter();
  for (const scalar of scalars) {
    summary.bytes(SUMMARY.value, new ProtobufWriter().string(SUMMARY_VALUE.tag, scalar.tag).float(SUMMARY_VALUE.simpleValue, scalar.value).finish());
  }
  return new ProtobufWriter().double(EVENT.wallTime, wallTime).varint(EVENT.step, step).bytes(EVENT.summary, summary.finish()).finish();
}
