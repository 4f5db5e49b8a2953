// Training kernels the stock TF.js wasm backend lacks or gets wrong (STACK.md, "Training"). Without them the
// backward pass of any Conv2D layer (Conv2DBackpropFilter) and of any Embedding layer (UnsortedSegmentSum, the
// gradient of Gather) throws "kernel not registered". The stock wasm MaxPoolGrad returns wrong gradients, so it is
// replaced too (wasm-max-pool-gradient.ts); its Conv2DBackpropInput is correct but was the slowest kernel of a CNN
// step, so stride-1 convolutions (all the builder makes) take a forward-convolution path. BatchMatMul, GatherV2 and
// Sum are replaced where the stock kernels are slow for the shapes training makes (wasm-batch-matmul.ts,
// wasm-heap-kernels.ts), and Identity shares its input's data instead of copying it, as the cpu backend's does (a CNN
// training step makes ~45 identities, ~8 ms of copies).
// Each is built from the backend's own kernels, a plain loop or our SIMD module (wasm-simd-kernels.ts), and tested
// against the cpu backend.
import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { convFilterGradientCall, type ConvFilterGradientCall } from './conv-filter-gradient.js';
import { batchMatMul } from './wasm-batch-matmul.js';
import { gatherV2, sumLeadingAxes, unsortedSegmentSum } from './wasm-heap-kernels.js';
import { maxPoolGrad } from './wasm-max-pool-gradient.js';
import { heapOffset, simdKernels } from './wasm-simd-kernels.js';
import { keepStockKernel, runStockKernel, runWasmKernel, type WasmKernelArgs } from './wasm-kernel-calls.js';

/** Kernel names this module adds to the wasm backend. */
export const WASM_TRAINING_KERNELS = ['Conv2DBackpropFilter', 'UnsortedSegmentSum', 'MaxPoolGrad', 'Conv2DBackpropInput', 'BatchMatMul', 'GatherV2', 'Sum', 'Identity'] as const;

const implementations: Record<(typeof WASM_TRAINING_KERNELS)[number], unknown> = {
  Conv2DBackpropFilter: conv2DBackpropFilter,
  UnsortedSegmentSum: unsortedSegmentSum,
  MaxPoolGrad: maxPoolGrad,
  Conv2DBackpropInput: conv2DBackpropInput,
  BatchMatMul: batchMatMul,
  GatherV2: gatherV2,
  Sum: sumLeadingAxes,
  Identity: identity,
};

/** Replacements that hand some cases back to the stock kernel, which is kept (with its setup) for them. */
const WRAPS_STOCK_KERNEL = new Set<string>(['Conv2DBackpropInput', 'BatchMatMul', 'GatherV2', 'Sum']);

/** Registers (or replaces) the training kernels on the wasm backend; safe to call more than once. */
export function registerWasmTrainingKernels(): void {
  registerBatchNormGradient();
  for (const name of WASM_TRAINING_KERNELS) {
    const kernelFunc = implementations[name] as tf.KernelFunc;
    const existing = tf.getKernel(name, 'wasm');
    if (existing?.kernelFunc === kernelFunc) continue;
    const wrapsStock = WRAPS_STOCK_KERNEL.has(name);
    if (wrapsStock && existing !== undefined) keepStockKernel(name, existing.kernelFunc);
    if (existing !== undefined) tf.unregisterKernel(name, 'wasm');
    // The stock kernel's setup (binding its wasm function) must still run when it is kept as a fallback.
    const setupFunc = wrapsStock ? existing?.setupFunc : undefined;
    tf.registerKernel({ kernelName: name, backendName: 'wasm', kernelFunc, ...(setupFunc ? { setupFunc } : {}) });
  }
}

/**
 * dW[kh, kw, ci, co] = Σ_{b, oh, ow} x[b, oh·s + kh − padTop, ow·s + kw − padLeft, ci] · dy[b, oh, ow, co]. With a
 * multiple of 8 output channels (every width the builder offers), our SIMD module computes it from the padded input
 * directly; otherwise it is a forward convolution (below).
 */
