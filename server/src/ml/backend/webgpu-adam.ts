// Adam's update of one variable as three GPU programs (first moment, second moment, weight) instead of the stock
// optimizer's fourteen element-wise ops. On a GPU a training step is bound by the number of dispatches (each costs
// tens of microseconds of CPU in TF.js and Dawn); Adam's updates were half of the reference CNN's ~180 dispatches
// per step (docs/BENCHMARKS.md).
import * as tf from '@tensorflow/tfjs';
import type { AdamConstants, AdamOperands, AdamResult } from './adam-update.js';

/** What this module needs of TF.js's WebGPUBackend. */
interface WebGpuProgramRunner {
  runWebGPUProgram(program: object, inputs: tf.TensorInfo[], outputDtype: 'float32', uniforms: { type: 'float32'; data: number[] }[]): tf.TensorInfo;
}

type UpdateKind = 'firstMoment' | 'secondMoment' | 'weight';

const WORKGROUP_SIZE = 128;

/** One element-wise update over a variable's values, in TF.js's WebGPU program format. */
class AdamUpdateProgram {
  readonly variableNames: string[];
  readonly uniforms: string;
  readonly workgroupSize: [number, number, number] = [WORKGROUP_SIZE, 1, 1];
  readonly size = true;
  readonly dispatchLayout: { x: number[] };
  readonly dispatch: [number, number, number];
  readonly shaderKey: string;

  constructor(
    private readonly kind: UpdateKind,
    readonly outputShape: number[],
  ) {
    this.variableNames = kind === 'weight' ? ['W', 'M', 'V'] : ['S', 'G'];
    this.uniforms = kind === 'weight' ? 'negativeRate : f32, firstCorrection : f32, secondCorrection : f32, epsilon : f32,' : 'decay : f32, gain : f32,';
    this.dispatchLayout = { x: outputShape.map((_, i) => i) };
    this.dispatch = [Math.ceil(tf.util.sizeFromShape(outputShape) / WORKGROUP_SIZE), 1, 1];
    this.shaderKey = `hyperscope_adam_${kind}`;
  }

  getUserCode(): string {
    // Same operations in the same order as tf.AdamOptimizer, so results match it to float32 rounding.
    const update = {
      firstMoment: 'getSByOutputIndex(index) * uniforms.decay + getGByOutputIndex(index) * uniforms.gain',
      secondMoment: 'getSByOutputIndex(index) * uniforms.decay + (getGByOutputIndex(index) * getGByOutputIndex(index)) * uniforms.gain',
      weight:
        '((getMByOutputIndex(index) / uniforms.firstCorrection) / (sqrt(getVByOutputIndex(index) / uniforms.secondCorrection) + uniforms.epsilon)) * uniforms.negativeRate + getWByOutputIndex(index)',
    }[this.kind];
    return `
      fn main(index : i32) {
        if (index < uniforms.size) {
          setOutputAtIndex(index, ${update});
        }
      }
    `;
  }
}

/** One variable's Adam step on the webgpu backend. */
export function webgpuAdamUpdate(operands: AdamOperands, constants: AdamConstants): AdamResult {
  const backend = tf.backend() as unknown as WebGpuProgramRunner;
  const run = (kind: UpdateKind, inputs: tf.Tensor[], uniforms: number[]): tf.Tensor =>
    tf.engine().makeTensorFromTensorInfo(
      backend.runWebGPUProgram(new AdamUpdateProgram(kind, inputs[0]!.shape), inputs, 'float32', uniforms.map((value) => ({ type: 'float32', data: [value] }))),
    );
  const { beta1, beta2, epsilon, learningRate, firstCorrection, secondCorrection } = constants;
  const firstMoment = run('firstMoment', [operands.firstMoment, operands.gradient], [beta1, 1 - beta1]);
  const secondMoment = run('secondMoment', [operands.secondMoment, operands.gradient], [beta2, 1 - beta2]);
  const value = run('weight', [operands.value, firstMoment, secondMoment], [-learningRate, firstCorrection, secondCorrection, epsilon]);
  return { firstMoment, secondMoment, value };
}
