// What every backend's Conv2DBackpropFilter kernel of ours reads from its call: the attributes TF.js passes and the
// convolution they describe.
import * as tf from '@tensorflow/tfjs';

export interface ConvFilterGradientCall {
  x: tf.TensorInfo;
  dy: tf.TensorInfo;
  filterShape: [number, number, number, number];
  info: tf.backend_util.Conv2DInfo;
}

/** Reads a Conv2DBackpropFilter call; NHWC only (the builder makes channels-last layers). */
export function convFilterGradientCall(inputs: Record<string, tf.TensorInfo>, attrs: Record<string, unknown>, backendName: string): ConvFilterGradientCall {
  const { strides, pad, dataFormat, dimRoundingMode, filterShape } = attrs as {
    strides: [number, number] | number;
    pad: 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
    dataFormat: 'NHWC' | 'NCHW';
    dimRoundingMode?: 'floor' | 'round' | 'ceil';
    filterShape: [number, number, number, number];
  };
  if (dataFormat !== 'NHWC') {
    throw new Error(`Conv2DBackpropFilter on ${backendName} supports NHWC only, got ${dataFormat}; build layers channelsLast.`);
  }
  const x = inputs.x!;
  const info = tf.backend_util.computeConv2DInfo(x.shape as [number, number, number, number], filterShape, strides, 1, pad, dimRoundingMode);
  return { x, dy: inputs.dy!, filterShape, info };
}
