// An LSTM layer built for training speed on CPU backends (issue #8): the input projections of all timesteps in one
// [batch·time, features] × [features, 4·units] matmul, then the recurrence as one op (lstm-recurrence.ts). Same math
// and weights as Keras' LSTM (gate order i, f, c, o; sigmoid gates; kernel [features, 4·units], recurrent_kernel
// [units, 4·units], bias [4·units]), so weights can be exchanged with tf.layers.lstm({ recurrentActivation:
// 'sigmoid' }) or Keras. Registered for serialization: saved models load back with tf.loadLayersModel.
import * as tf from '@tensorflow/tfjs';
import { lstmRecurrence } from './lstm-recurrence.js';

type Initializer = ReturnType<typeof tf.initializers.glorotUniform>;
/** An initializer as it appears in a layer config: { className, config }. */
interface InitializerConfig {
  className: string;
  config: tf.serialization.ConfigDict;
}

export interface FusedLstmArgs {
  units: number;
  returnSequences?: boolean;
  goBackwards?: boolean;
  /** Fraction of h dropped before the recurrent matmul while training (one mask per sequence, Keras implementation 2). */
  recurrentDropout?: number;
  kernelInitializer?: Initializer | InitializerConfig;
  recurrentInitializer?: Initializer | InitializerConfig;
  /** Keras' unit_forget_bias: the forget-gate bias starts at 1, the others at 0 (default true). */
  unitForgetBias?: boolean;
  name?: string;
  trainable?: boolean;
  inputShape?: tf.Shape;
  batchInputShape?: tf.Shape;
}

export class FusedLstm extends tf.layers.Layer {
  static className = 'FusedLSTM';
  readonly units: number;
  readonly returnSequences: boolean;
  readonly goBackwards: boolean;
  readonly recurrentDropout: number;
  readonly unitForgetBias: boolean;
  /** Read by tf.layers.bidirectional, which wraps this layer like an RNN. */
  readonly returnState = false;
  private readonly kernelInitializer: Initializer;
  private readonly recurrentInitializer: Initializer;
  private kernel?: tf.LayerVariable;
  private recurrentKernel?: tf.LayerVariable;
  private bias?: tf.LayerVariable;

  constructor(args: FusedLstmArgs) {
    super(args as unknown as ConstructorParameters<typeof tf.layers.Layer>[0]);
    if (!(Number.isInteger(args.units) && args.units > 0)) throw new RangeError(`FusedLstm units must be a positive integer, got ${args.units}.`);
    const dropout = args.recurrentDropout ?? 0;
    if (!(dropout >= 0 && dropout < 1)) throw new RangeError(`FusedLstm recurrentDropout must be in [0, 1), got ${dropout}.`);
    this.units = args.units;
    this.returnSequences = args.returnSequences ?? false;
    this.goBackwards = args.goBackwards ?? false;
    this.recurrentDropout = dropout;
    this.unitForgetBias = args.unitForgetBias ?? true;
    this.kernelInitializer = toInitializer(args.kernelInitializer) ?? tf.initializers.glorotUniform({});
    this.recurrentInitializer = toInitializer(args.recurrentInitializer) ?? tf.initializers.orthogonal({ gain: 1 });
    this.supportsMasking = true;
    this.inputSpec = [{ ndim: 3 }];
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const features = shape[shape.length - 1];
    if (typeof features !== 'number') throw new Error(`FusedLstm needs a known feature size, got input shape [${shape}].`);
    const units = this.units;
    this.kernel = this.addWeight('kernel', [features, 4 * units], 'float32', this.kernelInitializer);
    this.recurrentKernel = this.addWeight('recurrent_kernel', [units, 4 * units], 'float32', this.recurrentInitializer);
    const forgetBias = this.unitForgetBias;
    const biasInitializer = {
      apply: (biasShape: tf.Shape) => {
        const values = new Float32Array(4 * units);
        if (forgetBias) values.fill(1, units, 2 * units);
        return tf.tensor1d(values).reshape(biasShape as number[]);
      },
    } as unknown as Initializer;
    this.bias = this.addWeight('bias', [4 * units], 'float32', biasInitializer);
    this.built = true;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    return this.returnSequences ? [shape[0]!, shape[1]!, this.units] : [shape[0]!, this.units];
  }

  /** The input mask passes on with the sequence; a last-step output has none (TF.js types forbid null here). */
  override computeMask(_inputs: tf.Tensor | tf.Tensor[], mask?: tf.Tensor | tf.Tensor[]): tf.Tensor | tf.Tensor[] {
    const passed = this.returnSequences ? ((Array.isArray(mask) ? mask[0] : mask) ?? null) : null;
    return passed as unknown as tf.Tensor;
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Record<string, unknown>): tf.Tensor {
    if (kwargs.initialState != null) throw new Error('FusedLstm does not take an initial state; it starts from zeros.');
    return tf.tidy(() => {
      const x = (Array.isArray(inputs) ? inputs[0]! : inputs) as tf.Tensor3D;
      const [batch, time, features] = x.shape;
      const units = this.units;
      // All timesteps' input projections, bias included, in one matmul.
      const flat = tf.reshape(x, [batch * time, features]) as tf.Tensor2D;
      const projected = tf.fused
        .matMul({ a: flat, b: this.kernel!.read() as tf.Tensor2D, bias: this.bias!.read() })
        .reshape([batch, time, 4 * units]) as tf.Tensor3D;
      const maskTensor = (Array.isArray(kwargs.mask) ? kwargs.mask[0] : kwargs.mask) as tf.Tensor | undefined;
      const mask = maskTensor == null ? undefined : (maskTensor.cast('int32').dataSync() as Int32Array);
      const training = kwargs.training === true;
      return lstmRecurrence(projected, this.recurrentKernel!.read() as tf.Tensor2D, {
        returnSequences: this.returnSequences,
        goBackwards: this.goBackwards,
        ...(mask === undefined ? {} : { mask }),
        ...(training && this.recurrentDropout > 0 ? { recurrentDropoutMask: dropoutMask(batch * units, this.recurrentDropout) } : {}),
      });
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return {
      ...super.getConfig(),
      units: this.units,
      returnSequences: this.returnSequences,
      goBackwards: this.goBackwards,
      recurrentDropout: this.recurrentDropout,
      unitForgetBias: this.unitForgetBias,
      kernelInitializer: initializerConfig(this.kernelInitializer),
      recurrentInitializer: initializerConfig(this.recurrentInitializer),
    } as unknown as tf.serialization.ConfigDict;
  }
}
tf.serialization.registerClass(FusedLstm);

/** Inverted dropout: each entry 0 with probability `rate`, else 1 / (1 − rate). */
function dropoutMask(size: number, rate: number): Float32Array {
  const mask = new Float32Array(size);
  const kept = 1 / (1 - rate);
  for (let i = 0; i < size; i++) mask[i] = Math.random() < rate ? 0 : kept;
  return mask;
}

function initializerConfig(initializer: Initializer): InitializerConfig {
  return { className: initializer.getClassName(), config: initializer.getConfig() };
}

/** An initializer object, or one rebuilt from its config through TF.js's serialization registry. */
function toInitializer(value: Initializer | InitializerConfig | undefined): Initializer | undefined {
  if (value === undefined || value instanceof tf.serialization.Serializable) return value as Initializer | undefined;
  const registered = tf.serialization.SerializationMap.getMap().classNameMap[value.className];
  if (registered === undefined) throw new Error(`Unknown initializer ${value.className} in a FusedLSTM config.`);
  const [cls, fromConfig] = registered;
  return fromConfig(cls, value.config) as unknown as Initializer;
}
