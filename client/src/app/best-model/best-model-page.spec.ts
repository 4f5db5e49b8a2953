import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';
import { architectureGraph, healthReport } from '../../testing/trial-fixtures';
import { CYTOSCAPE_HEADLESS } from '../architecture/architecture-graph';
import { BestModelDocument } from '../graphql/generated/graphql';
import { BestModelPage } from './best-model-page';

const bestModel = {
  __typename: 'BestModel',
  params: { learningRate: 0.001 },
  study: { __typename: 'Study', id: 's1', name: 'mnist-demo', state: 'COMPLETE' },
  trial: { __typename: 'Trial', id: 't3', number: 3 },
  metadata: {
    __typename: 'BestModelMetadata',
    dataset: 'mnist',
    mode: 'SIMPLE',
    directions: ['maximize'],
    values: [0.912],
    epochs: 2,
    finalValAccuracy: 0.912,
    parameterCount: 27210,
    trainedAt: '2026-11-27T09:01:05.000Z',
    trialNumber: 3,
  },
  health: healthReport,
  architecture: architectureGraph,
  downloads: [{ __typename: 'Download', kind: 'final_model', fileName: 'final_model.zip', url: '/downloads/artifacts/m', contentType: 'application/zip', sizeBytes: 300_000 }],
};

describe('BestModelPage', () => {
  let fixture: ComponentFixture<BestModelPage>;
  let apollo: ApolloTestingController;
  const element = () => fixture.nativeElement as HTMLElement;
  const settle = async () => {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  };

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [BestModelPage, ApolloTestingModule],
      providers: [provideRouter([]), { provide: CYTOSCAPE_HEADLESS, useValue: true }],
    });
    fixture = TestBed.createComponent(BestModelPage);
    apollo = TestBed.inject(ApolloTestingController);
    fixture.componentRef.setInput('studyId', 's1');
    await fixture.whenStable();
  });

  it('shows the best trial’s metadata, downloads, architecture and health, linking to the trial page', async () => {
    const query = apollo.expectOne(BestModelDocument);
    expect(query.operation.variables).toEqual({ studyId: 's1' });
    query.flushData({ bestModel });
    await settle();

    expect(element().querySelector('[data-testid="best-model-trial-link"]')?.getAttribute('href')).toBe('/studies/s1/trials/t3');
    const summary = element().querySelector('[data-testid="best-model-summary"]')!.textContent!;
    expect(summary).toContain('91.2 %');
    expect(summary).toContain('27,210');
    expect(element().querySelector('a[download="final_model.zip"]')?.getAttribute('href')).toBe('/downloads/artifacts/m');
    expect(element().querySelector('[data-testid="architecture-graph"]')?.getAttribute('data-layer-count')).toBe('5');
    expect(element().querySelectorAll('[data-testid="health-metrics"] > li').length).toBe(7);
  });

  it('says there is no best model yet while no trial has completed', async () => {
    apollo.expectOne(BestModelDocument).flushData({ bestModel: null });
    await settle();

    expect(element().querySelector('[data-testid="best-model-none"]')).not.toBeNull();
  });
});
