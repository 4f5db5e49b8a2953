import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StudyService } from '../studies/study-service.js';
import type { TrialQueue } from '../studies/trial-queue.js';
import { startApiTestServer, type ApiTestServer } from './testing/api-test-server.js';

const TOKEN = 'mutation-test-token';
const START = 'mutation($input: OptimizationInput!) { startOptimization(input: $input) { id name dataset state } }';

/** Records what would be queued; the runner is not under test here. */
const enqueued: string[] = [];
const queue = {
  enqueueTrials: async (studyId: string) => void enqueued.push(studyId),
  removeStudyJobs: async () => undefined,
} as unknown as TrialQueue;

/** Each row: a bad input, the error code it must get and (for BAD_USER_INPUT) a field the error must name. */
const malformed: [what: string, input: unknown, code: string, field?: RegExp][] = [
  ['no input at all', null, 'BAD_USER_INPUT'],
  ['missing dataset', {}, 'BAD_USER_INPUT'],
  ['dataset of the wrong type', { dataset: 42 }, 'BAD_USER_INPUT'],
  ['unknown dataset', { dataset: 'imagenet' }, 'BAD_USER_INPUT', /dataset/],
  ['empty dataset', { dataset: '' }, 'BAD_USER_INPUT', /dataset/],
  ['unknown field', { dataset: 'mnist', learningRate: 0.1 }, 'BAD_USER_INPUT'],
  ['trials as a string', { dataset: 'mnist', trials: 'ten' }, 'BAD_USER_INPUT'],
  ['fractional trials', { dataset: 'mnist', trials: 2.5 }, 'BAD_USER_INPUT'],
  ['zero trials', { dataset: 'mnist', trials: 0 }, 'BAD_USER_INPUT', /trials/],
  ['negative trials', { dataset: 'mnist', trials: -5 }, 'BAD_USER_INPUT', /trials/],
  ['absurdly many trials', { dataset: 'mnist', trials: 1_000_000_000 }, 'BAD_USER_INPUT', /trials/],
  ['trials beyond 32 bits', { dataset: 'mnist', trials: 2 ** 40 }, 'BAD_USER_INPUT'],
  ['zero epochs', { dataset: 'mnist', epochs: 0 }, 'BAD_USER_INPUT', /epochs/],
  ['negative parallelism', { dataset: 'mnist', parallelism: -1 }, 'BAD_USER_INPUT', /parallelism/],
  ['zero final model epochs', { dataset: 'mnist', finalModelEpochs: 0 }, 'BAD_USER_INPUT', /finalModelEpochs/],
  ['negative train subset', { dataset: 'mnist', trainSubsetSize: -100 }, 'BAD_USER_INPUT', /trainSubsetSize/],
  ['unknown mode', { dataset: 'mnist', mode: 'FASTEST' }, 'BAD_USER_INPUT'],
  ['unknown sampler', { dataset: 'mnist', sampler: 'GRID' }, 'BAD_USER_INPUT'],
  ['unknown pruner', { dataset: 'mnist', pruner: 'RANDOM' }, 'BAD_USER_INPUT'],
  ['health weight above 1', { dataset: 'mnist', mode: 'HEALTH_AWARE', healthWeight: 3 }, 'BAD_USER_INPUT', /healthWeight/],
  ['unknown health metric', { dataset: 'mnist', healthWeights: { happiness: 1 } }, 'BAD_USER_INPUT', /healthWeights/],
  ['health weights not an object', { dataset: 'mnist', healthWeights: [1, 2] }, 'BAD_USER_INPUT', /healthWeights/],
  ['negative timeout', { dataset: 'mnist', timeoutMinutes: -1 }, 'BAD_USER_INPUT', /timeoutMinutes/],
  ['huge name', { dataset: 'mnist', name: 'x'.repeat(50_000) }, 'BAD_USER_INPUT', /name/],
  ['name with a path', { dataset: 'mnist', name: '../../etc' }, 'BAD_USER_INPUT', /name/],
  ['empty search space entry name', { dataset: 'mnist', searchSpace: [{ name: '', mode: 'OFF' }] }, 'BAD_USER_INPUT', /searchSpace/],
  ['unknown hyperparameter', { dataset: 'mnist', searchSpace: [{ name: 'warpDrive', mode: 'FIXED', value: 9 }] }, 'BAD_USER_INPUT', /searchSpace/],
  ['empty search space (every hyperparameter fixed or off)', { dataset: 'mnist', searchSpaceAllFixed: true }, 'BAD_USER_INPUT', /searchSpace/],
  ['range with low above high', { dataset: 'mnist', searchSpace: [{ name: 'learningRate', mode: 'RANGE', low: 0.1, high: 0.001 }] }, 'BAD_USER_INPUT', /searchSpace/],
  ['fixed without a value', { dataset: 'mnist', searchSpace: [{ name: 'learningRate', mode: 'FIXED' }] }, 'BAD_USER_INPUT', /searchSpace/],
  ['unknown override mode', { dataset: 'mnist', searchSpace: [{ name: 'learningRate', mode: 'MAYBE' }] }, 'BAD_USER_INPUT'],
  ['categorical choices outside the family', { dataset: 'mnist', searchSpace: [{ name: 'optimizer', mode: 'RANGE', choices: ['quantum'] }] }, 'BAD_USER_INPUT', /searchSpace/],
  ['same hyperparameter twice', { dataset: 'mnist', searchSpace: [{ name: 'learningRate', mode: 'OFF' }, { name: 'learningRate', mode: 'OFF' }] }, 'BAD_USER_INPUT', /searchSpace/],
];

