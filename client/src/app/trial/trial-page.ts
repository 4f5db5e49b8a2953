import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import { ArchitectureGraph } from '../architecture/architecture-graph';
import { MetricChart } from '../charts/metric-chart';
import { DiagnosticsPanel } from '../diagnostics/diagnostics-panel';
import { HealthSection } from '../health/health-section';
import { HyperparameterSection } from '../hyperparameters/hyperparameter-section';
import { DownloadList } from './download-list';
import { accuracySeries, epochLabels, lossSeries } from './epoch-series';
import { TrialDetailService } from './trial-detail.service';

/** One trial: its numbers, live training curves, health, diagnostics, architecture, hyperparameters and files. */
@Component({
  selector: 'hs-trial-page',
  imports: [DecimalPipe, RouterLink, MetricChart, HealthSection, DiagnosticsPanel, ArchitectureGraph, HyperparameterSection, DownloadList],
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
  protected readonly objectives = computed(() => {
    const trial = this.detail.trial();
    const directions = this.detail.study()?.directions ?? [];
    return (trial?.values ?? []).map((value, index) => ({ value, label: directions.length > 1 ? `Objective ${index + 1} (${directions[index] ?? '?'})` : 'Objective' }));
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

  protected formatDuration(seconds: number | null | undefined): string {
    if (seconds === null || seconds === undefined) return '—';
    const rounded = Math.round(seconds);
    const m = Math.floor(rounded / 60);
    return m > 0 ? `${m} min ${rounded % 60} s` : `${rounded} s`;
  }
}
