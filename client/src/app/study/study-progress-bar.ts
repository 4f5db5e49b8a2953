import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { StudyProgress } from './study-progress';

/** The study's one progress bar: trials, then the final model, with what is happening now as its label. */
@Component({
  selector: 'hs-study-progress-bar',
  imports: [DecimalPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let current = progress();
    <div class="progress" [attr.data-phase]="current.phase">
      <div class="progress__head">
        <span id="study-progress-label" class="progress__label" data-testid="progress-label" aria-live="polite">{{ current.label }}</span>
        <span class="progress__percent" data-testid="progress-percent">{{ current.percent | number: '1.0-1' }} %</span>
      </div>
      <div
        class="progress__track"
        role="progressbar"
        aria-labelledby="study-progress-label"
        aria-valuemin="0"
        aria-valuemax="100"
        [attr.aria-valuenow]="current.percent"
        data-testid="study-progress"
      >
        <div class="progress__fill" [style.width.%]="current.percent"></div>
      </div>
    </div>
  `,
  styles: `
    .progress {
      margin: var(--space-4) 0;
    }
    .progress__head {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      gap: var(--space-2);
      margin-bottom: var(--space-2);
    }
    .progress__label {
      font-weight: 600;
      overflow-wrap: anywhere;
    }
    .progress__percent {
      font-variant-numeric: tabular-nums;
      color: var(--color-text-muted);
    }
    .progress__track {
      height: 0.875rem;
      border-radius: var(--radius-pill);
      background: var(--color-surface-muted);
      overflow: hidden;
    }
    .progress__fill {
      height: 100%;
      border-radius: inherit;
      background: var(--color-accent);
      transition: width 0.4s ease;
    }
    [data-phase='final-model'] .progress__fill {
      background: var(--color-warning);
    }
    [data-phase='complete'] .progress__fill {
      background: var(--color-success);
    }
  `,
})
export class StudyProgressBar {
  readonly progress = input.required<StudyProgress>();
}
