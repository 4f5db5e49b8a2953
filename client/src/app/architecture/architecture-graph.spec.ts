import { ComponentFixture, TestBed } from '@angular/core/testing';
import { architectureGraph } from '../../testing/trial-fixtures';
import type { ArchitectureViewFragment } from '../graphql/generated/graphql';
import { ArchitectureGraph, CYTOSCAPE_HEADLESS } from './architecture-graph';

describe('ArchitectureGraph', () => {
  let fixture: ComponentFixture<ArchitectureGraph>;
  const element = () => fixture.nativeElement as HTMLElement;
  const render = async (graph: ArchitectureViewFragment) => {
    fixture.componentRef.setInput('graph', graph);
    await fixture.whenStable();
  };

  beforeEach(() => {
    // jsdom has no canvas: Cytoscape keeps the graph in memory only.
    TestBed.configureTestingModule({ imports: [ArchitectureGraph], providers: [{ provide: CYTOSCAPE_HEADLESS, useValue: true }] });
    fixture = TestBed.createComponent(ArchitectureGraph);
  });

  it('builds one Cytoscape node per layer, coloured by kind, and the edges between them', async () => {
    await render(architectureGraph);

    const cy = fixture.componentInstance.cy;
    expect(cy).not.toBeNull();
    expect(cy!.nodes().map((n) => n.id())).toEqual(['input', 'conv_1', 'pool_1', 'flatten', 'output']);
    expect(cy!.edges().length).toBe(4);
    expect(cy!.$id('conv_1').data('colour')).toBe('#1d4ed8');
    expect(cy!.$id('output').data('label')).toBe('Output 10 · softmax');
  });

  it('labels the drawing for screen readers and lists the layers as text, with a legend of the kinds used', async () => {
    await render(architectureGraph);

    const graph = element().querySelector('[data-testid="architecture-graph"]');
    expect(graph?.getAttribute('role')).toBe('img');
    expect(graph?.getAttribute('aria-label')).toMatch(/^Network of 5 layers: Input 28×28×1 → /);
    expect(element().querySelectorAll('details li').length).toBe(5);
    expect([...element().querySelectorAll('[data-testid="architecture-legend"] li')].map((li) => li.textContent?.trim())).toEqual([
      'Input',
      'Convolution',
      'Pooling',
      'Flatten',
      'Output',
    ]);
  });

  it('redraws when the network changes, and destroys its Cytoscape instance', async () => {
    await render(architectureGraph);
    const first = fixture.componentInstance.cy!;

    await render({ ...architectureGraph, layers: architectureGraph.layers.slice(0, 2), connections: architectureGraph.connections.slice(0, 1) });

    expect(first.destroyed()).toBe(true);
    expect(fixture.componentInstance.cy!.nodes().length).toBe(2);
    const second = fixture.componentInstance.cy!;
    fixture.destroy();
    expect(second.destroyed()).toBe(true);
  });

  it('says so when there is no architecture, without starting Cytoscape', async () => {
    await render({ parameterCount: 0, layers: [], connections: [] });

    expect(element().textContent).toContain('No architecture was recorded');
    expect(fixture.componentInstance.cy).toBeNull();
  });
});
