// Training kernels that replace slow stock ones on TF.js's WebGPU backend (4.22). Measured on an NVIDIA H200
// (docs/BENCHMARKS.md): the stock Conv2DBackpropFilter gives each filter weight one GPU thread that sums over the
// whole batch and image, so the reference CNN's step at batch 256 spent 92 of its 95 ms of GPU time in it.
// Built from one patch-gathering program and the backend's own kernels (a batched matrix product, a sum); tested
// against cpu.
import * as tf from '@tensorflow/tfjs';
import { convFilterGradientCall } from './conv-filter-gradient.js';

type KernelInputs = Record<string, tf.TensorInfo>;
type KernelAttrs = Record<string, unknown>;
/** What the kernels need of TF.js's WebGPUBackend: running a program, freeing intermediate results. */
interface KernelBackend {
  disposeData(dataId: object): boolean;
  runWebGPUProgram(program: object, inputs: tf.TensorInfo[], outputDtype: 'float32', uniforms: { type: 'int32'; data: number[] }[]): tf.TensorInfo;
}

const PATCHES_WORKGROUP_SIZE = 64;

/**
 * The input patches of a convolution, one row per output position: [batch, outHeight·outWidth, kh·kw·ci], taps in
 * the filter's order (row, column, channel), zeros where a tap falls in the padding. One dispatch (im2col).
 */
class ConvPatchesProgram {
  readonly variableNames = ['x'];
  readonly uniforms = 'padTop : i32, padLeft : i32, strideHeight : i32, strideWidth : i32, outWidth : i32, kernelWidth : i32, inChannels : i32,';
  readonly workgroupSize: [number, number, number] = [PATCHES_WORKGROUP_SIZE, 1, 1];
  readonly size = true;
  readonly dispatchLayout = { x: [0, 1, 2] };
  readonly dispatch: [number, number, number];
  readonly shaderKey = 'hyperscope_conv_patches';

  constructor(readonly outputShape: [number, number, number]) {
    this.dispatch = [Math.ceil(tf.util.sizeFromShape(outputShape) / PATCHES_WORKGROUP_SIZE), 1, 1];
  }

  getUserCode(): string {
    return `
      fn main(index : i32) {
        if (index < uniforms.size) {
          let coords = getCoordsFromIndex(index);
          let outRow = coords[1] / uniforms.outWidth;
          let outColumn = coords[1] - outRow * uniforms.outWidth;
          let tap = coords[2] / uniforms.inChannels;
          let channel = coords[2] - tap * uniforms.inChannels;
          let tapRow = tap / uniforms.kernelWidth;
          let tapColumn = tap - tapRow * uniforms.kernelWidth;
          let inRow = outRow * uniforms.strideHeight + tapRow - uniforms.padTop;
          let inColumn = outColumn * uniforms.strideWidth + tapColumn - uniforms.padLeft;
          var value = 0.0;
          if (inRow >= 0 && inRow < uniforms.xShape[1] && inColumn >= 0 && inColumn < uniforms.xShape[2]) {
            value = getX(coords[0], inRow, inColumn, channel);
          }
          setOutputAtIndex(index, value);
        }
      }
    `;
  }
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
 * The patches of x under the filter, one row per output position, make P = [b, oh·ow, kh·kw·ci]; then dW = Σ_b Pᵦᵀ · dyᵦ,
 * one batched matrix product (one [kh·kw·ci, co] block per example, so the GPU has b blocks in parallel instead of
 * one long sum per weight) and a sum over the batch.
 */
function conv2DBackpropFilter(args: { inputs: KernelInputs; backend: KernelBackend; attrs: KernelAttrs }): tf.TensorInfo {
  const { inputs, backend, attrs } = args;
  const { x, dy, filterShape, info } = convFilterGradientCall(inputs, attrs, 'webgpu');
  const [kh, kw, ci, co] = filterShape;
  const { batchSize, outHeight, outWidth, strideHeight, strideWidth, padInfo } = info;
  const temporaries: tf.TensorInfo[] = [];
  const keep = (t: tf.TensorInfo): tf.TensorInfo => (temporaries.push(t), t);

  const patchRows = keep(
    backend.runWebGPUProgram(new ConvPatchesProgram([batchSize, outHeight * outWidth, kh * kw * ci]), [x], 'float32', [
      padInfo.top,
      padInfo.left,
      strideHeight,
      strideWidth,
      outWidth,
      kw,
      ci,
    ].map((value) => ({ type: 'int32' as const, data: [value] }))),
  );
  const dyRows = keep(run(backend, 'Reshape', { x: dy }, { shape: [batchSize, outHeight * outWidth, co] }));
  const perExample = keep(run(backend, 'BatchMatMul', { a: patchRows, b: dyRows }, { transposeA: true, transposeB: false }));
  const summed = keep(run(backend, 'Sum', { x: perExample }, { axis: [0], keepDims: false }));
  const dw = run(backend, 'Reshape', { x: summed }, { shape: [kh, kw, ci, co] });
  for (const t of temporaries) backend.disposeData(t.dataId);
  return dw;
}
