// `hyperscope optimize`: runs a study from the command line with progress bars (or JSON lines), through the same
// study service, queue and workers as the dashboard, so the study also shows up there.
import { readFile } from 'node:fs/promises';
import { Command, InvalidArgumentError, Option } from 'commander';
import { MultiBar, Presets, type SingleBar } from 'cli-progress';
import { defaultWorkerCount, readServerSettings } from '../config/server-settings.js';
import { EventFeed } from '../events/event-feed.js';
import { openEventStream } from '../events/event-stream.js';
import type { StoredEvent } from '../events/stored-event.js';
import { LogDestination } from '../logging/log-destination.js';
import { openDatabase } from '../persistence/database.js';
import { startDeadWorkerReaper } from '../studies/dead-worker-reaper.js';
import { LocalWorkerPool } from '../studies/local-worker-pool.js';
import {
  OPTIMIZATION_MODES,
  PRUNER_KINDS,
  SAMPLER_KINDS,
  type HyperparameterOverride,
  type OptimizationInput,
} from '../studies/optimization-input.js';
import { StudyConfigError, type StudyConfig } from '../studies/study-config.js';
import { StudyService } from '../studies/study-service.js';
import { TrialQueue } from '../studies/trial-queue.js';

interface OptimizeOptions {
  dataset: string;
  name?: string;
  mode?: OptimizationInput['mode'];
  healthWeight?: number;
  trials?: number;
  parallelism?: number;
  heavyTrialsOnGpu?: boolean;
  epochs?: number;
  trainSubset?: number;
  finalEpochs?: number;
  finalTrainSubset?: number;
  sampler?: OptimizationInput['sampler'];
  pruner?: OptimizationInput['pruner'];
  seed?: number;
  timeoutMinutes?: number;
  searchSpace?: string;
  databaseUrl?: string;
  workers?: number;
  json: boolean;
}

const FINISHED = new Set(['STUDY_COMPLETED', 'STUDY_FAILED', 'STUDY_CANCELLED']);

export function createOptimizeCommand(): Command {
  const integer = (name: string) => (value: string) => {
    const parsed = Number(value);
    if (!Number.isInteger(parsed)) throw new InvalidArgumentError(`${name} must be a whole number.`);
    return parsed;
  };
  const number = (name: string) => (value: string) => {
    const parsed = Number(value);
    if (!Number.isFinite(parsed)) throw new InvalidArgumentError(`${name} must be a number.`);
    return parsed;
  };
  return new Command('optimize')
    .description('Run a study: sample architectures, train them on local workers, then train the final model')
    .requiredOption('--dataset <id>', 'mnist, fashion-mnist, cifar10, cifar100, gtsrb, imdb or reuters')
    .option('--name <name>', 'study name, also its results folder (default: <dataset>-<date>-<time>)')
    .addOption(new Option('--mode <mode>', 'what trials are scored on').choices(OPTIMIZATION_MODES))
    .option('--health-weight <w>', 'HEALTH_AWARE: share of health in the score, 0..1', number('--health-weight'))
    .option('--trials <n>', 'trials to run', integer('--trials'))
    .option('--parallelism <n>', 'trials training at once', integer('--parallelism'))
    .option('--epochs <n>', 'epochs per trial', integer('--epochs'))
    .option('--train-subset <n>', 'training examples per trial', integer('--train-subset'))
    .option('--final-epochs <n>', 'epochs of the final model', integer('--final-epochs'))
    .option('--final-train-subset <n>', 'training examples of the final model (default: all)', integer('--final-train-subset'))
    .addOption(new Option('--sampler <kind>').choices(SAMPLER_KINDS))
    .addOption(new Option('--pruner <kind>').choices(PRUNER_KINDS))
    .option('--seed <n>', 'seed for a reproducible study', integer('--seed'))
    .option('--timeout-minutes <m>', 'start no trial after this long', number('--timeout-minutes'))
    .option('--heavy-trials-on-gpu', 'choose parameters when trials are queued and give GPU workers the heavier ones first')
    .option('--search-space <file>', 'JSON list of overrides: [{"name":"learningRate","mode":"RANGE","low":0.001,"high":0.01}, ...]')
    .option('--database-url <url>', 'external PostgreSQL (default: $DATABASE_URL, else the embedded one)')
    .option('--workers <n>', 'local worker processes (default: the parallelism, at most one per core, or per $HYPERSCOPE_TRAINING_THREADS cores)', integer('--workers'))
    .option('--json', 'print one JSON object per event instead of progress bars', false)
    .action(async (options: OptimizeOptions) => {
      process.exitCode = await optimize(options);
    });
}

