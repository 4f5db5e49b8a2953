import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { StudyListItemFragment } from '../graphql/generated/graphql';
import { studyPlanOf } from '../study/study-plan';

/** Studies as rows: state, dataset, mode, progress and best score, each linking to its page. */
@Component({
  selector: 'hs-study-table',
  imports: [DecimalPipe, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (studies().length === 0) {
      <p class="empty-note">No study yet. <a routerLink="/studies/new">Start one</a>.</p>
    } @else {
      <div class="table-scroll" tabindex="0" role="region" aria-label="Studies table">
        <table class="data-table" data-testid="study-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">State</th>
              <th scope="col">Dataset</th>
              <th scope="col">Mode</th>
              <th scope="col">Trials</th>
              <th scope="col">Best score</th>
            </tr>
          </thead>
          <tbody>
            @for (study of studies(); track study.id) {
              <tr [attr.data-testid]="'study-row-' + study.id">
                <td class="name"><a [routerLink]="['/studies', study.id]">{{ study.name }}</a></td>
                <td><span class="state-badge" [attr.data-state]="study.state">{{ study.state }}</span></td>
                <td><code>{{ study.dataset }}</code></td>
                <td>{{ study.mode }}</td>
                <td>
                  @let done = trialsDone(study);
                  <span class="visually-hidden">{{ done }} finished of {{ totalTrials(study) }}</span>
                  <span aria-hidden="true">{{ done }} / {{ totalTrials(study) }}</span>
                  <progress [value]="done" [max]="totalTrials(study) || 1" aria-hidden="true"></progress>
                </td>
                <td>{{ study.summary.bestValues?.length ? (study.summary.bestValues![0] | number: '1.3-3') : '—' }}</td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    }
  `,
  styles: `
    .name {
      min-width: 10rem;
      overflow-wrap: anywhere;
    }
    progress {
      display: block;
      width: 6rem;
      height: 0.4rem;
      margin-top: var(--space-1);
      accent-color: var(--color-accent);
    }
  `,
})
export class StudyTable {
  readonly studies = input.required<readonly StudyListItemFragment[]>();

  protected totalTrials(study: StudyListItemFragment): number {
    return studyPlanOf(study.config).trials;
  }

  /** Finished trials, capped at the plan: a trial failed by a lost worker is retried as another trial. */
  protected trialsDone(study: StudyListItemFragment): number {
    return Math.min(study.summary.finishedTrials, this.totalTrials(study));
  }
}
