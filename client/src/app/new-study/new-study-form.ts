import { DecimalPipe, NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, ElementRef, inject, resource, signal } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { AbstractControl, FormControl, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router } from '@angular/router';
import { describeError } from '../graphql/describe-error';
import type { OptimizationInput, OptimizationMode, PrunerKind, SamplerKind } from '../graphql/generated/graphql';
import { HEALTH_METRICS } from '../health/health-metrics';
import { defaultSettings, overridesOf, searchSpaceProblems, type SearchSpaceSettings } from '../search-space/hyperparameter-setting';
import { SearchSpaceEditor } from '../search-space/search-space-editor';
import { SearchSpaceService } from '../search-space/search-space.service';
import { DatasetsService } from './datasets.service';
import { InputErrors } from './input-errors';
import { type NumberLimit, numberProblem, STUDY_INPUT_LIMITS } from './study-input-limits';
import { StudyLauncher } from './study-launcher.service';

/** Number fields by group; left empty, the server's default applies. */
const NUMBER_FIELDS = [
  { name: 'trials', group: 'budget', label: 'Trials', hint: 'Architectures to train and compare.' },
  { name: 'parallelism', group: 'budget', label: 'Parallelism', hint: 'Trials training at once, one per worker.' },
  { name: 'epochs', group: 'budget', label: 'Epochs per trial', hint: 'Training budget of each trial.' },
  { name: 'trainSubsetSize', group: 'budget', label: 'Training subset', hint: 'Training examples per trial (at least 100).' },
  { name: 'timeoutMinutes', group: 'budget', label: 'Timeout (minutes)', hint: 'No trial starts after this long.' },
  { name: 'finalModelEpochs', group: 'final', label: 'Final-model epochs', hint: 'The best configuration is retrained this long.' },
  { name: 'finalModelTrainSubsetSize', group: 'final', label: 'Final-model training subset', hint: 'Training examples of the final model.' },
  { name: 'seed', group: 'search', label: 'Seed', hint: 'The same seed samples the same architectures again.' },
] as const;

type NumberField = (typeof NUMBER_FIELDS)[number]['name'];
type HealthMetricName = (typeof HEALTH_METRICS)[number]['key'];

const numberControl = (limit: NumberLimit) => [(control: AbstractControl<number | null>) => {
  const problem = numberProblem(control.value, limit);
  return problem ? { limit: problem } : null;
}];

const MODES: readonly { value: OptimizationMode; label: string }[] = [
  { value: 'SIMPLE', label: 'Simple: validation accuracy' },
  { value: 'HEALTH_AWARE', label: 'Health-aware: accuracy blended with network health' },
  { value: 'MULTI_OBJECTIVE', label: 'Multi-objective: accuracy and health, Pareto front' },
];
const SAMPLERS: readonly { value: SamplerKind; label: string }[] = [
  { value: 'TPE', label: 'TPE' },
  { value: 'TPE_MULTIVARIATE', label: 'Multivariate TPE' },
  { value: 'RANDOM', label: 'Random' },
];
const PRUNERS: readonly { value: PrunerKind; label: string }[] = [
  { value: 'MEDIAN', label: 'Median' },
  { value: 'SUCCESSIVE_HALVING', label: 'Successive halving' },
  { value: 'HYPERBAND', label: 'Hyperband' },
  { value: 'NONE', label: 'None' },
];

/**
 * Starts a study: dataset, objective, budgets and the search space. Every field but the dataset may stay at
 * the server default; only the hyperparameters the user changed are sent as overrides.
 */
@Component({
  selector: 'hs-new-study-form',
  imports: [ReactiveFormsModule, DecimalPipe, NgTemplateOutlet, SearchSpaceEditor],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './new-study-form.html',
  styleUrl: './new-study-form.css',
})
export class NewStudyForm {
  private readonly launcher = inject(StudyLauncher);
  private readonly router = inject(Router);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly datasets = inject(DatasetsService);

  private readonly searchSpaces = inject(SearchSpaceService);