async function optimize(options: OptimizeOptions): Promise<number> {
  const input: OptimizationInput = {
    dataset: options.dataset,
    name: options.name,
    mode: options.mode,
    healthWeight: options.healthWeight,
    trials: options.trials,
    parallelism: options.parallelism,
    epochs: options.epochs,
    trainSubsetSize: options.trainSubset,
    finalModelEpochs: options.finalEpochs,
    finalModelTrainSubsetSize: options.finalTrainSubset,
    sampler: options.sampler,
    pruner: options.pruner,
    seed: options.seed,
    timeoutMinutes: options.timeoutMinutes,
    heavyTrialsOnGpu: options.heavyTrialsOnGpu,
    searchSpace: options.searchSpace ? await readSearchSpace(options.searchSpace) : undefined,
  };
  const settings = readServerSettings({ ...process.env, ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}) });
  // The terminal shows only problems (progress bars or JSON own it); the files keep everything.
  const logs = await LogDestination.open({ logsDir: settings.logsDir, terminal: 'stderr', terminalLevel: 'warn', fileLevel: settings.logLevel });
  const logger = logs.createLogger('optimize');
  const database = await openDatabase({ databaseUrl: settings.databaseUrl, dataDir: settings.dataDir, stopAdoptedEmbedded: false });
  const queue = await TrialQueue.connect(database.url, logger);
  const feed = await EventFeed.start({ databaseUrl: database.url, logger });
  let workers: LocalWorkerPool | undefined;
  let stopReaper = async (): Promise<void> => undefined;
  try {
    const service = new StudyService(database, queue, settings.resultsDir);
    let study;
    try {
      study = await service.startStudy(input);
    } catch (error) {
      if (error instanceof StudyConfigError) {
        console.error(`hyperscope optimize: ${cliOptionOf(error.field)}: ${error.message.slice(error.field.length + 2)}`);
        return 2;
      }
      throw error;
    }
    const config = study.config as unknown as StudyConfig;
    const since = Number((await database.prisma.event.aggregate({ _max: { sequence: true } }))._max.sequence ?? 0);
    stopReaper = startDeadWorkerReaper(database.prisma, queue, logger);
    workers = new LocalWorkerPool({
      size: options.workers ?? Math.min(config.parallelism, defaultWorkerCount(settings.trainingThreads)),
      databaseUrl: database.url,
      logger,
      workerArgs: ['--results-dir', settings.resultsDir],
      childLogs: logs,
    });
    workers.start();
    const interrupt = () => void service.cancelStudy(study.id);
    process.once('SIGINT', interrupt);

    const progress = options.json ? undefined : new StudyProgress(study.name, config);
    let last: StoredEvent | undefined;
    for await (const event of openEventStream(feed, database.prisma, { studyId: study.id }, { since })) {
      if (options.json) console.log(JSON.stringify(event));
      else progress!.update(event);
      last = event;
      if (FINISHED.has(event.type)) break;
    }
    progress?.stop();
    process.removeListener('SIGINT', interrupt);
    const finished = await database.prisma.study.findUniqueOrThrow({ where: { id: study.id }, include: { bestTrial: true, artifacts: true } });
    if (!options.json) {
      console.log(`\nstudy ${finished.name}: ${finished.state.toLowerCase()}${finished.error ? ` (${finished.error})` : ''}`);
      if (finished.bestTrial) {
        console.log(`best trial #${finished.bestTrial.number}: objective ${finished.bestTrial.values.map((v) => v.toFixed(4)).join(', ')}`);
        console.log(`  ${JSON.stringify(finished.bestTrial.params)}`);
      }
      for (const artifact of finished.artifacts) console.log(`  ${settings.resultsDir}/${artifact.path}`);
    }
    return last?.type === 'STUDY_COMPLETED' ? 0 : 1;
  } finally {
    await workers?.stop();
    await stopReaper();
    await feed.close();
    await queue.close();
    await database.close();
  }
}

/** The CLI flag that sets an OptimizationInput field, for error messages. */
function cliOptionOf(field: string): string {
  const flags: Record<string, string> = {
    trainSubsetSize: '--train-subset',
    finalModelEpochs: '--final-epochs',
    finalModelTrainSubsetSize: '--final-train-subset',
  };
  const [head] = field.split(/[.[]/);
  if (head === 'searchSpace') return `--search-space ${field}`;
  return flags[head!] ?? `--${head!.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

async function readSearchSpace(file: string): Promise<HyperparameterOverride[]> {
  const text = await readFile(file, 'utf8').catch(() => {
    throw new InvalidArgumentError(`--search-space: cannot read ${file}`);
  });
  try {
    return JSON.parse(text) as HyperparameterOverride[];
  } catch (error) {
    throw new InvalidArgumentError(`--search-space: ${file} is not valid JSON (${(error as Error).message})`);
  }
}

/** Three bars: trials done, the epochs of the latest running trial, and the final model. */
class StudyProgress {
  private readonly bars = new MultiBar({ clearOnComplete: false, hideCursor: true, format: '{label} [{bar}] {value}/{total} {detail}' }, Presets.shades_grey);
  private readonly trials: SingleBar;
  private readonly epochs: SingleBar;
  private finalModel: SingleBar | undefined;
  private done = 0;

  constructor(name: string, private readonly config: StudyConfig) {
    this.trials = this.bars.create(config.trials, 0, { label: 'trials      ', detail: name });
    this.epochs = this.bars.create(config.budget.epochs, 0, { label: 'trial epochs', detail: '' });
  }

  update(event: StoredEvent): void {
    const { payload } = event;
    switch (event.type) {
      case 'TRIAL_STARTED':
        this.epochs.update(0, { detail: `trial #${payload.trialNumber}` });
        break;
      case 'EPOCH_COMPLETED':
        this.epochs.update(payload.epoch ?? 0, {
          detail: `trial #${payload.trialNumber} val acc ${typeof payload['valAccuracy'] === 'number' ? payload['valAccuracy'].toFixed(3) : '-'}`,
        });
        break;
      case 'TRIAL_COMPLETED':
      case 'TRIAL_PRUNED':
      case 'TRIAL_FAILED':
        if (event.type === 'TRIAL_FAILED' && String(payload['error'] ?? '').startsWith('worker stopped')) break;
        this.done += 1;
        this.trials.update(this.done, { detail: `last: #${payload.trialNumber} ${event.type.slice(6).toLowerCase()}` });
        break;
      case 'FINAL_MODEL_STARTED':
        this.finalModel = this.bars.create(this.config.finalModel.epochs, 0, { label: 'final model ', detail: `from trial #${payload.trialNumber}` });
        break;
      case 'FINAL_MODEL_EPOCH':
        this.finalModel?.update(payload.epoch ?? 0);
        break;
      default:
        break;
    }
  }

  stop(): void {
    this.bars.stop();
  }
}
