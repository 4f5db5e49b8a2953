import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import { ArchitectureGraph } from '../architecture/architecture-graph';
import { DownloadList } from '../downloads/download-list';
import { HealthSection } from '../health/health-section';
import { HyperparameterSection } from '../hyperparameters/hyperparameter-section';
import { studyLevelDownloads } from '../study/study-downloads';
import { TrialSummary } from '../trial-summary/trial-summary';
import { BestModelService } from './best-model.service';

/** The best trial of a study as a model to take away: metadata, health, architecture, hyperparameters, files. */
@Component({
  selector: 'hs-best-model-page',
  imports: [RouterLink, TrialSummary, ArchitectureGraph, HealthSection, HyperparameterSection, DownloadList],
  providers: [BestModelService],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './best-model-page.html',
  styleUrl: './best-model-page.css',
})
export class BestModelPage {
  /** Route parameter. */
  readonly studyId = input.required<string>();

  protected readonly best = inject(BestModelService);
  /** The study's files; the best trial's own plots are on its trial page. */
  protected readonly downloads = computed(() => studyLevelDownloads(this.best.model()?.downloads ?? []));

  constructor() {
    effect(() => {
      const studyId = this.studyId();
      untracked(() => this.best.load(studyId));
    });
    const title = inject(Title);
    effect(() => {
      const model = this.best.model();
      if (model) title.setTitle(`Best model · ${model.study.name} · Hyperscope`);
    });
  }
}
