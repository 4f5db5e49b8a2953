import { DestroyRef, inject } from '@angular/core';
import { Apollo } from 'apollo-angular';
import { BehaviorSubject, map, Observable, retry, switchMap, timer } from 'rxjs';
import { StudyEventsDocument, StudyEventsSubscription, StudyEventsSubscriptionVariables } from '../graphql/generated/graphql';
import { GRAPHQL_WS_CLIENT } from '../graphql/graphql-ws-client';

export type StudyEvent = StudyEventsSubscription['studyEvents'];

/** Pause before subscribing again after the subscription failed. */
const RESUBSCRIBE_DELAY_MS = 3_000;

/** A study's events as they happen, resumed after the socket reconnects. */
export interface StudyEventFeed {
  /**
   * The study's events after `since()`. It is asked again at each resubscription, so give the last event applied;
   * events up to it may still be replayed, and the caller skips them.
   */
  follow(studyId: string, since: () => StudyEventsSubscriptionVariables['since']): Observable<StudyEvent>;
}

/**
 * Follows `studyEvents` over graphql-ws: when the socket connects again after closing, it subscribes again from
 * the caller's `since()`, so no event is missed; a failed subscription is retried after a pause. It listens to the
 * socket until its injector is destroyed, so call it in an injection context (a service's field or constructor).
 */
export function injectStudyEventFeed(): StudyEventFeed {
  const apollo = inject(Apollo);
  const wsClient = inject(GRAPHQL_WS_CLIENT);
  // Fires for the first subscription, then once per reconnection.
  const resubscribe$ = new BehaviorSubject<void>(undefined);
  let disconnected = false;
  const stopListening = [
    wsClient.on('closed', () => (disconnected = true)),
    wsClient.on('connected', () => {
      if (!disconnected) return;
      disconnected = false;
      resubscribe$.next();
    }),
  ];
  inject(DestroyRef).onDestroy(() => stopListening.forEach((stop) => stop()));

  return {
    follow: (studyId, since) =>
      resubscribe$.pipe(
        switchMap(() =>
          apollo.subscribe({ query: StudyEventsDocument, variables: { studyId, since: since() } }).pipe(
            map((result) => {
              if (result.error) throw result.error;
              if (!result.data) throw new Error('Study event without data');
              return result.data.studyEvents;
            }),
          ),
        ),
        retry({ delay: () => timer(RESUBSCRIBE_DELAY_MS) }),
      ),
  };
}
