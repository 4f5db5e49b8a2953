import { ChangeDetectionStrategy, Component, input, model } from '@angular/core';
import type { OverrideMode } from '../graphql/generated/graphql';
import {
  conditionText,
  formatValue,
  type Hyperparameter,
  type HyperparameterSetting,
  isNumeric,
  type SearchSpaceSettings,
} from './hyperparameter-setting';

const MODES: readonly { value: OverrideMode; label: string }[] = [
  { value: 'RANGE', label: 'Search' },
  { value: 'FIXED', label: 'Fixed' },
  { value: 'OFF', label: 'Off' },
];

/**
 * One row per hyperparameter of a search space: what it is, why it matters, and whether the study searches
 * it (within bounds or among choices), fixes it, or leaves it at the architecture default.
 */
@Component({
  selector: 'hs-search-space-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './search-space-editor.html',
  styleUrl: './search-space-editor.css',
})
export class SearchSpaceEditor {
  readonly hyperparameters = input.required<readonly Hyperparameter[]>();
  readonly settings = model.required<SearchSpaceSettings>();
  /** Messages by hyperparameter name (the form's checks or the server's). */
  readonly errors = input<Readonly<Record<string, string>>>({});

  protected readonly modes = MODES;
  protected readonly isNumeric = isNumeric;
  protected readonly conditionText = conditionText;
  protected readonly formatValue = formatValue;

  protected setting(hyperparameter: Hyperparameter): HyperparameterSetting | undefined {
    return this.settings()[hyperparameter.name];
  }

  protected update(hyperparameter: Hyperparameter, change: Partial<HyperparameterSetting>): void {
    const current = this.settings()[hyperparameter.name];
    if (!current) return;
    this.settings.set({ ...this.settings(), [hyperparameter.name]: { ...current, ...change } });
  }

  protected setNumber(hyperparameter: Hyperparameter, key: 'low' | 'high' | 'value', event: Event): void {
    const text = (event.target as HTMLInputElement).value;
    this.update(hyperparameter, { [key]: text.trim() === '' ? null : Number(text) });
  }

  protected setChoice(hyperparameter: Hyperparameter, event: Event): void {
    const index = Number((event.target as HTMLSelectElement).value);
    this.update(hyperparameter, { value: (hyperparameter.choices ?? [])[index] });
  }

  protected toggleChoice(hyperparameter: Hyperparameter, choice: unknown, event: Event): void {
    const checked = (event.target as HTMLInputElement).checked;
    const current = this.setting(hyperparameter)?.choices ?? [];
    this.update(hyperparameter, { choices: checked ? [...current, choice] : current.filter((c) => c !== choice) });
  }

  protected choiceIndex(hyperparameter: Hyperparameter, value: unknown): number {
    return (hyperparameter.choices ?? []).indexOf(value);
  }

  protected inputStep(hyperparameter: Hyperparameter): string {
    return hyperparameter.step !== null ? String(hyperparameter.step) : hyperparameter.kind === 'INT' ? '1' : 'any';
  }

  protected defaultText(hyperparameter: Hyperparameter): string {
    return hyperparameter.defaultValue === null || hyperparameter.defaultValue === undefined
      ? 'not part of the default architecture'
      : formatValue(hyperparameter.defaultValue);
  }
}
