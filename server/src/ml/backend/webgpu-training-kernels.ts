// Training kernels that replace slow stock ones on TF.js's WebGPU backend (4.22). Measured on an NVIDIA H200
// (docs/BENCHMARKS.md): the stock Conv2DBackpropFilter gives each filter weight one GPU thread that sums over the
// whole batch and image, so the reference CNN's step at batch 256 spent 92 of its 95 ms of GPU time in it.
// Built from the backend's own kernels (pad, slices, one batched matrix product, a sum) and tested against cpu.
import * as tf from '@tensorflow/tfjs';

type KernelInputs = Record<string, tf.TensorInfo>;
type KernelAttrs = Record<string, unknown>;
/** What the kernels need of the backend: freeing intermediate results. */
interface KernelBackend {
  disposeData(dataId: object): boolean;
}

/** Kernel names this module replaces on the webgpu backend. */
export const WEBGPU_TRAINING_KERNELS = ['Conv2DBackpropFilter'] as const;

/** Registers (or re-registers) the kernels on the webgpu backend; safe to call more than once. */
export function registerWebGpuTrainingKernels(): void {
  const existing = tf.getKernel('Conv2DBackpropFilter', 'webgpu');
  if (existing?.kernelFunc === conv2DBackpropFilter) return;
  if (existing !== undefined) tf.unregisterKernel('Conv2DBackpropFilter', 'webgpu');
  tf.registerKernel({ kernelName: 'Conv2DBackpropFilter', backendName: 'webgpu', kernelFunc: conv2DBackpropFilter as unknown as tf.KernelFunc });
}

/** Runs another webgpu kernel directly, inside this kernel, without going through the engine's tape. */
function run(backend: KernelBackend, name: string, inputs: KernelInputs, attrs: KernelAttrs = {}): tf.TensorInfo {
  const kernel = tf.getKernel(name, 'webgpu');
  if (kernel === undefined) throw new Error(`The webgpu backend has no ${name} kernel to build on.`);
  return kernel.kernelFunc({ inputs, attrs: attrs as tf.NamedAttrMap, backend: backend as unknown as tf.KernelBackend }) as tf.TensorInfo;
}

/**
 * dW[kh, kw, ci, co] = Σ_{b, oh, ow} x[b, oh·s + kh − padTop, ow·s + kw − padLeft, ci] · dy[b, oh, ow, co].
 * The patches of x under each filter tap, side by side, make P = [b, oh·ow, kh·kw·ci]; then dW = Σ_b Pᵦᵀ · dyᵦ,
 * one batched matrix product (one [kh·kw·ci, co] block per example, so the GPU has b blocks in parallel instead of
 * one long sum per weight) and a sum over the batch.
 */
function conv2DBackpropFilter(args: { inputs: KernelInputs; backend: KernelBackend; attrs: KernelAttrs }): tf.TensorInfo {
  const { inputs, backend, attrs } = args;
  const x = inputs.x!;
  const dy = inputs.dy!;
  const { strides, pad, dataFormat, dimRoundingMode, filterShape } = attrs as {
    strides: [number, number] | number;
    pad: 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
    dataFormat: 'NHWC' | 'NCHW';
    dimRoundingMode?: 'floor' | 'round' | 'ceil';
    filterShape: [number, number, number, number];
  };
  if (dataFormat !== 'NHWC') throw new Error(`Conv2DBackpropFilter on webgpu supports NHWC only, got ${dataFormat}; build layers channelsLast.`);
  const info = tf.backend_util.computeConv2DInfo(x.shape as [number, number, number, number], filterShape, strides, 1, pad, dimRoundingMode);
  const [kh, kw, ci, co] = filterShape;
  const { batchSize, outHeight, outWidth, strideHeight, strideWidth, padInfo } = info;
  const temporaries: tf.TensorInfo[] = [];
  const keep = (t: tf.TensorInfo): tf.TensorInfo => (temporaries.push(t), t);

  // Padded on every side the forward convolution read beyond, so every tap's window lies inside.
  const padded =
    padInfo.top + padInfo.bottom + padInfo.left + padInfo.right === 0
      ? x
      : keep(run(backend, 'PadV2', { x }, { paddings: [[0, 0], [padInfo.top, padInfo.bottom], [padInfo.left, padInfo.right], [0, 0]], constantValue: 0 }));
  const taps: tf.TensorInfo[] = [];
  for (let row = 0; row < kh; row++) {
    for (let column = 0; column < kw; column++) {
      const tap = run(backend, 'StridedSlice', { x: padded }, {
        begin: [0, row, column, 0],
        end: [batchSize, row + (outHeight - 1) * strideHeight + 1, column + (outWidth - 1) * strideWidth + 1, ci],
        strides: [1, strideHeight, strideWidth, 1],
        beginMask: 0,
        endMask: 0,
        ellipsisMask: 0,
        newAxisMask: 0,
        shrinkAxisMask: 0,
      });
      taps.push(keep(tap));
    }
  }
  const patches = taps.length === 1 ? taps[0]! : keep(run(backend, 'Concat', taps as unknown as KernelInputs, { axis: 3 }));
  const patchRows = keep(run(backend, 'Reshape', { x: patches }, { shape: [batchSize, outHeight * outWidth, kh * kw * ci] }));
  const dyRows = keep(run(backend, 'Reshape', { x: dy }, { shape: [batchSize, outHeight * outWidth, co] }));
  const perExample = keep(run(backend, 'BatchMatMul', { a: patchRows, b: dyRows }, { transposeA: true, transposeB: false }));
  const summed = keep(run(backend, 'Sum', { x: perExample }, { axis: [0], keepDims: false }));
  const dw = run(backend, 'Reshape', { x: summed }, { shape: [kh, kw, ci, co] });
  for (const t of temporaries) backend.disposeData(t.dataId);
  return dw;
}
