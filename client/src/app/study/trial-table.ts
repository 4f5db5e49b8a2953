import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { keyParamsOf } from './key-params';
import type { StudyTrial } from './study-detail.service';
import { lastValAccuracy } from './trial-colour';

/** A study's trials, best one highlighted. */
@Component({
  selector: 'hs-trial-table',
  imports: [DecimalPipe, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (trials().length === 0) {
      <p class="empty-note">No trial has started yet.</p>
    } @else {
      <div class="table-scroll" tabindex="0" role="region" aria-label="Trials table">
        <table class="data-table" data-testid="trial-table">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">State</th>
              <th scope="col">Val. accuracy</th>
              <th scope="col">Objective</th>
              <th scope="col">Health</th>
              <th scope="col">Key parameters</th>
            </tr>
          </thead>
          <tbody>
            @for (trial of trials(); track trial.id) {
              @let best = trial.number === bestTrialNumber();
              <tr [class.is-best]="best" [attr.data-testid]="'trial-' + trial.number">
                <td>
                  <a [routerLink]="['/studies', studyId(), 'trials', trial.id]" [attr.aria-label]="'Trial ' + trial.number">{{ trial.number }}</a>
                  @if (best) {
                    <span class="best-mark">best</span>
                  }
                </td>
                <td><span class="state-badge" [attr.data-state]="trial.state">{{ trial.state }}</span></td>
                <td>{{ lastValAccuracy(trial) === null ? '—' : (lastValAccuracy(trial)! * 100 | number: '1.1-1') + ' %' }}</td>
                <td>{{ trial.values.length ? (trial.values[0] | number: '1.3-3') : '—' }}</td>
                <td>{{ trial.health ? (trial.health.composite | number: '1.2-2') : '—' }}</td>
                <td class="params">{{ keyParams(trial) }}</td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    }
  `,
  styles: `
    .is-best td {
      background: var(--color-success-soft);
    }
    .best-mark {
      margin-left: var(--space-1);
      padding: 0 var(--space-2);
      border-radius: var(--radius-pill);
      background: var(--color-success);
      color: var(--color-surface);
      font-size: 0.75rem;
      font-weight: 700;
    }
    .params {
      min-width: 14rem;
      font-family: var(--font-mono);
      font-size: 0.8125rem;
      overflow-wrap: anywhere;
    }
  `,
})
export class TrialTable {
  readonly studyId = input.required<string>();
  readonly trials = input.required<readonly StudyTrial[]>();
  readonly bestTrialNumber = input<number | null>(null);

  protected readonly lastValAccuracy = lastValAccuracy;

  protected keyParams(trial: StudyTrial): string {
    return keyParamsOf(trial.params);
  }
}