  protected readonly budgetFields = NUMBER_FIELDS.filter((field) => field.group === 'budget');
  protected readonly finalModelFields = NUMBER_FIELDS.filter((field) => field.group === 'final');
  protected readonly seedField = NUMBER_FIELDS.find((field) => field.name === 'seed')!;
  protected readonly healthMetrics = HEALTH_METRICS;
  protected limitOf(field: NumberField): NumberLimit {
    return STUDY_INPUT_LIMITS[field];
  }
  protected readonly modes = MODES;
  protected readonly samplers = SAMPLERS;
  protected readonly pruners = PRUNERS;

  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly form = this.fb.group({
    dataset: this.fb.control('', Validators.required),
    name: this.fb.control(''),
    mode: this.fb.control<OptimizationMode | ''>(''),
    healthWeight: this.fb.control<number | null>(null, numberControl(STUDY_INPUT_LIMITS.healthWeight)),
    healthWeights: this.fb.group(
      Object.fromEntries(HEALTH_METRICS.map((metric) => [metric.key, this.fb.control<number | null>(null, numberControl(STUDY_INPUT_LIMITS.healthWeights))])) as Record<HealthMetricName, FormControl<number | null>>,
    ),
    trials: this.fb.control<number | null>(null, numberControl(STUDY_INPUT_LIMITS.trials)),
    parallelism: this.fb.control<number | null>(null, numberControl(STUDY_INPUT_LIMITS.parallelism)),
    epochs: this.fb.control<number | null>(null, numberControl(STUDY_INPUT_LIMITS.epochs)),
    trainSubsetSize: this.fb.control<number | null>(null, numberControl(STUDY_INPUT_LIMITS.trainSubsetSize)),
    timeoutMinutes: this.fb.control<number | null>(null, numberControl(STUDY_INPUT_LIMITS.timeoutMinutes)),
    finalModelEpochs: this.fb.control<number | null>(null, numberControl(STUDY_INPUT_LIMITS.finalModelEpochs)),
    finalModelTrainSubsetSize: this.fb.control<number | null>(null, numberControl(STUDY_INPUT_LIMITS.finalModelTrainSubsetSize)),
    seed: this.fb.control<number | null>(null, numberControl(STUDY_INPUT_LIMITS.seed)),
    sampler: this.fb.control<SamplerKind | ''>(''),
    pruner: this.fb.control<PrunerKind | ''>(''),
    heavyTrialsOnGpu: this.fb.control(false),
  });

  protected readonly value = toSignal(this.form.valueChanges, { initialValue: this.form.getRawValue() });
  protected readonly selectedDataset = computed(() => this.datasets.datasets()?.find((d) => d.id === this.value().dataset) ?? null);
  protected readonly healthAware = computed(() => this.value().mode === 'HEALTH_AWARE');
  protected readonly submitting = signal(false);

  /** The chosen dataset's search space; reloads when the dataset (and so maybe the model family) changes. */
  protected readonly searchSpace = rxResource({
    params: () => this.value().dataset || undefined,
    stream: ({ params: dataset }) => this.searchSpaces.forDataset(dataset),
  });
  protected readonly searchSpaceError = computed(() => (this.searchSpace.error() ? describeError(this.searchSpace.error()) : null));
  protected readonly hyperparameters = computed(() => (this.searchSpace.hasValue() ? this.searchSpace.value().hyperparameters : []));
  protected readonly searchSpaceSettings = signal<SearchSpaceSettings>({});
  /** The form's own checks of the search space, and the server's, by hyperparameter name ('' for the whole space). */
  protected readonly searchSpaceErrors = computed(() => {
    const server = Object.entries(this.serverErrors().fields)
      .filter(([field]) => field === 'searchSpace' || field.startsWith('searchSpace.'))
      .map(([field, message]) => [field.slice('searchSpace.'.length), message]);
    return { ...searchSpaceProblems(this.hyperparameters(), this.searchSpaceSettings()), ...Object.fromEntries(server) };
  });

