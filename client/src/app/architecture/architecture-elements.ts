// The server's ArchitectureGraph.elements JSON (server/src/ml/model/architecture-graph.ts), read defensively:
// the API types it as JSON, so every field is checked before it reaches Cytoscape or an SVG.
import { asRecord } from '../study/study-plan';

export type LayerKind =
  | 'input'
  | 'conv2d'
  | 'batch-normalization'
  | 'activation'
  | 'pooling'
  | 'dropout'
  | 'flatten'
  | 'global-pooling'
  | 'dense'
  | 'embedding'
  | 'lstm'
  | 'output'
  | 'other';

export interface LayerNode {
  id: string;
  label: string;
  kind: LayerKind;
  params: number;
  outputShape: readonly number[];
}

export interface LayerEdge {
  id: string;
  source: string;
  target: string;
  /** The tensor shape flowing along the edge, e.g. `28×28×32`. */
  label: string;
}

export interface Architecture {
  /** In the order the server lists them: input first, output last. */
  nodes: readonly LayerNode[];
  edges: readonly LayerEdge[];
}

/**
 * Colour and name of each layer kind, in the order a network usually runs. Colours are dark enough for white
 * labels (WCAG AA on the node) and tell kinds apart; the legend repeats them in words.
 */
export const LAYER_KINDS: readonly { kind: LayerKind; name: string; colour: string }[] = [
  { kind: 'input', name: 'Input', colour: '#475569' },
  { kind: 'embedding', name: 'Embedding', colour: '#be185d' },
  { kind: 'conv2d', name: 'Convolution', colour: '#1d4ed8' },
  { kind: 'batch-normalization', name: 'Batch normalization', colour: '#0f766e' },
  { kind: 'activation', name: 'Activation', colour: '#6d28d9' },
  { kind: 'pooling', name: 'Pooling', colour: '#0e7490' },
  { kind: 'global-pooling', name: 'Global pooling', colour: '#155e75' },
  { kind: 'lstm', name: 'LSTM', colour: '#9d174d' },
  { kind: 'flatten', name: 'Flatten', colour: '#854d0e' },
  { kind: 'dense', name: 'Dense', colour: '#b45309' },
  { kind: 'dropout', name: 'Dropout', colour: '#6b7280' },
  { kind: 'output', name: 'Output', colour: '#15803d' },
  { kind: 'other', name: 'Other', colour: '#374151' },
];

const KIND_BY_NAME = new Map(LAYER_KINDS.map((entry) => [entry.kind, entry]));

export function layerColour(kind: LayerKind): string {
  return KIND_BY_NAME.get(kind)?.colour ?? '#374151';
}

export function layerKindName(kind: LayerKind): string {
  return KIND_BY_NAME.get(kind)?.name ?? kind;
}

/** The layer kinds a network uses, in legend order. */
export function kindsIn(architecture: Architecture): readonly (typeof LAYER_KINDS)[number][] {
  const used = new Set(architecture.nodes.map((node) => node.kind));
  return LAYER_KINDS.filter((entry) => used.has(entry.kind));
}

/** Parses `elements`; anything that is not a node or edge of the documented shape is left out. */
export function parseArchitecture(elements: unknown): Architecture {
  const record = asRecord(elements);
  const nodes = (Array.isArray(record['nodes']) ? record['nodes'] : []).flatMap((element): LayerNode[] => {
    const data = asRecord(asRecord(element)['data']);
    const id = data['id'];
    if (typeof id !== 'string' || !id) return [];
    const kind = typeof data['kind'] === 'string' && KIND_BY_NAME.has(data['kind'] as LayerKind) ? (data['kind'] as LayerKind) : 'other';
    return [
      {
        id,
        label: typeof data['label'] === 'string' ? data['label'] : id,
        kind,
        params: typeof data['params'] === 'number' ? data['params'] : 0,
        outputShape: Array.isArray(data['outputShape']) ? data['outputShape'].filter((d): d is number => typeof d === 'number') : [],
      },
    ];
  });
  const ids = new Set(nodes.map((node) => node.id));
  const edges = (Array.isArray(record['edges']) ? record['edges'] : []).flatMap((element): LayerEdge[] => {
    const data = asRecord(asRecord(element)['data']);
    const source = data['source'];
    const target = data['target'];
    if (typeof source !== 'string' || typeof target !== 'string' || !ids.has(source) || !ids.has(target)) return [];
    return [{ id: typeof data['id'] === 'string' ? data['id'] : `${source}->${target}`, source, target, label: typeof data['label'] === 'string' ? data['label'] : '' }];
  });
  return { nodes, edges };
}

/** One sentence for screen readers: the layers from input to output. */
export function describeArchitecture(architecture: Architecture): string {
  if (architecture.nodes.length === 0) return 'No architecture recorded.';
  return `Network of ${architecture.nodes.length} layers: ${architecture.nodes.map((node) => node.label).join(' → ')}.`;
}
