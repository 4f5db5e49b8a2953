/**
 * Standard normal special functions in double precision, and the truncated normal built on them.
 * Follows Optuna's `optuna/samplers/_tpe/_truncnorm.py` (itself a port of SciPy's `truncnorm`), which works in
 * log space so that kernels many standard deviations away from the search bounds stay finite.
 */

const SQRT1_2 = Math.SQRT1_2;
const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

// Chebyshev coefficients of erfc for z >= 0 (Numerical Recipes 3rd ed., §6.2.2, `Erf::erfccheb`), ~1e-16.
const ERFC_COF = [
  -1.3026537197817094, 6.4196979235649026e-1, 1.9476473204185836e-2, -9.561514786808631e-3,
  -9.46595344482036e-4, 3.66839497852761e-4, 4.2523324806907e-5, -2.0278578112534e-5,
  -1.624290004647e-6, 1.30365583558e-6, 1.5626441722e-8, -8.5238095915e-8, 6.529054439e-9,
  5.059343495e-9, -9.91364156e-10, -2.27365122e-10, 9.6467911e-11, 2.394038e-12, -6.886027e-12,
  8.94487e-13, 3.13092e-13, -1.12708e-13, 3.81e-16, 7.106e-15, -1.523e-15, -9.4e-17, 1.21e-16, -2.8e-17,
];

function erfcNonNegative(z: number): number {
  const t = 2 / (2 + z);
  const ty = 4 * t - 2;
  let d = 0;
  let dd = 0;
  for (let j = ERFC_COF.length - 1; j > 0; j--) {
    const tmp = d;
    d = ty * d - dd + ERFC_COF[j]!;
    dd = tmp;
  }
  return t * Math.exp(-z * z + 0.5 * (ERFC_COF[0]! + ty * d) - dd);
}

/** Complementary error function. */
export function erfc(x: number): number {
  return x >= 0 ? erfcNonNegative(x) : 2 - erfcNonNegative(-x);
}

/** Standard normal CDF Φ(x). */
export function ndtr(x: number): number {
  // Φ(x) = erfc(-x/√2)/2 keeps full relative precision in the left tail.
  return 0.5 * erfc(-x * SQRT1_2);
}

/** log Φ(x), accurate far into both tails (Optuna `_log_ndtr_single`). */
export function logNdtr(x: number): number {
  if (x > 6) return -ndtr(-x); // log(1 - ε) ≈ -ε
  if (x > -20) return Math.log(ndtr(x));
  // Asymptotic series of Mills' ratio (Abramowitz & Stegun 26.2.12).
  const logLhs = -0.5 * x * x - Math.log(-x) - LOG_SQRT_2PI;
  let lastTotal = 0;
  let rhs = 1;
  let numerator = 1;
  let denomFactor = 1;
  const denomCons = 1 / (x * x);
  let sign = 1;
  for (let i = 1; Math.abs(lastTotal - rhs) > Number.EPSILON; i++) {
    lastTotal = rhs;
    sign = -sign;
    denomFactor *= denomCons;
    numerator *= 2 * i - 1;
    rhs += sign * numerator * denomFactor;
  }
  return logLhs + Math.log(rhs);
}

/** log of the standard normal density. */
export function logNormalPdf(z: number): number {
  return -0.5 * z * z - LOG_SQRT_2PI;
}

// Acklam's rational approximation of Φ⁻¹ (relative error 1.15e-9), refined below by one Halley step.
const A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];

/** Inverse of the standard normal CDF, for p in (0, 1). */
export function ndtri(p: number): number {
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  let x: number;
  if (p < 0.02425) {
    const q = Math.sqrt(-2 * Math.log(p));
    x = (((((C[0]! * q + C[1]!) * q + C[2]!) * q + C[3]!) * q + C[4]!) * q + C[5]!) /
      ((((D[0]! * q + D[1]!) * q + D[2]!) * q + D[3]!) * q + 1);
  } else if (p <= 1 - 0.02425) {
    const q = p - 0.5;
    const r = q * q;
    x = ((((((A[0]! * r + A[1]!) * r + A[2]!) * r + A[3]!) * r + A[4]!) * r + A[5]!) * q) /
      (((((B[0]! * r + B[1]!) * r + B[2]!) * r + B[3]!) * r + B[4]!) * r + 1);
  } else {
    return -ndtri(1 - p);
  }
  // Halley refinement against the precise CDF.
  const e = ndtr(x) - p;
  const u = e * Math.sqrt(2 * Math.PI) * Math.exp(0.5 * x * x);
  return x - u / (1 + 0.5 * x * u);
}

/** Φ⁻¹(exp(y)) for y ≤ 0, stable for y down to -1e300 (Optuna `_ndtri_exp`). */
export function ndtriExp(y: number): number {
  if (y >= 0) return Infinity;
  if (y > -Math.LN2) return -ndtri(-Math.expm1(y)); // p > 0.5: 1 - p computed without cancellation
  if (y > -700) return ndtri(Math.exp(y));
  // Deep left tail: asymptotic start, then Newton on log Φ(x) = y.
  let x = -Math.sqrt(-2 * y - Math.log(-2 * y) - Math.log(2 * Math.PI));
  for (let i = 0; i < 50; i++) {
    const f = logNdtr(x) - y;
    const slope = Math.exp(logNormalPdf(x) - logNdtr(x));
    const step = f / slope;
    x -= step;
    if (Math.abs(step) < 1e-14 * Math.abs(x)) break;
  }
  return x;
}

function logDiff(logP: number, logQ: number): number {
  // log(exp(logP) - exp(logQ)) for logP ≥ logQ.
  return logP + Math.log1p(-Math.exp(logQ - logP));
}

function logSum(logP: number, logQ: number): number {
  const m = Math.max(logP, logQ);
  if (m === -Infinity) return -Infinity;
  return m + Math.log(Math.exp(logP - m) + Math.exp(logQ - m));
}

/** log of the standard normal mass in [a, b] (Optuna `_log_gauss_mass`). */
export function logGaussMass(a: number, b: number): number {
  if (b <= 0) return logDiff(logNdtr(b), logNdtr(a));
  if (a > 0) return logDiff(logNdtr(-a), logNdtr(-b));
  // Central case: 1 - Φ(a) - Φ(-b) avoids the cancellation of summing two masses close to 1/2.
  return Math.log1p(-ndtr(a) - ndtr(-b));
}

/** What `truncnormPpf` needs from the bounds alone: one per kernel serves all the quantiles drawn from it. */
export interface TruncatedNormal {
  a: number;
  b: number;
  /** log Φ(a) when a < 0, else log Φ(−b): the tail the quantile is measured from. */
  logTail: number;
  /** log of the mass in [a, b]. */
  logMass: number;
}

export function truncatedNormal(a: number, b: number): TruncatedNormal {
  return { a, b, logTail: a < 0 ? logNdtr(a) : logNdtr(-b), logMass: logGaussMass(a, b) };
}

/** Quantile q of the standard normal truncated to [a, b] (Optuna `_truncnorm.ppf`). */
export function truncnormPpf(q: number, a: number, b: number): number {
  return truncatedNormalPpf(q, truncatedNormal(a, b));
}

/** `truncnormPpf` with the bounds' part precomputed. */
export function truncatedNormalPpf(q: number, { a, b, logTail, logMass }: TruncatedNormal): number {
  if (q === 0) return a;
  if (q === 1) return b;
  const x = a < 0 ? ndtriExp(logSum(logTail, Math.log(q) + logMass)) : -ndtriExp(logSum(logTail, Math.log1p(-q) + logMass));
  return Math.min(Math.max(x, a), b);
}
