// MaxPoolGrad for the wasm backend. The stock kernel returns wrong gradients (off by O(1) against cpu for 'same'
// padding and for some valid shapes such as [4, 8, 8, 3] with a 2×2 window). This one follows the cpu backend's
// maxPoolPositions: the gradient of each window goes to its first greatest in-bounds value (padding never wins). It
// works on the tensors in the wasm heap. The windows the builder makes (k×k, stride k, no padding) do not overlap;
// they take a SIMD loop (wasm-simd-kernels.ts) that gives each window's gradient to its first position equal to the
// forward pass's maximum, with no data-dependent branch: on real activations "is this the new maximum?" is a coin
// flip the CPU mispredicts. A CIFAR CNN step's two pooling gradients: 47 → ~4 ms. It differs from cpu only where a
// window is all −∞ (its first position gets the gradient; cpu gives it to none): training has diverged by then.
import * as tf from '@tensorflow/tfjs';
import type { WasmKernelArgs } from './wasm-kernel-calls.js';
import { heapOffset, simdKernels } from './wasm-simd-kernels.js';

interface MaxPoolGradAttrs {
  filterSize: [number, number] | number;
  strides: [number, number] | number;
  pad: 'valid' | 'same' | number;
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

/** dx[first argmax of each pooling window] += dy[window]. */
export function maxPoolGrad(args: WasmKernelArgs): tf.TensorInfo {
  const { inputs, backend, attrs } = args;
  const input = inputs.input!;
  const dy = inputs.dy!;
  const pooled = inputs.output;
  const { filterSize, strides, pad, dimRoundingMode } = attrs as unknown as MaxPoolGradAttrs;
  const info = tf.backend_util.computePool2DInfo(input.shape as [number, number, number, number], filterSize, strides, 1, pad, dimRoundingMode);
  const out = backend.makeOutput(input.shape, 'float32');
  // Views are taken after the output is allocated: an allocation can grow the heap and detach older views.
  const dx = backend.typedArrayFromHeap(out) as Float32Array;
  const disjoint =
    info.padInfo.top === 0 &&
    info.padInfo.bottom === 0 &&
    info.padInfo.left === 0 &&
    info.padInfo.right === 0 &&
    info.dilationHeight === 1 &&
    info.dilationWidth === 1 &&
    info.strideHeight === info.filterHeight &&
    info.strideWidth === info.filterWidth;
  if (disjoint && pooled !== undefined) {
    const covered = info.outHeight * info.filterHeight === info.inHeight && info.outWidth * info.filterWidth === info.inWidth;
    if (!covered) dx.fill(0);
    const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, filterHeight, filterWidth } = info;
    const offset = (t: tf.TensorInfo): number => heapOffset(backend, t);
    simdKernels(backend).maxPoolGradDisjoint(offset(input), offset(pooled), offset(dy), offset(out), batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, filterHeight, filterWidth);
  } else {
    dx.fill(0);
    scatterWindows(info, backend.typedArrayFromHeap(input) as Float32Array, backend.typedArrayFromHeap(dy) as Float32Array, dx);
  }
  return out;
}

/** Any window, stride, dilation and padding; channels innermost so memory is read in order. */
function scatterWindows(info: tf.backend_util.Conv2DInfo, x: Float32Array, g: Float32Array, dx: Float32Array): void {
  const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, strideHeight, strideWidth } = info;
  const { effectiveFilterHeight: fh, effectiveFilterWidth: fw, dilationHeight: dh, dilationWidth: dw } = info;
  const best = new Float32Array(inChannels);
  const bestIndex = new Int32Array(inChannels);
  for (let b = 0; b < batchSize; b++) {
    const xBase = b * inHeight * inWidth * inChannels;
    for (let oh = 0; oh < outHeight; oh++) {
      const h0 = oh * strideHeight - info.padInfo.top;
      for (let ow = 0; ow < outWidth; ow++) {
        const w0 = ow * strideWidth - info.padInfo.left;
        const gBase = ((b * outHeight + oh) * outWidth + ow) * inChannels;
        best.fill(-Infinity);
        bestIndex.fill(-1);
        for (let fy = 0; fy < fh; fy += dh) {
          const h = h0 + fy;
          if (h < 0 || h >= inHeight) continue;
          for (let fx = 0; fx < fw; fx += dw) {
            const w = w0 + fx;
            if (w < 0 || w >= inWidth) continue;
            const base = xBase + (h * inWidth + w) * inChannels;
            for (let c = 0; c < inChannels; c++) {
              const value = x[base + c]!;
              if (value > best[c]!) {
                best[c] = value;
                bestIndex[c] = base + c;
              }
            }
          }
        }
        for (let c = 0; c < inChannels; c++) if (bestIndex[c]! >= 0) dx[bestIndex[c]!]! += g[gBase + c]!;
      }
    }
  }
}
