import { Component, signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { defaultSettings, type Hyperparameter, type SearchSpaceSettings } from './hyperparameter-setting';
import { SearchSpaceEditor } from './search-space-editor';

const hyperparameters: Hyperparameter[] = [
  {
    name: 'denseLayers',
    kind: 'INT',
    low: 0,
    high: 2,
    log: false,
    step: null,
    choices: null,
    defaultValue: 1,
    condition: null,
    summary: 'Hidden dense layers before the output',
    description: 'More dense layers add capacity on top of the features; too many overfit small subsets.',
  },
  {
    name: 'denseUnits',
    kind: 'CATEGORICAL',
    low: null,
    high: null,
    log: false,
    step: null,
    choices: [64, 128, 256],
    defaultValue: 128,
    condition: { param: 'denseLayers', oneOf: [1, 2] },
    summary: 'Units per hidden dense layer',
    description: 'Wider layers fit more; many units that never fire lower neuron utilization.',
  },
];

@Component({
  imports: [SearchSpaceEditor],
  template: `<hs-search-space-editor [hyperparameters]="hyperparameters" [(settings)]="settings" [errors]="errors()" />`,
})
class Host {
  readonly hyperparameters = hyperparameters;
  readonly settings = signal<SearchSpaceSettings>(defaultSettings(hyperparameters));
  readonly errors = signal<Record<string, string>>({});
}

describe('SearchSpaceEditor', () => {
  let fixture: ComponentFixture<Host>;
  const element = () => fixture.nativeElement as HTMLElement;
  const byTestId = <T extends HTMLElement = HTMLElement>(id: string) => element().querySelector<T>(`[data-testid="${id}"]`);

  beforeEach(async () => {
    fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
  });

  it('shows each hyperparameter with its summary, its condition and a folded explanation', () => {
    const row = byTestId('hp-denseUnits')!;
    expect(row.querySelector('h3')?.textContent).toContain('denseUnits');
    expect(row.textContent).toContain('Units per hidden dense layer');
    expect(byTestId('hp-denseUnits-condition')?.textContent).toBe('only when denseLayers is 1 or 2');
    expect(byTestId('hp-denseLayers-condition')).toBeNull();

    const details = row.querySelector('details')!;
    expect(details.open).toBe(false);
    expect(details.querySelector('summary')?.textContent).toBe('Why it matters');
    expect(byTestId('hp-denseUnits-description')?.textContent).toBe('Wider layers fit more; many units that never fire lower neuron utilization.');
  });

  it('searches the default range until the user picks Fixed or Off, then shows the matching control', async () => {
    expect(byTestId<HTMLInputElement>('hp-denseLayers-RANGE')?.checked).toBe(true);
    expect(byTestId<HTMLInputElement>('hp-denseLayers-low')?.value).toBe('0');
    expect(byTestId<HTMLInputElement>('hp-denseLayers-high')?.value).toBe('2');
    expect(element().querySelectorAll('[data-testid^="hp-denseUnits-choice-"]')).toHaveLength(3);

    byTestId('hp-denseLayers-FIXED')!.click();
    byTestId('hp-denseUnits-OFF')!.click();
    await fixture.whenStable();

    expect(fixture.componentInstance.settings()['denseLayers']).toMatchObject({ mode: 'FIXED', value: 1 });
    expect(byTestId<HTMLInputElement>('hp-denseLayers-value')?.value).toBe('1');
    expect(fixture.componentInstance.settings()['denseUnits']?.mode).toBe('OFF');
    expect(byTestId('hp-denseUnits')?.textContent).toContain('Architecture default: 128');
  });

  it('edits bounds and choices, and shows a problem next to its hyperparameter', async () => {
    const high = byTestId<HTMLInputElement>('hp-denseLayers-high')!;
    high.value = '1';
    high.dispatchEvent(new Event('input'));
    byTestId('hp-denseUnits-choice-2')!.click();
    fixture.componentInstance.errors.set({ denseLayers: 'denseLayers bounds lie within 0..2' });
    await fixture.whenStable();

    expect(fixture.componentInstance.settings()['denseLayers']?.high).toBe(1);
    expect(fixture.componentInstance.settings()['denseUnits']?.choices).toEqual([64, 128]);
    expect(byTestId('hp-denseLayers-error')?.textContent).toBe('denseLayers bounds lie within 0..2');
    expect(high.getAttribute('aria-invalid')).toBe('true');
    expect(high.getAttribute('aria-describedby')).toBe('hp-denseLayers-error');
  });
});
