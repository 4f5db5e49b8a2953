import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { asRecord } from './study-plan';

/** One row of the search space a study ran with. */
export interface SearchSpaceRow {
  readonly name: string;
  /** What was searched (range or choices), the fixed value, or "architecture default". */
  readonly values: string;
  readonly mode: 'searched' | 'fixed' | 'off';
  readonly description: string;
}

/**
 * Reads the study config's `searchSpace` (what the sampler searched, with each hyperparameter's description),
 * `fixedParams` and `disabledParams` (server StudyConfig) into rows.
 */
export function searchSpaceRows(config: unknown): SearchSpaceRow[] {
  const record = asRecord(config);
  const searched = Array.isArray(record['searchSpace']) ? record['searchSpace'].map(asRecord) : [];
  const rows: SearchSpaceRow[] = searched.map((definition) => ({
    name: String(definition['name'] ?? ''),
    values: describeDefinition(definition),
    mode: 'searched',
    description: typeof definition['description'] === 'string' ? definition['description'] : '',
  }));
  for (const [name, value] of Object.entries(asRecord(record['fixedParams']))) {
    rows.push({ name, values: JSON.stringify(value), mode: 'fixed', description: '' });
  }
  const disabled = Array.isArray(record['disabledParams']) ? record['disabledParams'] : [];
  for (const name of disabled) rows.push({ name: String(name), values: 'architecture default', mode: 'off', description: '' });
  return rows;
}

function describeDefinition(definition: Record<string, unknown>): string {
  if (Array.isArray(definition['choices'])) return definition['choices'].map((choice) => JSON.stringify(choice)).join(', ');
  const scale = definition['log'] ? ' (log)' : '';
  return `${String(definition['low'])} – ${String(definition['high'])}${scale}`;
}

/** The hyperparameters a study searched, fixed or left at the default, with their descriptions; folded by default. */
@Component({
  selector: 'hs-search-space-summary',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (rows().length === 0) {
      <p class="empty-note">The configuration lists no search space.</p>
    } @else {
      <details>
        <summary>{{ rows().length }} hyperparameters: {{ searchedCount() }} searched</summary>
      <div class="table-scroll" tabindex="0" role="region" aria-label="Search space table">
        <table class="data-table" data-testid="search-space">
          <thead>
            <tr>
              <th scope="col">Hyperparameter</th>
              <th scope="col">How</th>
              <th scope="col">Values</th>
            </tr>
          </thead>
          <tbody>
            @for (row of rows(); track row.name) {
              <tr>
                <td>
                  <code>{{ row.name }}</code>
                  @if (row.description) {
                    <span class="description">{{ row.description }}</span>
                  }
                </td>
                <td>{{ modeLabels[row.mode] }}</td>
                <td class="values">{{ row.values }}</td>
              </tr>
            }
          </tbody>
        </table>
      </div>
      </details>
    }
  `,
  styles: `
    summary {
      margin-bottom: var(--space-3);
      cursor: pointer;
      font-weight: 600;
    }
    .description {
      display: block;
      color: var(--color-text-muted);
      font-size: 0.8125rem;
    }
    .values {
      font-family: var(--font-mono);
      font-size: 0.8125rem;
      overflow-wrap: anywhere;
    }
  `,
})
export class SearchSpaceSummary {
  readonly config = input.required<unknown>();

  protected readonly modeLabels: Record<SearchSpaceRow['mode'], string> = { searched: 'Searched', fixed: 'Fixed', off: 'Off' };
  protected readonly rows = computed(() => searchSpaceRows(this.config()));
  protected readonly searchedCount = computed(() => this.rows().filter((row) => row.mode === 'searched').length);
}
