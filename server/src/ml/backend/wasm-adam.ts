// Adam's update of one variable on the wasm backend as one loop over the tensors in the wasm heap, instead of the
// stock optimizer's fourteen element-wise kernels, each a pass over memory with its own output. The formula is
// tf.train.adam's, w − lr·m̂/(√v̂ + ε) with m̂ = m/(1 − β1^t) and v̂ = v/(1 − β2^t), computed in float64 with the bias
// corrections folded into two constants (one division and one square root per weight) and rounded once when stored:
// rounding every step to float32 as the stock kernels do made the loop ~4× slower (~21 ns per weight).
import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { AdamConstants, AdamOperands, AdamResult } from './adam-update.js';

/** One variable's Adam step on the wasm backend. */
export function wasmAdamUpdate(operands: AdamOperands, constants: AdamConstants): AdamResult {
  const backend = tf.backend() as BackendWasm;
  const { shape } = operands.value;
  const outputs = [backend.makeOutput(shape, 'float32'), backend.makeOutput(shape, 'float32'), backend.makeOutput(shape, 'float32')];
  // Views are taken after the outputs are allocated: an allocation can grow the heap and detach older views.
  const view = (t: tf.TensorInfo): Float32Array => backend.typedArrayFromHeap(t) as Float32Array;
  const [newFirst, newSecond, newValue] = outputs.map(view) as [Float32Array, Float32Array, Float32Array];
  const first = view(operands.firstMoment);
  const second = view(operands.secondMoment);
  const value = view(operands.value);
  const gradient = view(operands.gradient);
  const { beta1, beta2, epsilon } = constants;
  const gain1 = 1 - beta1;
  const gain2 = 1 - beta2;
  // lr·(m/c1)/(√(v/c2) + ε) = (lr/c1)·m/(√v/√c2 + ε).
  const rate = constants.learningRate / constants.firstCorrection;
  const rootScale = 1 / Math.sqrt(constants.secondCorrection);
  for (let i = 0; i < gradient.length; i++) {
    const g = gradient[i]!;
    const m = first[i]! * beta1 + g * gain1;
    const v = second[i]! * beta2 + g * g * gain2;
    newFirst[i] = m;
    newSecond[i] = v;
    newValue[i] = value[i]! - (rate * m) / (Math.sqrt(v) * rootScale + epsilon);
  }
  const [firstMoment, secondMoment, valueOut] = outputs.map((info) => tf.engine().makeTensorFromTensorInfo(info)) as [tf.Tensor, tf.Tensor, tf.Tensor];
  return { firstMoment, secondMoment, value: valueOut };
}
