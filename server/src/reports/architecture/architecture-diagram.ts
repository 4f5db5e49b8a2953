// architecture.png: the layer graph top to bottom, one box per layer coloured by its kind, with its output shape
// and parameter count, arrows along the data flow, and a legend of the colours used.
import { formatShape, type ArchitectureGraph, type ArchitectureNodeData } from '../../ml/model/architecture-graph.js';
import { fitText, num, svgDocument, svgText } from '../svg/svg-markup.js';
import { LAYER_KIND_STYLES } from './layer-kind-colors.js';

const BOX = { width: 300, height: 50, rowGap: 26, columnGap: 24 };
const PADDING = 20;
const HEADER = 62;
const LEGEND_WIDTH = 210;

export function architectureDiagramSvg(graph: ArchitectureGraph, title: string): string {
  const rows = layerRows(graph);
  const widest = Math.max(1, ...rows.map((row) => row.length));
  const diagramWidth = widest * BOX.width + (widest - 1) * BOX.columnGap;
  const width = PADDING * 2 + diagramWidth + 30 + LEGEND_WIDTH;
  const kindsUsed = [...new Set(graph.nodes.map((n) => n.data.kind))];
  const height = Math.max(HEADER + rows.length * (BOX.height + BOX.rowGap), HEADER + 24 + kindsUsed.length * 22) + PADDING;

  const centre = new Map<string, { x: number; y: number }>();
  rows.forEach((row, r) => {
    const rowWidth = row.length * BOX.width + (row.length - 1) * BOX.columnGap;
    row.forEach((node, c) => {
      centre.set(node.id, {
        x: PADDING + (diagramWidth - rowWidth) / 2 + c * (BOX.width + BOX.columnGap) + BOX.width / 2,
        y: HEADER + r * (BOX.height + BOX.rowGap) + BOX.height / 2,
      });
    });
  });

  const trainable = graph.nodes.reduce((sum, n) => sum + n.data.trainableParams, 0);
  const total = graph.nodes.reduce((sum, n) => sum + n.data.params, 0);
  const parts = [
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#555"/></marker></defs>`,
    svgText(PADDING, 28, title, { size: 18, weight: 'bold' }),
    svgText(PADDING, 48, `${graph.nodes.length} layers · ${formatCount(total)} parameters (${formatCount(trainable)} trainable)`, { size: 12, fill: '#444' }),
  ];
  for (const { data: edge } of graph.edges) {
    const from = centre.get(edge.source);
    const to = centre.get(edge.target);
    if (!from || !to) continue;
    parts.push(
      `<line x1="${num(from.x)}" y1="${num(from.y + BOX.height / 2)}" x2="${num(to.x)}" y2="${num(to.y - BOX.height / 2 - 1)}" stroke="#555" stroke-width="1.5" marker-end="url(#arrow)"/>`,
    );
  }
  for (const { data: node } of graph.nodes) parts.push(layerBoxSvg(node, centre.get(node.id)!));
  parts.push(legendSvg(kindsUsed, PADDING + diagramWidth + 30, HEADER));
  return svgDocument(width, height, parts.join(''));
}

function layerBoxSvg(node: ArchitectureNodeData, centre: { x: number; y: number }): string {
  const left = centre.x - BOX.width / 2;
  const top = centre.y - BOX.height / 2;
  const detail = `output ${formatShape(node.outputShape.map((d) => (d < 0 ? null : d)))} · ${formatCount(node.params)} params`;
  return (
    `<rect x="${num(left)}" y="${num(top)}" width="${BOX.width}" height="${BOX.height}" rx="6" fill="${LAYER_KIND_STYLES[node.kind].fill}" stroke="#444"/>` +
    svgText(centre.x, top + 20, fitText(node.label, 13, BOX.width - 12), { size: 13, anchor: 'middle', weight: 'bold' }) +
    svgText(centre.x, top + 38, fitText(detail, 11, BOX.width - 12), { size: 11, anchor: 'middle', fill: '#333' })
  );
}

function legendSvg(kinds: readonly ArchitectureNodeData['kind'][], x: number, y: number): string {
  const parts = [svgText(x, y + 12, 'Layer kinds', { size: 13, weight: 'bold' })];
  kinds.forEach((kind, i) => {
    const top = y + 24 + i * 22;
    parts.push(`<rect x="${x}" y="${top}" width="24" height="16" rx="3" fill="${LAYER_KIND_STYLES[kind].fill}" stroke="#444"/>`);
    parts.push(svgText(x + 32, top + 12, LAYER_KIND_STYLES[kind].name, { size: 12 }));
  });
  return parts.join('');
}

/**
 * Rows of the drawing: a layer sits one row below the deepest layer feeding it (longest path from an input), so
 * every arrow points down; layers the edges do not order keep the model's order.
 */
export function layerRows(graph: ArchitectureGraph): ArchitectureNodeData[][] {
  const depth = new Map<string, number>();
  const incoming = new Map<string, string[]>();
  for (const { data: edge } of graph.edges) incoming.set(edge.target, [...(incoming.get(edge.target) ?? []), edge.source]);
  const visiting = new Set<string>();
  const depthOf = (id: string): number => {
    const known = depth.get(id);
    if (known !== undefined) return known;
    if (visiting.has(id)) throw new Error(`the architecture graph has a cycle through layer ${id}`);
    visiting.add(id);
    const sources = (incoming.get(id) ?? []).filter((source) => graph.nodes.some((n) => n.data.id === source));
    const value = sources.length === 0 ? 0 : 1 + Math.max(...sources.map(depthOf));
    visiting.delete(id);
    depth.set(id, value);
    return value;
  };
  const rows: ArchitectureNodeData[][] = [];
  for (const { data: node } of graph.nodes) (rows[depthOf(node.id)] ??= []).push(node);
  return rows.filter((row) => row !== undefined);
}

export function formatCount(count: number): string {
  return count.toLocaleString('en-US');
}
