import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import type { WorkerItemFragment } from '../graphql/generated/graphql';
import { WORKERS_POLL_MS, WorkersService } from './workers.service';

/** The processes that train trials: where they run, which TF.js backend they train with, and whether they are alive. */
@Component({
  selector: 'hs-workers-page',
  imports: [DatePipe],
  providers: [WorkersService],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-labelledby="workers-title">
      <header class="page-head">
        <h1 id="workers-title">Workers</h1>
        <label class="toggle">
          <input type="checkbox" data-testid="include-stopped" [checked]="service.includeStopped()" (change)="toggle($event)" />
          Show stopped workers
        </label>
      </header>
      <p class="intro">
        Each worker trains one trial at a time with its TensorFlow.js backend; the list refreshes every {{ pollSeconds }} s and when a
        worker joins or leaves.
      </p>
      @if (service.error(); as error) {
        <p class="problem" role="alert">Can't load the workers: {{ error }}</p>
      }
      @if (service.workers(); as workers) {
        @if (workers.length === 0) {
          <p class="empty-note" data-testid="no-workers">No worker is running. Studies wait in the queue until one starts.</p>
        } @else {
          <div class="table-scroll" tabindex="0" role="region" aria-label="Workers table">
            <table class="data-table" data-testid="workers-table">
              <thead>
                <tr>
                  <th scope="col">Worker</th>
                  <th scope="col">State</th>
                  <th scope="col">Backend</th>
                  <th scope="col">Running trials</th>
                  <th scope="col">Last heartbeat</th>
                  <th scope="col">Started</th>
                </tr>
              </thead>
              <tbody>
                @for (worker of workers; track worker.id) {
                  <tr [attr.data-testid]="'worker-' + worker.id">
                    <td class="name">
                      <code>{{ worker.host }}</code> <span class="muted">pid {{ worker.pid }}</span>
                    </td>
                    <td>
                      <span class="state-badge" [attr.data-state]="stateOf(worker)" data-testid="worker-state">{{ stateLabel(worker) }}</span>
                    </td>
                    <td>
                      <code data-testid="worker-backend">{{ worker.backend }}</code>
                      @if (worker.gpu) {
                        <span class="gpu-badge" data-testid="worker-gpu" title="Takes the heavier trials first of studies that ask for it">GPU</span>
                      }
                      @if (worker.device) {
                        <div class="muted device" data-testid="worker-device">{{ worker.device }}</div>
                      }
                    </td>
                    <td data-testid="worker-running">{{ worker.runningTrials }}</td>
                    <td><time [attr.datetime]="worker.heartbeatAt">{{ worker.heartbeatAt | date: 'mediumTime' }}</time></td>
                    <td><time [attr.datetime]="worker.startedAt">{{ worker.startedAt | date: 'short' }}</time></td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        }
      } @else if (!service.error()) {
        <p role="status" aria-busy="true">Loading workers…</p>
      }
    </section>
  `,
  styles: `
    .page-head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: var(--space-3);
    }
    .page-head h1 {
      font-size: clamp(1.5rem, 1.2rem + 1.5vw, 2rem);
    }
    .toggle {
      display: inline-flex;
      align-items: center;
      gap: var(--space-2);
      min-height: 2.5rem;
    }
    .intro {
      margin: var(--space-2) 0 var(--space-4);
      color: var(--color-text-muted);
    }
    .name {
      overflow-wrap: anywhere;
    }
    .gpu-badge {
      margin-left: var(--space-2);
      padding: 0 var(--space-2);
      border-radius: var(--radius-pill);
      background: var(--color-accent-soft);
      color: var(--color-accent-text);
      font-size: 0.75rem;
      font-weight: 700;
    }
    .muted {
      color: var(--color-text-muted);
      font-size: 0.8125rem;
    }
  `,
})
export class WorkersPage {
  protected readonly service = inject(WorkersService);
  protected readonly pollSeconds = WORKERS_POLL_MS / 1000;

  /** Reuses the study state colours: alive like running, stale like failed, stopped like cancelled. */
  protected stateOf(worker: WorkerItemFragment): string {
    if (worker.stoppedAt) return 'CANCELLED';
    return worker.alive ? (worker.runningTrials > 0 ? 'RUNNING' : 'COMPLETE') : 'FAILED';
  }

  protected stateLabel(worker: WorkerItemFragment): string {
    if (worker.stoppedAt) return 'stopped';
    if (!worker.alive) return 'no heartbeat';
    return worker.runningTrials > 0 ? 'training' : 'idle';
  }

  protected toggle(event: Event): void {
    this.service.setIncludeStopped((event.target as HTMLInputElement).checked);
  }
}
