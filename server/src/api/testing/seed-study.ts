// A finished study written straight to the database: three trials with epochs, health and an architecture.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Prisma, PrismaClient, Study } from '../../persistence/generated/prisma/client.js';
import { studyConfigFromInput } from '../../studies/study-config.js';

/** Cytoscape elements as the builder stores them, with one kind from a newer version this server does not know. */
const seededArchitecture = {
  nodes: [
    { data: { id: 'input', label: 'Input 28×28×1', kind: 'input', layerClass: 'InputLayer', outputShape: [28, 28, 1], params: 0, trainableParams: 0 } },
    { data: { id: 'conv1', label: 'Conv2D 8 · 3×3', kind: 'conv2d', layerClass: 'Conv2D', outputShape: [28, 28, 8], params: 80, trainableParams: 80 } },
    { data: { id: 'attention', label: 'Attention', kind: 'attention', layerClass: 'Attention', outputShape: [28, 28, 8], params: 1154, trainableParams: 1154 } },
  ],
  edges: [
    { data: { id: 'input->conv1', source: 'input', target: 'conv1', label: '28×28×1' } },
    { data: { id: 'conv1->attention', source: 'conv1', target: 'attention', label: '28×28×8' } },
  ],
};

export async function seedStudy(prisma: PrismaClient, resultsDir: string, name = 'seeded'): Promise<Study & { trialIds: string[] }> {
  const study = await prisma.study.create({
    data: { name, dataset: 'mnist', mode: 'SIMPLE', directions: ['maximize'], config: studyConfigFromInput({ dataset: 'mnist', name, mode: 'SIMPLE', trials: 3 }) as unknown as Prisma.InputJsonObject, state: 'COMPLETE', startedAt: new Date() },
  });
  const specs = [
    { state: 'COMPLETE', values: [0.91], params: { learningRate: 0.01, optimizer: 'adam', filtersBlock1: 32 } },
    { state: 'PRUNED', values: [], params: { learningRate: 0.1, optimizer: 'sgd-momentum', filtersBlock1: 16 } },
    { state: 'COMPLETE', values: [0.97], params: { learningRate: 0.001, optimizer: 'adam', filtersBlock1: 64 } },
  ] as const;
  const trialIds: string[] = [];
  for (const [number, spec] of specs.entries()) {
    const startedAt = new Date(Date.UTC(2026, 0, 1, 0, number));
    const trial = await prisma.trial.create({
      data: {
        studyId: study.id,
        number,
        state: spec.state,
        values: [...spec.values],
        params: spec.params,
        startedAt,
        finishedAt: new Date(startedAt.getTime() + (number + 1) * 10_000),
        epochs: {
          create: [1, 2].map((epoch) => ({
            epoch,
            loss: 1 / epoch,
            accuracy: 0.5 + epoch / 10,
            valLoss: 1.1 / epoch,
            valAccuracy: 0.45 + epoch / 10,
            seconds: 3,
            samplesPerSecond: 300,
            diagnostics: { layers: [{ name: 'conv1', deadFraction: 0.1 * epoch }] },
          })),
        },
        ...(spec.state === 'COMPLETE'
          ? {
              health: {
                create: {
                  neuronUtilization: 0.9,
                  parameterEfficiency: 0.8,
                  trainingStability: 0.7,
                  gradientHealth: 0.6,
                  convergenceQuality: 0.5,
                  accuracyConsistency: 0.4,
                  composite: 0.65,
                },
              },
              architecture: { create: { elements: seededArchitecture, parameterCount: 1234 } },
            }
          : {}),
      },
    });
    trialIds.push(trial.id);
  }
  await prisma.study.update({ where: { id: study.id }, data: { bestTrialId: trialIds[2] } });
  await mkdir(path.join(resultsDir, name, 'plots'), { recursive: true });
  await writeFile(path.join(resultsDir, name, 'plots', 'history.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  await prisma.artifact.create({
    data: { studyId: study.id, kind: 'plot', path: `${name}/plots/history.png`, contentType: 'image/png', sizeBytes: 4 },
  });
  return { ...(await prisma.study.findUniqueOrThrow({ where: { id: study.id } })), trialIds };
}
