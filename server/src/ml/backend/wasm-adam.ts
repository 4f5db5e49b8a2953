// Adam's update of one variable on the wasm backend as one SIMD loop over the tensors in the backend's memory
// (wasm-simd-kernels.ts), instead of the stock optimizer's fourteen element-wise kernels, each a pass over memory with
// its own output. The formula is tf.train.adam's, w − lr·m̂/(√v̂ + ε) with m̂ = m/(1 − β1^t) and v̂ = v/(1 − β2^t), in
// float32 with the bias corrections folded into two constants (one division and one square root per weight).
import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { AdamConstants, AdamOperands, AdamResult } from './adam-update.js';
import { heapOffset, simdKernels } from './wasm-simd-kernels.js';

/** One variable's Adam step on the wasm backend. */
export function wasmAdamUpdate(operands: AdamOperands, constants: AdamConstants): AdamResult {
  const backend = tf.backend() as BackendWasm;
  const { shape } = operands.value;
  const outputs = [backend.makeOutput(shape, 'float32'), backend.makeOutput(shape, 'float32'), backend.makeOutput(shape, 'float32')];
  const [firstOut, secondOut, valueOut] = outputs.map((t) => heapOffset(backend, t)) as [number, number, number];
  const { beta1, beta2, epsilon } = constants;
  // lr·(m/c1)/(√(v/c2) + ε) = (lr/c1)·m/(√v/√c2 + ε).
  const rate = constants.learningRate / constants.firstCorrection;
  const rootScale = 1 / Math.sqrt(constants.secondCorrection);
  simdKernels(backend).adam(
    heapOffset(backend, operands.gradient),
    heapOffset(backend, operands.firstMoment),
    heapOffset(backend, operands.secondMoment),
    heapOffset(backend, operands.value),
    firstOut,
    secondOut,
    valueOut,
    tf.util.sizeFromShape(shape),
    beta1,
    1 - beta1,
    beta2,
    1 - beta2,
    rate,
    rootScale,
    epsilon,
  );
  const [firstMoment, secondMoment, value] = outputs.map((info) => tf.engine().makeTensorFromTensorInfo(info)) as [tf.Tensor, tf.Tensor, tf.Tensor];
  return { firstMoment, secondMoment, value };
}
