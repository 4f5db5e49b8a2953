import { accuracySeries, epochFromEvent, lossSeries, withEpoch } from './epoch-series';

const epochEvent = (trialNumber: number, epoch: number) => ({
  type: 'EPOCH_COMPLETED',
  trialNumber,
  payload: { trialId: 't', trialNumber, epoch, loss: 0.5, accuracy: 0.8, valLoss: 0.6, valAccuracy: null, seconds: 1, samplesPerSecond: 10 },
});

describe('epoch series', () => {
  it('takes the epoch from an EPOCH_COMPLETED of this trial only', () => {
    expect(epochFromEvent(epochEvent(3, 2), 3)).toEqual({ epoch: 2, loss: 0.5, accuracy: 0.8, valLoss: 0.6, valAccuracy: null });
    expect(epochFromEvent(epochEvent(4, 2), 3)).toBeNull();
    expect(epochFromEvent({ ...epochEvent(3, 2), type: 'TRIAL_COMPLETED' }, 3)).toBeNull();
    expect(epochFromEvent({ ...epochEvent(3, 2), payload: { epoch: 2 } }, 3)).toBeNull();
  });

  it('adds an epoch in order, and replaces one it already has (an event replayed after a read)', () => {
    const one = { epoch: 1, loss: 1, accuracy: 0.5, valLoss: 1.1, valAccuracy: 0.5 };
    const three = { ...one, epoch: 3 };
    const two = { ...one, epoch: 2 };
    expect(withEpoch([one, three], two).map((e) => e.epoch)).toEqual([1, 2, 3]);
    expect(withEpoch([one, two], { ...two, loss: 0.2 })).toEqual([one, { ...two, loss: 0.2 }]);
  });

  it('gives training and validation series, with gaps where validation is missing', () => {
    const epochs = [{ epoch: 1, loss: 1, accuracy: 0.5, valLoss: null, valAccuracy: null }];
    expect(lossSeries(epochs).map((s) => [s.label, s.values])).toEqual([
      ['Training loss', [1]],
      ['Validation loss', [null]],
    ]);
    expect(accuracySeries(epochs)[0].values).toEqual([0.5]);
  });
});
