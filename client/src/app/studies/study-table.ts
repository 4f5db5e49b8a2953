import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
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
              @if (deletable()) {
                <th scope="col"><span class="visually-hidden">Actions</span></th>
              }
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
                @if (deletable()) {
                  <td>
                    <button
                      type="button"
                      class="button button--secondary button--small"
                      [attr.aria-label]="'Delete study ' + study.name"
                      [attr.data-testid]="'delete-study-' + study.id"
                      (click)="deleteRequested.emit(study)"
                    >
                      Delete
                    </button>
                  </td>
                }
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
    .button--small {
      min-height: 2rem;
      padding: var(--space-1) var(--space-3);
      font-size: 0.875rem;
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
  /** Adds a Delete button per row; the parent asks for confirmation. */
  readonly deletable = input(false);
  readonly deleteRequested = output<StudyListItemFragment>();

  protected totalTrials(study: StudyListItemFragment): number {
    return studyPlanOf(study.config).trials;
  }

  /** Finished trials, capped at the plan: a trial failed by a lost worker is retried as another trial. */
  protected trialsDone(study: StudyListItemFragment): number {
    return Math.min(study.summary.finishedTrials, this.totalTrials(study));
  }
}
