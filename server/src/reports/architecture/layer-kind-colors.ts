// One colour per layer kind in the architecture diagram, and the name its legend gives it.
import type { ArchitectureNodeKind } from '../../ml/model/architecture-graph.js';

export const LAYER_KIND_STYLES: Record<ArchitectureNodeKind, { fill: string; name: string }> = {
  input: { fill: '#d9d9d9', name: 'Input' },
  conv2d: { fill: '#9ecae1', name: 'Convolution' },
  'batch-normalization': { fill: '#fdd0a2', name: 'Batch normalization' },
  activation: { fill: '#fcbba1', name: 'Activation' },
  pooling: { fill: '#c7e9c0', name: 'Pooling' },
  dropout: { fill: '#efefef', name: 'Dropout' },
  flatten: { fill: '#dadaeb', name: 'Flatten' },
  'global-pooling': { fill: '#a1d99b', name: 'Global pooling' },
  dense: { fill: '#bcbddc', name: 'Dense' },
  embedding: { fill: '#fdae6b', name: 'Embedding' },
  lstm: { fill: '#fa9fb5', name: 'LSTM' },
  output: { fill: '#fc9272', name: 'Output (softmax)' },
  other: { fill: '#ffffff', name: 'Other' },
};
