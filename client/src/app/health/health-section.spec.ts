import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { healthReport } from '../../testing/trial-fixtures';
import { HealthSection } from './health-section';

@Component({
  imports: [HealthSection],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<section hs-health-section titleId="best-health-title" [health]="health"></section>`,
})
class PageWithHealth {
  health = healthReport;
}

describe('HealthSection', () => {
  it('is a panel labelled by its Health heading, with the report under it', async () => {
    const fixture = TestBed.createComponent(PageWithHealth);
    await fixture.whenStable();
    const section = (fixture.nativeElement as HTMLElement).querySelector('section')!;

    expect(section.classList).toContain('panel');
    expect(section.getAttribute('aria-labelledby')).toBe('best-health-title');
    expect(section.querySelector('h2#best-health-title')?.textContent).toBe('Health');
    expect(section.querySelectorAll('[data-testid="health-metrics"] > li').length).toBe(7);
  });
});