  /** Example texts of a text dataset (images come as one sprite). */
  protected readonly textExamples = resource({
    params: () => {
      const dataset = this.selectedDataset();
      return dataset?.modality === 'text' && dataset.previewUrl ? dataset.previewUrl : undefined;
    },
    loader: ({ params: url, abortSignal }) => this.datasets.textExamples(url, abortSignal),
  });

  constructor() {
    // A new space (other dataset or family) starts from its defaults; its hyperparameter names differ.
    effect(() => this.searchSpaceSettings.set(defaultSettings(this.hyperparameters())));
  }

  protected searchSpaceEdited(settings: SearchSpaceSettings): void {
    this.searchSpaceSettings.set(settings);
    const errors = this.serverErrors();
    const fields = Object.fromEntries(Object.entries(errors.fields).filter(([field]) => field !== 'searchSpace' && !field.startsWith('searchSpace.')));
    if (Object.keys(fields).length !== Object.keys(errors.fields).length) this.serverErrors.set({ ...errors, fields });
  }
  protected readonly serverErrors = signal<InputErrors>({ fields: {}, general: [] });

  /** The server's message for a field, or the form's own check. */
  protected errorFor(field: string): string | null {
    const server = this.serverErrors().fields[field];
    if (server) return server;
    const control = this.form.get(field);
    if (!control || !control.invalid || !(control.touched || control.dirty)) return null;
    if (control.hasError('required')) return 'Choose one.';
    if (control.hasError('limit')) return `${control.getError('limit')}.`;
    return 'Check this value.';
  }

  protected submit(): void {
    this.form.markAllAsTouched();
    const searchSpaceInvalid = Object.keys(this.searchSpaceErrors()).length > 0;
    if (this.form.invalid || searchSpaceInvalid || this.submitting()) {
      this.focusFirstError();
      return;
    }
    this.submitting.set(true);
    this.serverErrors.set({ fields: {}, general: [] });
    this.launcher.start(this.toInput(), this.formFields()).subscribe((result) => {
      this.submitting.set(false);
      if (result.kind === 'started') {
        void this.router.navigate(['/studies', result.studyId]);
      } else {
        this.serverErrors.set(result.errors);
        this.focusFirstError();
      }
    });
  }

  /** Clears the server's message for a field once the user edits it. */
  protected edited(field: string): void {
    const errors = this.serverErrors();
    if (!(field in errors.fields)) return;
    const fields = { ...errors.fields };
    delete fields[field];
    this.serverErrors.set({ ...errors, fields });
  }

  /** Where a server error can be shown: every control, each health weight, and the search space. */
  private formFields(): string[] {
    return [...Object.keys(this.form.controls), ...HEALTH_METRICS.map((metric) => `healthWeights.${metric.key}`), 'searchSpace'];
  }

  private toInput(): OptimizationInput {
    const value = this.form.getRawValue();
    const input: OptimizationInput = { dataset: value.dataset };
    if (value.name.trim()) input.name = value.name.trim();
    if (value.mode) input.mode = value.mode;
    if (value.mode === 'HEALTH_AWARE') {
      if (value.healthWeight !== null) input.healthWeight = value.healthWeight;
      const weights = Object.entries(value.healthWeights).filter(([, weight]) => weight !== null);
      if (weights.length) input.healthWeights = Object.fromEntries(weights);
    }
    for (const field of NUMBER_FIELDS) {
      const number = value[field.name as NumberField];
      if (number !== null) input[field.name] = number;
    }
    if (value.sampler) input.sampler = value.sampler;
    if (value.pruner) input.pruner = value.pruner;
    if (value.heavyTrialsOnGpu) input.heavyTrialsOnGpu = true;
    const overrides = overridesOf(this.hyperparameters(), this.searchSpaceSettings());
    if (overrides.length) input.searchSpace = overrides;
    return input;
  }

  private focusFirstError(): void {
    // After the error messages render.
    setTimeout(() => this.host.nativeElement.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  }
}
