// Adam's update of one variable on the wasm backend as one loop over the tensors in the wasm heap, instead of the
// stock optimizer's fourteen element-wise kernels, each a pass over memory with its own output. Every step of
// tf.train.adam's formula is rounded to float32 (Math.fround) in its order, so the values are the stock kernels'.
import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { AdamConstants, AdamOperands, AdamResult } from './adam-update.js';

const f32 = Math.fround;

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
  // Scalars as the stock optimizer's float32 scalar tensors hold them.
  const beta1 = f32(constants.beta1);
  const beta2 = f32(constants.beta2);
  const gain1 = f32(1 - constants.beta1);
  const gain2 = f32(1 - constants.beta2);
  const firstCorrection = f32(constants.firstCorrection);
  const secondCorrection = f32(constants.secondCorrection);
  const epsilon = f32(constants.epsilon);
  const negativeRate = f32(-constants.learningRate);
  for (let i = 0; i < gradient.length; i++) {
    const g = gradient[i]!;
    const m = f32(f32(first[i]! * beta1) + f32(g * gain1));
    const v = f32(f32(second[i]! * beta2) + f32(f32(g * g) * gain2));
    newFirst[i] = m;
    newSecond[i] = v;
    const step = f32(f32(m / firstCorrection) / f32(f32(Math.sqrt(f32(v / secondCorrection))) + epsilon));
    newValue[i] = f32(step * negativeRate) + value[i]!;
  }
  const [firstMoment, secondMoment, valueOut] = outputs.map((info) => tf.engine().makeTensorFromTensorInfo(info)) as [tf.Tensor, tf.Tensor, tf.Tensor];
  return { firstMoment, secondMoment, value: valueOut };
}
