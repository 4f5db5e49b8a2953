import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { GraphQLError } from 'graphql';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';
import { FakeGraphqlWsClient, provideFakeGraphqlWsClient } from '../../testing/fake-graphql-ws-client';
import { trialDetails, trialPageStudy } from '../../testing/trial-fixtures';
import { CYTOSCAPE_HEADLESS } from '../architecture/architecture-graph';
import { TrialPageDocument } from '../graphql/generated/graphql';
import { TrialPage } from './trial-page';

describe('TrialPage', () => {
  let fixture: ComponentFixture<TrialPage>;
  let apollo: ApolloTestingController;
  const element = () => fixture.nativeElement as HTMLElement;
  const byTestId = (id: string) => element().querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const settle = async () => {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  };

  beforeEach(async () => {
    // jsdom has no canvas: Chart.js finds no context and draws nothing, which is all these tests need.
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
    TestBed.configureTestingModule({
      imports: [TrialPage, ApolloTestingModule],
      providers: [provideRouter([]), provideFakeGraphqlWsClient(new FakeGraphqlWsClient()), { provide: CYTOSCAPE_HEADLESS, useValue: true }],
    });
    fixture = TestBed.createComponent(TrialPage);
    apollo = TestBed.inject(ApolloTestingController);
    fixture.componentRef.setInput('studyId', 's1');
    fixture.componentRef.setInput('trialId', 't3');
    await fixture.whenStable();
  });

  afterEach(() => vi.restoreAllMocks());

  it('shows a loading placeholder until the trial is read', () => {
    expect(byTestId('trial-loading')?.getAttribute('aria-busy')).toBe('true');
    apollo.expectOne(TrialPageDocument);
  });

  it('shows the trial’s number, state, objective, accuracy and health, marked as the study’s best', async () => {
    apollo.expectOne(TrialPageDocument).flushData({ trial: trialDetails(), study: trialPageStudy() });
    await settle();

    expect(element().querySelector('h1')?.textContent).toBe('Trial 3');
    expect(byTestId('trial-state')?.textContent).toBe('COMPLETE');
    expect(byTestId('trial-best')).not.toBeNull();
    const summary = byTestId('trial-summary')!.textContent!;
    expect(summary).toContain('0.910');
    expect(byTestId('trial-accuracy')?.textContent).toBe('91.0 %');
    expect(byTestId('trial-health')?.textContent).toBe('0.71');
  });

  it('draws the loss and accuracy curves and the diagnostics as labelled charts with a data table', async () => {
    apollo.expectOne(TrialPageDocument).flushData({ trial: trialDetails(), study: trialPageStudy() });
    await settle();

    const loss = element().querySelector('canvas[data-testid="chart-loss"]')!;
    expect(loss.getAttribute('role')).toBe('img');
    expect(loss.getAttribute('aria-label')).toBe(
      'Loss per epoch, 2 epochs. Training loss: from 1.2 to 0.6, lowest 0.6, highest 1.2. Validation loss: from 1.3 to 0.7, lowest 0.7, highest 1.3.',
    );
    expect(element().querySelector('canvas[data-testid="chart-accuracy"]')).not.toBeNull();
    for (const id of ['chart-gradient-norms', 'chart-activations', 'chart-dead-units', 'chart-batch-losses']) {
      expect(element().querySelector(`canvas[data-testid="${id}"]`), id).not.toBeNull();
    }
    const lossTable = loss.closest('figure')!.querySelector('table')!;
    const rows = [...lossTable.querySelectorAll('tbody tr')].map((row) => [...row.children].map((cell) => cell.textContent?.trim()));
    expect(rows).toEqual([
      ['1', '1.2', '1.3'],
      ['2', '0.6', '0.7'],
    ]);
  });

  it('lists the health metrics, the hyperparameters, the architecture and the trial’s files with plot previews', async () => {
    apollo.expectOne(TrialPageDocument).flushData({ trial: trialDetails(), study: trialPageStudy() });
    await settle();

    expect(element().querySelectorAll('[data-testid="health-metrics"] > li').length).toBe(7);
    expect(byTestId('hyperparameters')?.textContent).toContain('optimizer');
    expect(byTestId('architecture-graph')?.getAttribute('data-layer-count')).toBe('5');
    const files = [...element().querySelectorAll('[aria-labelledby="files-title"] a[download]')].map((a) => a.textContent?.trim());
    expect(files).toEqual([expect.stringContaining('training_history.png'), expect.stringContaining('events.out.tfevents.1.vm')]);
    expect([...element().querySelectorAll('[aria-labelledby="files-title"] img')].map((img) => img.getAttribute('alt'))).toEqual(['Plot training_history.png']);
  });

  it('says the trial does not exist instead of a blank page', async () => {
    apollo.expectOne(TrialPageDocument).graphqlErrors([new GraphQLError('Trial t3 does not exist', { extensions: { code: 'NOT_FOUND' } })]);
    await settle();

    expect(element().querySelector('h1')?.textContent).toBe('Trial not found');
    expect(byTestId('trial-not-found')?.getAttribute('role')).toBe('alert');
    expect(element().querySelector('a[href="/studies/s1"]')).not.toBeNull();
  });
});
