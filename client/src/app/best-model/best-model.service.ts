import { inject, Injectable, signal } from '@angular/core';
import { Apollo } from 'apollo-angular';
import { Subscription } from 'rxjs';
import { BestModelDocument, BestModelQuery } from '../graphql/generated/graphql';
import { describeError } from '../graphql/describe-error';
import { isNotFound } from '../graphql/not-found';

export type BestModel = NonNullable<BestModelQuery['bestModel']>;

/** The best model of one study, read once; `none` until a trial of the study completes. Provided per page. */
@Injectable()
export class BestModelService {
  private readonly apollo = inject(Apollo);

  private readonly modelValue = signal<BestModel | null>(null);
  private readonly noneValue = signal(false);
  private readonly errorValue = signal<string | null>(null);
  private readonly notFoundValue = signal(false);
  private loading: Subscription | null = null;

  readonly model = this.modelValue.asReadonly();
  /** The study exists but no trial has completed yet. */
  readonly none = this.noneValue.asReadonly();
  readonly error = this.errorValue.asReadonly();
  readonly notFound = this.notFoundValue.asReadonly();

  load(studyId: string): void {
    this.loading?.unsubscribe();
    this.modelValue.set(null);
    this.noneValue.set(false);
    this.errorValue.set(null);
    this.notFoundValue.set(false);
    this.loading = this.apollo.query({ query: BestModelDocument, variables: { studyId }, fetchPolicy: 'network-only' }).subscribe({
      next: (result) => {
        if (!result.data) {
          this.notFoundValue.set(isNotFound(result.error));
          this.errorValue.set(describeError(result.error ?? new Error('The server answered without the best model')));
          return;
        }
        this.modelValue.set(result.data.bestModel ?? null);
        this.noneValue.set(!result.data.bestModel);
      },
      error: (error: unknown) => {
        this.notFoundValue.set(isNotFound(error));
        this.errorValue.set(describeError(error));
      },
    });
  }
}
