import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import { ArchitectureGraph } from '../architecture/architecture-graph';
import { MetricChart } from '../charts/metric-chart';
import { DiagnosticsPanel } from '../diagnostics/diagnostics-panel';
import { DownloadList } from '../downloads/download-list';
import { HealthSection } from '../health/health-section';
import { HyperparameterSection } from '../hyperparameters/hyperparameter-section';
import { TrialSummary } from '../trial-summary/trial-summary';
import { accuracySeries, epochLabels, lossSeries } from './epoch-series';
import { TrialDetailService } from './trial-detail.service';

/** One trial: its numbers, live training curves, health, diagnostics, architecture, hyperparameters and files. */
@Component({
  selector: 'hs-trial-page',
  imports: [RouterLink, TrialSummary, MetricChart, HealthSection, DiagnosticsPanel, ArchitectureGraph, HyperparameterSection, DownloadList],
  providers: [TrialDetailService],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './trial-page.html',
  styleUrl: './trial-page.css',
})
export class TrialPage {
  /** Route parameters. */
  readonly studyId = input.required<string>();
  readonly trialId = input.required<string>();

  protected readonly detail = inject(TrialDetailService);
  protected readonly epochLabels = computed(() => epochLabels(this.detail.epochs()));
  protected readonly lossSeries = computed(() => lossSeries(this.detail.epochs()));
  protected readonly accuracySeries = computed(() => accuracySeries(this.detail.epochs()));
  protected readonly lastValAccuracy = computed(() => {
    const last = this.detail.epochs().at(-1);
    return last ? (last.valAccuracy ?? last.accuracy) : null;
  });
  protected readonly isBest = computed(() => {
    const trial = this.detail.trial();
    return !!trial && this.detail.study()?.bestTrial?.id === trial.id;
  });
  protected readonly downloads = computed(() => this.detail.trial()?.downloads ?? []);

  constructor() {
    effect(() => {
      const studyId = this.studyId();
      const trialId = this.trialId();
      untracked(() => this.detail.load(studyId, trialId));
    });
    const title = inject(Title);
    effect(() => {
      const trial = this.detail.trial();
      const study = this.detail.study();
      if (trial && study) title.setTitle(`Trial ${trial.number} · ${study.name} · Hyperscope`);
      else if (this.detail.notFound()) title.setTitle('Trial not found · Hyperscope');
    });
  }
}
