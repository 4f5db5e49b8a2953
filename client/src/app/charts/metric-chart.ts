import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import {
  BarController,
  BarElement,
  CategoryScale,
  ChartConfiguration,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  LogarithmicScale,
  PointElement,
  Tooltip,
} from 'chart.js';
import { BaseChartDirective, provideCharts } from 'ng2-charts';
import { ChartAxis, ChartSeries, formatChartValue, summarizeChart } from './chart-series';

type MetricChartType = 'line' | 'bar';

/**
 * A labelled Chart.js chart: a figure with a caption, the canvas described for screen readers, and the same
 * numbers as a table under "Show data". Only the Chart.js parts these charts use are registered.
 */
@Component({
  selector: 'hs-metric-chart',
  imports: [BaseChartDirective],
  providers: [
    provideCharts({
      registerables: [LineController, BarController, LineElement, PointElement, BarElement, CategoryScale, LinearScale, LogarithmicScale, Legend, Tooltip],
    }),
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <figure class="chart">
      <figcaption class="chart__title">{{ title() }}</figcaption>
      <div class="chart__canvas">
        <canvas baseChart role="img" [attr.aria-label]="summary()" [type]="type()" [data]="data()" [options]="options()" [attr.data-testid]="testId()"></canvas>
      </div>
      <details class="chart__data">
        <summary>Show data<span class="visually-hidden"> of {{ title() }}</span></summary>
        <div class="table-scroll" tabindex="0" role="region" [attr.aria-label]="title() + ' data'">
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">{{ xTitle() }}</th>
                @for (s of series(); track s.label) {
                  <th scope="col">{{ s.label }}</th>
                }
              </tr>
            </thead>
            <tbody>
              @for (label of labels(); track $index; let row = $index) {
                <tr>
                  <th scope="row">{{ label }}</th>
                  @for (s of series(); track s.label) {
                    <td>{{ format(s.values[row] ?? null) }}</td>
                  }
                </tr>
              }
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  `,
  styles: `
    .chart {
      margin: 0;
      padding: var(--space-3);
      border: 1px solid var(--color-border);
      border-radius: var(--radius-md);
      background: var(--color-surface);
      min-width: 0;
    }
    .chart__title {
      margin-bottom: var(--space-2);
      font-weight: 600;
    }
    .chart__canvas {
      position: relative;
      height: 15rem;
    }
    .chart__data {
      margin-top: var(--space-2);
      font-size: 0.875rem;
    }
    .chart__data summary {
      cursor: pointer;
    }
    .chart__data .table-scroll {
      margin-top: var(--space-2);
      max-height: 16rem;
    }
  `,
})
export class MetricChart {
  readonly title = input.required<string>();
  readonly type = input<MetricChartType>('line');
  /** X values: epochs, layer names, batch numbers. */
  readonly labels = input.required<readonly (string | number)[]>();
  readonly series = input.required<readonly ChartSeries[]>();
  readonly xTitle = input('Epoch');
  readonly yAxis = input<ChartAxis>({ title: '' });
  readonly testId = input<string | null>(null);

  protected readonly summary = computed(() => summarizeChart(this.title(), this.xTitle().toLowerCase(), this.labels(), this.series(), this.yAxis()));

  protected readonly data = computed<ChartConfiguration<MetricChartType>['data']>(() => ({
    labels: [...this.labels()],
    datasets: this.series().map((s) => ({
      label: s.label,
      data: [...s.values],
      borderColor: s.colour,
      backgroundColor: s.colour,
      pointRadius: this.labels().length > 40 ? 0 : 3,
      borderWidth: 2,
      spanGaps: true,
    })),
  }));

  protected readonly options = computed<ChartConfiguration<MetricChartType>['options']>(() => {
    const axis = this.yAxis();
    return {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      interaction: { mode: 'index', intersect: false },
      plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } } },
      scales: {
        x: { title: { display: true, text: this.xTitle() }, ticks: { autoSkip: true, maxRotation: 45 } },
        y: {
          type: axis.logarithmic ? 'logarithmic' : 'linear',
          title: { display: !!axis.title, text: axis.title },
          ...(axis.min !== undefined ? { min: axis.min } : {}),
          ...(axis.max !== undefined ? { max: axis.max } : {}),
          ticks: axis.percent ? { callback: (value: string | number) => `${Math.round(Number(value) * 100)} %` } : {},
        },
      },
    };
  });

  protected format(value: number | null): string {
    return formatChartValue(value, this.yAxis());
  }
}
