import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { HealthReportFieldsFragment } from '../graphql/generated/graphql';
import { COMPOSITE_EXPLANATION, HEALTH_METRICS, healthBand, unmeasuredMetrics } from './health-metrics';

/** A health report: the composite, then each metric with its value, a bar, and what it means. */
@Component({
  selector: 'hs-health-report-view',
  imports: [DecimalPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let report = health();
    @if (!report) {
      <p class="empty-note" data-testid="health-pending">Health is computed once the trial finishes training.</p>
    } @else {
      <ul class="metrics" data-testid="health-metrics">
        @for (metric of metrics(); track metric.key) {
          <li class="metric" [attr.data-band]="metric.band" [attr.data-testid]="'health-' + metric.key">
            <div class="metric__head">
              <span class="metric__label">{{ metric.label }}</span>
              <span class="metric__value">
                {{ metric.value | number: '1.2-2' }}
                @if (metric.unmeasured) {
                  <span class="metric__note">(not measured)</span>
                }
              </span>
            </div>
            <div class="bar" aria-hidden="true"><span [style.width.%]="metric.value * 100"></span></div>
            <p class="metric__explanation">{{ metric.explanation }}</p>
          </li>
        }
      </ul>
    }
  `,
  styles: `
    .metrics {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 17rem), 1fr));
      gap: var(--space-3);
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .metric {
      padding: var(--space-3);
      border: 1px solid var(--color-border);
      border-radius: var(--radius-sm);
      background: var(--color-surface);
    }
    .metric:first-child {
      border-width: 2px;
    }
    .metric__head {
      display: flex;
      justify-content: space-between;
      gap: var(--space-2);
      font-weight: 600;
    }
    .metric__value {
      font-variant-numeric: tabular-nums;
    }
    .metric__note {
      color: var(--color-text-muted);
      font-weight: 400;
      font-size: 0.8125rem;
    }
    .bar {
      height: 0.375rem;
      margin: var(--space-2) 0;
      border-radius: var(--radius-pill);
      background: var(--color-surface-muted);
      overflow: hidden;
    }
    .bar span {
      display: block;
      height: 100%;
      background: var(--color-success);
    }
    [data-band='fair'] .bar span {
      background: var(--color-warning);
    }
    [data-band='poor'] .bar span {
      background: var(--color-danger);
    }
    .metric__explanation {
      margin: 0;
      color: var(--color-text-muted);
      font-size: 0.875rem;
    }
  `,
})
export class HealthReportView {
  readonly health = input.required<HealthReportFieldsFragment | null | undefined>();

  protected readonly metrics = computed(() => {
    const report = this.health();
    if (!report) return [];
    const unmeasured = unmeasuredMetrics(report.details);
    return [
      { key: 'composite', label: 'Composite health', value: report.composite, explanation: COMPOSITE_EXPLANATION, unmeasured: false, band: healthBand(report.composite) },
      ...HEALTH_METRICS.map((metric) => ({
        ...metric,
        value: report[metric.key],
        unmeasured: unmeasured.has(metric.key),
        band: healthBand(report[metric.key]),
      })),
    ];
  });
}