function conv2DBackpropFilter(args: WasmKernelArgs): tf.TensorInfo {
  const { inputs, backend, attrs } = args;
  const call = convFilterGradientCall(inputs, attrs, 'wasm');
  return call.filterShape[3] % 8 === 0 ? simdFilterGradient(backend, call) : convolutionFilterGradient(backend, call);
}

/**
 * The SIMD module's filter gradient ('convFilterGradient' in wasm-simd-kernels.ts). XNNPACK's product (the
 * convolution form) packs dy, a fresh operand every step, and needs four transposes around it; this reads the
 * tensors where they lie. Its output has a multiple of 4 rows, so a filter with other row counts is copied out.
 */
function simdFilterGradient(backend: BackendWasm, { x, dy, filterShape, info }: ConvFilterGradientCall): tf.TensorInfo {
  const [kh, kw, ci, co] = filterShape;
  const { top, bottom, left, right } = info.padInfo;
  const padded =
    top + bottom + left + right > 0
      ? runWasmKernel(backend, 'PadV2', { x }, { paddings: [[0, 0], [top, bottom], [left, right], [0, 0]], constantValue: 0 })
      : x;
  const rows = kh * kw * ci;
  const tileRows = Math.ceil(rows / 4) * 4;
  const sums = backend.makeOutput(tileRows === rows ? filterShape : [tileRows, co], 'float32');
  (backend.typedArrayFromHeap(sums) as Float32Array).fill(0);
  simdKernels(backend).convFilterGradient(
    heapOffset(backend, padded),
    heapOffset(backend, dy),
    heapOffset(backend, sums),
    info.batchSize,
    padded.shape[1]!,
    padded.shape[2]!,
    ci,
    info.outHeight,
    info.outWidth,
    co,
    kw,
    rows,
    info.strideHeight,
    info.strideWidth,
  );
  if (padded !== x) backend.disposeData(padded.dataId);
  if (tileRows === rows) return sums;
  const dw = backend.makeOutput(filterShape, 'float32');
  (backend.typedArrayFromHeap(dw) as Float32Array).set((backend.typedArrayFromHeap(sums) as Float32Array).subarray(0, rows * co));
  backend.disposeData(sums.dataId);
  return dw;
}

/**
 * dW as a forward convolution in which the batch plays the channel role: input xᵀ = x transposed to
 * [ci, H, W, b], filter dyᵀ = dy transposed to [oh, ow, b, co], dilation = the original stride, and the original
 * padding. The result [ci, kh', kw', co] (kh' ≥ kh) is cropped and transposed to [kh, kw, ci, co].
 */
function convolutionFilterGradient(backend: BackendWasm, { x, dy, filterShape, info }: ConvFilterGradientCall): tf.TensorInfo {
  const [kh, kw, ci, co] = filterShape;
  const xT = runWasmKernel(backend, 'Transpose', { x }, { perm: [3, 1, 2, 0] });
  const dyT = runWasmKernel(backend, 'Transpose', { x: dy }, { perm: [1, 2, 0, 3] });
  const full = runWasmKernel(
    backend,
    'Conv2D',
    { x: xT, filter: dyT },
    {
      strides: [1, 1],
      dilations: [info.strideHeight, info.strideWidth],
      pad: [
        [0, 0],
        [info.padInfo.top, info.padInfo.bottom],
        [info.padInfo.left, info.padInfo.right],
        [0, 0],
      ],
      dataFormat: 'NHWC',
    },
  );
  backend.disposeData(xT.dataId);
  backend.disposeData(dyT.dataId);
  let cropped = full;
  if (full.shape[1] !== kh || full.shape[2] !== kw) {
    cropped = runWasmKernel(backend, 'Slice', { x: full }, { begin: [0, 0, 0, 0], size: [ci, kh, kw, co] });
    backend.disposeData(full.dataId);
  }
  const dw = runWasmKernel(backend, 'Transpose', { x: cropped }, { perm: [1, 2, 0, 3] });
  backend.disposeData(cropped.dataId);
  return dw;
}

/** The input's data under a second reference: tensors are immutable, so nothing can tell a share from a copy. */
function identity({ inputs, backend }: WasmKernelArgs): tf.TensorInfo {
  const x = inputs.x!;
  backend.incRef(x.dataId);
  return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
}

