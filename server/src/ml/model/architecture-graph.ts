// A built model as a Cytoscape elements graph: one node per layer (input, every layer, flatten or global pooling,
// output), edges labelled with the tensor shape flowing along them, parameter counts per node.
import type * as tf from '@tensorflow/tfjs';

/** Layer kinds, in the order a network usually runs (the dashboard's legend order). */
export const ARCHITECTURE_NODE_KINDS = [
  'input',
  'embedding',
  'conv2d',
  'batch-normalization',
  'activation',
  'pooling',
  'global-pooling',
  'lstm',
  'flatten',
  'dense',
  'dropout',
  'output',
  'other',
] as const;
export type ArchitectureNodeKind = (typeof ARCHITECTURE_NODE_KINDS)[number];

export interface ArchitectureNodeData {
  id: string;
  label: string;
  kind: ArchitectureNodeKind;
  /** The TF.js layer class (`Conv2D`, `Bidirectional`, ...). */
  layerClass: string;
  /** Output shape without the batch dimension. */
  outputShape: number[];
  /** All parameters of the layer, trainable or not (batch norm's moving statistics count). */
  params: number;
  trainableParams: number;
}

export interface ArchitectureEdgeData {
  id: string;
  source: string;
  target: string;
  /** The shape flowing along the edge, e.g. `28×28×32`. */
  label: string;
}

/** Cytoscape's elements JSON (`cy.add(graph)` takes it as is). */
export interface ArchitectureGraph {
  nodes: { data: ArchitectureNodeData }[];
  edges: { data: ArchitectureEdgeData }[];
}

/** The name the builder gives the final classification layer. */
export const OUTPUT_LAYER_NAME = 'output';

export function formatShape(shape: readonly (number | null)[]): string {
  return shape.map((d) => (d === null ? '?' : String(d))).join('×');
}

export function architectureGraphOf(model: tf.LayersModel): ArchitectureGraph {
  const nodes = model.layers.map((layer) => ({ data: nodeData(layer) }));
  const edges: { data: ArchitectureEdgeData }[] = [];
  for (const layer of model.layers) {
    for (const source of layer.inboundNodes[0]?.inboundLayers ?? []) {
      edges.push({
        data: {
          id: `${source.name}->${layer.name}`,
          source: source.name,
          target: layer.name,
          label: formatShape(withoutBatch(source.outputShape)),
        },
      });
    }
  }
  return { nodes, edges };
}

/** Sum of `params` over the nodes: what `model.countParams()` reports. */
export function parameterCountOf(graph: ArchitectureGraph): number {
  return graph.nodes.reduce((sum, node) => sum + node.data.params, 0);
}

function nodeData(layer: tf.layers.Layer): ArchitectureNodeData {
  const className = layer.getClassName();
  const config = layer.getConfig() as Record<string, unknown>;
  const kind = kindOf(layer.name, className);
  const outputShape = withoutBatch(layer.outputShape).map((d) => d ?? -1);
  const trainableParams = layer.trainableWeights.reduce((sum, w) => sum + w.shape.reduce<number>((a, b) => a * (b ?? 0), 1), 0);
  return {
    id: layer.name,
    label: labelOf(kind, className, config, outputShape),
    kind,
    layerClass: className,
    outputShape,
    params: layer.countParams(),
    trainableParams,
  };
}

function withoutBatch(shape: tf.Shape | tf.Shape[]): (number | null)[] {
  const single = Array.isArray(shape[0]) ? (shape[0] as tf.Shape) : (shape as tf.Shape);
  return single.slice(1);
}

function kindOf(name: string, className: string): ArchitectureNodeKind {
  if (name === OUTPUT_LAYER_NAME) return 'output';
  const kinds: Record<string, ArchitectureNodeKind> = {
    InputLayer: 'input',
    Conv2D: 'conv2d',
    BatchNormalization: 'batch-normalization',
    Activation: 'activation',
    MaxPooling2D: 'pooling',
    AveragePooling2D: 'pooling',
    Dropout: 'dropout',
    Flatten: 'flatten',
    GlobalAveragePooling2D: 'global-pooling',
    GlobalMaxPooling2D: 'global-pooling',
    Dense: 'dense',
    Embedding: 'embedding',
    LSTM: 'lstm',
    FusedLSTM: 'lstm',
    Bidirectional: 'lstm',
  };
  return kinds[className] ?? 'other';
}

function labelOf(kind: ArchitectureNodeKind, className: string, config: Record<string, unknown>, shape: number[]): string {
  const activation = typeof config.activation === 'string' && config.activation !== 'linear' ? ` · ${config.activation}` : '';
  switch (kind) {
    case 'input':
      return `Input ${formatShape(shape)}`;
    case 'conv2d': {
      const [kh, kw] = config.kernelSize as number[];
      return `Conv2D ${config.filters} · ${kh}×${kw}${activation}`;
    }
    case 'batch-normalization':
      return 'BatchNorm';
    case 'activation':
      return `Activation ${config.activation}`;
    case 'pooling': {
      const [ph, pw] = config.poolSize as number[];
      return `${className === 'MaxPooling2D' ? 'MaxPool' : 'AvgPool'} ${ph}×${pw}`;
    }
    case 'dropout':
      // Sampled rates carry float noise (0.12388231479775541); two decimals say what matters.
      return `Dropout ${Number((config.rate as number).toFixed(2))}`;
    case 'flatten':
      return 'Flatten';
    case 'global-pooling':
      return className === 'GlobalMaxPooling2D' ? 'GlobalMaxPool' : 'GlobalAvgPool';
    case 'dense':
      return `Dense ${config.units}${activation}`;
    case 'output':
      return `Output ${config.units}${activation}`;
    case 'embedding':
      return `Embedding ${config.inputDim}→${config.outputDim}`;
    case 'lstm': {
      if (className === 'Bidirectional') {
        const inner = (config.layer as { config: { units: number } }).config;
        return `BiLSTM ${inner.units}`;
      }
      return `LSTM ${config.units}`;
    }
    case 'other':
      return className;
  }
}
