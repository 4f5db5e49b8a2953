import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { StudyDetailsFragment } from '../graphql/generated/graphql';

type Download = StudyDetailsFragment['downloads'][number];

/**
 * The files every finished study offers, in this order; each link is live once the server lists the file.
 * Matched by file name: a stored artifact (kind FINAL_MODEL, BEST_HYPERPARAMETERS) replaces a generated file.
 */
const EXPECTED: readonly { kind: string; fileName: string; label: string }[] = [
  { kind: 'trials_csv', fileName: 'trials.csv', label: 'Trials (CSV)' },
  { kind: 'best_hyperparameters', fileName: 'best_hyperparameters.yaml', label: 'Best hyperparameters (YAML)' },
  { kind: 'architecture_json', fileName: 'architecture.json', label: 'Best architecture (JSON)' },
  { kind: 'final_model', fileName: 'final_model.zip', label: 'Final model (zip)' },
];

/** Per-trial files: listed on each trial's page, where they can be told apart (their names repeat per trial). */
const TRIAL_FILE_KINDS: ReadonlySet<string> = new Set(['TRIAL_PLOT']);

/** The downloads that concern the study as a whole, not one of its trials. */
export function studyLevelDownloads<T extends Pick<Download, 'kind'>>(downloads: readonly T[]): T[] {
  return downloads.filter((download) => !TRIAL_FILE_KINDS.has(download.kind));
}

/** Download links of a study; files not there yet are shown, greyed, so the user knows what will come. */
@Component({
  selector: 'hs-study-downloads',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ul class="downloads">
      @for (item of items(); track item.kind) {
        <li>
          @if (item.download; as download) {
            <a class="button button--secondary" [href]="download.url" [attr.download]="download.fileName" [attr.data-testid]="'download-' + item.kind">
              {{ item.label }}
            </a>
          } @else {
            <span class="button button--secondary is-pending" aria-disabled="true" [attr.data-testid]="'download-' + item.kind">
              {{ item.label }} <span class="visually-hidden">(not available yet)</span>
            </span>
          }
        </li>
      }
    </ul>
  `,
  styles: `
    .downloads {
      display: flex;
      flex-wrap: wrap;
      gap: var(--space-2);
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .downloads li {
      max-width: 100%;
    }
    .downloads .button {
      max-width: 100%;
      overflow-wrap: anywhere;
    }
    .is-pending {
      opacity: 0.55;
      cursor: default;
      border-style: dashed;
    }
  `,
})
export class StudyDownloads {
  readonly downloads = input.required<readonly Download[]>();

  protected readonly items = computed(() => {
    const downloads = studyLevelDownloads(this.downloads());
    const known = EXPECTED.map((expected) => ({ ...expected, download: downloads.find((d) => d.fileName === expected.fileName) ?? null }));
    const others = downloads
      .filter((d) => !EXPECTED.some((expected) => expected.fileName === d.fileName))
      .map((download) => ({ kind: `${download.kind}-${download.url}`, label: download.fileName, download }));
    return [...known, ...others];
  });
}
