// Artifacts download from the bytes stored with their record: a worker on another machine writes its files
// into its own results folder, and the server still serves them.
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeArtifact } from '../../studies/study-artifacts.js';
import { startApiTestServer, type ApiTestServer } from '../testing/api-test-server.js';

describe('artifact downloads', () => {
  let server: ApiTestServer;
  let otherMachineResults: string;
  let studyId: string;

  beforeAll(async () => {
    server = await startApiTestServer();
    otherMachineResults = await mkdtemp(path.join(os.tmpdir(), 'hyperscope-remote-worker-'));
    studyId = (await server.prisma.study.create({ data: { name: 'remote', directions: ['maximize'], dataset: 'mnist', mode: 'SIMPLE', config: {} } })).id;
  });
  afterAll(async () => {
    await server?.close();
    await rm(otherMachineResults, { recursive: true, force: true });
  });

  it('serves a file written by a worker on another machine, with its type and attachment name', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    await writeArtifact(server.prisma, otherMachineResults, {
      studyId, studyName: 'remote', kind: 'TRIAL_PLOT', fileName: 'trial_0/training_history.png', contentType: 'image/png', content: png,
    });
    const artifact = await server.prisma.artifact.findFirstOrThrow({ where: { studyId } });
    expect(artifact).toMatchObject({ path: 'remote/trial_0/training_history.png', sizeBytes: png.byteLength });

    const response = await fetch(new URL(`downloads/artifacts/${artifact.id}`, server.url));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename=training_history.png');
    expect(Buffer.from(await response.arrayBuffer())).toEqual(png);

    // Written again (a retried trial): the download has the new bytes.
    await writeArtifact(server.prisma, otherMachineResults, {
      studyId, studyName: 'remote', kind: 'TRIAL_PLOT', fileName: 'trial_0/training_history.png', contentType: 'image/png', content: 'second',
    });
    expect(await (await fetch(new URL(`downloads/artifacts/${artifact.id}`, server.url))).text()).toBe('second');
  });

  it("lists a trial's files on the trial, with their place in the study folder", async () => {
    const trial = await server.prisma.trial.create({ data: { studyId, number: 7, values: [] } });
    await writeArtifact(server.prisma, otherMachineResults, {
      studyId, studyName: 'remote', trialId: trial.id, kind: 'TENSORBOARD', fileName: 'trial_7/tensorboard/events.out.tfevents.1.host',
      contentType: 'application/octet-stream', content: new Uint8Array([1, 2, 3]),
    });
    const { body } = await server.graphql(
      'query($trial: ID!, $study: ID!) { trial(id: $trial) { downloads { kind fileName path trialId sizeBytes url } } study(id: $study) { downloads { path trialId } } }',
      { trial: trial.id, study: studyId },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.trial.downloads).toEqual([
      expect.objectContaining({
        kind: 'TENSORBOARD', fileName: 'events.out.tfevents.1.host', path: 'trial_7/tensorboard/events.out.tfevents.1.host', trialId: trial.id, sizeBytes: 3,
      }),
    ]);
    const response = await fetch(new URL(body.data.trial.downloads[0].url.slice(1), server.url));
    expect(Buffer.from(await response.arrayBuffer())).toEqual(Buffer.from([1, 2, 3]));
    expect(body.data.study.downloads).toContainEqual({ path: 'trial_7/tensorboard/events.out.tfevents.1.host', trialId: trial.id });
    expect(body.data.study.downloads).toContainEqual({ path: null, trialId: null });
  });

  it('falls back to the file for records stored without their bytes, and says so when it is gone', async () => {
    await mkdir(path.join(server.resultsDir, 'remote'), { recursive: true });
    await writeFile(path.join(server.resultsDir, 'remote', 'old.yaml'), 'trial: 1\n');
    const old = await server.prisma.artifact.create({
      data: { studyId, kind: 'BEST_HYPERPARAMETERS', path: 'remote/old.yaml', contentType: 'application/yaml', sizeBytes: 9 },
    });
    const served = await fetch(new URL(`downloads/artifacts/${old.id}`, server.url));
    expect(served.status).toBe(200);
    expect(await served.text()).toBe('trial: 1\n');

    const gone = await server.prisma.artifact.create({
      data: { studyId, kind: 'BEST_HYPERPARAMETERS', path: 'remote/gone.yaml', contentType: 'application/yaml', sizeBytes: 9 },
    });
    const missing = await fetch(new URL(`downloads/artifacts/${gone.id}`, server.url));
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-disposition')).toBeNull();
    expect(((await missing.json()) as { error: string }).error).toContain('remote/gone.yaml');
  });
});
