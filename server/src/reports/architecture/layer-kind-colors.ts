// One colour per layer kind in the architecture diagram, and the name its legend gives it.
import type { ArchitectureNodeKind } from '../../ml/model/architecture-graph.js';

export const LAYER_KIND_STYLES: Record<ArchitectureNodeKind, { fill: string; name: string }> = {
  input: { fill: '#d9d9d9', name: 'Input' },
  conv2d: { fill: '#9ecae1', name: 'Convolution' },
  'batch-normalization': { fill: '#fee391', name: 'Batch normalization' },
  activation: { fill: '#fcbba1', name: 'Activation' },
  pooling: { fill: '#c7e9c0', name: 'Pooling' },
  dropout: { fill: '#f7f7f7', name: 'Dropout' },
  flatten: { fill: '#c6a5d1', name: 'Flatten' },
  'global-pooling': { fill: '#74c476', name: 'Global pooling' },
  dense: { fill: '#9e9ac8', name: 'Dense' },
  embedding: { fill: '#fdae6b', name: 'Embedding' },
  lstm: { fill: '#f768a1', name: 'LSTM' },
  output: { fill: '#fb6a4a', name: 'Output (softmax)' },
  other: { fill: '#e7e1ef', name: 'Other' },
};
