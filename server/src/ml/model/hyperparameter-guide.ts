// What each hyperparameter does to a network and how it tends to move accuracy and the six health metrics
// (neuron utilization, parameter efficiency, training stability, gradient health, convergence quality, accuracy
// consistency): the teaching text of the dashboard's search-space editor. Tendencies, not guarantees.

const CONV_BLOCK_FILTERS =
  'How many feature detectors (channels) this conv block learns. More filters can represent more patterns and usually help accuracy on richer images (CIFAR) until the data runs out, but multiply parameters and time; filters that never fire lower neuron utilization, and a wide block on a simple dataset (MNIST) costs parameter efficiency for no gain. Common practice doubles the filters as blocks shrink the image.';

const GUIDE: Record<string, string> = {
  convBlocks:
    'How deep the feature extractor is: each block convolves, then pools to halve the image. More blocks see larger shapes (edges → parts → objects) and help on complex images, but each halves the resolution (small 28×28 images run out of pixels after 3–4) and deeper stacks train less stably: watch gradient health. One or two blocks suffice for digits.',
  kernelSize:
    'The side of the window each convolution looks at. 3×3 is the usual choice: two stacked 3×3 convolutions see as far as one 5×5 with fewer parameters. 5×5 captures wider patterns in one layer at about 2.8× the parameters and time, which lowers parameter efficiency unless accuracy rises with it.',
  activation:
    'The non-linearity after each hidden layer. ReLU is fast and robust but units stuck below zero stop learning (dead neurons lower neuron utilization); ELU, SELU and swish keep a gradient for negative inputs and often train more smoothly; tanh saturates, so deep stacks can show vanishing gradients (gradient health).',
  batchNormalization:
    'Normalizes each conv layer\'s outputs over the batch. It usually lets a network train faster and at higher learning rates, improving training stability and gradient health, and acts as a mild regularizer; it adds a little computation and behaves worse with very small batches.',
  pooling:
    'How each block downsamples. Max pooling keeps the strongest response in each window (good for detecting that a feature is present, the common choice); average pooling keeps the mean, smoother but can blur small distinctive features.',
  convDropout:
    'Fraction of conv features randomly zeroed during training. A little (0.1–0.25) fights overfitting and tends to improve accuracy consistency across folds; too much slows convergence and lowers training accuracy. 0 adds no layer.',
  featureHead:
    'How the last feature map becomes a vector for the classifier. Flatten keeps every position (most parameters, can overfit and lowers parameter efficiency); global average or max pooling keep one number per channel, far fewer parameters and more robust to where an object sits, sometimes at a small cost in accuracy.',
  denseLayers:
    'Hidden fully connected layers between the features and the output. Zero is often enough after good features; one or two add capacity to combine features, and parameters: check that accuracy rises enough to pay for them (parameter efficiency).',
  denseUnits:
    'Width of each hidden dense layer. Wider layers fit more but overfit sooner and cost parameters; units that never activate show up as low neuron utilization, a sign the layer is wider than needed.',
  denseDropout:
    'Fraction of hidden dense units randomly zeroed during training: the classic regularizer for dense layers. 0.2–0.5 usually narrows the gap between training and validation accuracy and improves accuracy consistency; too much underfits and slows convergence.',
  optimizer:
    'The update rule. Adam adapts a step size per weight and converges quickly with little tuning; SGD with momentum is slower to tune but often generalizes slightly better at a good learning rate; RMSprop is adaptive like Adam and a traditional choice for recurrent networks.',
  learningRate:
    'Size of each update step: usually the single most important hyperparameter. Too high and the loss oscillates or diverges (poor training stability, exploding gradients); too low and training crawls and stops short (poor convergence quality). Searched on a log scale because good values span orders of magnitude.',
  learningRateSchedule:
    'How the learning rate changes over epochs. Constant keeps it fixed; exponential multiplies it by a decay factor every epoch; cosine anneals it smoothly towards zero by the last epoch. Decaying schedules often settle into a better minimum (convergence quality) at the end of a short budget.',
  batchSize:
    'Examples per gradient step. Small batches give noisier gradients (which can regularize) and more steps per epoch; large batches give smoother, faster epochs but fewer updates, sometimes needing a larger learning rate. It interacts strongly with the learning rate and with batch normalization.',
  embeddingDim:
    'Length of the vector learned for each word. Larger embeddings can capture finer meaning but add vocabulary × dimension parameters (the largest part of a text model) and overfit small corpora; 32–128 is typical for IMDB-sized data.',
  lstmLayers:
    'Stacked LSTM layers. A second layer can model higher-level sequence structure, but doubles recurrent computation and makes gradients travel further (watch gradient health); one layer is often as accurate on sentiment or topic classification.',
  lstmUnits:
    'Size of the LSTM\'s memory (hidden state). More units remember more of the sequence and fit more, with parameters growing with the square of the units; too many overfit and lower parameter efficiency.',
  bidirectional:
    'Also reads each sequence backwards and joins both readings, so every position sees its whole context. Often improves accuracy for classification, at twice the recurrent parameters and time.',
  recurrentDropout:
    'Dropout on the LSTM\'s recurrent state between time steps: regularizes what the network carries through the sequence. A little can improve accuracy consistency; it slows training and too much keeps the memory from learning long dependencies.',
};

/** The guide to one hyperparameter; throws for a name it does not know, so a new hyperparameter cannot ship unexplained. */
export function hyperparameterGuide(name: string): string {
  if (/^filtersBlock\d+$/.test(name)) return CONV_BLOCK_FILTERS;
  const text = GUIDE[name];
  if (text === undefined) throw new Error(`no guide for hyperparameter "${name}": add one to hyperparameter-guide.ts`);
  return text;
}
