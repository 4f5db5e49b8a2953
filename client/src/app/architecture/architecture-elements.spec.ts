import { architectureElements } from '../../testing/trial-fixtures';
import { describeArchitecture, kindsIn, layerColour, parseArchitecture } from './architecture-elements';

describe('parseArchitecture', () => {
  it('reads the server’s Cytoscape elements: layers in order with kind, label and parameters, and the edges', () => {
    const architecture = parseArchitecture(architectureElements);

    expect(architecture.nodes.map((n) => [n.id, n.kind, n.params])).toEqual([
      ['input', 'input', 0],
      ['conv_1', 'conv2d', 160],
      ['pool_1', 'pooling', 0],
      ['flatten', 'flatten', 0],
      ['output', 'output', 27050],
    ]);
    expect(architecture.edges.map((e) => `${e.source}->${e.target} ${e.label}`)).toEqual([
      'input->conv_1 28×28×1',
      'conv_1->pool_1 26×26×16',
      'pool_1->flatten 13×13×16',
      'flatten->output 2704',
    ]);
  });

  it('keeps a layer of a kind it does not know as "other", and drops edges to layers that are not there', () => {
    const architecture = parseArchitecture({
      nodes: [{ data: { id: 'a', label: 'A', kind: 'attention' } }, { data: { label: 'no id' } }],
      edges: [{ data: { source: 'a', target: 'missing' } }],
    });

    expect(architecture.nodes).toEqual([{ id: 'a', label: 'A', kind: 'other', params: 0, outputShape: [] }]);
    expect(architecture.edges).toEqual([]);
  });

  it('reads anything else as an empty network', () => {
    for (const value of [null, 'x', [], { nodes: 'x' }]) expect(parseArchitecture(value)).toEqual({ nodes: [], edges: [] });
  });

  it('describes the network in words for screen readers', () => {
    expect(describeArchitecture(parseArchitecture(architectureElements))).toBe(
      'Network of 5 layers: Input 28×28×1 → Conv2D 16 · 3×3 · relu → MaxPool 2×2 → Flatten → Output 10 · softmax.',
    );
  });

  it('lists the kinds a network uses in legend order, each with its own colour', () => {
    const kinds = kindsIn(parseArchitecture(architectureElements));
    expect(kinds.map((k) => k.name)).toEqual(['Input', 'Convolution', 'Pooling', 'Flatten', 'Output']);
    expect(new Set(kinds.map((k) => k.colour)).size).toBe(kinds.length);
    expect(layerColour('conv2d')).toBe(kinds[1].colour);
  });
});
