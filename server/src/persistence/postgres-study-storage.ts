// The engine's Storage on PostgreSQL, safe for many processes on many machines asking and telling at once:
// trial numbers come from a counter on the study's row, every write to a trial is a compare-and-set on its RUNNING
// state, and all timestamps come from the database clock. Finished trials never change, so each instance keeps
// those it has read (as Optuna's _CachedStorage does) and a sampler's every read fetches only the newer ones.
import type { Distribution, ParamValue } from '../engine/distributions.js';
import type { FrozenTrial, TrialState } from '../engine/frozen-trial.js';
import type { JsonValue } from '../engine/json-value.js';
import type { NewTrial, Storage, StudyRecord, TrialOutcome } from '../engine/storage.js';
import { DuplicateStudyError, NotFoundError, TrialNotRunningError } from '../engine/storage-errors.js';
import type { StudyDirection } from '../engine/study-direction.js';
import { Prisma, type PrismaClient } from './generated/prisma/client.js';

/** A study created through the engine alone, with no dataset (library use and engine tests). */
const ENGINE_ONLY_STUDY = { dataset: '', mode: 'ENGINE', config: {} } as const;

/** A trial with its intermediate values in one statement: the reads every ask and suggest makes. */
const TRIAL_COLUMNS = Prisma.sql`
  t.id, t."studyId", t.number, t.state::text AS state, t.params, t.distributions, t."values", t."userAttrs",
  t."systemAttrs", t."workerId", t."heartbeatAt", t.retries, t.error, t."startedAt", t."finishedAt",
  COALESCE((SELECT json_agg(json_build_object('step', v.step, 'value', v.value) ORDER BY v.step)
            FROM "TrialIntermediateValue" v WHERE v."trialId" = t.id), '[]'::json) AS "intermediateValues"`;

interface TrialRow {
  id: string;
  studyId: string;
  number: number;
  state: TrialState;
  params: unknown;
  distributions: unknown;
  values: number[] | null;
  userAttrs: unknown;
  systemAttrs: unknown;
  workerId: string | null;
  heartbeatAt: Date | null;
  retries: number;
  error: string | null;
  startedAt: Date;
  finishedAt: Date | null;
  /** JSON writes non-finite floats as strings ("NaN", "Infinity"). */
  intermediateValues: { step: number; value: number | string }[];
}

/** Finished trials of one study read so far: every trial numbered below `nextNumber` is finished and kept. */
interface FinishedTrials {
  nextNumber: number;
  trials: FrozenTrial[];
}

export class PostgresStudyStorage implements Storage {
  private readonly finished = new Map<string, FinishedTrials>();

  /** Share one instance per process: its cache of finished trials is what makes reads cheap in long studies. */
  constructor(private readonly prisma: PrismaClient) {}

