/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Whether the server runs its own embedded PostgreSQL or one named by DATABASE_URL. */
export type DatabaseKind =
  | 'EMBEDDED'
  | 'EXTERNAL';

/** What happened; the payload carries the details. */
export type EventType =
  | 'ARTIFACT_CREATED'
  | 'EPOCH_COMPLETED'
  | 'FINAL_MODEL_COMPLETED'
  | 'FINAL_MODEL_EPOCH'
  | 'FINAL_MODEL_STARTED'
  | 'STUDY_CANCELLED'
  | 'STUDY_COMPLETED'
  | 'STUDY_CREATED'
  | 'STUDY_DELETED'
  | 'STUDY_FAILED'
  | 'STUDY_STARTED'
  | 'TRIAL_COMPLETED'
  | 'TRIAL_FAILED'
  | 'TRIAL_PRUNED'
  | 'TRIAL_STARTED'
  | 'WORKER_JOINED'
  | 'WORKER_LEFT';

/** How to narrow one hyperparameter of the search space. */
export type HyperparameterOverrideInput = {
  /** RANGE of a categorical hyperparameter: a subset of its choices. */
  choices?: Array<unknown> | null | undefined;
  high?: number | null | undefined;
  log?: boolean | null | undefined;
  low?: number | null | undefined;
  mode: OverrideMode;
  name: string;
  /** FIXED: the value (number, string or boolean). */
  value?: unknown;
};

/** What to optimize. Only the dataset is required; absent fields take the documented defaults. */
export type OptimizationInput = {
  /** mnist, fashion-mnist, cifar10, cifar100, gtsrb, imdb or reuters. */
  dataset: string;
  epochs?: number | null | undefined;
  finalModelEpochs?: number | null | undefined;
  finalModelTrainSubsetSize?: number | null | undefined;
  /** HEALTH_AWARE: share of composite health in the objective. */
  healthWeight?: number | null | undefined;
  /** HEALTH_AWARE: weight of each health metric, by name. */
  healthWeights?: unknown;
  mode?: OptimizationMode | null | undefined;
  /** Also the artifact folder name; default <dataset>-<date>-<time>. */
  name?: string | null | undefined;
  /** Trials training at once. */
  parallelism?: number | null | undefined;
  pruner?: PrunerKind | null | undefined;
  sampler?: SamplerKind | null | undefined;
  searchSpace?: Array<HyperparameterOverrideInput> | null | undefined;
  seed?: number | null | undefined;
  /** No trial starts after this many minutes. */
  timeoutMinutes?: number | null | undefined;
  /** Training examples per trial (null: the whole training split). */
  trainSubsetSize?: number | null | undefined;
  trials?: number | null | undefined;
};

/** SIMPLE: validation accuracy. HEALTH_AWARE: accuracy blended with health. MULTI_OBJECTIVE: both, Pareto. */
export type OptimizationMode =
  | 'HEALTH_AWARE'
  | 'MULTI_OBJECTIVE'
  | 'SIMPLE';

/** FIXED: one value. RANGE: searched within bounds or choices. OFF: the architecture default. */
export type OverrideMode =
  | 'FIXED'
  | 'OFF'
  | 'RANGE';

export type PrunerKind =
  | 'HYPERBAND'
  | 'MEDIAN'
  | 'NONE'
  | 'SUCCESSIVE_HALVING';

export type SamplerKind =
  | 'RANDOM'
  | 'TPE'
  | 'TPE_MULTIVARIATE';

/** QUEUED → RUNNING → FINAL_MODEL → COMPLETE, or CANCELLED / FAILED. */
export type StudyState =
  | 'CANCELLED'
  | 'COMPLETE'
  | 'FAILED'
  | 'FINAL_MODEL'
  | 'QUEUED'
  | 'RUNNING';

export type TrialState =
  | 'COMPLETE'
  | 'FAILED'
  | 'PRUNED'
  | 'RUNNING';

export type DatasetsQueryVariables = Exact<{ [key: string]: never; }>;


export type DatasetsQuery = { datasets: Array<{ id: string, displayName: string, modality: string, available: boolean, verified: boolean, trainSize: number, testSize: number, bytesOnDisk: number, inputShape: Array<number>, classNames: Array<string>, previewUrl: string | null }> };

