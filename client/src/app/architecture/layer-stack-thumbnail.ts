import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { layerColour, type LayerNode } from './architecture-elements';

const BAR_HEIGHT = 5;
const GAP = 2;
const WIDTH = 64;
const MIN_BAR = 16;

/**
 * A network as a small stack of bars, top to bottom, coloured by layer kind, wider for layers with more
 * parameters (log scale). Decorative: the card around it says the layer count in words.
 */
@Component({
  selector: 'hs-layer-stack-thumbnail',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <svg [attr.viewBox]="'0 0 ' + width + ' ' + height()" [attr.height]="height()" [attr.width]="width" aria-hidden="true" focusable="false">
      @for (bar of bars(); track $index) {
        <rect [attr.x]="bar.x" [attr.y]="bar.y" [attr.width]="bar.width" [attr.height]="barHeight" rx="1.5" [attr.fill]="bar.colour" />
      }
    </svg>
  `,
  styles: `
    :host {
      display: block;
      line-height: 0;
    }
  `,
})
export class LayerStackThumbnail {
  /** Input first: one bar per layer, its width growing with the layer's parameters. */
  readonly layers = input.required<readonly Pick<LayerNode, 'kind' | 'params'>[]>();

  protected readonly width = WIDTH;
  protected readonly barHeight = BAR_HEIGHT;
  protected readonly bars = computed(() => {
    const nodes = this.layers();
    const largest = Math.max(1, ...nodes.map((node) => Math.log10(node.params + 1)));
    return nodes.map((node, index) => {
      const width = MIN_BAR + ((WIDTH - MIN_BAR) * Math.log10(node.params + 1)) / largest;
      return { x: (WIDTH - width) / 2, y: index * (BAR_HEIGHT + GAP), width, colour: layerColour(node.kind) };
    });
  });
  protected readonly height = computed(() => Math.max(BAR_HEIGHT, this.bars().length * (BAR_HEIGHT + GAP) - GAP));
}
