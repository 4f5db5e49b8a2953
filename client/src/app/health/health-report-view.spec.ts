import { ComponentFixture, TestBed } from '@angular/core/testing';
import { healthReport } from '../../testing/trial-fixtures';
import { HealthReportView } from './health-report-view';

describe('HealthReportView', () => {
  let fixture: ComponentFixture<HealthReportView>;
  const element = () => fixture.nativeElement as HTMLElement;

  beforeEach(() => {
    fixture = TestBed.createComponent(HealthReportView);
  });

  it('lists the composite and all six metrics, each with its value and what it means', async () => {
    fixture.componentRef.setInput('health', healthReport);
    await fixture.whenStable();

    const items = [...element().querySelectorAll('[data-testid="health-metrics"] > li')];
    expect(items.map((li) => li.getAttribute('data-testid'))).toEqual([
      'health-composite',
      'health-neuronUtilization',
      'health-parameterEfficiency',
      'health-trainingStability',
      'health-gradientHealth',
      'health-convergenceQuality',
      'health-accuracyConsistency',
    ]);
    const gradient = element().querySelector('[data-testid="health-gradientHealth"]')!;
    expect(gradient.textContent).toContain('Gradient health');
    expect(gradient.textContent).toContain('0.42');
    expect(gradient.textContent).toMatch(/vanishing nor exploding/);
    expect(gradient.getAttribute('data-band')).toBe('poor');
    expect(items.every((li) => (li.querySelector('.metric__explanation')?.textContent?.length ?? 0) > 20)).toBe(true);
  });

  it('marks the metrics the server could not measure', async () => {
    fixture.componentRef.setInput('health', healthReport);
    await fixture.whenStable();

    expect(element().querySelector('[data-testid="health-accuracyConsistency"]')?.textContent).toContain('(not measured)');
    expect(element().querySelector('[data-testid="health-neuronUtilization"]')?.textContent).not.toContain('(not measured)');
  });

  it('explains that health comes after training when there is no report yet', async () => {
    fixture.componentRef.setInput('health', null);
    await fixture.whenStable();

    expect(element().querySelector('[data-testid="health-pending"]')).not.toBeNull();
    expect(element().querySelector('[data-testid="health-metrics"]')).toBeNull();
  });
});
