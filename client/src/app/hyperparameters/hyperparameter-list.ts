import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { asRecord } from '../study/study-plan';

/** Hyperparameter values by name, as a definition list. */
@Component({
  selector: 'hs-hyperparameter-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (entries().length === 0) {
      <p class="empty-note">No hyperparameters recorded.</p>
    } @else {
      <dl class="params" data-testid="hyperparameters">
        @for (entry of entries(); track entry.name) {
          <div>
            <dt>{{ entry.name }}</dt>
            <dd>{{ entry.value }}</dd>
          </div>
        }
      </dl>
    }
  `,
  styles: `
    .params {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 13rem), 1fr));
      gap: var(--space-2);
      margin: 0;
    }
    .params div {
      padding: var(--space-2) var(--space-3);
      border: 1px solid var(--color-border);
      border-radius: var(--radius-sm);
      background: var(--color-surface);
      min-width: 0;
    }
    dt {
      color: var(--color-text-muted);
      font-size: 0.8125rem;
      overflow-wrap: anywhere;
    }
    dd {
      margin: 0;
      font-family: var(--font-mono);
      font-weight: 600;
      overflow-wrap: anywhere;
    }
  `,
})
export class HyperparameterList {
  /** `params` JSON: values by name. */
  readonly params = input.required<unknown>();

  protected readonly entries = computed(() =>
    Object.entries(asRecord(this.params()))
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, value]) => ({ name, value: formatParam(value) })),
  );
}

export function formatParam(value: unknown): string {
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : Math.abs(value) < 1e-3 ? value.toExponential(2) : String(Number(value.toPrecision(4)));
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
