// The recurrent part of an LSTM over a whole sequence as ONE differentiable op (tf.customGrad): per timestep one
// [batch, units] × [units, 4·units] matmul and one sigmoid over all gates on the backend, the cell update fused in a
// JS loop, and backpropagation through time written out by hand (JS loops and one matmul per step). The input projections (x·W + b for all timesteps) are computed
// by the caller in one matmul. Autograd over TF.js's own LSTM records ~15 small ops per step and spends most of the
// time in dispatch and in matmuls on subnormal floats (STACK.md); here the tape holds one node per sequence.
//
// Math (Keras LSTM, gate order i, f, c, o): z = xW + b + hR; i, f, o = σ(z); g = tanh(z_c);
// c' = f·c + i·g; h' = o·tanh(c'). A masked step (mask 0) keeps h and c, and outputs the previous h (Keras).
import * as tf from '@tensorflow/tfjs';

/**
 * Gradients and hidden states smaller than this are set to 0. Subnormal floats (< 1.2e-38) make wasm matmuls ~40×
 * slower, and vanishing gradients through 200 steps reach them; a contribution below 1e-20 is far below anything a
 * float32 weight update can register (lr ≤ 1 times 1e-20 next to weights of ~1e-3, whose spacing is ~1e-10).
 */
export const FLUSH_TO_ZERO_BELOW = 1e-20;

export interface LstmRecurrenceOptions {
  returnSequences: boolean;
  /** Process the sequence from the last step to the first; the output sequence is in processing order (Keras). */
  goBackwards: boolean;
  /** [batch, time] 1 = real step, 0 = padding to skip; undefined = every step counts. */
  mask?: Uint8Array | Float32Array | Int32Array;
  /** [batch, units] multiplier of h before the recurrent matmul (recurrent dropout, Keras implementation 2). */
  recurrentDropoutMask?: Float32Array;
}

/**
 * h for every step ([batch, time, units]) or the last one ([batch, units]) of an LSTM whose input projections
 * `projected` ([batch, time, 4·units], bias included) are given; `recurrentKernel` is [units, 4·units].
 * Differentiable with respect to both. Initial h and c are zero.
 */
export function lstmRecurrence(projected: tf.Tensor3D, recurrentKernel: tf.Tensor2D, options: LstmRecurrenceOptions): tf.Tensor {
  const op = tf.customGrad((...args: unknown[]) => {
    const [xp, r] = args as [tf.Tensor3D, tf.Tensor2D];
    const run = forward(xp, r, options);
    return {
      value: run.output,
      gradFunc: (dy: tf.Tensor | tf.Tensor[]) => backward(run, Array.isArray(dy) ? dy[0]! : dy, r, options),
    };
  });
  return op(projected, recurrentKernel) as tf.Tensor;
}

interface ForwardRun {
  batch: number;
  time: number;
  units: number;
  output: tf.Tensor;
  /** Gate activations i, f, g, o per processing step: [time, batch, 4·units]. */
  gates: Float32Array;
  /** c before and after each step: [time + 1, batch, units]. */
  cells: Float32Array;
  /** tanh(c) after each step: [time, batch, units]. */
  cellTanh: Float32Array;
  /** The h each step multiplied by the recurrent kernel (dropout applied): [time, batch, units]. */
  recurrentInputs: Float32Array;
}

const flush = (x: number): number => (x < FLUSH_TO_ZERO_BELOW && x > -FLUSH_TO_ZERO_BELOW ? 0 : x);

/**
 * tanh to float32 accuracy (|error| ≤ 3e-7): Eigen's rational approximation (13/6 odd/even polynomials, input clamped
 * to ±7.905, where float32 tanh is ±1). About 2× faster than Math.tanh, which was the bulk of the forward cell update.
 */
function fastTanh(value: number): number {
  const x = value > 7.90531110763549805 ? 7.90531110763549805 : value < -7.90531110763549805 ? -7.90531110763549805 : value;
  const x2 = x * x;
  const p =
    x *
    (4.89352455891786e-3 +
      x2 * (6.37261928875436e-4 + x2 * (1.48572235717979e-5 + x2 * (5.12229709037114e-8 + x2 * (-8.60467152213735e-11 + x2 * (2.00018790482477e-13 + x2 * -2.76076847742355e-16))))));
  const q = 4.89352518554385e-3 + x2 * (2.268434632439e-3 + x2 * (1.18534705686654e-4 + x2 * 1.19825839466702e-6));
  return p / q;
}

