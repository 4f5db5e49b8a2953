// Filtering and sorting trials by any hyperparameter happens in SQL on the JSONB params, one page at a time.
import { Prisma, type PrismaClient } from '../../persistence/generated/prisma/client.js';
import { badUserInput } from '../common/api-errors.js';
import type { TrialFilter, TrialSort } from './trials-query.input.js';

const MAX_PARAM_FILTERS = 20;
const MAX_NAME_LENGTH = 100;
const MAX_ONE_OF = 100;

export interface TrialPage {
  ids: string[];
  totalCount: number;
  hasNextPage: boolean;
}

function checkParamName(field: string, name: string): string {
  if (name.length === 0 || name.length > MAX_NAME_LENGTH) throw badUserInput(field, `a parameter name has 1 to ${MAX_NAME_LENGTH} characters`);
  return name;
}

function whereClause(studyId: string, filter: TrialFilter | null): Prisma.Sql {
  const conditions: Prisma.Sql[] = [Prisma.sql`"studyId" = ${studyId}::uuid`];
  if (filter?.states?.length) conditions.push(Prisma.sql`"state"::text = ANY(${filter.states}::text[])`);
  if (filter?.objectiveMin != null) conditions.push(Prisma.sql`"values"[1] >= ${filter.objectiveMin}`);
  if (filter?.objectiveMax != null) conditions.push(Prisma.sql`"values"[1] <= ${filter.objectiveMax}`);
  const params = filter?.params ?? [];
  if (params.length > MAX_PARAM_FILTERS) throw badUserInput('filter.params', `at most ${MAX_PARAM_FILTERS} parameter filters`);
  params.forEach((param, index) => {
    const field = `filter.params[${index}]`;
    const name = checkParamName(`${field}.name`, param.name);
    if (param.min == null && param.max == null && param.oneOf == null) throw badUserInput(field, 'give min, max or oneOf');
    const numeric = Prisma.sql`(CASE WHEN jsonb_typeof("params" -> ${name}) = 'number' THEN ("params" ->> ${name})::float8 END)`;
    if (param.min != null) conditions.push(Prisma.sql`${numeric} >= ${param.min}`);
    if (param.max != null) conditions.push(Prisma.sql`${numeric} <= ${param.max}`);
    if (param.oneOf != null) {
      if (param.oneOf.length === 0 || param.oneOf.length > MAX_ONE_OF) throw badUserInput(`${field}.oneOf`, `list 1 to ${MAX_ONE_OF} values`);
      conditions.push(Prisma.sql`("params" -> ${name}) = ANY(${param.oneOf.map((value) => JSON.stringify(value))}::jsonb[])`);
    }
  });
  return Prisma.join(conditions, ' AND ');
}

function orderClause(sort: TrialSort | null): Prisma.Sql {
  if (!sort) return Prisma.sql`"number" ASC`;
  const direction = Prisma.raw(sort.direction === 'DESC' ? 'DESC' : 'ASC');
  if (sort.by !== 'PARAM' && sort.param != null) throw badUserInput('sort.param', 'is only used with by: PARAM');
  const key = {
    NUMBER: Prisma.sql`"number"`,
    OBJECTIVE: Prisma.sql`"values"[1]`,
    STARTED_AT: Prisma.sql`"startedAt"`,
    DURATION: Prisma.sql`("finishedAt" - "startedAt")`,
    PARAM: sort.param == null ? undefined : Prisma.sql`("params" -> ${checkParamName('sort.param', sort.param)})`,
  }[sort.by];
  if (!key) throw badUserInput('sort.param', 'name the parameter to sort by');
  // Trials without the value (still running, or another family's parameter) go last either way.
  return Prisma.sql`${key} ${direction} NULLS LAST, "number" ASC`;
}

export async function findTrialPage(
  prisma: PrismaClient,
  studyId: string,
  filter: TrialFilter | null,
  sort: TrialSort | null,
  offset: number,
  first: number,
): Promise<TrialPage> {
  const where = whereClause(studyId, filter);
  const order = orderClause(sort);
  const [rows, [{ count }]] = await Promise.all([
    prisma.$queryRaw<{ id: string }[]>`SELECT "id"::text AS id FROM "Trial" WHERE ${where} ORDER BY ${order} LIMIT ${first + 1} OFFSET ${offset}`,
    prisma.$queryRaw<{ count: number }[]>`SELECT COUNT(*)::int AS count FROM "Trial" WHERE ${where}`,
  ]);
  return { ids: rows.slice(0, first).map((row) => row.id), totalCount: count, hasNextPage: rows.length > first };
}
