import { ComponentFixture, TestBed } from '@angular/core/testing';
import { TrialSummary } from './trial-summary';

describe('TrialSummary', () => {
  let fixture: ComponentFixture<TrialSummary>;
  const cards = () =>
    [...(fixture.nativeElement as HTMLElement).querySelectorAll('div')].map((card) => [card.querySelector('dt')?.textContent?.trim(), card.querySelector('dd')?.textContent?.trim()]);

  beforeEach(() => {
    fixture = TestBed.createComponent(TrialSummary);
    fixture.componentRef.setInput('values', [0.912, 0.4]);
    fixture.componentRef.setInput('directions', ['maximize', 'minimize']);
    fixture.componentRef.setInput('valAccuracy', 0.912);
    fixture.componentRef.setInput('healthComposite', 0.714);
    fixture.componentRef.setInput('epochs', 2);
    fixture.componentRef.setInput('parameterCount', 27210);
  });

  it('names each objective by its direction and formats the numbers, without timing cards unless asked', async () => {
    await fixture.whenStable();

    expect(cards()).toEqual([
      ['Objective 1 (maximize)', '0.912'],
      ['Objective 2 (minimize)', '0.400'],
      ['Val. accuracy', '91.2 %'],
      ['Health', '0.71'],
      ['Epochs', '2'],
      ['Parameters', '27,210'],
    ]);
  });

  it('shows a dash for what is not known yet, and the Duration card after Epochs when set', async () => {
    fixture.componentRef.setInput('values', []);
    fixture.componentRef.setInput('valAccuracy', null);
    fixture.componentRef.setInput('healthComposite', null);
    fixture.componentRef.setInput('parameterCount', null);
    fixture.componentRef.setInput('durationSeconds', 75.4);
    await fixture.whenStable();

    expect(cards()).toEqual([
      ['Objective', '—'],
      ['Val. accuracy', '—'],
      ['Health', '—'],
      ['Epochs', '2'],
      ['Duration', '1 min 15 s'],
      ['Parameters', '—'],
    ]);
  });

  it('ends with the Trained card when set, a dash when the time is unknown', async () => {
    fixture.componentRef.setInput('trainedAt', null);
    await fixture.whenStable();

    expect(cards().at(-1)).toEqual(['Trained', '—']);
  });
});
