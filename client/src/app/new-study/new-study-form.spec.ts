import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { GraphQLError } from 'graphql';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';
import { DatasetsDocument, SearchSpaceDocument, StartOptimizationDocument } from '../graphql/generated/graphql';
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

const hyperparameter = (name: string, extra: Record<string, unknown>) => ({
  __typename: 'Hyperparameter',
  name,
  low: null,
  high: null,
  log: false,
  step: null,
  choices: null,
  condition: null,
  summary: name,
  description: `What ${name} does.`,
  ...extra,
});
const cnnSpace = {
  __typename: 'SearchSpace',
  dataset: 'mnist',
  family: 'CNN',
  hyperparameters: [
    hyperparameter('convBlocks', { kind: 'INT', low: 1, high: 4, defaultValue: 2 }),
    hyperparameter('pooling', { kind: 'CATEGORICAL', choices: ['max', 'average'], defaultValue: 'max' }),
    hyperparameter('kernelSize', { kind: 'CATEGORICAL', choices: [3, 5], defaultValue: 3 }),
  ],
};

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
  /** Picks a dataset and answers the search-space query it makes (a pending query keeps the app unstable). */
  const choose = async (dataset: string, searchSpace = cnnSpace) => {
    fill('field-dataset', dataset);
    fixture.detectChanges();
    // The query goes out once the dataset signal's effect has run: wait for it, however long that takes here.
    let sent = apollo.match(SearchSpaceDocument);
    for (let tries = 0; sent.length === 0 && tries < 400; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      sent = apollo.match(SearchSpaceDocument);
    }
    expect(sent).toHaveLength(1);
    const query = sent[0]!;
    expect(query.operation.variables).toEqual({ dataset });
    query.flushData({ searchSpace });
    await settle();
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

    await choose('mnist');

    expect(byTestId('dataset-details')?.textContent).toContain('60,000 / 10,000 examples');
    expect(byTestId('dataset-sprite')?.getAttribute('src')).toBe('/datasets/mnist/sprite.png');
  });

  it('sends only the fields the user set, and opens the new study', async () => {
    const navigate = vi.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    await choose('mnist');
    fill('field-trials', '2');
    fill('field-finalModelTrainSubsetSize', '300');
    submit();

    const mutation = apollo.expectOne(StartOptimizationDocument);
    expect(mutation.operation.variables).toEqual({ input: { dataset: 'mnist', trials: 2, finalModelTrainSubsetSize: 300 } });
    mutation.flushData({ startOptimization: { __typename: 'Study', id: 's42', name: 'mnist-x' } });
    await settle();

    expect(navigate).toHaveBeenCalledWith(['/studies', 's42']);
  });

  it('asks for the heavier trials on GPU workers only when the box is ticked', async () => {
    await choose('mnist');
    const box = byTestId('field-heavyTrialsOnGpu') as HTMLInputElement;
    expect(box.checked).toBe(false);
    box.click();
    submit();
    expect(apollo.expectOne(StartOptimizationDocument).operation.variables).toEqual({ input: { dataset: 'mnist', heavyTrialsOnGpu: true } });
  });

  it('shows a BAD_USER_INPUT error next to the field named in extensions.field, until the user edits it', async () => {
    await choose('mnist');
    fill('field-trials', '5000');
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

  it('checks numbers against the API\'s bounds before sending', async () => {
    await choose('mnist');
    fill('field-trainSubsetSize', '50');
    fill('field-seed', '1.5');
    submit();
    await settle();

    apollo.expectNone(StartOptimizationDocument);
    expect(byTestId('error-trainSubsetSize')?.textContent?.trim()).toBe('must be a whole number from 100 to 10000000.');
    expect(byTestId('error-seed')?.textContent?.trim()).toBe('must be a whole number from 0 to 2147483647.');
  });

  it('asks for health weights only in the health-aware mode, and sends only those set', async () => {
    const navigate = vi.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    await choose('mnist');
    expect(byTestId('health-weights')).toBeNull();

    fill('field-mode', 'HEALTH_AWARE');
    await settle();
    expect(byTestId('health-weights')?.querySelectorAll('input')).toHaveLength(6);
    fill('field-hw-gradientHealth', '3');
    fill('field-timeoutMinutes', '2.5');
    submit();

    const mutation = apollo.expectOne(StartOptimizationDocument);
    expect(mutation.operation.variables['input']).toEqual({
      dataset: 'mnist',
      mode: 'HEALTH_AWARE',
      healthWeights: { gradientHealth: 3 },
      timeoutMinutes: 2.5,
    });
    mutation.flushData({ startOptimization: { __typename: 'Study', id: 's1', name: 'x' } });
    await settle();
    expect(navigate).toHaveBeenCalled();
  });

  it('loads the search space of the chosen dataset and sends the hyperparameters set Fixed or Off', async () => {
    await choose('mnist');
    expect(byTestId('search-space-family')?.textContent).toBe('CNN');

    byTestId('hp-convBlocks-FIXED')!.click();
    await settle();
    fill('hp-convBlocks-value', '3');
    byTestId('hp-pooling-OFF')!.click();
    await settle();
    submit();

    const mutation = apollo.expectOne(StartOptimizationDocument);
    expect(mutation.operation.variables['input']).toEqual({
      dataset: 'mnist',
      searchSpace: [
        { name: 'convBlocks', mode: 'FIXED', value: 3 },
        { name: 'pooling', mode: 'OFF' },
      ],
    });
    mutation.graphqlErrors([
      new GraphQLError('input.searchSpace[0].value: convBlocks must be a number from 1 to 4', {
        extensions: { code: 'BAD_USER_INPUT', field: 'input.searchSpace[0].value', reason: 'convBlocks must be a number from 1 to 4' },
      }),
    ]);
    await settle();
    expect(byTestId('hp-convBlocks-error')?.textContent).toBe('convBlocks must be a number from 1 to 4');
  });
});
