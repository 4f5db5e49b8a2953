// Adam exactly as TF.js defines it, with each variable's update done in three GPU programs on the webgpu backend
// instead of the stock optimizer's fourteen element-wise ops. On a GPU a training step is bound by the number of
// dispatches (each costs tens of microseconds of CPU in TF.js and Dawn); Adam's updates were half of the reference
// CNN's ~180 dispatches per step (docs/BENCHMARKS.md). On other backends it is the stock optimizer.
import * as tf from '@tensorflow/tfjs';

/** The stock optimizer's state (fields TF.js declares private). */
interface AdamState {
  beta1: number;
  beta2: number;
  epsilon: number;
  learningRate: number;
  accBeta1: tf.Variable;
  accBeta2: tf.Variable;
  accumulatedFirstMoment: ({ originalName: string; variable: tf.Variable } | undefined)[];
  accumulatedSecondMoment: ({ originalName: string; variable: tf.Variable } | undefined)[];
}

/** What this module needs of TF.js's WebGPUBackend. */
interface WebGpuProgramRunner {
  runWebGPUProgram(program: object, inputs: tf.TensorInfo[], outputDtype: 'float32', uniforms: { type: 'float32'; data: number[] }[]): tf.TensorInfo;
}

type UpdateKind = 'firstMoment' | 'secondMoment' | 'weight';
type VariableGradients = Parameters<tf.AdamOptimizer['applyGradients']>[0];

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

/** tf.train.adam's optimizer, with fused updates on webgpu. */
export class FusedAdamOptimizer extends tf.AdamOptimizer {
  override applyGradients(variableGradients: VariableGradients): void {
    if (tf.getBackend() !== 'webgpu') {
      super.applyGradients(variableGradients);
      return;
    }
    const state = this as unknown as AdamState;
    const backend = tf.backend() as unknown as WebGpuProgramRunner;
    const run = (kind: UpdateKind, inputs: tf.Tensor[], uniforms: number[]): tf.Tensor =>
      tf.engine().makeTensorFromTensorInfo(
        backend.runWebGPUProgram(new AdamUpdateProgram(kind, inputs[0]!.shape), inputs, 'float32', uniforms.map((value) => ({ type: 'float32', data: [value] }))),
      );
    const names = Array.isArray(variableGradients) ? variableGradients.map((v) => v.name) : Object.keys(variableGradients);
    // The bias corrections 1 − β^t, from the step count on the CPU: the stock optimizer keeps β^t in GPU scalars.
    const step = this.iterations + 1;
    const firstCorrection = 1 - state.beta1 ** step;
    const secondCorrection = 1 - state.beta2 ** step;
    tf.tidy(() => {
      names.forEach((name, i) => {
        const value = tf.engine().registeredVariables[name]!;
        state.accumulatedFirstMoment[i] ??= { originalName: `${name}/m`, variable: tf.tidy(() => tf.zerosLike(value).variable(false)) };
        state.accumulatedSecondMoment[i] ??= { originalName: `${name}/v`, variable: tf.tidy(() => tf.zerosLike(value).variable(false)) };
        const gradient = Array.isArray(variableGradients) ? variableGradients[i]!.tensor : variableGradients[name];
        if (gradient == null) return;
        const firstMoment = state.accumulatedFirstMoment[i]!.variable;
        const secondMoment = state.accumulatedSecondMoment[i]!.variable;
        const newFirst = run('firstMoment', [firstMoment, gradient], [state.beta1, 1 - state.beta1]);
        const newSecond = run('secondMoment', [secondMoment, gradient], [state.beta2, 1 - state.beta2]);
        const newValue = run('weight', [value, newFirst, newSecond], [-state.learningRate, firstCorrection, secondCorrection, state.epsilon]);
        firstMoment.assign(newFirst);
        secondMoment.assign(newSecond);
        value.assign(newValue);
      });
      // Kept as the stock optimizer keeps them, for getWeights/setWeights; written from the CPU, no dispatch.
      state.accBeta1.assign(tf.scalar(state.beta1 ** (step + 1)));
      state.accBeta2.assign(tf.scalar(state.beta2 ** (step + 1)));
    });
    this.incrementIterations();
  }
}