/**
 * For stride 1: dx[b, i, j, ci] = Σ dy[b, i + padTop − kh, j + padLeft − kw, co] · W[kh, kw, ci, co], a forward
 * convolution of dy with W flipped in both spatial axes and its channel axes swapped, padded by (k − 1 − pad).
 * Strided convolutions would need dy dilated first; they go to the stock kernel.
 */
function conv2DBackpropInput(args: WasmKernelArgs): tf.TensorInfo {
  const { inputs, backend, attrs } = args;
  const dy = inputs.dy!;
  const filter = inputs.filter!;
  const { strides, pad, dataFormat, dimRoundingMode, inputShape } = attrs as {
    strides: [number, number] | number;
    pad: 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
    dataFormat: 'NHWC' | 'NCHW';
    dimRoundingMode?: 'floor' | 'round' | 'ceil';
    inputShape: [number, number, number, number];
  };
  const info = tf.backend_util.computeConv2DInfo(inputShape, filter.shape as [number, number, number, number], strides, 1, pad, dimRoundingMode);
  if (dataFormat !== 'NHWC' || info.strideHeight !== 1 || info.strideWidth !== 1) {
    return runStockKernel('Conv2DBackpropInput', args);
  }
  const [kh, kw] = [info.filterHeight, info.filterWidth];
  const flipped = runWasmKernel(backend, 'Reverse', { x: filter }, { dims: [0, 1] });
  const swapped = runWasmKernel(backend, 'Transpose', { x: flipped }, { perm: [0, 1, 3, 2] });
  backend.disposeData(flipped.dataId);
  const dx = runWasmKernel(
    backend,
    'Conv2D',
    { x: dy, filter: swapped },
    {
      strides: [1, 1],
      dilations: [1, 1],
      pad: [
        [0, 0],
        [kh - 1 - info.padInfo.top, kh - 1 - info.padInfo.bottom],
        [kw - 1 - info.padInfo.left, kw - 1 - info.padInfo.right],
        [0, 0],
      ],
      dataFormat: 'NHWC',
    },
  );
  backend.disposeData(swapped.dataId);
  return dx;
}

let batchNormGradientRegistered = false;

/**
 * TF.js's FusedBatchNorm gradient tiles 1/√(var + ε) to the full input shape before multiplying; on wasm that Tile
 * was the most expensive kernel of a conv + batch-norm training step (≈ 25 %). Broadcasting gives the same values.
 * Gradients are registered per kernel, not per backend, so this applies to every backend; it is the same formula.
 */
function registerBatchNormGradient(): void {
  if (batchNormGradientRegistered) return;
  batchNormGradientRegistered = true;
  tf.registerGradient({
    kernelName: 'FusedBatchNorm',
    inputsToSave: ['x', 'mean', 'variance', 'scale'],
    gradFunc: (dy, saved, attrs) => {
      const dyTensor = dy as tf.Tensor;
      const { varianceEpsilon } = attrs as unknown as { varianceEpsilon: number };
      const [x, mean, variance, scale] = saved as [tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor | undefined];
      const scaleValue = scale ?? tf.scalar(1);
      const reductionAxes = tf.backend_util.getReductionAxes(mean.shape, x.shape);
      const reduce = (t: tf.Tensor): tf.Tensor => (mean.rank === 1 ? t.sum(reductionAxes) : t).reshape(mean.shape);
      const xMinusMean = x.sub(mean);
      const dyTimesScale = dyTensor.mul(scaleValue);
      const oneOverSqrtVariance = tf.rsqrt(variance.add(tf.scalar(varianceEpsilon)));
      const minusHalfRCube = oneOverSqrtVariance.mul(oneOverSqrtVariance).mul(oneOverSqrtVariance).mul(tf.scalar(-0.5));
      return {
        x: () => dyTensor.mul(oneOverSqrtVariance).mul(scaleValue).reshape(x.shape),
        mean: () => reduce(oneOverSqrtVariance.mul(tf.scalar(-1)).mul(dyTimesScale)),
        variance: () => reduce(minusHalfRCube.mul(xMinusMean).mul(dyTimesScale)),
        scale: () => reduce(dyTensor.mul(xMinusMean.mul(oneOverSqrtVariance))),
        offset: () => reduce(dyTensor),
      };
    },
  });
}
