// MNIST and Fashion-MNIST share a layout: four gzipped IDX files, 28x28 grey images, ten classes.
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import type { DatasetLoader } from './dataset-loader.js';
import type { LabeledExamples } from './dataset-types.js';
import { parseIdx } from './idx-reader.js';

/**
 * Decompresses straight into one buffer sized from the IDX header, so the 47 MB of MNIST pixels are never held twice
 * (zlib's one-shot gunzip concatenates its chunks into a second copy).
 */
async function readIdxGz(filePath: string) {
  let header = Buffer.alloc(0);
  let file: Uint8Array | undefined;
  let filled = 0;
  for await (const chunk of createReadStream(filePath).pipe(createGunzip({ chunkSize: 1 << 20 }))) {
    let bytes = chunk as Buffer;
    if (!file) {
      header = Buffer.concat([header, bytes]);
      const headerBytes = header.length >= 4 ? 4 + 4 * header[3] : Infinity;
      if (header.length < headerBytes) continue;
      let elements = 1;
      for (let i = 0; i < header[3]; i++) elements *= header.readUInt32BE(4 + 4 * i);
      file = new Uint8Array(headerBytes + elements);
      bytes = header;
    }
    if (filled + bytes.length > file.length) throw new Error(`${filePath}: more data than its IDX header declares`);
    file.set(bytes, filled);
    filled += bytes.length;
  }
  return parseIdx(file ? file.subarray(0, filled) : header, filePath);
}

export async function readIdxExamples(imagesPath: string, labelsPath: string): Promise<LabeledExamples> {
  const [images, labels] = await Promise.all([readIdxGz(imagesPath), readIdxGz(labelsPath)]);
  if (images.shape.length !== 3 || labels.shape.length !== 1 || images.shape[0] !== labels.shape[0]) {
    throw new Error(`${imagesPath} (shape ${images.shape.join('x')}) and ${labelsPath} (shape ${labels.shape.join('x')}) do not pair up`);
  }
  return { count: labels.shape[0], inputs: images.data, labels: Int32Array.from(labels.data) };
}

/** Roles: train-images, train-labels, test-images, test-labels, each one `.gz` file. */
export const loadMnistLike: DatasetLoader = async (files) => {
  const [train, test] = await Promise.all([
    readIdxExamples(files['train-images'].files[0].path, files['train-labels'].files[0].path),
    readIdxExamples(files['test-images'].files[0].path, files['test-labels'].files[0].path),
  ]);
  return { train, test };
};
