import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { HyperparameterSection } from './hyperparameter-section';

@Component({
  imports: [HyperparameterSection],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<section hs-hyperparameter-section titleId="params-title" [params]="params"></section>`,
})
class PageWithHyperparameters {
  params = { optimizer: 'adam', learningRate: 0.000123 };
}

describe('HyperparameterSection', () => {
  it('is a panel labelled by its Hyperparameters heading, listing the values by name', async () => {
    const fixture = TestBed.createComponent(PageWithHyperparameters);
    await fixture.whenStable();
    const section = (fixture.nativeElement as HTMLElement).querySelector('section')!;

    expect(section.classList).toContain('panel');
    expect(section.getAttribute('aria-labelledby')).toBe('params-title');
    expect(section.querySelector('h2#params-title')?.textContent).toBe('Hyperparameters');
    const rows = [...section.querySelectorAll('[data-testid="hyperparameters"] > div')].map((row) => [row.querySelector('dt')?.textContent, row.querySelector('dd')?.textContent]);
    expect(rows).toEqual([
      ['learningRate', '1.23e-4'],
      ['optimizer', 'adam'],
    ]);
  });
});
