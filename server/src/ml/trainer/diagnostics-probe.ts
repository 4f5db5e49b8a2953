// Per-epoch diagnostics on a fixed probe batch (STACK.md, "Diagnostics"): activation statistics of every layer's
// output from a sub-model sharing the trained layers, gradient norms from tf.variableGrads, weight histograms.
import * as tf from '@tensorflow/tfjs';
import { OUTPUT_LAYER_NAME } from '../model/architecture-graph.js';
import { sparseCrossEntropy } from './example-batches.js';
import type { EpochDiagnostics, LayerDiagnostics, WeightHistogram } from './training-types.js';

export const HISTOGRAM_BINS = 20;
/** A unit whose output range over the probe batch is at most this is "never active" (docs/HEALTH.md). */
export const DEAD_UNIT_RANGE = 1e-6;

const NONLINEAR_CLASSES = new Set(['Activation', 'LSTM', 'FusedLSTM', 'Bidirectional']);

export class DiagnosticsProbe {
  private readonly layers: tf.layers.Layer[];
  private readonly activations: tf.LayersModel;

  /** Takes ownership of `inputs` and `labels`; call dispose() when training ends. */
  constructor(
    private readonly model: tf.LayersModel,
    private readonly inputs: tf.Tensor,
    private readonly labels: tf.Tensor1D,
  ) {
    this.layers = model.layers.filter((layer) => layer.getClassName() !== 'InputLayer');
    this.activations = tf.model({ inputs: model.inputs, outputs: this.layers.map((layer) => layer.output as tf.SymbolicTensor) });
  }

  async measure(): Promise<EpochDiagnostics> {
    const statistics = tf.tidy(() => {
      const outputs = this.activations.predict(this.inputs) as tf.Tensor[];
      return tf.stack(
        outputs.map((output) => {
          const units = output.shape[output.shape.length - 1]!;
          const rows = output.reshape([-1, units]);
          const { mean, variance } = tf.moments(rows);
          const dead = rows.max(0).sub(rows.min(0)).lessEqual(DEAD_UNIT_RANGE).cast('float32').mean();
          return tf.stack([mean, variance.sqrt(), dead]);
        }),
      );
    });
    const statisticValues = await statistics.data();
    statistics.dispose();

    const trainable = this.model.trainableWeights.map((w) => w.read() as tf.Variable);
    const { value, grads } = tf.variableGrads(
      () => sparseCrossEntropy(this.labels, this.model.apply(this.inputs, { training: false }) as tf.Tensor),
      trainable,
    );
    value.dispose();
    const squaredNorms = tf.tidy(() => tf.stack(trainable.map((v) => grads[v.name]!.square().sum())));
    tf.dispose(Object.values(grads));
    const gradientSquares = await squaredNorms.data();
    squaredNorms.dispose();
    const gradientSquareOf = new Map(trainable.map((v, i) => [v.name, gradientSquares[i]!]));

    const layers: LayerDiagnostics[] = [];
    for (const [i, layer] of this.layers.entries()) {
      const config = layer.getConfig() as { activation?: string };
      const entry: LayerDiagnostics = {
        layer: layer.name,
        layerClass: layer.getClassName(),
        // The softmax output is excluded: its units are classes, not features that can die.
        nonlinear:
          layer.name !== OUTPUT_LAYER_NAME &&
          (NONLINEAR_CLASSES.has(layer.getClassName()) || (config.activation !== undefined && config.activation !== 'linear')),
        activation: { mean: statisticValues[3 * i]!, std: statisticValues[3 * i + 1]!, deadFraction: statisticValues[3 * i + 2]! },
      };
      const weights = layer.trainableWeights.map((w) => w.read() as tf.Variable);
      if (weights.length > 0) {
        const values = await Promise.all(weights.map((w) => w.data() as Promise<Float32Array>));
        entry.gradientNorm = Math.sqrt(weights.reduce((sum, w) => sum + (gradientSquareOf.get(w.name) ?? 0), 0));
        entry.weightNorm = Math.sqrt(values.reduce((sum, v) => sum + v.reduce((s, x) => s + x * x, 0), 0));
        entry.weightHistogram = histogram(values);
      }
      layers.push(entry);
    }
    return { probeSize: this.inputs.shape[0]!, layers };
  }

  dispose(): void {
    tf.dispose([this.inputs, this.labels]);
  }
}

export function histogram(arrays: Float32Array[], bins = HISTOGRAM_BINS): WeightHistogram {
  let min = Infinity;
  let max = -Infinity;
  for (const values of arrays) for (const v of values) if (Number.isFinite(v)) ((min = Math.min(min, v)), (max = Math.max(max, v)));
  const counts = new Array<number>(bins).fill(0);
  if (min > max) return { min: 0, max: 0, counts };
  const width = (max - min) / bins || 1;
  for (const values of arrays) {
    for (const v of values) {
      if (!Number.isFinite(v)) continue;
      counts[Math.min(bins - 1, Math.floor((v - min) / width))]! += 1;
    }
  }
  return { min, max, counts };
}
