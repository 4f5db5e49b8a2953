// Run as its own process: plays a study's trials into the database the way the runner does (rows + appendEvent),
// two trials at a time. Usage: tsx write-study-events.ts <databaseUrl> <studyId> <trials> <epochs>
import { appendEvent } from '../../events/append-event.js';
import { createPrismaClient } from '../../persistence/database.js';

const [databaseUrl, studyId, trialCount, epochCount] = process.argv.slice(2);
const prisma = createPrismaClient(databaseUrl);

async function runTrial(number: number): Promise<void> {
  const trial = await prisma.$transaction(async (tx) => {
    const created = await tx.trial.create({ data: { studyId, number, params: { learningRate: 0.001 * (number + 1) } } });
    await appendEvent(tx, { studyId, type: 'TRIAL_STARTED', payload: { trialId: created.id, trialNumber: number } });
    return created;
  });
  for (let epoch = 1; epoch <= Number(epochCount); epoch += 1) {
    await prisma.$transaction(async (tx) => {
      await tx.epochMetric.create({ data: { trialId: trial.id, epoch, loss: 1 / epoch, accuracy: 0.9, seconds: 0.01, samplesPerSecond: 1 } });
      await appendEvent(tx, { studyId, type: 'EPOCH_COMPLETED', payload: { trialId: trial.id, trialNumber: number, epoch } });
    });
  }
  await prisma.$transaction(async (tx) => {
    await tx.trial.update({ where: { id: trial.id }, data: { state: 'COMPLETE', values: [0.9], finishedAt: new Date() } });
    await appendEvent(tx, { studyId, type: 'TRIAL_COMPLETED', payload: { trialId: trial.id, trialNumber: number } });
  });
}

const trials = Array.from({ length: Number(trialCount) }, (_, number) => number);
await Promise.all([0, 1].map(async (lane) => {
  for (const number of trials.filter((n) => n % 2 === lane)) await runTrial(number);
}));
await prisma.study.update({ where: { id: studyId }, data: { state: 'COMPLETE', finishedAt: new Date() } });
await appendEvent(prisma, { studyId, type: 'STUDY_COMPLETED' });
await prisma.$disconnect();
