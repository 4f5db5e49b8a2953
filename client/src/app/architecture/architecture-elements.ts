// A network as the architecture views draw it: the API's typed layers and connections (ArchitectureView fragment),
// with a colour and a name for each layer kind.
import type { ArchitectureLayerKind, ArchitectureViewFragment } from '../graphql/generated/graphql';

export type LayerNode = ArchitectureViewFragment['layers'][number];
export type LayerEdge = ArchitectureViewFragment['connections'][number];

export interface Architecture {
  /** In the order the server lists them: input first, output last. */
  nodes: readonly LayerNode[];
  edges: readonly LayerEdge[];
}

export function architectureOf(graph: ArchitectureViewFragment): Architecture {
  return { nodes: graph.layers, edges: graph.connections };
}

/**
 * Colour and name of each layer kind, in the order a network usually runs (the legend's order). Colours are dark
 * enough for white labels (WCAG AA on the node) and tell kinds apart; the legend repeats them in words. A Record,
 * so a kind the schema gains fails to compile until it has its entry.
 */
const KIND_STYLES: Record<ArchitectureLayerKind, { name: string; colour: string }> = {
  INPUT: { name: 'Input', colour: '#475569' },
  EMBEDDING: { name: 'Embedding', colour: '#be185d' },
  CONV2D: { name: 'Convolution', colour: '#1d4ed8' },
  BATCH_NORMALIZATION: { name: 'Batch normalization', colour: '#0f766e' },
  ACTIVATION: { name: 'Activation', colour: '#6d28d9' },
  POOLING: { name: 'Pooling', colour: '#0e7490' },
  GLOBAL_POOLING: { name: 'Global pooling', colour: '#155e75' },
  LSTM: { name: 'LSTM', colour: '#9d174d' },
  FLATTEN: { name: 'Flatten', colour: '#854d0e' },
  DENSE: { name: 'Dense', colour: '#b45309' },
  DROPOUT: { name: 'Dropout', colour: '#6b7280' },
  OUTPUT: { name: 'Output', colour: '#15803d' },
  OTHER: { name: 'Other', colour: '#374151' },
};

export const LAYER_KINDS: readonly { kind: ArchitectureLayerKind; name: string; colour: string }[] = Object.entries(KIND_STYLES).map(
  ([kind, style]) => ({ kind: kind as ArchitectureLayerKind, ...style }),
);

export function layerColour(kind: ArchitectureLayerKind): string {
  return KIND_STYLES[kind].colour;
}

export function layerKindName(kind: ArchitectureLayerKind): string {
  return KIND_STYLES[kind].name;
}

/** The layer kinds a network uses, in legend order. */
export function kindsIn(architecture: Architecture): readonly (typeof LAYER_KINDS)[number][] {
  const used = new Set(architecture.nodes.map((node) => node.kind));
  return LAYER_KINDS.filter((entry) => used.has(entry.kind));
}

/** One sentence for screen readers: the layers from input to output. */
export function describeArchitecture(architecture: Architecture): string {
  if (architecture.nodes.length === 0) return 'No architecture recorded.';
  return `Network of ${architecture.nodes.length} layers: ${architecture.nodes.map((node) => node.label).join(' → ')}.`;
}