describe('mutations', () => {
  let server: ApiTestServer;
  let allFixed: unknown[];

  beforeAll(async () => {
    server = await startApiTestServer({ apiToken: TOKEN, limits: { maxDepth: 3, maxComplexity: 1_000 }, studies: (database, resultsDir) => new StudyService(database, queue, resultsDir) });
    const { searchSpaceFor } = await import('../ml/model/search-space.js');
    allFixed = searchSpaceFor('cnn').map((definition: { name: string }) => ({ name: definition.name, mode: 'OFF' }));
  });

  afterAll(async () => {
    await server?.close();
  });

  const rowCounts = async () => ({
    studies: await server.prisma.study.count(),
    events: await server.prisma.event.count(),
    enqueued: enqueued.length,
  });

  it.each(malformed)('rejects %s with its code and writes nothing', async (_what, input, code, field) => {
    const before = await rowCounts();
    const variables =
      input && typeof input === 'object' && 'searchSpaceAllFixed' in input ? { input: { dataset: 'mnist', searchSpace: allFixed } } : { input };
    const { body } = await server.graphql(START, variables, TOKEN);
    expect(body.data?.startOptimization ?? null).toBeNull();
    const error = body.errors?.[0];
    expect(error?.extensions.code, JSON.stringify(body.errors)).toBe(code);
    if (field) expect(error?.extensions.field).toMatch(field);
    expect(await rowCounts()).toEqual(before);
  });

  it('rejects a too-deep mutation with QUERY_TOO_DEEP before running it', async () => {
    const before = await rowCounts();
    const { body } = await server.graphql(
      'mutation { startOptimization(input: { dataset: "mnist", name: "too-deep" }) { bestTrial { architecture { parameterCount } } } }',
      undefined,
      TOKEN,
    );
    expect(body.errors?.[0].extensions.code).toBe('QUERY_TOO_DEEP');
    expect(await rowCounts()).toEqual(before);
  });

  it('needs the API token for mutations', async () => {
    const { body } = await server.graphql(START, { input: { dataset: 'mnist', trials: 2 } });
    expect(body.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(await server.prisma.study.count()).toBe(0);
    // GraphiQL opens with the headers editor showing where the token goes.
    const page = await fetch(new URL('graphql', server.url), { headers: { accept: 'text/html' } });
    expect(await page.text()).toContain('data-token-required="true"');
  });

  it('starts, cancels and deletes a study, logging each step for subscribers', async () => {
    const started = await server.graphql(START, { input: { dataset: 'mnist', name: 'api-started', trials: 2 } }, TOKEN);
    expect(started.body.errors).toBeUndefined();
    const { id } = started.body.data.startOptimization;
    expect(started.body.data.startOptimization).toMatchObject({ name: 'api-started', dataset: 'mnist', state: 'QUEUED' });
    expect(enqueued).toContain(id);

    const duplicate = await server.graphql(START, { input: { dataset: 'mnist', name: 'api-started' } }, TOKEN);
    expect(duplicate.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });

    const cancelled = await server.graphql('mutation($id: ID!) { cancelStudy(id: $id) { state } }', { id }, TOKEN);
    expect(cancelled.body.data.cancelStudy.state).toBe('CANCELLED');
    const deleted = await server.graphql('mutation($id: ID!) { deleteStudy(id: $id) }', { id }, TOKEN);
    expect(deleted.body.data.deleteStudy).toBe(id);
    const again = await server.graphql('mutation($id: ID!) { deleteStudy(id: $id) }', { id }, TOKEN);
    expect(again.body.errors?.[0].extensions.code).toBe('NOT_FOUND');
    const types = (await server.prisma.event.findMany({ orderBy: { sequence: 'asc' } })).map((event) => event.type);
    expect(types).toEqual(['STUDY_DELETED']); // the study's own events went with it; the deletion stays in the log
  });
});
