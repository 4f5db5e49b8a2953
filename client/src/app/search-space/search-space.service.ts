import { inject, Injectable } from '@angular/core';
import { Apollo } from 'apollo-angular';
import { map, Observable } from 'rxjs';
import { SearchSpaceDocument, type SearchSpaceQuery } from '../graphql/generated/graphql';

export type SearchSpace = SearchSpaceQuery['searchSpace'];

/** The hyperparameters a dataset's model family searches, with their default ranges and explanations. */
@Injectable({ providedIn: 'root' })
export class SearchSpaceService {
  private readonly apollo = inject(Apollo);

  /** Cached per dataset: the search space is fixed for a server version. */
  forDataset(dataset: string): Observable<SearchSpace> {
    return this.apollo.query({ query: SearchSpaceDocument, variables: { dataset } }).pipe(
      map((result) => {
        if (!result.data) throw result.error ?? new Error('The server answered without a search space');
        return result.data.searchSpace;
      }),
    );
  }
}