export type StartOptimizationMutationVariables = Exact<{
  input: OptimizationInput;
}>;


export type StartOptimizationMutation = { startOptimization: { id: string, name: string } };

export type HeartbeatSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type HeartbeatSubscription = { heartbeat: { at: string, sequence: number } };

export type ServerInfoQueryVariables = Exact<{ [key: string]: never; }>;


export type ServerInfoQuery = { serverInfo: { version: string, databaseKind: DatabaseKind, trainingBackend: string, startedAt: string } };

export type StudiesQueryVariables = Exact<{
  first: number;
}>;


export type StudiesQuery = { studies: { totalCount: number, nodes: Array<{ id: string, name: string, state: StudyState, dataset: string, mode: string, config: unknown, createdAt: string, stateCounts: { complete: number, pruned: number, failed: number, running: number, total: number }, summary: { finishedTrials: number, bestValues: Array<number> | null } }> } };

export type StudyListChangesSubscriptionVariables = Exact<{
  since?: number | null | undefined;
}>;


export type StudyListChangesSubscription = { studies: { event: { sequence: number, type: EventType, studyId: string | null, payload: unknown }, study: { id: string, name: string, state: StudyState, dataset: string, mode: string, config: unknown, createdAt: string, stateCounts: { complete: number, pruned: number, failed: number, running: number, total: number }, summary: { finishedTrials: number, bestValues: Array<number> | null } } | null } };

export type StudyListItemFragment = { id: string, name: string, state: StudyState, dataset: string, mode: string, config: unknown, createdAt: string, stateCounts: { complete: number, pruned: number, failed: number, running: number, total: number }, summary: { finishedTrials: number, bestValues: Array<number> | null } };

export type CancelStudyMutationVariables = Exact<{
  id: string | number;
}>;


export type CancelStudyMutation = { cancelStudy: { id: string, name: string, state: StudyState, dataset: string, mode: string, config: unknown, directions: Array<string>, error: string | null, createdAt: string, startedAt: string | null, finishedAt: string | null, lastEventSequence: number | null, stateCounts: { complete: number, pruned: number, failed: number, running: number, total: number }, summary: { finishedTrials: number, bestTrialNumber: number | null, bestValues: Array<number> | null, meanTrialSeconds: number | null }, bestTrial: { id: string, number: number, values: Array<number>, health: { composite: number } | null } | null, downloads: Array<{ kind: string, fileName: string, url: string, contentType: string, sizeBytes: number | null }> } };

export type StudyDetailsFragment = { id: string, name: string, state: StudyState, dataset: string, mode: string, config: unknown, directions: Array<string>, error: string | null, createdAt: string, startedAt: string | null, finishedAt: string | null, lastEventSequence: number | null, stateCounts: { complete: number, pruned: number, failed: number, running: number, total: number }, summary: { finishedTrials: number, bestTrialNumber: number | null, bestValues: Array<number> | null, meanTrialSeconds: number | null }, bestTrial: { id: string, number: number, values: Array<number>, health: { composite: number } | null } | null, downloads: Array<{ kind: string, fileName: string, url: string, contentType: string, sizeBytes: number | null }> };

export type StudyEventsSubscriptionVariables = Exact<{
  studyId: string | number;
  since?: number | null | undefined;
}>;


export type StudyEventsSubscription = { studyEvents: { sequence: number, type: EventType, trialNumber: number | null, epoch: number | null, payload: unknown } };

export type StudyTrialsQueryVariables = Exact<{
  studyId: string | number;
}>;


export type StudyTrialsQuery = { trials: { totalCount: number, nodes: Array<{ id: string, number: number, state: TrialState, values: Array<number>, params: unknown, durationSeconds: number | null, health: { composite: number } | null, epochs: Array<{ epoch: number, valAccuracy: number | null }> }> } };

export type StudyQueryVariables = Exact<{
  id: string | number;
}>;


export type StudyQuery = { study: { id: string, name: string, state: StudyState, dataset: string, mode: string, config: unknown, directions: Array<string>, error: string | null, createdAt: string, startedAt: string | null, finishedAt: string | null, lastEventSequence: number | null, stateCounts: { complete: number, pruned: number, failed: number, running: number, total: number }, summary: { finishedTrials: number, bestTrialNumber: number | null, bestValues: Array<number> | null, meanTrialSeconds: number | null }, bestTrial: { id: string, number: number, values: Array<number>, health: { composite: number } | null } | null, downloads: Array<{ kind: string, fileName: string, url: string, contentType: string, sizeBytes: number | null }> } };

