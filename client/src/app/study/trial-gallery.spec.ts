import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { architectureGraph } from '../../testing/trial-fixtures';
import { TrialGallery } from './trial-gallery';

const trial = (number: number, state: string, valAccuracy: number | null, composite: number | null) => ({
  __typename: 'Trial' as const,
  id: `t${number}`,
  number,
  state: state as 'COMPLETE',
  values: valAccuracy === null ? [] : [valAccuracy],
  params: { learningRate: 0.001, filters: 32 },
  durationSeconds: 10,
  health: composite === null ? null : { composite },
  epochs: valAccuracy === null ? [] : [{ epoch: 1, valAccuracy }],
  architecture: { layers: architectureGraph.layers },
});

describe('TrialGallery', () => {
  let fixture: ComponentFixture<TrialGallery>;
  const element = () => fixture.nativeElement as HTMLElement;
  const card = (number: number) => element().querySelector<HTMLAnchorElement>(`[data-testid="trial-card-${number}"]`)!;

  beforeEach(async () => {
    TestBed.configureTestingModule({ imports: [TrialGallery], providers: [provideRouter([])] });
    fixture = TestBed.createComponent(TrialGallery);
    fixture.componentRef.setInput('studyId', 's1');
    fixture.componentRef.setInput('trials', [trial(0, 'COMPLETE', 0.9, 0.3), trial(1, 'COMPLETE', 0.95, 0.9), trial(2, 'RUNNING', null, null)]);
    fixture.componentRef.setInput('bestTrialNumber', 1);
    await fixture.whenStable();
  });

  it('shows one card per trial that links to the trial page (a link, so Tab reaches it and Enter opens it)', () => {
    const cards = [...element().querySelectorAll('[data-testid^="trial-card-"]')];
    expect(cards.map((c) => c.tagName)).toEqual(['A', 'A', 'A']);
    expect(card(1).getAttribute('href')).toBe('/studies/s1/trials/t1');
    expect(card(0).textContent).toContain('90.0 %');
    expect(card(0).textContent).toContain('0.30');
    expect(card(0).textContent).toContain('learningRate=0.00100');
    expect(card(2).textContent).toContain('RUNNING');
    expect(card(0).querySelectorAll('svg rect').length).toBe(5);
  });

  it('marks the best trial, and only it', () => {
    expect(card(1).classList).toContain('is-best');
    expect(element().querySelectorAll('.is-best').length).toBe(1);
    expect(card(1).textContent).toContain('Best');
  });

  it('colours by accuracy, and by health when toggled', async () => {
    expect([0, 1, 2].map((n) => card(n).getAttribute('data-score'))).toEqual(['0.000', '1.000', null]);

    const health = element().querySelector<HTMLInputElement>('[data-testid="colour-by-health"]')!;
    health.checked = true;
    health.dispatchEvent(new Event('change'));
    await fixture.whenStable();

    expect([0, 1, 2].map((n) => card(n).getAttribute('data-score'))).toEqual(['0.300', '0.900', null]);
    expect(card(0).style.getPropertyValue('--score-colour')).toBe('hsl(36 70% 42%)');
  });
});
