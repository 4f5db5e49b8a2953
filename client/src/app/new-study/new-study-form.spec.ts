import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { GraphQLError } from 'graphql';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';
import { DatasetsDocument, StartOptimizationDocument } from '../graphql/generated/graphql';
import { NewStudyForm } from './new-study-form';

const mnist = {
  __typename: 'Dataset',
  id: 'mnist',
  displayName: 'MNIST',
  modality: 'image',
  available: true,
  verified: true,
  trainSize: 60000,
  testSize: 10000,
  bytesOnDisk: 11_594_722,
  inputShape: [28, 28, 1],
  classNames: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
  previewUrl: '/datasets/mnist/sprite.png',
};
const imdb = { ...mnist, id: 'imdb', displayName: 'IMDB', modality: 'text', available: false, inputShape: [200], previewUrl: null };

describe('NewStudyForm', () => {
  let fixture: ComponentFixture<NewStudyForm>;
  let apollo: ApolloTestingController;
  const element = () => fixture.nativeElement as HTMLElement;
  const byTestId = (id: string) => element().querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const settle = async () => {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  };
  const fill = (testId: string, value: string) => {
    const control = byTestId(testId) as HTMLInputElement | HTMLSelectElement;
    control.value = value;
    control.dispatchEvent(new Event(control instanceof HTMLSelectElement ? 'change' : 'input'));
  };
  const submit = () => (byTestId('new-study-form') as HTMLFormElement).dispatchEvent(new Event('submit'));

  beforeEach(async () => {
    TestBed.configureTestingModule({ imports: [NewStudyForm, ApolloTestingModule], providers: [provideRouter([])] });
    fixture = TestBed.createComponent(NewStudyForm);
    apollo = TestBed.inject(ApolloTestingController);
    apollo.expectOne(DatasetsDocument).flushData({ datasets: [mnist, imdb] });
    await settle();
  });

  it('offers the datasets, unavailable ones disabled, and shows the chosen one with its sample sprite', async () => {
    const options = [...element().querySelectorAll<HTMLOptionElement>('[data-testid="field-dataset"] option')];
    expect(options.map((o) => [o.value, o.disabled])).toEqual([
      ['', true],
      ['mnist', false],
      ['imdb', true],
    ]);

    fill('field-dataset', 'mnist');
    await settle();

    expect(byTestId('dataset-details')?.textContent).toContain('60,000 / 10,000 examples');
    expect(byTestId('dataset-sprite')?.getAttribute('src')).toBe('/datasets/mnist/sprite.png');
  });

  it('sends only the fields the user set, and opens the new study', async () => {
    const navigate = vi.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    fill('field-dataset', 'mnist');
    fill('field-trials', '2');
    fill('field-finalModelTrainSubsetSize', '300');
    submit();

    const mutation = apollo.expectOne(StartOptimizationDocument);
    expect(mutation.operation.variables).toEqual({ input: { dataset: 'mnist', trials: 2, finalModelTrainSubsetSize: 300 } });
    mutation.flushData({ startOptimization: { __typename: 'Study', id: 's42', name: 'mnist-x' } });
    await settle();

    expect(navigate).toHaveBeenCalledWith(['/studies', 's42']);
  });

  it('shows a BAD_USER_INPUT error next to the field named in extensions.field, until the user edits it', async () => {
    fill('field-dataset', 'mnist');
    fill('field-trials', '1000000000');
    submit();

    apollo.expectOne(StartOptimizationDocument).graphqlErrors([
      new GraphQLError('trials must be at most 10000', { extensions: { code: 'BAD_USER_INPUT', field: 'input.trials' } }),
    ]);
    await settle();

    expect(byTestId('error-trials')?.textContent?.trim()).toBe('trials must be at most 10000');
    expect(byTestId('field-trials')?.getAttribute('aria-invalid')).toBe('true');
    expect(byTestId('field-trials')?.getAttribute('aria-describedby')).toContain('study-trials-error');
    expect(byTestId('form-errors')).toBeNull();

    fill('field-trials', '20');
    await settle();
    expect(byTestId('error-trials')).toBeNull();
  });

  it('does not send a form without a dataset', async () => {
    submit();
    await settle();

    apollo.expectNone(StartOptimizationDocument);
    expect(element().querySelector('#study-dataset-error')?.textContent).toContain('Choose one.');
  });
});
