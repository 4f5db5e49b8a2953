import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { HyperparameterList } from './hyperparameter-list';

/** A page's Hyperparameters panel, on the `<section>` it is put on: the heading, then the values by name. */
@Component({
  selector: 'section[hs-hyperparameter-section]',
  imports: [HyperparameterList],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'panel', '[attr.aria-labelledby]': 'titleId()' },
  template: `
    <h2 [id]="titleId()">Hyperparameters</h2>
    <hs-hyperparameter-list [params]="params()" />
  `,
})
export class HyperparameterSection {
  /** The heading's id, unique on the page; it labels the section. */
  readonly titleId = input.required<string>();
  /** `params` JSON: values by name. */
  readonly params = input.required<unknown>();
}