/** Which batch rows take part in processing step `t` (1) or are padding carried over (0). */
function liveRows(mask: LstmRecurrenceOptions['mask'], batch: number, time: number, t: number, into: Uint8Array): Uint8Array {
  for (let b = 0; b < batch; b++) into[b] = mask === undefined || mask[b * time + t] !== 0 ? 1 : 0;
  return into;
}

function forward(projected: tf.Tensor3D, recurrentKernel: tf.Tensor2D, options: LstmRecurrenceOptions): ForwardRun {
  const [batch, time, gates4] = projected.shape;
  const units = gates4 / 4;
  if (recurrentKernel.shape[0] !== units || recurrentKernel.shape[1] !== gates4) {
    throw new Error(`The recurrent kernel must be [${units}, ${gates4}], got [${recurrentKernel.shape}].`);
  }
  const { mask, recurrentDropoutMask: dropout, goBackwards, returnSequences } = options;
  const bu = batch * units;
  const bg = batch * gates4;
  // The activations run on the backend, one sigmoid over all four gates per step: the c columns are doubled so that
  // tanh(z) = 2·σ(2z) − 1 (Math.exp per element in JS cost more than all the matmuls).
  const gateScale = tf.tensor1d(Float32Array.from({ length: gates4 }, (_, j) => (j >= 2 * units && j < 3 * units ? 2 : 1)));
  const scaledKernel = tf.mul(recurrentKernel, gateScale) as tf.Tensor2D;
  gateScale.dispose();
  const xp = projected.dataSync() as Float32Array;
  const xStep = new Float32Array(bg);
  const gates = new Float32Array(time * bg);
  const cells = new Float32Array((time + 1) * bu);
  const cellTanh = new Float32Array(time * bu);
  const recurrentInputs = new Float32Array(time * bu);
  const outputs = new Float32Array(time * bu);
  const live = new Uint8Array(batch);
  let h = new Float32Array(bu);
  for (let s = 0; s < time; s++) {
    const t = goBackwards ? time - 1 - s : s;
    const hIn = recurrentInputs.subarray(s * bu, (s + 1) * bu);
    if (dropout === undefined) hIn.set(h);
    else for (let k = 0; k < bu; k++) hIn[k] = h[k]! * dropout[k]!;
    gatherStep(xp, time, t, units, xStep);
    const activations = stepActivations(hIn, xStep, batch, units, scaledKernel);
    const hNext = outputs.subarray(s * bu, (s + 1) * bu);
    forwardCells(activations, liveRows(mask, batch, time, t, live), units, h, cells.subarray(s * bu, (s + 2) * bu), cellTanh.subarray(s * bu, (s + 1) * bu), gates.subarray(s * bg, (s + 1) * bg), hNext);
    h = hNext;
  }
  scaledKernel.dispose();
  let output: tf.Tensor;
  if (returnSequences) {
    const stepMajor = tf.tensor3d(outputs, [time, batch, units]);
    output = tf.transpose(stepMajor, [1, 0, 2]);
    stepMajor.dispose();
  } else {
    output = tf.tensor2d(h, [batch, units]);
  }
  return { batch, time, units, output, gates, cells, cellTanh, recurrentInputs };
}

/** x_t of every batch row ([batch, 4·units]) from the projections [batch, time, 4·units], c columns doubled. */
function gatherStep(xp: Float32Array, time: number, t: number, units: number, into: Float32Array): void {
  const gates4 = 4 * units;
  const batch = into.length / gates4;
  for (let b = 0; b < batch; b++) {
    const from = (b * time + t) * gates4;
    const to = b * gates4;
    for (let j = 0; j < gates4; j++) into[to + j] = xp[from + j]!;
    for (let j = 2 * units; j < 3 * units; j++) into[to + j] = 2 * into[to + j]!;
  }
}

