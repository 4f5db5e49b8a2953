// Adam exactly as TF.js defines it, with each variable's update fused where a backend has a fused update: three GPU
// programs on webgpu (webgpu-adam.ts), one loop over the wasm heap on wasm (wasm-adam.ts). Elsewhere it is the stock
// optimizer. What `createOptimizer` returns for 'adam'.
import * as tf from '@tensorflow/tfjs';
import type { AdamUpdate } from './adam-update.js';
import { wasmAdamUpdate } from './wasm-adam.js';
import { webgpuAdamUpdate } from './webgpu-adam.js';

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

type VariableGradients = Parameters<tf.AdamOptimizer['applyGradients']>[0];

const FUSED_UPDATES: Partial<Record<string, AdamUpdate>> = { webgpu: webgpuAdamUpdate, wasm: wasmAdamUpdate };

/** tf.train.adam's optimizer, with fused updates on webgpu and wasm. */
export class FusedAdamOptimizer extends tf.AdamOptimizer {
  override applyGradients(variableGradients: VariableGradients): void {
    const update = FUSED_UPDATES[tf.getBackend()];
    if (update === undefined) {
      super.applyGradients(variableGradients);
      return;
    }
    const state = this as unknown as AdamState;
    const names = Array.isArray(variableGradients) ? variableGradients.map((v) => v.name) : Object.keys(variableGradients);
    // The bias corrections 1 − β^t, from the step count on the CPU: the stock optimizer keeps β^t in scalar tensors.
    const step = this.iterations + 1;
    const constants = {
      beta1: state.beta1,
      beta2: state.beta2,
      epsilon: state.epsilon,
      learningRate: state.learningRate,
      firstCorrection: 1 - state.beta1 ** step,
      secondCorrection: 1 - state.beta2 ** step,
    };
    tf.tidy(() => {
      names.forEach((name, i) => {
        const value = tf.engine().registeredVariables[name]!;
        state.accumulatedFirstMoment[i] ??= { originalName: `${name}/m`, variable: tf.tidy(() => tf.zerosLike(value).variable(false)) };
        state.accumulatedSecondMoment[i] ??= { originalName: `${name}/v`, variable: tf.tidy(() => tf.zerosLike(value).variable(false)) };
        const gradient = Array.isArray(variableGradients) ? variableGradients[i]!.tensor : variableGradients[name];
        if (gradient == null) return;
        const firstMoment = state.accumulatedFirstMoment[i]!.variable;
        const secondMoment = state.accumulatedSecondMoment[i]!.variable;
        const next = update({ value, gradient, firstMoment, secondMoment }, constants);
        firstMoment.assign(next.firstMoment);
        secondMoment.assign(next.secondMoment);
        value.assign(next.value);
      });
      // Kept as the stock optimizer keeps them, for getWeights/setWeights; written from the CPU, no kernel.
      state.accBeta1.assign(tf.scalar(state.beta1 ** (step + 1)));
      state.accBeta2.assign(tf.scalar(state.beta2 ** (step + 1)));
    });
    this.incrementIterations();
  }
}
