import { architectureGraph } from '../../testing/trial-fixtures';
import { architectureOf, describeArchitecture, kindsIn, LAYER_KINDS, layerColour, layerKindName } from './architecture-elements';

describe('architecture elements', () => {
  it('takes the API\'s layers and connections as they come: input first, with kind and parameters', () => {
    const architecture = architectureOf(architectureGraph);

    expect(architecture.nodes.map((n) => [n.id, n.kind, n.params])).toEqual([
      ['input', 'INPUT', 0],
      ['conv_1', 'CONV2D', 160],
      ['pool_1', 'POOLING', 0],
      ['flatten', 'FLATTEN', 0],
      ['output', 'OUTPUT', 27050],
    ]);
    expect(architecture.edges.map((e) => `${e.source}->${e.target} ${e.label}`)).toEqual([
      'input->conv_1 28×28×1',
      'conv_1->pool_1 26×26×16',
      'pool_1->flatten 13×13×16',
      'flatten->output 2704',
    ]);
  });

  it('describes the network in words for screen readers', () => {
    expect(describeArchitecture(architectureOf(architectureGraph))).toBe(
      'Network of 5 layers: Input 28×28×1 → Conv2D 16 · 3×3 · relu → MaxPool 2×2 → Flatten → Output 10 · softmax.',
    );
    expect(describeArchitecture({ nodes: [], edges: [] })).toBe('No architecture recorded.');
  });

  it('lists the kinds a network uses in legend order, each with its own colour', () => {
    const kinds = kindsIn(architectureOf(architectureGraph));
    expect(kinds.map((k) => k.name)).toEqual(['Input', 'Convolution', 'Pooling', 'Flatten', 'Output']);
    expect(new Set(kinds.map((k) => k.colour)).size).toBe(kinds.length);
    expect(layerColour('CONV2D')).toBe(kinds[1].colour);
  });

  it('names and colours every kind the schema has, each colour distinct', () => {
    expect(LAYER_KINDS).toHaveLength(13);
    expect(new Set(LAYER_KINDS.map((k) => k.colour)).size).toBe(13);
    expect(layerKindName('BATCH_NORMALIZATION')).toBe('Batch normalization');
  });
});
