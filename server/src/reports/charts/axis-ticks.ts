// Axis domains and tick positions: "nice" steps of 1, 2 or 5 times a power of ten (Heckbert, "Nice numbers for
// graph labels", Graphics Gems, 1990), and decades for logarithmic axes.

export interface AxisTicks {
  /** The axis spans exactly these values: the outer ticks. */
  min: number;
  max: number;
  ticks: number[];
  /** Distance between ticks (linear axes); labels use it to choose their decimals. */
  step: number;
}

export function niceStep(range: number, count: number): number {
  const raw = range / Math.max(1, count);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / magnitude;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  return nice * magnitude;
}

/** Ticks covering [min, max]; a single value gets a domain around it so that it sits inside the axis. */
export function linearTicks(min: number, max: number, count = 5, options: { integer?: boolean } = {}): AxisTicks {
  let low = min;
  let high = max;
  if (high - low < 1e-12 * Math.max(1, Math.abs(low))) {
    const pad = options.integer ? 1 : Math.abs(low) * 0.1 || 1;
    low -= pad;
    high += pad;
  }
  let step = niceStep(high - low, count);
  if (options.integer) step = Math.max(1, Math.round(step));
  const first = Math.floor(low / step + 1e-9) * step;
  const last = Math.ceil(high / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let value = first; value <= last + step * 1e-6; value += step) ticks.push(roundToStep(value, step));
  return { min: ticks[0]!, max: ticks.at(-1)!, ticks, step };
}

/** Decade ticks for positive values; the domain spans whole decades. */
export function logTicks(min: number, max: number): AxisTicks {
  if (!(min > 0 && max > 0)) throw new RangeError(`a logarithmic axis needs positive values, got [${min}, ${max}]`);
  let low = Math.floor(Math.log10(min));
  let high = Math.ceil(Math.log10(max));
  if (high === low) high = low + 1;
  // At most about eight labels: every second or third decade when the range is wide.
  const every = Math.ceil((high - low) / 8);
  low = Math.floor(low / every) * every;
  high = Math.ceil(high / every) * every;
  const ticks: number[] = [];
  for (let exponent = low; exponent <= high; exponent += every) ticks.push(powerOfTen(exponent));
  return { min: powerOfTen(low), max: powerOfTen(high), ticks, step: every };
}

/** Exact decimal powers: `10 ** -4` is 0.00009999999999999999 in floating point. */
function powerOfTen(exponent: number): number {
  return Number(`1e${exponent}`);
}

export function formatTick(value: number, step: number, scale: 'linear' | 'log' = 'linear'): string {
  if (value === 0) return '0';
  if (scale === 'log') {
    const exponent = Math.round(Math.log10(value));
    return exponent >= -2 && exponent <= 3 ? String(powerOfTen(exponent)) : `1e${exponent}`;
  }
  const magnitude = Math.abs(value);
  if (magnitude >= 1e5 || magnitude < 1e-3) return value.toExponential(Math.max(0, Math.min(3, significantDecimals(value))));
  const decimals = Math.max(0, Math.min(6, -Math.floor(Math.log10(step) + 1e-9)));
  return value.toFixed(decimals);
}

function significantDecimals(value: number): number {
  const mantissa = value.toExponential().split('e')[0]!;
  return Math.max(0, (mantissa.split('.')[1] ?? '').length);
}

function roundToStep(value: number, step: number): number {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 2);
  return Number(value.toFixed(Math.min(20, decimals)));
}
