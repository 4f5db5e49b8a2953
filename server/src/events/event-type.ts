// What can happen in Hyperscope: the `type` of every row in the append-only event log.

export const EVENT_TYPES = [
  'STUDY_CREATED',
  'STUDY_STARTED',
  'TRIAL_STARTED',
  'EPOCH_COMPLETED',
  'TRIAL_COMPLETED',
  'TRIAL_PRUNED',
  'TRIAL_FAILED',
  'FINAL_MODEL_STARTED',
  'FINAL_MODEL_EPOCH',
  'FINAL_MODEL_COMPLETED',
  'STUDY_COMPLETED',
  'STUDY_CANCELLED',
  'STUDY_FAILED',
  'STUDY_DELETED',
  'ARTIFACT_CREATED',
  'WORKER_JOINED',
  'WORKER_LEFT',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Events that change a study's row in a list of studies (state, counts, best value). */
export const STUDY_LIST_EVENT_TYPES: readonly EventType[] = [
  'STUDY_CREATED',
  'STUDY_STARTED',
  'TRIAL_COMPLETED',
  'TRIAL_PRUNED',
  'TRIAL_FAILED',
  'FINAL_MODEL_STARTED',
  'FINAL_MODEL_COMPLETED',
  'STUDY_COMPLETED',
  'STUDY_CANCELLED',
  'STUDY_FAILED',
  'STUDY_DELETED',
];

export const WORKER_EVENT_TYPES: readonly EventType[] = ['WORKER_JOINED', 'WORKER_LEFT'];

/**
 * Payload keys the API lifts into typed GraphQL fields when present; anything else stays in the JSON payload.
 * `workerId` names the worker of WORKER_JOINED / WORKER_LEFT.
 */
export interface EventPayload {
  trialId?: string;
  trialNumber?: number;
  epoch?: number;
  workerId?: string;
  [key: string]: unknown;
}

export function isEventType(value: string): value is EventType {
  return (EVENT_TYPES as readonly string[]).includes(value);
}