export const StudyListItemFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StudyListItem"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Study"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"dataset"}},{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"config"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"stateCounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"complete"}},{"kind":"Field","name":{"kind":"Name","value":"pruned"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"running"}},{"kind":"Field","name":{"kind":"Name","value":"total"}}]}},{"kind":"Field","name":{"kind":"Name","value":"summary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"finishedTrials"}},{"kind":"Field","name":{"kind":"Name","value":"bestValues"}}]}}]}}]} as unknown as DocumentNode<StudyListItemFragment, unknown>;
export const StudyDetailsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StudyDetails"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Study"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"dataset"}},{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"config"}},{"kind":"Field","name":{"kind":"Name","value":"directions"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastEventSequence"}},{"kind":"Field","name":{"kind":"Name","value":"stateCounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"complete"}},{"kind":"Field","name":{"kind":"Name","value":"pruned"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"running"}},{"kind":"Field","name":{"kind":"Name","value":"total"}}]}},{"kind":"Field","name":{"kind":"Name","value":"summary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"finishedTrials"}},{"kind":"Field","name":{"kind":"Name","value":"bestTrialNumber"}},{"kind":"Field","name":{"kind":"Name","value":"bestValues"}},{"kind":"Field","name":{"kind":"Name","value":"meanTrialSeconds"}}]}},{"kind":"Field","name":{"kind":"Name","value":"bestTrial"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"values"}},{"kind":"Field","name":{"kind":"Name","value":"health"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"composite"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"downloads"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"contentType"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}}]}}]}}]} as unknown as DocumentNode<StudyDetailsFragment, unknown>;
export const DatasetsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Datasets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"datasets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"modality"}},{"kind":"Field","name":{"kind":"Name","value":"available"}},{"kind":"Field","name":{"kind":"Name","value":"verified"}},{"kind":"Field","name":{"kind":"Name","value":"trainSize"}},{"kind":"Field","name":{"kind":"Name","value":"testSize"}},{"kind":"Field","name":{"kind":"Name","value":"bytesOnDisk"}},{"kind":"Field","name":{"kind":"Name","value":"inputShape"}},{"kind":"Field","name":{"kind":"Name","value":"classNames"}},{"kind":"Field","name":{"kind":"Name","value":"previewUrl"}}]}}]}}]} as unknown as DocumentNode<DatasetsQuery, DatasetsQueryVariables>;
export const StartOptimizationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartOptimization"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"OptimizationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startOptimization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<StartOptimizationMutation, StartOptimizationMutationVariables>;
export const HeartbeatDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"Heartbeat"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"heartbeat"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"sequence"}}]}}]}}]} as unknown as DocumentNode<HeartbeatSubscription, HeartbeatSubscriptionVariables>;
export const ServerInfoDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ServerInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"serverInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"databaseKind"}},{"kind":"Field","name":{"kind":"Name","value":"trainingBackend"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}}]}}]}}]} as unknown as DocumentNode<ServerInfoQuery, ServerInfoQueryVariables>;
export const StudiesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Studies"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"studies"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StudyListItem"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StudyListItem"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Study"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"dataset"}},{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"config"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"stateCounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"complete"}},{"kind":"Field","name":{"kind":"Name","value":"pruned"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"running"}},{"kind":"Field","name":{"kind":"Name","value":"total"}}]}},{"kind":"Field","name":{"kind":"Name","value":"summary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"finishedTrials"}},{"kind":"Field","name":{"kind":"Name","value":"bestValues"}}]}}]}}]} as unknown as DocumentNode<StudiesQuery, StudiesQueryVariables>;
export const StudyListChangesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"StudyListChanges"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"since"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"SafeInt"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"studies"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"since"},"value":{"kind":"Variable","name":{"kind":"Name","value":"since"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"event"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sequence"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"studyId"}},{"kind":"Field","name":{"kind":"Name","value":"payload"}}]}},{"kind":"Field","name":{"kind":"Name","value":"study"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StudyListItem"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StudyListItem"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Study"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"dataset"}},{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"config"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"stateCounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"complete"}},{"kind":"Field","name":{"kind":"Name","value":"pruned"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"running"}},{"kind":"Field","name":{"kind":"Name","value":"total"}}]}},{"kind":"Field","name":{"kind":"Name","value":"summary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"finishedTrials"}},{"kind":"Field","name":{"kind":"Name","value":"bestValues"}}]}}]}}]} as unknown as DocumentNode<StudyListChangesSubscription, StudyListChangesSubscriptionVariables>;
export const CancelStudyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CancelStudy"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelStudy"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StudyDetails"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StudyDetails"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Study"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"dataset"}},{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"config"}},{"kind":"Field","name":{"kind":"Name","value":"directions"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastEventSequence"}},{"kind":"Field","name":{"kind":"Name","value":"stateCounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"complete"}},{"kind":"Field","name":{"kind":"Name","value":"pruned"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"running"}},{"kind":"Field","name":{"kind":"Name","value":"total"}}]}},{"kind":"Field","name":{"kind":"Name","value":"summary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"finishedTrials"}},{"kind":"Field","name":{"kind":"Name","value":"bestTrialNumber"}},{"kind":"Field","name":{"kind":"Name","value":"bestValues"}},{"kind":"Field","name":{"kind":"Name","value":"meanTrialSeconds"}}]}},{"kind":"Field","name":{"kind":"Name","value":"bestTrial"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"values"}},{"kind":"Field","name":{"kind":"Name","value":"health"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"composite"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"downloads"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"contentType"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}}]}}]}}]} as unknown as DocumentNode<CancelStudyMutation, CancelStudyMutationVariables>;
export const StudyEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"StudyEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"studyId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"since"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"SafeInt"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"studyEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"studyId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"studyId"}}},{"kind":"Argument","name":{"kind":"Name","value":"since"},"value":{"kind":"Variable","name":{"kind":"Name","value":"since"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sequence"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"trialNumber"}},{"kind":"Field","name":{"kind":"Name","value":"epoch"}},{"kind":"Field","name":{"kind":"Name","value":"payload"}}]}}]}}]} as unknown as DocumentNode<StudyEventsSubscription, StudyEventsSubscriptionVariables>;
export const StudyTrialsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StudyTrials"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"studyId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"trials"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"studyId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"studyId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"200"}},{"kind":"Argument","name":{"kind":"Name","value":"sort"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"by"},"value":{"kind":"EnumValue","value":"NUMBER"}},{"kind":"ObjectField","name":{"kind":"Name","value":"direction"},"value":{"kind":"EnumValue","value":"ASC"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"values"}},{"kind":"Field","name":{"kind":"Name","value":"params"}},{"kind":"Field","name":{"kind":"Name","value":"durationSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"health"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"composite"}}]}},{"kind":"Field","name":{"kind":"Name","value":"epochs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"epoch"}},{"kind":"Field","name":{"kind":"Name","value":"valAccuracy"}}]}}]}}]}}]}}]} as unknown as DocumentNode<StudyTrialsQuery, StudyTrialsQueryVariables>;
export const StudyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Study"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"study"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StudyDetails"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StudyDetails"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Study"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"dataset"}},{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"config"}},{"kind":"Field","name":{"kind":"Name","value":"directions"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastEventSequence"}},{"kind":"Field","name":{"kind":"Name","value":"stateCounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"complete"}},{"kind":"Field","name":{"kind":"Name","value":"pruned"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"running"}},{"kind":"Field","name":{"kind":"Name","value":"total"}}]}},{"kind":"Field","name":{"kind":"Name","value":"summary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"finishedTrials"}},{"kind":"Field","name":{"kind":"Name","value":"bestTrialNumber"}},{"kind":"Field","name":{"kind":"Name","value":"bestValues"}},{"kind":"Field","name":{"kind":"Name","value":"meanTrialSeconds"}}]}},{"kind":"Field","name":{"kind":"Name","value":"bestTrial"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"values"}},{"kind":"Field","name":{"kind":"Name","value":"health"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"composite"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"downloads"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"contentType"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}}]}}]}}]} as unknown as DocumentNode<StudyQuery, StudyQueryVariables>;