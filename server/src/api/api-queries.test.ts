import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiTestServer, type ApiTestServer } from './testing/api-test-server.js';
import { seedStudy } from './testing/seed-study.js';

describe('API queries and downloads', () => {
  let server: ApiTestServer;
  let study: Awaited<ReturnType<typeof seedStudy>>;

  beforeAll(async () => {
    server = await startApiTestServer({ limits: { maxDepth: 4, maxComplexity: 500 } });
    study = await seedStudy(server.prisma, server.resultsDir);
    await server.prisma.study.create({ data: { name: 'queued-cifar', dataset: 'cifar10', mode: 'SIMPLE', config: {} } });
  });

  afterAll(async () => {
    await server?.close();
  });

  it('lists studies newest first, page by page, filtered by state and dataset', async () => {
    const query = `query($after: String, $filter: StudiesFilter) { studies(first: 1, after: $after, filter: $filter) {
      totalCount pageInfo { endCursor hasNextPage } nodes { name state stateCounts { complete pruned total } } } }`;
    const first = await server.graphql(query);
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data.studies).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true }, nodes: [{ name: 'queued-cifar' }] });
    const second = await server.graphql(query, { after: first.body.data.studies.pageInfo.endCursor });
    expect(second.body.data.studies).toMatchObject({
      pageInfo: { hasNextPage: false },
      nodes: [{ name: 'seeded', state: 'COMPLETE', stateCounts: { complete: 2, pruned: 1, total: 3 } }],
    });
    const filtered = await server.graphql(query, { filter: { states: ['COMPLETE'], dataset: 'mnist' } });
    expect(filtered.body.data.studies.nodes.map((node: { name: string }) => node.name)).toEqual(['seeded']);
  });

  it('summarizes a study: best values, best trial, timing', async () => {
    const { body } = await server.graphql(`query($id: ID!) { study(id: $id) {
      summary { finishedTrials bestValues bestTrialNumber meanTrialSeconds totalTrialSeconds } bestTrial { number } lastEventSequence } }`, { id: study.id });
    expect(body.errors).toBeUndefined();
    expect(body.data.study).toEqual({
      summary: { finishedTrials: 3, bestValues: [0.97], bestTrialNumber: 2, meanTrialSeconds: 20, totalTrialSeconds: 60 },
      bestTrial: { number: 2 },
      lastEventSequence: null,
    });
  });

  it('filters and sorts trials by state, objective and any hyperparameter', async () => {
    const query = `query($studyId: ID!, $filter: TrialFilter, $sort: TrialSort) { trials(studyId: $studyId, filter: $filter, sort: $sort) { totalCount nodes { number } } }`;
    const numbers = async (filter?: object, sort?: object) => {
      const { body } = await server.graphql(query, { studyId: study.id, filter, sort });
      expect(body.errors).toBeUndefined();
      return body.data.trials.nodes.map((node: { number: number }) => node.number);
    };
    expect(await numbers()).toEqual([0, 1, 2]);
    expect(await numbers({ states: ['COMPLETE'] })).toEqual([0, 2]);
    expect(await numbers(undefined, { by: 'OBJECTIVE', direction: 'DESC' })).toEqual([2, 0, 1]);
    expect(await numbers(undefined, { by: 'PARAM', param: 'learningRate', direction: 'ASC' })).toEqual([2, 0, 1]);
    expect(await numbers({ params: [{ name: 'optimizer', oneOf: ['adam'] }] }, { by: 'PARAM', param: 'filtersBlock1', direction: 'DESC' })).toEqual([2, 0]);
    expect(await numbers({ params: [{ name: 'learningRate', min: 0.005 }], objectiveMin: 0.5 })).toEqual([0]);
  });

  it('returns a trial with epochs, health, diagnostics series and architecture graph', async () => {
    const { body } = await server.graphql(`query($id: ID!) { trial(id: $id) { number durationSeconds
      epochs { epoch valAccuracy } health { composite } diagnostics { epoch diagnostics }
      architecture { parameterCount elements layers { id kind layerClass outputShape params trainableParams } connections { source target label } } } }`, { id: study.trialIds[2] });
    expect(body.errors).toBeUndefined();
    expect(body.data.trial).toMatchObject({
      number: 2,
      durationSeconds: 30,
      epochs: [{ epoch: 1 }, { epoch: 2 }],
      health: { composite: 0.65 },
      diagnostics: [{ epoch: 1, diagnostics: { layers: [{ name: 'conv1' }] } }, { epoch: 2 }],
      architecture: { parameterCount: 1234, elements: { nodes: [{ data: { id: 'input' } }, { data: { id: 'conv1' } }, { data: { id: 'attention' } }] } },
    });
    // Typed from the same record: kinds as enum values, one this server does not know as OTHER.
    expect(body.data.trial.architecture.layers).toEqual([
      { id: 'input', kind: 'INPUT', layerClass: 'InputLayer', outputShape: [28, 28, 1], params: 0, trainableParams: 0 },
      { id: 'conv1', kind: 'CONV2D', layerClass: 'Conv2D', outputShape: [28, 28, 8], params: 80, trainableParams: 80 },
      { id: 'attention', kind: 'OTHER', layerClass: 'Attention', outputShape: [28, 28, 8], params: 1154, trainableParams: 1154 },
    ]);
    expect(body.data.trial.architecture.connections).toEqual([
      { source: 'input', target: 'conv1', label: '28×28×1' },
      { source: 'conv1', target: 'attention', label: '28×28×8' },
    ]);
  });

  it('describes the best model with downloads that serve the right content types and attachment names', async () => {
    const { body } = await server.graphql(`query($id: ID!) { bestModel(studyId: $id) {
      metadata { trialNumber parameterCount epochs finalValAccuracy } health { composite } architecture { parameterCount }
      downloads { kind fileName contentType url } } }`, { id: study.id });
    expect(body.errors).toBeUndefined();
    const model = body.data.bestModel;
    expect(model.metadata).toEqual({ trialNumber: 2, parameterCount: 1234, epochs: 2, finalValAccuracy: 0.65 });
    const kinds = model.downloads.map((download: { kind: string }) => download.kind);
    expect(kinds).toEqual(['trials_csv', 'best_hyperparameters', 'architecture_json', 'plot']);
    for (const download of model.downloads) {
      const response = await fetch(new URL(download.url.slice(1), server.url));
      expect(response.status, download.url).toBe(200);
      expect(response.headers.get('content-type')).toContain(download.contentType.split(';')[0]);
      expect(response.headers.get('content-disposition')).toContain('attachment');
      const text = await response.text();
      if (download.kind === 'trials_csv') {
        expect(text.split('\n')[0]).toBe('number,state,value,duration_seconds,started_at,finished_at,health_neuronUtilization,health_parameterEfficiency,health_trainingStability,health_gradientHealth,health_convergenceQuality,health_accuracyConsistency,health_composite,param_filtersBlock1,param_learningRate,param_optimizer');
        expect(text.split('\n')).toHaveLength(5);
      }
      if (download.kind === 'best_hyperparameters') expect(text).toContain('learning_rate: 0.001');
      if (download.kind === 'architecture_json') expect(JSON.parse(text).parameterCount).toBe(1234);
    }
  });

  it('never serves a file outside the results folder, whatever the artifact record says', async () => {
    const artifact = await server.prisma.artifact.create({
      data: { studyId: study.id, kind: 'model_zip', path: '../../etc/passwd', contentType: 'application/zip', sizeBytes: 1 },
    });
    expect((await fetch(new URL(`downloads/artifacts/${artifact.id}`, server.url))).status).toBe(404);
    expect((await fetch(new URL('downloads/artifacts/..%2F..%2Fetc%2Fpasswd', server.url))).status).toBe(404);
    await server.prisma.artifact.delete({ where: { id: artifact.id } });
  });

  it('lists datasets with sizes, classes and modality, and workers with their running trials', async () => {
    await server.prisma.worker.create({ data: { id: 'w1', host: 'gpu-box', pid: 42, backend: 'webgpu', device: 'vulkan: NVIDIA H100' } });
    await server.prisma.trial.update({ where: { id: study.trialIds[0] }, data: { workerId: 'w1', state: 'RUNNING' } });
    const { body } = await server.graphql('{ datasets { id modality trainSize testSize classNames inputShape } workers { id host backend device alive gpu runningTrials } }');
    await server.prisma.trial.update({ where: { id: study.trialIds[0] }, data: { workerId: null, state: 'COMPLETE' } });
    expect(body.errors).toBeUndefined();
    expect(body.data.datasets.map((dataset: { id: string }) => dataset.id)).toEqual(['mnist', 'fashion-mnist', 'cifar10', 'cifar100', 'gtsrb', 'imdb', 'reuters']);
    expect(body.data.datasets[0]).toMatchObject({ modality: 'image', testSize: 10000, inputShape: [28, 28, 1] });
    expect(body.data.datasets[0].classNames).toHaveLength(10);
    expect(body.data.workers).toEqual([{ id: 'w1', host: 'gpu-box', backend: 'webgpu', device: 'vulkan: NVIDIA H100', alive: true, gpu: true, runningTrials: 1 }]);
  });

  it('describes the search space of a dataset\'s model family, with defaults, conditions and what each hyperparameter does', async () => {
    const query = `query($dataset: String!) { searchSpace(dataset: $dataset) { dataset family hyperparameters {
      name kind low high log step choices defaultValue condition { param oneOf } summary description } } }`;
    const images = await server.graphql(query, { dataset: 'cifar10' });
    expect(images.body.errors).toBeUndefined();
    const cnn = images.body.data.searchSpace;
    expect(cnn).toMatchObject({ dataset: 'cifar10', family: 'CNN' });
    const byName = Object.fromEntries(cnn.hyperparameters.map((param: { name: string }) => [param.name, param]));
    expect(byName.learningRate).toMatchObject({ kind: 'FLOAT', low: 1e-4, high: 0.1, log: true, step: null, choices: null, defaultValue: 0.001, condition: null });
    expect(byName.convBlocks).toMatchObject({ kind: 'INT', low: 1, high: 4, log: false, defaultValue: 2 });
    expect(byName.batchNormalization).toMatchObject({ kind: 'BOOL', choices: [true, false], defaultValue: true, low: null });
    expect(byName.activation).toMatchObject({ kind: 'CATEGORICAL', choices: ['relu', 'elu', 'selu', 'tanh', 'swish'], defaultValue: 'relu' });
    // Block 3 exists only with 3 or 4 blocks; the default architecture has 2, so it has no default.
    expect(byName.filtersBlock3).toMatchObject({ condition: { param: 'convBlocks', oneOf: [3, 4] }, defaultValue: null });
    expect(byName.filtersBlock2).toMatchObject({ defaultValue: 64 });
    for (const param of cnn.hyperparameters) {
      expect(param.summary.length, param.name).toBeGreaterThan(5);
      expect(param.description.length, param.name).toBeGreaterThan(param.summary.length);
    }

    const text = await server.graphql(query, { dataset: 'imdb' });
    expect(text.body.data.searchSpace.family).toBe('LSTM');
    const lstm = text.body.data.searchSpace.hyperparameters.map((param: { name: string }) => param.name);
    expect(lstm).toContain('bidirectional');
    expect(lstm).not.toContain('convBlocks');

    const unknown = await server.graphql(query, { dataset: 'svhn' });
    expect(unknown.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'dataset' });
    expect(unknown.body.errors?.[0].message).toMatch(/svhn.*mnist/);
  });

  it('answers unknown ids with NOT_FOUND and malformed ones with BAD_USER_INPUT naming the argument', async () => {
    const missing = await server.graphql('query($id: ID!) { study(id: $id) { name } }', { id: '00000000-0000-4000-8000-000000000000' });
    expect(missing.body.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
    const malformed = await server.graphql('{ trial(id: "../../etc") { number } }');
    expect(malformed.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });

  it('rejects queries that are too deep or too costly, and bodies over the limit', async () => {
    const deep = await server.graphql('{ bestModel(studyId: "x") { study { bestTrial { architecture { parameterCount } } } } }');
    expect(deep.status).toBe(400);
    expect(deep.body.errors?.[0].extensions.code).toBe('QUERY_TOO_DEEP');
    const costly = await server.graphql('{ studies(first: 100) { nodes { stateCounts { total } summary { bestValues } downloads { url } } } }');
    expect(costly.status).toBe(400);
    expect(costly.body.errors?.[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
    const huge = await server.graphql(`{ serverInfo { version } } # ${'x'.repeat(200 * 1024)}`);
    expect(huge.status).toBe(413);
    expect(huge.body.errors?.[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('serves GraphiQL to browsers at /graphql with every file from this server, and still answers queries there', async () => {
    const response = await fetch(new URL('graphql', server.url), { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toMatch(/script-src 'self';/);
    const html = await response.text();
    expect(html).toContain('data-token-required="false"');
    expect(html).not.toMatch(/(src|href)=["']?(https?:)?\/\//);
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]);
    expect(assets).toEqual([
      '/graphiql/graphiql.min.css',
      '/graphiql/react.production.min.js',
      '/graphiql/react-dom.production.min.js',
      '/graphiql/graphiql.min.js',
      '/graphiql/start.js',
    ]);
    const served = await Promise.all(assets.map(async (asset) => {
      const file = await fetch(new URL(asset, server.url));
      return { asset, status: file.status, type: file.headers.get('content-type'), body: await file.text() };
    }));
    for (const { asset, status, type } of served) {
      expect(status, asset).toBe(200);
      expect(type, asset).toMatch(asset.endsWith('.css') ? /^text\/css/ : /^(text|application)\/javascript/);
    }
    expect(served.find(({ asset }) => asset.endsWith('graphiql.min.js'))!.body).toContain('createGraphiQLFetcher');
    expect(served.find(({ asset }) => asset.endsWith('start.js'))!.body).toContain('subscriptionUrl');
    expect((await fetch(new URL('/graphiql/package.json', server.url))).status).toBe(404);

    const query = await server.graphql('{ serverInfo { version } }');
    expect(query.body).toEqual({ data: { serverInfo: { version: 'test' } } });
  });
});
