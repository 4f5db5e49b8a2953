import { inject, Injectable } from '@angular/core';
import { Apollo } from 'apollo-angular';
import { catchError, map, Observable, of } from 'rxjs';
import { OptimizationInput, StartOptimizationDocument } from '../graphql/generated/graphql';
import { InputErrors, inputErrorsOf } from './input-errors';

export type LaunchResult = { readonly kind: 'started'; readonly studyId: string } | { readonly kind: 'rejected'; readonly errors: InputErrors };

/** Starts studies through `startOptimization`, turning a refusal into errors the form can place. */
@Injectable({ providedIn: 'root' })
export class StudyLauncher {
  private readonly apollo = inject(Apollo);

  start(input: OptimizationInput, formFields: readonly string[]): Observable<LaunchResult> {
    return this.apollo.mutate({ mutation: StartOptimizationDocument, variables: { input } }).pipe(
      map((result): LaunchResult => {
        if (!result.data) throw result.error ?? new Error('The server answered without the study');
        return { kind: 'started', studyId: result.data.startOptimization.id };
      }),
      catchError((error: unknown) => of<LaunchResult>({ kind: 'rejected', errors: inputErrorsOf(error, formFields, input.searchSpace?.map((o) => o.name)) })),
    );
  }
}
