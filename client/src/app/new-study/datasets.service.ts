import { inject, Injectable, signal } from '@angular/core';
import { Apollo } from 'apollo-angular';
import { map } from 'rxjs';
import { DatasetsDocument, DatasetsQuery } from '../graphql/generated/graphql';
import { describeError } from '../graphql/describe-error';

export type Dataset = DatasetsQuery['datasets'][number];

/** One example of a text dataset's preview (`previewUrl` of a text dataset, server dataset-sprite.ts). */
export interface TextExample {
  readonly label: number;
  readonly className: string;
  readonly text: string;
}

/** The datasets the server knows, with whether their files are here, as a signal. */
@Injectable({ providedIn: 'root' })
export class DatasetsService {
  private readonly apollo = inject(Apollo);
  private readonly datasetsValue = signal<readonly Dataset[] | null>(null);
  private readonly errorValue = signal<string | null>(null);

  readonly datasets = this.datasetsValue.asReadonly();
  readonly error = this.errorValue.asReadonly();

  constructor() {
    this.reload();
  }

  /** The example texts behind a text dataset's `previewUrl`. */
  async textExamples(previewUrl: string, signal?: AbortSignal): Promise<readonly TextExample[]> {
    const response = await fetch(previewUrl, { signal });
    if (!response.ok) throw new Error(`Can't load the example texts (HTTP ${response.status})`);
    return (await response.json()) as TextExample[];
  }

  reload(): void {
    this.errorValue.set(null);
    this.apollo
      .query({ query: DatasetsDocument, fetchPolicy: 'network-only' })
      .pipe(
        map((result) => {
          if (!result.data) throw result.error ?? new Error('The server answered without datasets');
          return result.data.datasets;
        }),
      )
      .subscribe({
        next: (datasets) => this.datasetsValue.set(datasets),
        error: (error: unknown) => this.errorValue.set(describeError(error)),
      });
  }
}
