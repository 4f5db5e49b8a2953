// Uploads of CPU-made tensors (each batch, dropout masks, every scalar an op makes) through `queue.writeBuffer` into
// the backend's pooled buffers. TF.js 4.22's WebGPU backend creates a fresh mapped staging buffer for every upload;
// on an NVIDIA H200 that was 2.4 ms of a 15 ms training step (docs/BENCHMARKS.md). The backend already writes its
// uniforms this way: a buffer returns to the pool only after the commands that used it were submitted, so a
// queue write into it is ordered after them.
import * as tf from '@tensorflow/tfjs';

/** The parts of TF.js's WebGPUBackend (4.22) this module touches. */
interface WebGpuBackendInternals {
  tensorMap: { get(dataId: object): { resource: unknown; values: tf.TypedArray | null; dtype: tf.DataType; shape: number[] } };
  bufferManager: { acquireBuffer(size: number, usage: number): GPUBuffer };
  queue: GPUQueue;
  uploadToGPU(dataId: object): void;
}

/** Replaces the backend's upload of CPU values (float32, int32, bool) with a queue write; other cases unchanged. */
export function uploadThroughQueue(backend: object): void {
  const internals = backend as WebGpuBackendInternals;
  const stockUpload = internals.uploadToGPU.bind(backend);
  internals.uploadToGPU = (dataId: object): void => {
    const tensorData = internals.tensorMap.get(dataId);
    const { values, dtype } = tensorData;
    const count = tf.util.sizeFromShape(tensorData.shape);
    if (tensorData.resource != null || values == null || count === 0 || !(dtype === 'float32' || dtype === 'int32' || dtype === 'bool')) {
      stockUpload(dataId);
      return;
    }
    // Booleans (and any int32 tensor not held as an Int32Array) become 32-bit integers, as the stock upload does.
    const words =
      dtype === 'float32'
        ? values instanceof Float32Array ? values : Float32Array.from(values as ArrayLike<number>)
        : values instanceof Int32Array ? values : Int32Array.from(values as ArrayLike<number>);
    const buffer = internals.bufferManager.acquireBuffer(words.byteLength, GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST);
    internals.queue.writeBuffer(buffer, 0, words.buffer, words.byteOffset, words.byteLength);
    tensorData.resource = buffer;
    tensorData.values = null;
  };
}
