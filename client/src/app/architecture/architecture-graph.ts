import {
  afterRenderEffect,
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  ElementRef,
  inject,
  InjectionToken,
  input,
  untracked,
  viewChild,
} from '@angular/core';
import cytoscape from 'cytoscape';
import type { ArchitectureViewFragment } from '../graphql/generated/graphql';
import { Architecture, architectureOf, describeArchitecture, layerColour } from './architecture-elements';
import { ArchitectureLegend } from './architecture-legend';

/** True where there is no canvas to draw on (jsdom in unit tests): Cytoscape then keeps the graph in memory only. */
export const CYTOSCAPE_HEADLESS = new InjectionToken<boolean>('CYTOSCAPE_HEADLESS', { factory: () => false });

/** Vertical room per layer; the graph is scaled to fit, so this sets how large one layer is drawn. */
const PX_PER_LAYER = 64;
const MIN_HEIGHT_PX = 200;
const MAX_HEIGHT_PX = 1400;

const GRAPH_STYLE: cytoscape.StylesheetJson = [
  {
    selector: 'node',
    style: {
      shape: 'round-rectangle',
      width: 200,
      height: 34,
      'background-color': 'data(colour)',
      label: 'data(label)',
      color: '#ffffff',
      'font-size': 12,
      'font-family': 'system-ui, sans-serif',
      'text-valign': 'center',
      'text-halign': 'center',
      'text-wrap': 'ellipsis',
      'text-max-width': '190px',
    },
  },
  {
    selector: 'edge',
    style: {
      width: 1.5,
      'curve-style': 'bezier',
      'line-color': '#94a3b8',
      'target-arrow-color': '#94a3b8',
      'target-arrow-shape': 'triangle',
      label: 'data(label)',
      'font-size': 10,
      color: '#64748b',
      'text-margin-x': 42,
    },
  },
];

/**
 * A network drawn top to bottom with Cytoscape: layers as nodes coloured by kind (legend below), edges labelled
 * with the tensor shapes. Cytoscape's built-in breadthfirst layout: cytoscape-dagre is not a dependency.
 * Screen readers get a one-line description and the layer list; the canvas itself is not interactive.
 */
@Component({
  selector: 'hs-architecture-graph',
  imports: [ArchitectureLegend],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let network = architecture();
    @if (network.nodes.length === 0) {
      <p class="empty-note">No architecture was recorded for this trial.</p>
    } @else {
      <div
        #canvas
        class="graph"
        role="img"
        data-testid="architecture-graph"
        [attr.aria-label]="description()"
        [attr.data-layer-count]="network.nodes.length"
        [style.height.px]="height()"
      ></div>
      <hs-architecture-legend [architecture]="network" />
      <details class="layers">
        <summary>Layers as a list</summary>
        <ol>
          @for (node of network.nodes; track node.id) {
            <li>
              <span class="swatch" aria-hidden="true" [style.background]="colourOf(node.kind)"></span>
              {{ node.label }} <span class="muted">· output {{ node.outputShape.join('×') || '—' }} · {{ node.params }} parameters</span>
            </li>
          }
        </ol>
      </details>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .graph {
      width: 100%;
      border: 1px solid var(--color-border);
      border-radius: var(--radius-md);
      background: var(--color-surface);
    }
    .layers {
      margin-top: var(--space-3);
    }
    .layers summary {
      cursor: pointer;
    }
    .layers ol {
      margin: var(--space-2) 0 0;
      padding-left: var(--space-5);
      font-size: 0.875rem;
    }
    .swatch {
      display: inline-block;
      width: 0.75rem;
      height: 0.75rem;
      margin-right: var(--space-1);
      border-radius: 2px;
      vertical-align: -0.05rem;
    }
    .muted {
      color: var(--color-text-muted);
    }
  `,
})
export class ArchitectureGraph {
  readonly graph = input.required<ArchitectureViewFragment>();

  protected readonly architecture = computed(() => architectureOf(this.graph()));
  protected readonly description = computed(() => describeArchitecture(this.architecture()));
  protected readonly height = computed(() => Math.min(MAX_HEIGHT_PX, Math.max(MIN_HEIGHT_PX, this.architecture().nodes.length * PX_PER_LAYER)));

  private readonly canvas = viewChild<ElementRef<HTMLElement>>('canvas');
  private readonly headless = inject(CYTOSCAPE_HEADLESS);
  private core: cytoscape.Core | null = null;

  constructor() {
    afterRenderEffect(() => {
      const network = this.architecture();
      const container = this.canvas()?.nativeElement ?? null;
      untracked(() => this.draw(network, container));
    });
    inject(DestroyRef).onDestroy(() => this.core?.destroy());
  }

  /** The Cytoscape instance drawing the current graph (null when there is none). */
  get cy(): cytoscape.Core | null {
    return this.core;
  }

  protected colourOf(kind: Parameters<typeof layerColour>[0]): string {
    return layerColour(kind);
  }

  private draw(network: Architecture, container: HTMLElement | null): void {
    this.core?.destroy();
    this.core = null;
    if (network.nodes.length === 0 || (!container && !this.headless)) return;
    const elements: cytoscape.ElementDefinition[] = [
      ...network.nodes.map((node) => ({ group: 'nodes' as const, data: { id: node.id, label: node.label, kind: node.kind, colour: layerColour(node.kind) } })),
      ...network.edges.map((edge) => ({ group: 'edges' as const, data: { ...edge } })),
    ];
    const targets = new Set(network.edges.map((edge) => edge.target));
    const roots = network.nodes.filter((node) => !targets.has(node.id)).map((node) => node.id);
    this.core = cytoscape({
      ...(this.headless ? { headless: true, styleEnabled: false } : { container, style: GRAPH_STYLE }),
      elements,
      userZoomingEnabled: false,
      userPanningEnabled: false,
      boxSelectionEnabled: false,
      autoungrabify: true,
      maxZoom: 1.5,
      // Levels spread over the container's height (sized per layer above); avoidOverlap would space levels by
      // the node width instead and shrink a deep network to illegibility.
      layout: { name: 'breadthfirst', directed: true, roots, padding: 16, spacingFactor: 1, avoidOverlap: false },
    });
  }
}
