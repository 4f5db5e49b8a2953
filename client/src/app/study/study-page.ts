import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';
import { Title } from '@angular/platform-browser';
import { formatDuration } from '../format-duration';
import { SearchSpaceSummary } from './search-space-summary';
import { StudyDownloads } from './study-downloads';
import { StudyDetailService } from './study-detail.service';
import { StudyProgressBar } from './study-progress-bar';
import { TrialGallery } from './trial-gallery';
import { TrialTable } from './trial-table';

/** One study: summary, the progress bar, its trials and downloads, live. */
@Component({
  selector: 'hs-study-page',
  imports: [DecimalPipe, RouterLink, StudyProgressBar, TrialGallery, TrialTable, StudyDownloads, SearchSpaceSummary],
  providers: [StudyDetailService],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './study-page.html',
  styleUrl: './study-page.css',
})
export class StudyPage {
  /** Route parameter `:id`. */
  readonly id = input.required<string>();

  protected readonly detail = inject(StudyDetailService);
  protected readonly cancellable = computed(() => {
    const state = this.detail.state();
    return state === 'QUEUED' || state === 'RUNNING' || state === 'FINAL_MODEL';
  });
  protected readonly bestAccuracy = computed(() => {
    const best = this.detail.study()?.bestTrial;
    if (!best) return null;
    const trial = this.detail.trials().find((t) => t.id === best.id);
    const last = trial?.epochs.at(-1)?.valAccuracy;
    return last ?? null;
  });

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => this.detail.load(id));
    });
    const title = inject(Title);
    effect(() => {
      const name = this.detail.study()?.name;
      if (name) title.setTitle(`${name} · Hyperscope`);
    });
  }

  protected readonly formatDuration = formatDuration;
}
