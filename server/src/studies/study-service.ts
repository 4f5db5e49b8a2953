// What users do to studies — start, cancel, delete — the same for the API, the CLI and code. Input is validated
// completely before anything is written.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { appendEvent } from '../events/append-event.js';
import { Prisma, type PrismaClient, type Study } from '../persistence/generated/prisma/client.js';
import type { OptimizationInput } from './optimization-input.js';
import { StudyConfigError, studyConfigFromInput } from './study-config.js';
import type { DatabaseClients } from '../persistence/database.js';
import { PostgresStudyStorage } from '../persistence/postgres-study-storage.js';
import { failWaitingTrials, queueTrialSlots } from './slot-queueing.js';
import type { TrialQueue } from './trial-queue.js';

/** The study does not exist (any more). */
export class StudyNotFoundError extends Error {
  override name = 'StudyNotFoundError';
  constructor(readonly studyId: string) {
    super(`no study with id ${studyId}`);
  }
}

export class StudyService {
  private readonly prisma: PrismaClient;
  /** Chooses the parameters of slots queued ahead of time (`heavyTrialsOnGpu`). */
  private readonly studyStorage: PostgresStudyStorage;

  constructor(
    database: DatabaseClients,
    private readonly queue: TrialQueue,
    /** Root of the per-study artifact folders (optimization_results/<study name>). */
    private readonly resultsDir: string,
  ) {
    this.prisma = database.prisma;
    this.studyStorage = new PostgresStudyStorage(database.pool);
  }

  /** Creates the study and queues its first trials; throws StudyConfigError for bad input. */
  async startStudy(input: OptimizationInput): Promise<Study> {
    const config = studyConfigFromInput(input);
    let study: Study;
    try {
      study = await this.prisma.$transaction(async (tx) => {
        const created = await tx.study.create({
          data: {
            name: config.name,
            dataset: config.dataset,
            mode: config.mode,
            directions: config.directions,
            config: config as unknown as Prisma.InputJsonObject,
          },
        });
        await appendEvent(tx, { studyId: created.id, type: 'STUDY_CREATED', payload: { name: created.name, dataset: created.dataset, trials: config.trials } });
        return created;
      });
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
        throw new StudyConfigError('name', `a study named "${config.name}" already exists; choose another name`);
      }
      throw error;
    }
    // Slots beyond `parallelism` are queued as earlier ones finish, so one study never takes more workers.
    await queueTrialSlots({ queue: this.queue, storage: this.studyStorage }, { id: study.id, name: study.name, config }, 0, Math.min(config.parallelism, config.trials));
    return study;
  }

  /** Stops a queued or running study: queued trials are dropped, running ones stop within a batch. */
  async cancelStudy(studyId: string): Promise<Study> {
    const study = await this.prisma.$transaction(async (tx) => {
      const { count } = await tx.study.updateMany({
        where: { id: studyId, state: { in: ['QUEUED', 'RUNNING', 'FINAL_MODEL'] } },
        data: { state: 'CANCELLED', finishedAt: new Date() },
      });
      if (count === 1) {
        await appendEvent(tx, { studyId, type: 'STUDY_CANCELLED' });
        await failWaitingTrials(tx, studyId, 'the study was cancelled before this trial started');
      }
      return tx.study.findUnique({ where: { id: studyId } });
    });
    if (!study) throw new StudyNotFoundError(studyId);
    await this.queue.removeStudyJobs(studyId);
    return study;
  }

  /** Cancels the study if needed, then removes it, its trials, its events and its artifact folder. */
  async deleteStudy(studyId: string): Promise<void> {
    const study = await this.cancelStudy(studyId);
    await this.prisma.study.delete({ where: { id: studyId } });
    await appendEvent(this.prisma, { studyId: null, type: 'STUDY_DELETED', payload: { studyId, name: study.name } });
    // The name was validated as a plain folder name when the study was created.
    await rm(path.join(this.resultsDir, study.name), { recursive: true, force: true });
  }
}
