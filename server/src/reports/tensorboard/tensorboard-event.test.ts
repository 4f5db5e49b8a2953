// Byte-for-byte against records written with Google's protobuf library (the serialization test of the
// tensorboard_logger package, wall time 256.5): what TensorBoard reads, framing and checksums included.
import { describe, expect, it } from 'vitest';
import { fileVersionEvent, scalarsEvent } from './tensorboard-event.js';
import { tfRecord } from './tfrecord.js';

const bytes = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

describe('TensorBoard event records', () => {
  it('encodes the file-version record exactly', () => {
    expect(tfRecord(fileVersionEvent(256.5))).toEqual(
      bytes('\x18\x00\x00\x00\x00\x00\x00\x00\xa3\x7fK"\t\x00\x00\x00\x00\x00\x08p@\x1a\rbrain.Event:2\xbc\x98!+'),
    );
  });

  it('encodes scalar summaries exactly', () => {
    expect(tfRecord(scalarsEvent(256.5, 1, [{ tag: 'v/1', value: 1.5 }]))).toEqual(
      bytes('\x19\x00\x00\x00\x00\x00\x00\x00\x8b\xf1\x08(\t\x00\x00\x00\x00\x00\x08p@\x10\x01*\x0c\n\n\n\x03v/1\x15\x00\x00\xc0?,\xec\xc0\x87'),
    );
    expect(tfRecord(scalarsEvent(256.5, 2, [{ tag: 'v/22', value: 16 }]))).toEqual(
      bytes('\x1a\x00\x00\x00\x00\x00\x00\x00\x12\x9b\xd8-\t\x00\x00\x00\x00\x00\x08p@\x10\x02*\r\n\x0b\n\x04v/22\x15\x00\x00\x80A\x8f\xa3\xb6\x88'),
    );
  });
});
