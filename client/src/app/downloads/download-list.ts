import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { DownloadLink, formatBytes, isImage } from './download-link';

/** Download links; images (plots) also shown as a preview that opens the full file. */
@Component({
  selector: 'hs-download-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (downloads().length === 0) {
      <p class="empty-note">{{ emptyText() }}</p>
    } @else {
      <ul class="downloads">
        @for (download of downloads(); track download.url) {
          <li>
            @if (isImage(download)) {
              <a class="plot" [href]="download.url" target="_blank" rel="noopener">
                <img [src]="download.url" [alt]="'Plot ' + download.fileName" loading="lazy" />
              </a>
            }
            <a class="button button--secondary" [href]="download.url" [attr.download]="download.fileName" [attr.data-testid]="'download-' + download.kind">
              {{ download.fileName }}
              @if (download.sizeBytes) {
                <span class="size">&nbsp;· {{ formatBytes(download.sizeBytes) }}</span>
              }
            </a>
          </li>
        }
      </ul>
    }
  `,
  styles: `
    .downloads {
      display: flex;
      flex-wrap: wrap;
      gap: var(--space-3);
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .downloads li {
      display: flex;
      flex-direction: column;
      gap: var(--space-2);
      max-width: 100%;
    }
    .plot img {
      display: block;
      max-width: min(100%, 22rem);
      border: 1px solid var(--color-border);
      border-radius: var(--radius-sm);
      background: #fff;
    }
    .button {
      overflow-wrap: anywhere;
    }
    .size {
      font-weight: 400;
      color: var(--color-text-muted);
    }
  `,
})
export class DownloadList {
  readonly downloads = input.required<readonly DownloadLink[]>();
  readonly emptyText = input('No files yet.');

  protected readonly isImage = isImage;
  protected readonly formatBytes = formatBytes;
}
