import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, ElementRef, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router } from '@angular/router';
import type { OptimizationInput, OptimizationMode, PrunerKind, SamplerKind } from '../graphql/generated/graphql';
import { DatasetsService } from './datasets.service';
import { InputErrors } from './input-errors';
import { StudyLauncher } from './study-launcher.service';

/** Whole-number budget fields; left empty, the server's default applies. */
const NUMBER_FIELDS = [
  { name: 'trials', label: 'Trials', hint: 'Architectures to train and compare.' },
  { name: 'parallelism', label: 'Parallelism', hint: 'Trials training at once.' },
  { name: 'epochs', label: 'Epochs per trial', hint: 'Training budget of each trial.' },
  { name: 'trainSubsetSize', label: 'Training subset', hint: 'Training examples per trial.' },
  { name: 'finalModelEpochs', label: 'Final-model epochs', hint: 'The best configuration is retrained this long.' },
  { name: 'finalModelTrainSubsetSize', label: 'Final-model training subset', hint: 'Training examples of the final model.' },
] as const;

type NumberField = (typeof NUMBER_FIELDS)[number]['name'];

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

/** Starts a study: dataset, objective and budgets. Every field but the dataset may stay at the server default. */
@Component({
  selector: 'hs-new-study-form',
  imports: [ReactiveFormsModule, DecimalPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './new-study-form.html',
  styleUrl: './new-study-form.css',
})
export class NewStudyForm {
  private readonly launcher = inject(StudyLauncher);
  private readonly router = inject(Router);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly datasets = inject(DatasetsService);

  protected readonly numberFields = NUMBER_FIELDS;
  protected readonly modes = MODES;
  protected readonly samplers = SAMPLERS;
  protected readonly pruners = PRUNERS;

  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly form = this.fb.group({
    dataset: this.fb.control('', Validators.required),
    name: this.fb.control(''),
    mode: this.fb.control<OptimizationMode | ''>(''),
    healthWeight: this.fb.control<number | null>(null, [Validators.min(0), Validators.max(1)]),
    trials: this.fb.control<number | null>(null, Validators.min(1)),
    parallelism: this.fb.control<number | null>(null, Validators.min(1)),
    epochs: this.fb.control<number | null>(null, Validators.min(1)),
    trainSubsetSize: this.fb.control<number | null>(null, Validators.min(1)),
    finalModelEpochs: this.fb.control<number | null>(null, Validators.min(1)),
    finalModelTrainSubsetSize: this.fb.control<number | null>(null, Validators.min(1)),
    sampler: this.fb.control<SamplerKind | ''>(''),
    pruner: this.fb.control<PrunerKind | ''>(''),
  });

  private readonly value = toSignal(this.form.valueChanges, { initialValue: this.form.getRawValue() });
  protected readonly selectedDataset = computed(() => this.datasets.datasets()?.find((d) => d.id === this.value().dataset) ?? null);
  protected readonly healthAware = computed(() => this.value().mode === 'HEALTH_AWARE');
  protected readonly submitting = signal(false);
  protected readonly serverErrors = signal<InputErrors>({ fields: {}, general: [] });

  /** The server's message for a field, or the form's own check. */
  protected errorFor(field: string): string | null {
    const server = this.serverErrors().fields[field];
    if (server) return server;
    const control = this.form.get(field);
    if (!control || !control.invalid || !(control.touched || control.dirty)) return null;
    if (control.hasError('required')) return 'Choose one.';
    if (control.hasError('min')) return `At least ${control.getError('min').min}.`;
    if (control.hasError('max')) return `At most ${control.getError('max').max}.`;
    return 'Check this value.';
  }

  protected submit(): void {
    this.form.markAllAsTouched();
    if (this.form.invalid || this.submitting()) {
      this.focusFirstError();
      return;
    }
    this.submitting.set(true);
    this.serverErrors.set({ fields: {}, general: [] });
    this.launcher.start(this.toInput(), Object.keys(this.form.controls)).subscribe((result) => {
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

  private toInput(): OptimizationInput {
    const value = this.form.getRawValue();
    const input: OptimizationInput = { dataset: value.dataset };
    if (value.name.trim()) input.name = value.name.trim();
    if (value.mode) input.mode = value.mode;
    if (value.mode === 'HEALTH_AWARE' && value.healthWeight !== null) input.healthWeight = value.healthWeight;
    for (const field of NUMBER_FIELDS) {
      const number = value[field.name as NumberField];
      if (number !== null) input[field.name] = number;
    }
    if (value.sampler) input.sampler = value.sampler;
    if (value.pruner) input.pruner = value.pruner;
    return input;
  }

  private focusFirstError(): void {
    // After the error messages render.
    setTimeout(() => this.host.nativeElement.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  }
}
