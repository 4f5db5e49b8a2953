// A made-up training run for the reports' tests: plausible curves and diagnostics for a small CNN, with knobs
// for what a real run may lack (validation, diagnostics, finite losses).
import type { ArchitectureGraph, ArchitectureNodeData } from '../ml/model/architecture-graph.js';
import type { EpochMetrics, LayerDiagnostics } from '../ml/trainer/training-types.js';

const LAYERS: [string, string, boolean][] = [
  ['conv1', 'Conv2D', false],
  ['activation1', 'Activation', true],
  ['pool1', 'MaxPooling2D', false],
  ['flatten', 'Flatten', false],
  ['dense1', 'Dense', true],
  ['output', 'Dense', false],
];

export function syntheticEpochs(count: number, options: { validation?: boolean; diagnostics?: boolean } = {}): EpochMetrics[] {
  const { validation = true, diagnostics = true } = options;
  return Array.from({ length: count }, (_, i) => {
    const epoch = i + 1;
    return {
      epoch,
      loss: 2 / epoch,
      accuracy: 1 - 0.8 / epoch,
      valLoss: validation ? 2.2 / epoch : null,
      valAccuracy: validation ? 1 - 0.9 / epoch : null,
      seconds: 1.5,
      samplesPerSecond: 800,
      learningRate: 0.001,
      batchLosses: [2.1 / epoch, 1.9 / epoch],
      diagnostics: diagnostics ? { probeSize: 64, layers: LAYERS.map(([layer, layerClass, nonlinear], j) => layerDiagnostics(layer, layerClass, nonlinear, j, epoch)) } : null,
    };
  });
}

function layerDiagnostics(layer: string, layerClass: string, nonlinear: boolean, index: number, epoch: number): LayerDiagnostics {
  const weighted = layerClass === 'Conv2D' || layerClass === 'Dense';
  return {
    layer,
    layerClass,
    nonlinear,
    activation: { mean: 0.1 * index * epoch, std: 1 / (index + epoch), deadFraction: nonlinear ? 0.05 * epoch : 0 },
    ...(weighted
      ? {
          gradientNorm: 10 ** (-index / 2) / epoch,
          weightNorm: 3 + epoch,
          weightHistogram: {
            min: -0.3 - 0.02 * epoch,
            max: 0.3 + 0.03 * epoch,
            counts: Array.from({ length: 20 }, (_, b) => Math.round(100 * Math.exp(-((b - 10 + epoch / 3) ** 2) / 12))),
          },
        }
      : {}),
  };
}

export function syntheticGraph(): ArchitectureGraph {
  const node = (id: string, kind: ArchitectureNodeData['kind'], layerClass: string, outputShape: number[], params: number): { data: ArchitectureNodeData } => ({
    data: { id, label: `${layerClass} ${id}`, kind, layerClass, outputShape, params, trainableParams: params },
  });
  const nodes = [
    node('input', 'input', 'InputLayer', [28, 28, 1], 0),
    node('conv1', 'conv2d', 'Conv2D', [28, 28, 16], 160),
    node('activation1', 'activation', 'Activation', [28, 28, 16], 0),
    node('pool1', 'pooling', 'MaxPooling2D', [14, 14, 16], 0),
    node('flatten', 'flatten', 'Flatten', [3136], 0),
    node('dense1', 'dense', 'Dense', [64], 200_768),
    node('output', 'output', 'Dense', [10], 650),
  ];
  const edges = nodes.slice(1).map((n, i) => ({ data: { id: `${nodes[i]!.data.id}->${n.data.id}`, source: nodes[i]!.data.id, target: n.data.id, label: '' } }));
  return { nodes, edges };
}
