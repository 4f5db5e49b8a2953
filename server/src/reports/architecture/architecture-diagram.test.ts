import { describe, expect, it } from 'vitest';
import type { ArchitectureGraph } from '../../ml/model/architecture-graph.js';
import { syntheticGraph } from '../test-training-run.js';
import { architectureDiagramSvg, layerRows } from './architecture-diagram.js';
import { LAYER_KIND_STYLES } from './layer-kind-colors.js';

describe('architecture diagram', () => {
  it('draws a chain one layer per row, each box with its output shape and parameters', () => {
    const graph = syntheticGraph();
    expect(layerRows(graph).map((row) => row.map((n) => n.id))).toEqual(graph.nodes.map((n) => [n.data.id]));
    const svg = architectureDiagramSvg(graph, 'Architecture · trial 0');
    expect(svg).toContain('output 28×28×16 · 160 params');
    expect(svg).toContain('200,768 params');
    expect(svg).toContain('7 layers · 201,578 parameters');
    expect(svg.match(/marker-end/g)).toHaveLength(6);
    // The legend names the kinds used, once each.
    expect(svg).toContain('>Convolution<');
    expect(svg).not.toContain('>LSTM<');
  });

  it('gives every layer kind a colour clearly apart from the others', () => {
    const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
    const styles = Object.entries(LAYER_KIND_STYLES);
    for (const [i, [kind, style]] of styles.entries()) {
      for (const [other, otherStyle] of styles.slice(i + 1)) {
        const distance = rgb(style.fill).reduce((sum, c, j) => sum + Math.abs(c - rgb(otherStyle.fill)[j]!), 0);
        expect(distance, `${kind} and ${other}`).toBeGreaterThan(40);
      }
    }
  });

  it('puts a layer below the deepest layer that feeds it', () => {
    const graph = syntheticGraph();
    const node = (id: string) => ({ data: { ...graph.nodes[1]!.data, id } });
    const edge = (source: string, target: string) => ({ data: { id: `${source}->${target}`, source, target, label: '' } });
    const branched: ArchitectureGraph = {
      nodes: [node('in'), node('a'), node('b1'), node('b2'), node('join')],
      edges: [edge('in', 'a'), edge('in', 'b1'), edge('b1', 'b2'), edge('a', 'join'), edge('b2', 'join')],
    };
    expect(layerRows(branched).map((row) => row.map((n) => n.id))).toEqual([['in'], ['a', 'b1'], ['b2'], ['join']]);
    expect(() => layerRows({ nodes: [node('x'), node('y')], edges: [edge('x', 'y'), edge('y', 'x')] })).toThrow(/cycle/);
  });
});
