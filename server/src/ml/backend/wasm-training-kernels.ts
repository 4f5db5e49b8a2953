// Training kernels the stock TF.js wasm backend lacks or gets wrong (STACK.md, "Training"). Without them the
// backward pass of any Conv2D layer (Conv2DBackpropFilter) and of any Embedding layer (UnsortedSegmentSum, the
// gradient of Gather) throws "kernel not registered". The stock wasm MaxPoolGrad returns wrong gradients, so it is
// replaced too (wasm-max-pool-gradient.ts); its Conv2DBackpropInput is correct but was the slowest kernel of a CNN
// step, so stride-1 convolutions (all the builder makes) take a forward-convolution path. BatchMatMul, GatherV2 and Sum are replaced
// where the stock kernels are slow for the shapes training makes (wasm-batch-matmul.ts, wasm-heap-kernels.ts).
// Each is built from the backend's own kernels or a plain loop and tested against the cpu backend.
import * as tf from '@tensorflow/tfjs';
import { convFilterGradientCall } from './conv-filter-gradient.js';
import { batchMatMul } from './wasm-batch-matmul.js';
import { gatherV2, sumLeadingAxes, unsortedSegmentSum } from './wasm-heap-kernels.js';
import { maxPoolGrad } from './wasm-max-pool-gradient.js';
import { keepStockKernel, runStockKernel, runWasmKernel, type WasmKernelArgs } from './wasm-kernel-calls.js';

/** Kernel names this module adds to the wasm backend. */
export const WASM_TRAINING_KERNELS = ['Conv2DBackpropFilter', 'UnsortedSegmentSum', 'MaxPoolGrad', 'Conv2DBackpropInput', 'BatchMatMul', 'GatherV2', 'Sum'] as const;

const implementations: Record<(typeof WASM_TRAINING_KERNELS)[number], unknown> = {
  Conv2DBackpropFilter: conv2DBackpropFilter,
  UnsortedSegmentSum: unsortedSegmentSum,
  MaxPoolGrad: maxPoolGrad,
  Conv2DBackpropInput: conv2DBackpropInput,
  BatchMatMul: batchMatMul,
  GatherV2: gatherV2,
  Sum: sumLeadingAxes,
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
 * dW[kh, kw, ci, co] = Σ_{b, oh, ow} x[b, oh·sh + kh − padTop, ow·sw + kw − padLeft, ci] · dy[b, oh, ow, co]: one
 * matrix product Pᵀ · dy, where row (kh, kw, ci) of Pᵀ holds channel ci of the input under filter tap (kh, kw) at
 * every output position (im2col, transposed; zero where the tap falls on padding) and dy is [b·oh·ow, co]. The rows
 * come out in the filter's own (kh, kw, ci) order, so the product is dW as it is laid out.
 */
function conv2DBackpropFilter(args: WasmKernelArgs): tf.TensorInfo {
  const { inputs, backend, attrs } = args;
  const { x, dy, filterShape, info } = convFilterGradientCall(inputs, attrs, 'wasm');
  const [kh, kw, ci, co] = filterShape;
  const positions = info.batchSize * info.outHeight * info.outWidth;
  // Channels first, so each patch row is read along contiguous input rows.
  const channelsFirst = runWasmKernel(backend, 'Transpose', { x }, { perm: [3, 0, 1, 2] });
  const patchesT = backend.makeOutput([1, kh * kw * ci, positions], 'float32');
  gatherPatchRows(info, backend.typedArrayFromHeap(channelsFirst) as Float32Array, backend.typedArrayFromHeap(patchesT) as Float32Array);
  backend.disposeData(channelsFirst.dataId);
  // dy as [1, b·oh·ow, co]: a new view of the same data (no kernel, so no reference count to balance).
  const product = runStockKernel('BatchMatMul', { inputs: { a: patchesT, b: { ...dy, shape: [1, positions, co] } }, backend, attrs: { transposeA: false, transposeB: false } });
  backend.disposeData(patchesT.dataId);
  return { ...product, shape: [kh, kw, ci, co] };
}

/** Pᵀ[(fy, fx, c), (b, oh, ow)] = x[c, b, oh·sh + fy − padTop, ow·sw + fx − padLeft], 0 outside the input. */
function gatherPatchRows(info: tf.backend_util.Conv2DInfo, x: Float32Array, patchesT: Float32Array): void {
  const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, strideHeight, strideWidth, filterHeight, filterWidth, padInfo } = info;
  let to = 0;
  for (let fy = 0; fy < filterHeight; fy++) {
    for (let fx = 0; fx < filterWidth; fx++) {
      // The output columns whose tap lands inside the input: iw = ow·sw + fx − padLeft in [0, inWidth).
      const firstColumn = Math.max(0, Math.ceil((padInfo.left - fx) / strideWidth));
      const endColumn = Math.min(outWidth, Math.floor((inWidth - 1 + padInfo.left - fx) / strideWidth) + 1);
      for (let c = 0; c < inChannels; c++) {
        for (let b = 0; b < batchSize; b++) {
          const image = (c * batchSize + b) * inHeight;
          for (let oh = 0; oh < outHeight; oh++) {
            const ih = oh * strideHeight + fy - padInfo.top;
            if (ih < 0 || ih >= inHeight || endColumn <= firstColumn) {
              patchesT.fill(0, to, to + outWidth);
              to += outWidth;
              continue;
            }
            let from = (image + ih) * inWidth + firstColumn * strideWidth + fx - padInfo.left;
            let ow = 0;
            for (; ow < firstColumn; ow++) patchesT[to++] = 0;
            for (; ow < endColumn; ow++, from += strideWidth) patchesT[to++] = x[from]!;
            for (; ow < outWidth; ow++) patchesT[to++] = 0;
          }
        }
      }
    }
  }
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
