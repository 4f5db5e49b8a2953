/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "fragment ArchitectureView on ArchitectureGraph {\n  parameterCount\n  layers {\n    id\n    label\n    kind\n    params\n    outputShape\n  }\n  connections {\n    id\n    source\n    target\n    label\n  }\n}": typeof types.ArchitectureViewFragmentDoc,
    "query BestModel($studyId: ID!) {\n  bestModel(studyId: $studyId) {\n    params\n    study {\n      id\n      name\n      state\n    }\n    trial {\n      id\n      number\n    }\n    metadata {\n      dataset\n      mode\n      directions\n      values\n      epochs\n      finalValAccuracy\n      parameterCount\n      trainedAt\n      trialNumber\n    }\n    health {\n      ...HealthReportFields\n    }\n    architecture {\n      ...ArchitectureView\n    }\n    downloads {\n      kind\n      fileName\n      url\n      contentType\n      sizeBytes\n    }\n  }\n}": typeof types.BestModelDocument,
    "fragment HealthReportFields on HealthReport {\n  composite\n  neuronUtilization\n  parameterEfficiency\n  trainingStability\n  gradientHealth\n  convergenceQuality\n  accuracyConsistency\n  details\n}": typeof types.HealthReportFieldsFragmentDoc,
    "query Datasets {\n  datasets {\n    id\n    displayName\n    modality\n    available\n    verified\n    trainSize\n    testSize\n    bytesOnDisk\n    inputShape\n    classNames\n    previewUrl\n  }\n}": typeof types.DatasetsDocument,
    "mutation StartOptimization($input: OptimizationInput!) {\n  startOptimization(input: $input) {\n    id\n    name\n  }\n}": typeof types.StartOptimizationDocument,
    "query SearchSpace($dataset: String!) {\n  searchSpace(dataset: $dataset) {\n    dataset\n    family\n    hyperparameters {\n      name\n      kind\n      low\n      high\n      log\n      step\n      choices\n      defaultValue\n      condition {\n        param\n        oneOf\n      }\n      summary\n      description\n    }\n  }\n}": typeof types.SearchSpaceDocument,
    "subscription Heartbeat {\n  heartbeat {\n    at\n    sequence\n  }\n}": typeof types.HeartbeatDocument,
    "query ServerInfo {\n  serverInfo {\n    version\n    databaseKind\n    trainingBackend\n    startedAt\n  }\n}": typeof types.ServerInfoDocument,
    "mutation DeleteStudy($id: ID!) {\n  deleteStudy(id: $id)\n}": typeof types.DeleteStudyDocument,
    "query Studies($first: Int!, $after: String) {\n  studies(first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      endCursor\n      hasNextPage\n    }\n    nodes {\n      ...StudyListItem\n    }\n  }\n}": typeof types.StudiesDocument,
    "subscription StudyListChanges($since: SafeInt) {\n  studies(since: $since) {\n    event {\n      sequence\n      type\n      studyId\n      payload\n    }\n    study {\n      ...StudyListItem\n    }\n  }\n}": typeof types.StudyListChangesDocument,
    "fragment StudyListItem on Study {\n  id\n  name\n  state\n  dataset\n  mode\n  config\n  createdAt\n  stateCounts {\n    complete\n    pruned\n    failed\n    running\n    total\n  }\n  summary {\n    finishedTrials\n    bestValues\n  }\n}": typeof types.StudyListItemFragmentDoc,
    "mutation CancelStudy($id: ID!) {\n  cancelStudy(id: $id) {\n    ...StudyDetails\n  }\n}": typeof types.CancelStudyDocument,
    "fragment StudyDetails on Study {\n  id\n  name\n  state\n  dataset\n  mode\n  config\n  directions\n  error\n  createdAt\n  startedAt\n  finishedAt\n  lastEventSequence\n  stateCounts {\n    complete\n    pruned\n    failed\n    running\n    total\n  }\n  summary {\n    finishedTrials\n    bestTrialNumber\n    bestValues\n    meanTrialSeconds\n  }\n  bestTrial {\n    id\n    number\n    values\n    health {\n      composite\n    }\n  }\n  downloads {\n    kind\n    fileName\n    url\n    contentType\n    sizeBytes\n  }\n}": typeof types.StudyDetailsFragmentDoc,
    "subscription StudyEvents($studyId: ID!, $since: SafeInt) {\n  studyEvents(studyId: $studyId, since: $since) {\n    sequence\n    type\n    trialNumber\n    epoch\n    payload\n  }\n}": typeof types.StudyEventsDocument,
    "query StudyTrials($studyId: ID!) {\n  trials(studyId: $studyId, first: 200, sort: {by: NUMBER, direction: ASC}) {\n    totalCount\n    nodes {\n      id\n      number\n      state\n      values\n      params\n      durationSeconds\n      health {\n        composite\n      }\n      epochs {\n        epoch\n        valAccuracy\n      }\n      architecture {\n        layers {\n          id\n          kind\n          params\n        }\n      }\n    }\n  }\n}": typeof types.StudyTrialsDocument,
    "query Study($id: ID!) {\n  study(id: $id) {\n    ...StudyDetails\n  }\n}": typeof types.StudyDocument,
    "fragment TrialDetails on Trial {\n  id\n  studyId\n  number\n  state\n  values\n  params\n  error\n  retries\n  startedAt\n  finishedAt\n  durationSeconds\n  epochs {\n    epoch\n    loss\n    accuracy\n    valLoss\n    valAccuracy\n    seconds\n    samplesPerSecond\n  }\n  diagnostics {\n    epoch\n    diagnostics\n  }\n  health {\n    ...HealthReportFields\n  }\n  architecture {\n    ...ArchitectureView\n  }\n}": typeof types.TrialDetailsFragmentDoc,
    "query TrialPage($trialId: ID!, $studyId: ID!) {\n  trial(id: $trialId) {\n    ...TrialDetails\n    downloads {\n      kind\n      fileName\n      path\n      url\n      contentType\n      sizeBytes\n    }\n  }\n  study(id: $studyId) {\n    id\n    name\n    state\n    directions\n    lastEventSequence\n    bestTrial {\n      id\n    }\n  }\n}": typeof types.TrialPageDocument,
    "subscription WorkerChanges($since: SafeInt) {\n  workers(since: $since) {\n    event {\n      sequence\n      type\n    }\n    worker {\n      ...WorkerItem\n    }\n  }\n}": typeof types.WorkerChangesDocument,
    "fragment WorkerItem on Worker {\n  id\n  host\n  pid\n  backend\n  device\n  alive\n  gpu\n  runningTrials\n  heartbeatAt\n  startedAt\n  stoppedAt\n}": typeof types.WorkerItemFragmentDoc,
    "query Workers($includeStopped: Boolean!) {\n  workers(includeStopped: $includeStopped) {\n    ...WorkerItem\n  }\n}": typeof types.WorkersDocument,
};
const documents: Documents = {
    "fragment ArchitectureView on ArchitectureGraph {\n  parameterCount\n  layers {\n    id\n    label\n    kind\n    params\n    outputShape\n  }\n  connections {\n    id\n    source\n    target\n    label\n  }\n}": types.ArchitectureViewFragmentDoc,
    "query BestModel($studyId: ID!) {\n  bestModel(studyId: $studyId) {\n    params\n    study {\n      id\n      name\n      state\n    }\n    trial {\n      id\n      number\n    }\n    metadata {\n      dataset\n      mode\n      directions\n      values\n      epochs\n      finalValAccuracy\n      parameterCount\n      trainedAt\n      trialNumber\n    }\n    health {\n      ...HealthReportFields\n    }\n    architecture {\n      ...ArchitectureView\n    }\n    downloads {\n      kind\n      fileName\n      url\n      contentType\n      sizeBytes\n    }\n  }\n}": types.BestModelDocument,
    "fragment HealthReportFields on HealthReport {\n  composite\n  neuronUtilization\n  parameterEfficiency\n  trainingStability\n  gradientHealth\n  convergenceQuality\n  accuracyConsistency\n  details\n}": types.HealthReportFieldsFragmentDoc,
    "query Datasets {\n  datasets {\n    id\n    displayName\n    modality\n    available\n    verified\n    trainSize\n    testSize\n    bytesOnDisk\n    inputShape\n    classNames\n    previewUrl\n  }\n}": types.DatasetsDocument,
    "mutation StartOptimization($input: OptimizationInput!) {\n  startOptimization(input: $input) {\n    id\n    name\n  }\n}": types.StartOptimizationDocument,
    "query SearchSpace($dataset: String!) {\n  searchSpace(dataset: $dataset) {\n    dataset\n    family\n    hyperparameters {\n      name\n      kind\n      low\n      high\n      log\n      step\n      choices\n      defaultValue\n      condition {\n        param\n        oneOf\n      }\n      summary\n      description\n    }\n  }\n}": types.SearchSpaceDocument,
    "subscription Heartbeat {\n  heartbeat {\n    at\n    sequence\n  }\n}": types.HeartbeatDocument,
    "query ServerInfo {\n  serverInfo {\n    version\n    databaseKind\n    trainingBackend\n    startedAt\n  }\n}": types.ServerInfoDocument,
    "mutation DeleteStudy($id: ID!) {\n  deleteStudy(id: $id)\n}": types.DeleteStudyDocument,
    "query Studies($first: Int!, $after: String) {\n  studies(first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      endCursor\n      hasNextPage\n    }\n    nodes {\n      ...StudyListItem\n    }\n  }\n}": types.StudiesDocument,
    "subscription StudyListChanges($since: SafeInt) {\n  studies(since: $since) {\n    event {\n      sequence\n      type\n      studyId\n      payload\n    }\n    study {\n      ...StudyListItem\n    }\n  }\n}": types.StudyListChangesDocument,
    "fragment StudyListItem on Study {\n  id\n  name\n  state\n  dataset\n  mode\n  config\n  createdAt\n  stateCounts {\n    complete\n    pruned\n    failed\n    running\n    total\n  }\n  summary {\n    finishedTrials\n    bestValues\n  }\n}": types.StudyListItemFragmentDoc,
    "mutation CancelStudy($id: ID!) {\n  cancelStudy(id: $id) {\n    ...StudyDetails\n  }\n}": types.CancelStudyDocument,
    "fragment StudyDetails on Study {\n  id\n  name\n  state\n  dataset\n  mode\n  config\n  directions\n  error\n  createdAt\n  startedAt\n  finishedAt\n  lastEventSequence\n  stateCounts {\n    complete\n    pruned\n    failed\n    running\n    total\n  }\n  summary {\n    finishedTrials\n    bestTrialNumber\n    bestValues\n    meanTrialSeconds\n  }\n  bestTrial {\n    id\n    number\n    values\n    health {\n      composite\n    }\n  }\n  downloads {\n    kind\n    fileName\n    url\n    contentType\n    sizeBytes\n  }\n}": types.StudyDetailsFragmentDoc,
    "subscription StudyEvents($studyId: ID!, $since: SafeInt) {\n  studyEvents(studyId: $studyId, since: $since) {\n    sequence\n    type\n    trialNumber\n    epoch\n    payload\n  }\n}": types.StudyEventsDocument,
    "query StudyTrials($studyId: ID!) {\n  trials(studyId: $studyId, first: 200, sort: {by: NUMBER, direction: ASC}) {\n    totalCount\n    nodes {\n      id\n      number\n      state\n      values\n      params\n      durationSeconds\n      health {\n        composite\n      }\n      epochs {\n        epoch\n        valAccuracy\n      }\n      architecture {\n        layers {\n          id\n          kind\n          params\n        }\n      }\n    }\n  }\n}": types.StudyTrialsDocument,
    "query Study($id: ID!) {\n  study(id: $id) {\n    ...StudyDetails\n  }\n}": types.StudyDocument,
    "fragment TrialDetails on Trial {\n  id\n  studyId\n  number\n  state\n  values\n  params\n  error\n  retries\n  startedAt\n  finishedAt\n  durationSeconds\n  epochs {\n    epoch\n    loss\n    accuracy\n    valLoss\n    valAccuracy\n    seconds\n    samplesPerSecond\n  }\n  diagnostics {\n    epoch\n    diagnostics\n  }\n  health {\n    ...HealthReportFields\n  }\n  architecture {\n    ...ArchitectureView\n  }\n}": types.TrialDetailsFragmentDoc,
    "query TrialPage($trialId: ID!, $studyId: ID!) {\n  trial(id: $trialId) {\n    ...TrialDetails\n    downloads {\n      kind\n      fileName\n      path\n      url\n      contentType\n      sizeBytes\n    }\n  }\n  study(id: $studyId) {\n    id\n    name\n    state\n    directions\n    lastEventSequence\n    bestTrial {\n      id\n    }\n  }\n}": types.TrialPageDocument,
    "subscription WorkerChanges($since: SafeInt) {\n  workers(since: $since) {\n    event {\n      sequence\n      type\n    }\n    worker {\n      ...WorkerItem\n    }\n  }\n}": types.WorkerChangesDocument,
    "fragment WorkerItem on Worker {\n  id\n  host\n  pid\n  backend\n  device\n  alive\n  gpu\n  runningTrials\n  heartbeatAt\n  startedAt\n  stoppedAt\n}": types.WorkerItemFragmentDoc,
    "query Workers($includeStopped: Boolean!) {\n  workers(includeStopped: $includeStopped) {\n    ...WorkerItem\n  }\n}": types.WorkersDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment ArchitectureView on ArchitectureGraph {\n  parameterCount\n  layers {\n    id\n    label\n    kind\n    params\n    outputShape\n  }\n  connections {\n    id\n    source\n    target\n    label\n  }\n}"): (typeof documents)["fragment ArchitectureView on ArchitectureGraph {\n  parameterCount\n  layers {\n    id\n    label\n    kind\n    params\n    outputShape\n  }\n  connections {\n    id\n    source\n    target\n    label\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query BestModel($studyId: ID!) {\n  bestModel(studyId: $studyId) {\n    params\n    study {\n      id\n      name\n      state\n    }\n    trial {\n      id\n      number\n    }\n    metadata {\n      dataset\n      mode\n      directions\n      values\n      epochs\n      finalValAccuracy\n      parameterCount\n      trainedAt\n      trialNumber\n    }\n    health {\n      ...HealthReportFields\n    }\n    architecture {\n      ...ArchitectureView\n    }\n    downloads {\n      kind\n      fileName\n      url\n      contentType\n      sizeBytes\n    }\n  }\n}"): (typeof documents)["query BestModel($studyId: ID!) {\n  bestModel(studyId: $studyId) {\n    params\n    study {\n      id\n      name\n      state\n    }\n    trial {\n      id\n      number\n    }\n    metadata {\n      dataset\n      mode\n      directions\n      values\n      epochs\n      finalValAccuracy\n      parameterCount\n      trainedAt\n      trialNumber\n    }\n    health {\n      ...HealthReportFields\n    }\n    architecture {\n      ...ArchitectureView\n    }\n    downloads {\n      kind\n      fileName\n      url\n      contentType\n      sizeBytes\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment HealthReportFields on HealthReport {\n  composite\n  neuronUtilization\n  parameterEfficiency\n  trainingStability\n  gradientHealth\n  convergenceQuality\n  accuracyConsistency\n  details\n}"): (typeof documents)["fragment HealthReportFields on HealthReport {\n  composite\n  neuronUtilization\n  parameterEfficiency\n  trainingStability\n  gradientHealth\n  convergenceQuality\n  accuracyConsistency\n  details\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Datasets {\n  datasets {\n    id\n    displayName\n    modality\n    available\n    verified\n    trainSize\n    testSize\n    bytesOnDisk\n    inputShape\n    classNames\n    previewUrl\n  }\n}"): (typeof documents)["query Datasets {\n  datasets {\n    id\n    displayName\n    modality\n    available\n    verified\n    trainSize\n    testSize\n    bytesOnDisk\n    inputShape\n    classNames\n    previewUrl\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation StartOptimization($input: OptimizationInput!) {\n  startOptimization(input: $input) {\n    id\n    name\n  }\n}"): (typeof documents)["mutation StartOptimization($input: OptimizationInput!) {\n  startOptimization(input: $input) {\n    id\n    name\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SearchSpace($dataset: String!) {\n  searchSpace(dataset: $dataset) {\n    dataset\n    family\n    hyperparameters {\n      name\n      kind\n      low\n      high\n      log\n      step\n      choices\n      defaultValue\n      condition {\n        param\n        oneOf\n      }\n      summary\n      description\n    }\n  }\n}"): (typeof documents)["query SearchSpace($dataset: String!) {\n  searchSpace(dataset: $dataset) {\n    dataset\n    family\n    hyperparameters {\n      name\n      kind\n      low\n      high\n      log\n      step\n      choices\n      defaultValue\n      condition {\n        param\n        oneOf\n      }\n      summary\n      description\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription Heartbeat {\n  heartbeat {\n    at\n    sequence\n  }\n}"): (typeof documents)["subscription Heartbeat {\n  heartbeat {\n    at\n    sequence\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ServerInfo {\n  serverInfo {\n    version\n    databaseKind\n    trainingBackend\n    startedAt\n  }\n}"): (typeof documents)["query ServerInfo {\n  serverInfo {\n    version\n    databaseKind\n    trainingBackend\n    startedAt\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DeleteStudy($id: ID!) {\n  deleteStudy(id: $id)\n}"): (typeof documents)["mutation DeleteStudy($id: ID!) {\n  deleteStudy(id: $id)\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Studies($first: Int!, $after: String) {\n  studies(first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      endCursor\n      hasNextPage\n    }\n    nodes {\n      ...StudyListItem\n    }\n  }\n}"): (typeof documents)["query Studies($first: Int!, $after: String) {\n  studies(first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      endCursor\n      hasNextPage\n    }\n    nodes {\n      ...StudyListItem\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription StudyListChanges($since: SafeInt) {\n  studies(since: $since) {\n    event {\n      sequence\n      type\n      studyId\n      payload\n    }\n    study {\n      ...StudyListItem\n    }\n  }\n}"): (typeof documents)["subscription StudyListChanges($since: SafeInt) {\n  studies(since: $since) {\n    event {\n      sequence\n      type\n      studyId\n      payload\n    }\n    study {\n      ...StudyListItem\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment StudyListItem on Study {\n  id\n  name\n  state\n  dataset\n  mode\n  config\n  createdAt\n  stateCounts {\n    complete\n    pruned\n    failed\n    running\n    total\n  }\n  summary {\n    finishedTrials\n    bestValues\n  }\n}"): (typeof documents)["fragment StudyListItem on Study {\n  id\n  name\n  state\n  dataset\n  mode\n  config\n  createdAt\n  stateCounts {\n    complete\n    pruned\n    failed\n    running\n    total\n  }\n  summary {\n    finishedTrials\n    bestValues\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CancelStudy($id: ID!) {\n  cancelStudy(id: $id) {\n    ...StudyDetails\n  }\n}"): (typeof documents)["mutation CancelStudy($id: ID!) {\n  cancelStudy(id: $id) {\n    ...StudyDetails\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment StudyDetails on Study {\n  id\n  name\n  state\n  dataset\n  mode\n  config\n  directions\n  error\n  createdAt\n  startedAt\n  finishedAt\n  lastEventSequence\n  stateCounts {\n    complete\n    pruned\n    failed\n    running\n    total\n  }\n  summary {\n    finishedTrials\n    bestTrialNumber\n    bestValues\n    meanTrialSeconds\n  }\n  bestTrial {\n    id\n    number\n    values\n    health {\n      composite\n    }\n  }\n  downloads {\n    kind\n    fileName\n    url\n    contentType\n    sizeBytes\n  }\n}"): (typeof documents)["fragment StudyDetails on Study {\n  id\n  name\n  state\n  dataset\n  mode\n  config\n  directions\n  error\n  createdAt\n  startedAt\n  finishedAt\n  lastEventSequence\n  stateCounts {\n    complete\n    pruned\n    failed\n    running\n    total\n  }\n  summary {\n    finishedTrials\n    bestTrialNumber\n    bestValues\n    meanTrialSeconds\n  }\n  bestTrial {\n    id\n    number\n    values\n    health {\n      composite\n    }\n  }\n  downloads {\n    kind\n    fileName\n    url\n    contentType\n    sizeBytes\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription StudyEvents($studyId: ID!, $since: SafeInt) {\n  studyEvents(studyId: $studyId, since: $since) {\n    sequence\n    type\n    trialNumber\n    epoch\n    payload\n  }\n}"): (typeof documents)["subscription StudyEvents($studyId: ID!, $since: SafeInt) {\n  studyEvents(studyId: $studyId, since: $since) {\n    sequence\n    type\n    trialNumber\n    epoch\n    payload\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query StudyTrials($studyId: ID!) {\n  trials(studyId: $studyId, first: 200, sort: {by: NUMBER, direction: ASC}) {\n    totalCount\n    nodes {\n      id\n      number\n      state\n      values\n      params\n      durationSeconds\n      health {\n        composite\n      }\n      epochs {\n        epoch\n        valAccuracy\n      }\n      architecture {\n        layers {\n          id\n          kind\n          params\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query StudyTrials($studyId: ID!) {\n  trials(studyId: $studyId, first: 200, sort: {by: NUMBER, direction: ASC}) {\n    totalCount\n    nodes {\n      id\n      number\n      state\n      values\n      params\n      durationSeconds\n      health {\n        composite\n      }\n      epochs {\n        epoch\n        valAccuracy\n      }\n      architecture {\n        layers {\n          id\n          kind\n          params\n        }\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Study($id: ID!) {\n  study(id: $id) {\n    ...StudyDetails\n  }\n}"): (typeof documents)["query Study($id: ID!) {\n  study(id: $id) {\n    ...StudyDetails\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment TrialDetails on Trial {\n  id\n  studyId\n  number\n  state\n  values\n  params\n  error\n  retries\n  startedAt\n  finishedAt\n  durationSeconds\n  epochs {\n    epoch\n    loss\n    accuracy\n    valLoss\n    valAccuracy\n    seconds\n    samplesPerSecond\n  }\n  diagnostics {\n    epoch\n    diagnostics\n  }\n  health {\n    ...HealthReportFields\n  }\n  architecture {\n    ...ArchitectureView\n  }\n}"): (typeof documents)["fragment TrialDetails on Trial {\n  id\n  studyId\n  number\n  state\n  values\n  params\n  error\n  retries\n  startedAt\n  finishedAt\n  durationSeconds\n  epochs {\n    epoch\n    loss\n    accuracy\n    valLoss\n    valAccuracy\n    seconds\n    samplesPerSecond\n  }\n  diagnostics {\n    epoch\n    diagnostics\n  }\n  health {\n    ...HealthReportFields\n  }\n  architecture {\n    ...ArchitectureView\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TrialPage($trialId: ID!, $studyId: ID!) {\n  trial(id: $trialId) {\n    ...TrialDetails\n    downloads {\n      kind\n      fileName\n      path\n      url\n      contentType\n      sizeBytes\n    }\n  }\n  study(id: $studyId) {\n    id\n    name\n    state\n    directions\n    lastEventSequence\n    bestTrial {\n      id\n    }\n  }\n}"): (typeof documents)["query TrialPage($trialId: ID!, $studyId: ID!) {\n  trial(id: $trialId) {\n    ...TrialDetails\n    downloads {\n      kind\n      fileName\n      path\n      url\n      contentType\n      sizeBytes\n    }\n  }\n  study(id: $studyId) {\n    id\n    name\n    state\n    directions\n    lastEventSequence\n    bestTrial {\n      id\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription WorkerChanges($since: SafeInt) {\n  workers(since: $since) {\n    event {\n      sequence\n      type\n    }\n    worker {\n      ...WorkerItem\n    }\n  }\n}"): (typeof documents)["subscription WorkerChanges($since: SafeInt) {\n  workers(since: $since) {\n    event {\n      sequence\n      type\n    }\n    worker {\n      ...WorkerItem\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment WorkerItem on Worker {\n  id\n  host\n  pid\n  backend\n  device\n  alive\n  gpu\n  runningTrials\n  heartbeatAt\n  startedAt\n  stoppedAt\n}"): (typeof documents)["fragment WorkerItem on Worker {\n  id\n  host\n  pid\n  backend\n  device\n  alive\n  gpu\n  runningTrials\n  heartbeatAt\n  startedAt\n  stoppedAt\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Workers($includeStopped: Boolean!) {\n  workers(includeStopped: $includeStopped) {\n    ...WorkerItem\n  }\n}"): (typeof documents)["query Workers($includeStopped: Boolean!) {\n  workers(includeStopped: $includeStopped) {\n    ...WorkerItem\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;