import { ChangeDetectionStrategy, Component, ElementRef, inject, signal, viewChild } from '@angular/core';
import { RouterLink } from '@angular/router';
import { describeError } from '../graphql/describe-error';
import type { StudyListItemFragment } from '../graphql/generated/graphql';
import { StudyListService } from './study-list.service';
import { StudyTable } from './study-table';

/** All studies, live, a page at a time, with the way to start a new one and to delete one. */
@Component({
  selector: 'hs-studies-page',
  imports: [RouterLink, StudyTable],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-labelledby="studies-title">
      <header class="page-head">
        <h1 id="studies-title">Studies</h1>
        <a class="button" routerLink="/studies/new" data-testid="new-study-link">New study</a>
      </header>
      @if (list.error(); as error) {
        <p class="problem" role="alert">Can't load the studies: {{ error }}</p>
      }
      @if (deleted(); as name) {
        <p class="visually-hidden" role="status">Deleted {{ name }}.</p>
      }
      @if (list.studies(); as studies) {
        <hs-study-table [studies]="studies" [deletable]="true" (deleteRequested)="confirmDelete($event)" />
        <div class="more">
          @if (list.totalCount() !== null) {
            <p class="count" data-testid="study-count">{{ studies.length }} of {{ list.totalCount() }} studies</p>
          }
          @if (list.hasMore()) {
            <button type="button" class="button button--secondary" data-testid="load-more" [disabled]="list.loadingMore()" (click)="list.loadMore()">
              {{ list.loadingMore() ? 'Loading…' : 'Load more' }}
            </button>
          }
        </div>
      } @else {
        <p role="status" aria-busy="true">Loading studies…</p>
      }
    </section>

    <dialog #confirmDialog class="confirm" aria-labelledby="delete-title" aria-describedby="delete-text" data-testid="delete-dialog" (close)="closed()">
      @if (pending(); as study) {
        <h2 id="delete-title">Delete {{ study.name }}?</h2>
        <p id="delete-text">Its trials, events and files (models, plots, reports) are deleted too. This cannot be undone.</p>
        @if (deleteError(); as error) {
          <p class="problem" role="alert">{{ error }}</p>
        }
        <div class="confirm__actions">
          <button type="button" class="button button--secondary" data-testid="delete-cancel" (click)="dialog().nativeElement.close()">Keep it</button>
          <button type="button" class="button button--danger" data-testid="delete-confirm" [disabled]="deleting()" (click)="delete(study)">
            {{ deleting() ? 'Deleting…' : 'Delete study' }}
          </button>
        </div>
      }
    </dialog>
  `,
  styles: `
    .page-head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: var(--space-3);
      margin-bottom: var(--space-4);
    }
    .page-head h1 {
      font-size: clamp(1.5rem, 1.2rem + 1.5vw, 2rem);
    }
    .more {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: var(--space-3);
      margin-top: var(--space-3);
    }
    .count {
      margin: 0;
      color: var(--color-text-muted);
    }
    .confirm {
      max-width: min(28rem, calc(100vw - 2rem));
      padding: var(--space-5);
      border: 1px solid var(--color-border);
      border-radius: var(--radius-md);
      background: var(--color-surface);
      color: var(--color-text);
    }
    .confirm::backdrop {
      background: rgb(0 0 0 / 0.45);
    }
    .confirm h2 {
      margin-top: 0;
      font-size: 1.25rem;
      overflow-wrap: anywhere;
    }
    .confirm__actions {
      display: flex;
      flex-wrap: wrap;
      justify-content: flex-end;
      gap: var(--space-2);
    }
  `,
})
export class StudiesPage {
  protected readonly list = inject(StudyListService);
  protected readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('confirmDialog');
  protected readonly pending = signal<StudyListItemFragment | null>(null);
  protected readonly deleting = signal(false);
  protected readonly deleteError = signal<string | null>(null);
  protected readonly deleted = signal<string | null>(null);
  private trigger: HTMLElement | null = null;

  protected confirmDelete(study: StudyListItemFragment): void {
    this.trigger = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    this.pending.set(study);
    this.deleteError.set(null);
    this.dialog().nativeElement.showModal();
  }

  protected async delete(study: StudyListItemFragment): Promise<void> {
    this.deleting.set(true);
    this.deleteError.set(null);
    try {
      await this.list.delete(study.id);
      this.deleted.set(study.name);
      // Its row is gone: focus goes to the page heading rather than back to a removed button.
      this.trigger = document.getElementById('studies-title');
      this.dialog().nativeElement.close();
    } catch (error) {
      this.deleteError.set(`Can't delete it: ${describeError(error)}`);
    } finally {
      this.deleting.set(false);
    }
  }

  protected closed(): void {
    this.pending.set(null);
    if (this.trigger?.id === 'studies-title') this.trigger.setAttribute('tabindex', '-1');
    this.trigger?.focus();
    this.trigger = null;
  }
}
