import { DatePipe, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { formatDuration } from '../format-duration';

/**
 * A trained trial's numbers as a row of cards, on the `<dl>` it is put on: objective values, validation accuracy,
 * health, epochs and parameter count, plus the page's own timing card (Duration or Trained) where it sets one.
 */
@Component({
  selector: 'dl[hs-trial-summary]',
  imports: [DatePipe, DecimalPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'summary' },
  template: `
    @for (objective of objectives(); track $index) {
      <div>
        <dt>{{ objective.label }}</dt>
        <dd>{{ objective.value | number: '1.3-3' }}</dd>
      </div>
    } @empty {
      <div>
        <dt>Objective</dt>
        <dd>—</dd>
      </div>
    }
    <div>
      <dt>Val. accuracy</dt>
      <dd data-testid="trial-accuracy">{{ valAccuracy() === null ? '—' : (valAccuracy()! * 100 | number: '1.1-1') + ' %' }}</dd>
    </div>
    <div>
      <dt>Health</dt>
      <dd data-testid="trial-health">{{ healthComposite() === null ? '—' : (healthComposite() | number: '1.2-2') }}</dd>
    </div>
    <div>
      <dt>Epochs</dt>
      <dd>{{ epochs() }}</dd>
    </div>
    @if (durationSeconds() !== undefined) {
      <div>
        <dt>Duration</dt>
        <dd>{{ formatDuration(durationSeconds()) }}</dd>
      </div>
    }
    <div>
      <dt>Parameters</dt>
      <dd>{{ parameterCount() === null ? '—' : (parameterCount() | number) }}</dd>
    </div>
    @if (trainedAt() !== undefined) {
      <div>
        <dt>Trained</dt>
        <dd class="small">{{ trainedAt() ? (trainedAt() | date: 'medium') : '—' }}</dd>
      </div>
    }
  `,
  styles: `
    dd.small {
      font-size: 0.9375rem;
    }
  `,
})
export class TrialSummary {
  /** The trial's objective values, one per direction. */
  readonly values = input.required<readonly number[]>();
  readonly directions = input.required<readonly string[]>();
  readonly valAccuracy = input.required<number | null>();
  readonly healthComposite = input.required<number | null>();
  readonly epochs = input.required<number>();
  readonly parameterCount = input.required<number | null>();
  /** Left unset, there is no Duration card; null shows it as unknown. */
  readonly durationSeconds = input<number | null>();
  /** ISO time the model was trained. Left unset, there is no Trained card; null shows it as unknown. */
  readonly trainedAt = input<string | null>();

  /** A multi-objective study names each value with its direction; a single one is just "Objective". */
  protected readonly objectives = computed(() => {
    const directions = this.directions();
    return this.values().map((value, index) => ({
      value,
      label: directions.length > 1 ? `Objective ${index + 1} (${directions[index] ?? '?'})` : 'Objective',
    }));
  });

  protected readonly formatDuration = formatDuration;
}