  async createStudy(input: { studyName: string; directions: readonly StudyDirection[] }): Promise<StudyRecord> {
    try {
      const study = await this.prisma.study.create({
        data: { name: input.studyName, directions: [...input.directions], ...ENGINE_ONLY_STUDY },
      });
      return toStudyRecord(study);
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
        throw new DuplicateStudyError(input.studyName);
      }
      throw error;
    }
  }

  async findStudy(studyName: string): Promise<StudyRecord | null> {
    const study = await this.prisma.study.findUnique({ where: { name: studyName } });
    return study && toStudyRecord(study);
  }

  async createTrial(studyId: string, input: NewTrial = {}): Promise<FrozenTrial> {
    // One statement: the UPDATE takes the study's row lock and re-reads the counter after it, so concurrent
    // askers get distinct, gap-free numbers in a single round trip.
    const systemAttrs = input.systemAttrs ?? {};
    const [row] = await this.prisma.$queryRaw<{ id: string; number: number; startedAt: Date }[]>`
      WITH numbered AS (
        UPDATE "Study" SET "nextTrialNumber" = "nextTrialNumber" + 1 WHERE id = ${studyId}::uuid
        RETURNING id, "nextTrialNumber" - 1 AS number
      )
      INSERT INTO "Trial" (id, "studyId", number, "values", "workerId", "systemAttrs", retries, "startedAt", "heartbeatAt")
      SELECT gen_random_uuid(), numbered.id, numbered.number, '{}', ${input.workerId ?? null}, ${JSON.stringify(systemAttrs)}::jsonb,
             ${input.retries ?? 0}, clock_timestamp(), clock_timestamp()
      FROM numbered
      RETURNING id, number, "startedAt"`;
    if (!row) throw new NotFoundError(`Study ${studyId}`);
    const startedAt = row.startedAt.getTime();
    return {
      id: row.id,
      studyId,
      number: row.number,
      state: 'RUNNING',
      params: {},
      distributions: {},
      values: null,
      intermediateValues: [],
      userAttrs: {},
      systemAttrs: systemAttrs as FrozenTrial['systemAttrs'],
      workerId: input.workerId ?? null,
      heartbeatAt: startedAt,
      retries: input.retries ?? 0,
      error: null,
      startedAt,
      finishedAt: null,
    };
  }

  async setTrialParam(trialId: string, name: string, value: ParamValue, distribution: Distribution): Promise<void> {
    await this.updateRunning(trialId, Prisma.sql`
      params = params || jsonb_build_object(${name}::text, ${JSON.stringify(value)}::jsonb),
      distributions = distributions || jsonb_build_object(${name}::text, ${JSON.stringify(distribution)}::jsonb)`);
  }

  async setTrialIntermediateValue(trialId: string, step: number, value: number): Promise<void> {
    // As text: a diverged loss is NaN or Infinity, which PostgreSQL reads from 'NaN' / 'Infinity' but the
    // driver would send as null.
    const inserted = await this.prisma.$executeRaw`
      INSERT INTO "TrialIntermediateValue" ("trialId", step, value)
      SELECT id, ${step}, ${String(value)}::double precision FROM "Trial" WHERE id = ${trialId}::uuid AND state = 'RUNNING'
      ON CONFLICT ("trialId", step) DO UPDATE SET value = EXCLUDED.value`;
    if (inserted === 0) await this.throwNotRunning(trialId);
  }

  async setTrialUserAttr(trialId: string, key: string, value: JsonValue): Promise<void> {
    await this.updateRunning(trialId, Prisma.sql`"userAttrs" = "userAttrs" || jsonb_build_object(${key}::text, ${JSON.stringify(value)}::jsonb)`);
  }

  async setTrialSystemAttr(trialId: string, key: string, value: JsonValue): Promise<void> {
    await this.updateRunning(trialId, Prisma.sql`"systemAttrs" = "systemAttrs" || jsonb_build_object(${key}::text, ${JSON.stringify(value)}::jsonb)`);
  }

  async finishTrial(trialId: string, outcome: TrialOutcome): Promise<FrozenTrial> {
    // As text, as intermediate values are: non-finite values would reach PostgreSQL as null.
    const values = outcome.values ? [...outcome.values] : [];
    const [row] = await this.prisma.$queryRaw<TrialRow[]>`
      WITH t AS (
        UPDATE "Trial" SET state = ${outcome.state}::"TrialState", "values" = ${values.map(String)}::text[]::double precision[],
                           error = ${outcome.error ?? null}, "finishedAt" = clock_timestamp()
        WHERE id = ${trialId}::uuid AND state = 'RUNNING'
        RETURNING *
      )
      SELECT ${TRIAL_COLUMNS} FROM t`;
    return row ? toFrozenTrial(row) : this.throwNotRunning(trialId);
  }

  async recordHeartbeat(trialId: string): Promise<void> {
    await this.updateRunning(trialId, Prisma.sql`"heartbeatAt" = clock_timestamp()`);
  }

  async failStaleTrials(studyId: string, heartbeatTimeoutMs: number): Promise<FrozenTrial[]> {
    // One UPDATE claims each stale trial exactly once, however many processes call this together.
    const failed = await this.prisma.$queryRaw<{ id: string }[]>`
      UPDATE "Trial"
      SET state = 'FAILED', "finishedAt" = clock_timestamp(),
          error = 'worker stopped sending heartbeats (no heartbeat for ' || ${heartbeatTimeoutMs}::int || ' ms)'
      WHERE "studyId" = ${studyId}::uuid AND state = 'RUNNING'
        AND "heartbeatAt" < clock_timestamp() - make_interval(secs => ${heartbeatTimeoutMs / 1000}::double precision)
      RETURNING id`;
    if (failed.length === 0) return [];
    const rows = await this.prisma.$queryRaw<TrialRow[]>`
      SELECT ${TRIAL_COLUMNS} FROM "Trial" t WHERE t.id = ANY(${failed.map((f) => f.id)}::uuid[]) ORDER BY t.number`;
    return rows.map(toFrozenTrial);
  }

  async getTrial(trialId: string): Promise<FrozenTrial> {
    const [row] = await this.prisma.$queryRaw<TrialRow[]>`SELECT ${TRIAL_COLUMNS} FROM "Trial" t WHERE t.id = ${trialId}::uuid`;
    if (!row) throw new NotFoundError(`Trial ${trialId}`);
    return toFrozenTrial(row);
  }

  async getTrials(studyId: string, states?: readonly TrialState[]): Promise<readonly FrozenTrial[]> {
    let cached = this.finished.get(studyId);
    if (!cached) this.finished.set(studyId, (cached = { nextNumber: 0, trials: [] }));
    const { nextNumber } = cached;
    const newer = (
      await this.prisma.$queryRaw<TrialRow[]>`
        SELECT ${TRIAL_COLUMNS} FROM "Trial" t WHERE t."studyId" = ${studyId}::uuid AND t.number >= ${nextNumber} ORDER BY t.number`
    ).map(toFrozenTrial);
    // Another reader of this study may have advanced the cache while this one waited.
    if (cached.nextNumber === nextNumber) {
      for (const trial of newer) {
        if (trial.state === 'RUNNING' || trial.number !== cached.nextNumber) break;
        cached.trials.push(trial);
        cached.nextNumber += 1;
      }
    }
    const all = [...cached.trials.slice(0, nextNumber), ...newer];
    return states ? all.filter((trial) => states.includes(trial.state)) : all;
  }

  /** Applies `assignments` only while the trial is RUNNING; otherwise says why nothing changed. */
  private async updateRunning(trialId: string, assignments: Prisma.Sql): Promise<void> {
    const updated = await this.prisma.$executeRaw`
      UPDATE "Trial" SET ${assignments} WHERE id = ${trialId}::uuid AND state = 'RUNNING'`;
    if (updated === 0) await this.throwNotRunning(trialId);
  }

  private async throwNotRunning(trialId: string): Promise<never> {
    const trial = await this.prisma.trial.findUnique({ where: { id: trialId }, select: { number: true, state: true } });
    if (!trial) throw new NotFoundError(`Trial ${trialId}`);
    throw new TrialNotRunningError(trial.number, trial.state);
  }
}

function toStudyRecord(study: { id: string; name: string; directions: string[] }): StudyRecord {
  return { id: study.id, name: study.name, directions: study.directions as StudyDirection[] };
}

function toFrozenTrial(row: TrialRow): FrozenTrial {
  return {
    id: row.id,
    studyId: row.studyId,
    number: row.number,
    state: row.state,
    params: row.params as Record<string, ParamValue>,
    distributions: row.distributions as unknown as Record<string, Distribution>,
    values: row.state === 'FAILED' || !row.values || row.values.length === 0 ? null : row.values,
    intermediateValues: row.intermediateValues.map(({ step, value }) => ({ step, value: Number(value) })),
    userAttrs: row.userAttrs as FrozenTrial['userAttrs'],
    systemAttrs: row.systemAttrs as FrozenTrial['systemAttrs'],
    workerId: row.workerId,
    heartbeatAt: row.heartbeatAt?.getTime() ?? null,
    retries: row.retries,
    error: row.error,
    startedAt: row.startedAt.getTime(),
    finishedAt: row.finishedAt?.getTime() ?? null,
  };
}