/** σ(h·R' + x'_t) for one step on the backend ([batch, 4·units]; the c gate's columns hold σ(2z)). */
function stepActivations(h: Float32Array, x: Float32Array, batch: number, units: number, kernel: tf.Tensor2D): Float32Array {
  // Uploading x_t costs less than slicing it on the backend (wasm's Slice of a [batch, time, 4·units] tensor: ~10 ms).
  // tidy() returns the tensor, not its values: tidy walks a returned typed array element by element (~4 ms here).
  const activations = tf.tidy(() => tf.sigmoid(tf.add(tf.matMul(tf.tensor2d(h, [batch, units]), kernel), tf.tensor2d(x, [batch, 4 * units]))));
  const values = activations.dataSync() as Float32Array;
  activations.dispose();
  return values;
}

/**
 * One step's cell update. `cells` holds c before (first batch·units) and after (next batch·units) the step.
 * Small and monomorphic on purpose: V8 optimizes it once and keeps it.
 */
function forwardCells(a: Float32Array, live: Uint8Array, units: number, h: Float32Array, cells: Float32Array, cellTanh: Float32Array, gates: Float32Array, hNext: Float32Array): void {
  const batch = live.length;
  const bu = batch * units;
  for (let b = 0; b < batch; b++) {
    const row = b * 4 * units;
    const base = b * units;
    if (live[b] === 0) {
      for (let u = 0; u < units; u++) {
        cells[bu + base + u] = cells[base + u]!;
        hNext[base + u] = h[base + u]!;
      }
      continue;
    }
    for (let u = 0; u < units; u++) {
      const i = a[row + u]!;
      const f = a[row + units + u]!;
      const g = 2 * a[row + 2 * units + u]! - 1;
      const o = a[row + 3 * units + u]!;
      const c = f * cells[base + u]! + i * g;
      const tc = fastTanh(c);
      gates[row + u] = i;
      gates[row + units + u] = f;
      gates[row + 2 * units + u] = g;
      gates[row + 3 * units + u] = o;
      cells[bu + base + u] = c;
      cellTanh[base + u] = tc;
      hNext[base + u] = flush(o * tc);
    }
  }
}

/**
 * One step of backpropagation through time: from dh, dc (gradients w.r.t. this step's h and c) to the gate
 * pre-activation gradients dz ([batch, 4·units]) and dc of the previous step. Rows not live pass dc through.
 */
function backwardCells(live: Uint8Array, units: number, dh: Float32Array, dc: Float32Array, gates: Float32Array, cells: Float32Array, cellTanh: Float32Array, dz: Float32Array, dcPrev: Float32Array): void {
  const batch = live.length;
  for (let b = 0; b < batch; b++) {
    const row = b * 4 * units;
    const base = b * units;
    if (live[b] === 0) {
      for (let u = 0; u < units; u++) {
        dcPrev[base + u] = dc[base + u]!;
        dz[row + u] = 0;
        dz[row + units + u] = 0;
        dz[row + 2 * units + u] = 0;
        dz[row + 3 * units + u] = 0;
      }
      continue;
    }
    for (let u = 0; u < units; u++) {
      const i = gates[row + u]!;
      const f = gates[row + units + u]!;
      const g = gates[row + 2 * units + u]!;
      const o = gates[row + 3 * units + u]!;
      const tc = cellTanh[base + u]!;
      const dhu = dh[base + u]!;
      const dcTotal = dc[base + u]! + dhu * o * (1 - tc * tc);
      dz[row + u] = flush(dcTotal * g * i * (1 - i));
      dz[row + units + u] = flush(dcTotal * cells[base + u]! * f * (1 - f));
      dz[row + 2 * units + u] = flush(dcTotal * i * (1 - g * g));
      dz[row + 3 * units + u] = flush(dhu * tc * o * (1 - o));
      dcPrev[base + u] = flush(dcTotal * f);
    }
  }
}

