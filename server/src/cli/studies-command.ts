// `hyperscope studies list|show`: the studies in the database, from the terminal.
import { Command } from 'commander';
import { readServerSettings } from '../config/server-settings.js';
import { openDatabase, type Database } from '../persistence/database.js';
import type { StudyConfig } from '../studies/study-config.js';

async function withDatabase<T>(databaseUrl: string | undefined, work: (database: Database) => Promise<T>): Promise<T> {
  const settings = readServerSettings({ ...process.env, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) });
  // A running server's embedded database is borrowed, not stopped, when this command ends.
  const database = await openDatabase({ databaseUrl: settings.databaseUrl, dataDir: settings.dataDir, stopAdoptedEmbedded: false });
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd()).join('\n');
}

export function createStudiesCommand(print: (text: string) => void = (text) => console.log(text)): Command {
  const studies = new Command('studies').description('List and inspect studies');
  studies
    .command('list')
    .description('Every study, newest first')
    .option('--database-url <url>', 'external PostgreSQL (default: $DATABASE_URL, else the embedded one)')
    .option('--json', 'print JSON', false)
    .action(async (options: { databaseUrl?: string; json: boolean }) => {
      await withDatabase(options.databaseUrl, async ({ prisma }) => {
        const rows = await prisma.study.findMany({ orderBy: { createdAt: 'desc' }, include: { bestTrial: true, _count: { select: { trials: { where: { state: { in: ['COMPLETE', 'PRUNED', 'FAILED'] } } } } } } });
        if (options.json) return print(JSON.stringify(rows, (_, value) => (typeof value === 'bigint' ? Number(value) : value), 2));
        print(
          table([
            ['name', 'state', 'dataset', 'mode', 'trials', 'best', 'created'],
            ...rows.map((s) => [
              s.name,
              s.state,
              s.dataset,
              s.mode,
              `${s._count.trials}/${(s.config as unknown as StudyConfig).trials ?? '?'}`,
              s.bestTrial ? `#${s.bestTrial.number} ${s.bestTrial.values.map((v) => v.toFixed(4)).join(', ')}` : '-',
              s.createdAt.toISOString().slice(0, 19).replace('T', ' '),
            ]),
          ]),
        );
      });
    });
  studies
    .command('show <study>')
    .description('One study (by name or id): configuration, trials and artifacts')
    .option('--database-url <url>', 'external PostgreSQL (default: $DATABASE_URL, else the embedded one)')
    .option('--json', 'print JSON', false)
    .action(async (nameOrId: string, options: { databaseUrl?: string; json: boolean }) => {
      await withDatabase(options.databaseUrl, async ({ prisma }) => {
        const isUuid = /^[0-9a-f-]{36}$/i.test(nameOrId);
        const study = await prisma.study.findFirst({
          where: isUuid ? { OR: [{ id: nameOrId }, { name: nameOrId }] } : { name: nameOrId },
          include: { trials: { orderBy: { number: 'asc' }, include: { health: true } }, artifacts: true },
        });
        if (!study) throw new Error(`no study named or with id "${nameOrId}" (see: hyperscope studies list)`);
        if (options.json) return print(JSON.stringify(study, null, 2));
        print(`${study.name} (${study.id}): ${study.state}, ${study.dataset}, ${study.mode}${study.error ? `, error: ${study.error}` : ''}`);
        print(
          table([
            ['trial', 'state', 'objective', 'health', 'params'],
            ...study.trials.map((t) => [
              `#${t.number}${t.id === study.bestTrialId ? ' *' : ''}`,
              t.state,
              t.values.map((v) => v.toFixed(4)).join(', ') || '-',
              t.health ? t.health.composite.toFixed(3) : '-',
              JSON.stringify(t.params),
            ]),
          ]),
        );
        for (const artifact of study.artifacts) print(`artifact ${artifact.kind}: ${artifact.path}`);
      });
    });
  return studies;
}
