import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { Architecture, kindsIn } from './architecture-elements';

/** What each node colour of an architecture graph means, for the kinds the network uses. */
@Component({
  selector: 'hs-architecture-legend',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ul class="legend" aria-label="Layer colours" data-testid="architecture-legend">
      @for (entry of kinds(); track entry.kind) {
        <li><span class="swatch" aria-hidden="true" [style.background]="entry.colour"></span>{{ entry.name }}</li>
      }
    </ul>
  `,
  styles: `
    .legend {
      display: flex;
      flex-wrap: wrap;
      gap: var(--space-2) var(--space-4);
      margin: var(--space-3) 0 0;
      padding: 0;
      list-style: none;
      font-size: 0.875rem;
    }
    .swatch {
      display: inline-block;
      width: 0.875rem;
      height: 0.875rem;
      margin-right: var(--space-2);
      border-radius: 3px;
      vertical-align: -0.1rem;
    }
  `,
})
export class ArchitectureLegend {
  readonly architecture = input.required<Architecture>();
  protected readonly kinds = computed(() => kindsIn(this.architecture()));
}
