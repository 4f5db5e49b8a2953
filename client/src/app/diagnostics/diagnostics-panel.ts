import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MetricChart } from '../charts/metric-chart';
import { activationSeries, batchLossPoints, deadUnitLayers, deadUnitSeries, gradientNormSeries, lastEpochLayers, parseDiagnostics } from './diagnostics-series';

/** A trial's diagnostics on the probe batch: gradient norms per layer, activation statistics, dead units, batch losses. */
@Component({
  selector: 'hs-diagnostics-panel',
  imports: [MetricChart],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (epochs().length === 0) {
      <p class="empty-note">No diagnostics recorded yet: they are taken at the end of each epoch.</p>
    } @else {
      <div class="charts">
        @if (gradients().length) {
          <hs-metric-chart
            title="Gradient norm per layer"
            testId="chart-gradient-norms"
            [labels]="epochLabels()"
            [series]="gradients()"
            [yAxis]="{ title: '‖∇W‖₂ (log scale)', logarithmic: true }"
          />
        }
        <hs-metric-chart
          title="Activations per layer (last epoch)"
          type="bar"
          xTitle="Layer"
          testId="chart-activations"
          [labels]="layerNames()"
          [series]="activations()"
          [yAxis]="{ title: 'Activation' }"
        />
        @if (deadLayers().length) {
          <hs-metric-chart
            title="Dead units per layer (last epoch)"
            type="bar"
            xTitle="Layer"
            testId="chart-dead-units"
            [labels]="deadLayerNames()"
            [series]="deadUnits()"
            [yAxis]="{ title: 'Share of units', percent: true, min: 0, max: 1 }"
          />
        }
        @if (batchLosses().labels.length) {
          <hs-metric-chart
            title="Training loss per batch"
            xTitle="Batch"
            testId="chart-batch-losses"
            [labels]="batchLosses().labels"
            [series]="batchLosses().series"
            [yAxis]="{ title: 'Loss' }"
          />
        }
      </div>
    }
  `,
  styles: `
    .charts {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 26rem), 1fr));
      gap: var(--space-4);
    }
  `,
})
export class DiagnosticsPanel {
  /** `Trial.diagnostics` as the API returns it. */
  readonly diagnostics = input.required<readonly { epoch: number; diagnostics: unknown }[]>();

  protected readonly epochs = computed(() => parseDiagnostics(this.diagnostics()).filter((epoch) => epoch.layers.length > 0 || epoch.batchLosses.length > 0));
  protected readonly epochLabels = computed(() => this.epochs().map((epoch) => epoch.epoch));
  protected readonly gradients = computed(() => gradientNormSeries(this.epochs()));
  private readonly lastLayers = computed(() => lastEpochLayers(this.epochs()));
  protected readonly layerNames = computed(() => this.lastLayers().map((layer) => layer.layer));
  protected readonly activations = computed(() => activationSeries(this.lastLayers()));
  protected readonly deadLayers = computed(() => deadUnitLayers(this.lastLayers()));
  protected readonly deadLayerNames = computed(() => this.deadLayers().map((layer) => layer.layer));
  protected readonly deadUnits = computed(() => deadUnitSeries(this.deadLayers()));
  protected readonly batchLosses = computed(() => batchLossPoints(this.epochs()));
}
