// BatchMatMul on wasm for the shapes gradients make. The stock kernel is fast (XNNPACK's fully-connected operator)
// only without transposes; with transposeA or transposeB it runs a plain loop 8–15× slower. XNNPACK packs the right
// operand as "weights" on every new tensor, and packing a wide one is expensive: for an LSTM's kernel gradient
// xᵀ·dz ([12800×64]ᵀ × [12800×256]), packing dz cost ~60 ms of a ~90 ms product. So a transposed product is computed
// with explicit transposes, packing whichever operand has fewer output columns.
import * as tf from '@tensorflow/tfjs';
import { runStockKernel, runWasmKernel, type WasmKernelArgs } from './wasm-kernel-calls.js';

interface MatMulAttrs {
  transposeA: boolean;
  transposeB: boolean;
}

export function batchMatMul(args: WasmKernelArgs): tf.TensorInfo {
  const { inputs, backend, attrs } = args;
  const { transposeA, transposeB } = attrs as unknown as MatMulAttrs;
  if (!transposeA && !transposeB) return runStockKernel('BatchMatMul', args);
  const a = inputs.a!;
  const b = inputs.b!;
  const outRows = a.shape[a.shape.length - (transposeA ? 1 : 2)]!;
  const outColumns = b.shape[b.shape.length - (transposeB ? 2 : 1)]!;
  const unbatched = batchSize(a) === 1 && batchSize(b) === 1;
  if (transposeA !== transposeB && unbatched && outColumns > outRows) {
    // Cᵀ = op(B)ᵀ · op(A)ᵀ: the packed operand becomes A, whose side of the product is the narrower one.
    const productT = batchMatMul({ inputs: { a: b, b: a }, backend, attrs: { transposeA: !transposeB, transposeB: !transposeA } });
    const product = swapLastTwoAxes(args, productT);
    backend.disposeData(productT.dataId);
    return product;
  }
  const aUntransposed = transposeA ? swapLastTwoAxes(args, a) : a;
  const bUntransposed = transposeB ? swapLastTwoAxes(args, b) : b;
  const product = runStockKernel('BatchMatMul', { inputs: { a: aUntransposed, b: bUntransposed }, backend, attrs: { transposeA: false, transposeB: false } });
  if (transposeA) backend.disposeData(aUntransposed.dataId);
  if (transposeB) backend.disposeData(bUntransposed.dataId);
  return product;
}

function batchSize(x: tf.TensorInfo): number {
  return x.shape.slice(0, -2).reduce((product, size) => product * size, 1);
}

function swapLastTwoAxes({ backend }: WasmKernelArgs, x: tf.TensorInfo): tf.TensorInfo {
  const perm = x.shape.map((_, i) => i);
  perm[perm.length - 2] = perm.length - 1;
  perm[perm.length - 1] = perm.length - 2;
  return runWasmKernel(backend, 'Transpose', { x }, { perm });
}
