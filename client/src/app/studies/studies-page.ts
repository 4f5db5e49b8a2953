import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { StudyListService } from './study-list.service';
import { StudyTable } from './study-table';

/** All studies, live, with the way to start a new one. */
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
      @if (list.studies(); as studies) {
        <hs-study-table [studies]="studies" />
      } @else {
        <p role="status" aria-busy="true">Loading studies…</p>
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
      margin-bottom: var(--space-4);
    }
    .page-head h1 {
      font-size: clamp(1.5rem, 1.2rem + 1.5vw, 2rem);
    }
  `,
})
export class StudiesPage {
  protected readonly list = inject(StudyListService);
}