/** dh of the previous step: the recurrent path (times the dropout mask) for live rows, carried dh for the others. */
function previousHiddenGradient(live: Uint8Array, units: number, recurrent: Float32Array, dropout: Float32Array | undefined, dh: Float32Array, into: Float32Array): void {
  for (let b = 0; b < live.length; b++) {
    const base = b * units;
    if (live[b] === 0) {
      for (let u = 0; u < units; u++) into[base + u] = dh[base + u]!;
    } else if (dropout === undefined) {
      for (let u = 0; u < units; u++) into[base + u] = recurrent[base + u]!;
    } else {
      for (let u = 0; u < units; u++) into[base + u] = recurrent[base + u]! * dropout[base + u]!;
    }
  }
}

function backward(run: ForwardRun, dy: tf.Tensor, recurrentKernel: tf.Tensor2D, options: LstmRecurrenceOptions): tf.Tensor[] {
  const { batch, time, units, gates, cells, cellTanh, recurrentInputs } = run;
  const { mask, recurrentDropoutMask: dropout, goBackwards, returnSequences } = options;
  const gates4 = 4 * units;
  const bu = batch * units;
  const bg = batch * gates4;
  // Output gradients step-major, so each step's slice is contiguous.
  const dOutTensor = returnSequences ? tf.transpose(dy, [1, 0, 2]) : dy;
  const dOut = dOutTensor.dataSync() as Float32Array;
  if (dOutTensor !== dy) dOutTensor.dispose();
  // Transposed once: untransposed matmuls are the fast path on wasm, and the same operand every step can stay packed.
  const recurrentKernelT = tf.transpose(recurrentKernel) as tf.Tensor2D;
  // dz per processing step [time, batch, 4·units]: the recurrent-kernel gradient in one matmul, and (reordered to
  // input time) the gradient of the projections.
  const dzSteps = new Float32Array(time * bg);
  const live = new Uint8Array(batch);
  let dh = new Float32Array(bu);
  let dc = new Float32Array(bu);
  let dhPrev = new Float32Array(bu);
  let dcPrev = new Float32Array(bu);
  if (!returnSequences) dh.set(dOut);
  for (let s = time - 1; s >= 0; s--) {
    const t = goBackwards ? time - 1 - s : s;
    if (returnSequences) {
      const step = dOut.subarray(s * bu, (s + 1) * bu);
      for (let k = 0; k < bu; k++) dh[k]! += step[k]!;
    }
    liveRows(mask, batch, time, t, live);
    const dz = dzSteps.subarray(s * bg, (s + 1) * bg);
    backwardCells(live, units, dh, dc, gates.subarray(s * bg, (s + 1) * bg), cells.subarray(s * bu, (s + 1) * bu), cellTanh.subarray(s * bu, (s + 1) * bu), dz, dcPrev);
    if (s > 0) previousHiddenGradient(live, units, matMulValues(dz, batch, gates4, recurrentKernelT), dropout, dh, dhPrev);
    [dh, dhPrev] = [dhPrev, dh];
    [dc, dcPrev] = [dcPrev, dc];
  }
  recurrentKernelT.dispose();
  // The projection gradient in input order [batch, time, 4·units].
  const dProjected = new Float32Array(batch * time * gates4);
  for (let s = 0; s < time; s++) {
    const t = goBackwards ? time - 1 - s : s;
    for (let b = 0; b < batch; b++) dProjected.set(dzSteps.subarray((s * batch + b) * gates4, (s * batch + b + 1) * gates4), (b * time + t) * gates4);
  }
  return tf.tidy(() => {
    // dR = Σ_steps hInᵀ · dz, all steps in one matmul.
    const dRecurrentKernel = tf.matMul(tf.tensor2d(recurrentInputs, [time * batch, units]), tf.tensor2d(dzSteps, [time * batch, gates4]), true, false);
    return [tf.tensor3d(dProjected, [batch, time, gates4]), dRecurrentKernel];
  });
}

/** a · b on the active backend, a given as a JS array. */
function matMulValues(a: Float32Array, rows: number, cols: number, b: tf.Tensor2D): Float32Array {
  const aTensor = tf.tensor2d(a, [rows, cols]);
  const product = tf.matMul(aTensor, b);
  const values = product.dataSync() as Float32Array;
  aTensor.dispose();
  product.dispose();
  return values;
}
