import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { HealthReportFieldsFragment } from '../graphql/generated/graphql';
import { HealthReportView } from './health-report-view';

/** A page's Health panel, on the `<section>` it is put on: the heading, then the health report. */
@Component({
  selector: 'section[hs-health-section]',
  imports: [HealthReportView],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'panel', '[attr.aria-labelledby]': 'titleId()' },
  template: `
    <h2 [id]="titleId()">Health</h2>
    <hs-health-report-view [health]="health()" />
  `,
})
export class HealthSection {
  /** The heading's id, unique on the page; it labels the section. */
  readonly titleId = input.required<string>();
  readonly health = input.required<HealthReportFieldsFragment | null | undefined>();
}
