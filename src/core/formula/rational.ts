/**
 * Exact numbers for the formula evaluator: a reduced fraction of BigInts. Cell values enter as the
 * decimal JS prints for them (0.1 is 1/10, never 0.1000000000000000055…), so sums, products,
 * quotients and ROUND are exact; only the final value is written back as a decimal.
 */

export interface Rational {
  /** Numerator, carries the sign. */
  readonly n: bigint;
  /** Denominator, always > 0. */
  readonly d: bigint;
}

const ZERO = 0n;
const ONE = 1n;
const TEN = 10n;
/** 10^0 … 10^40, computed once. */
const POW10: readonly bigint[] = Array.from({ length: 41 }, (_, k) => TEN ** BigInt(k));
const pow10 = (k: number): bigint => POW10[k] ?? TEN ** BigInt(k);

function gcd(a: bigint, b: bigint): bigint {
  let x = a < ZERO ? -a : a;
  let y = b < ZERO ? -b : b;
  while (y !== ZERO) [x, y] = [y, x % y];
  return x;
}

export function rat(n: bigint, d: bigint = ONE): Rational {
  if (d < ZERO) return rat(-n, -d);
  const g = gcd(n, d);
  return g > ONE ? { n: n / g, d: d / g } : { n, d };
}

export const R_ZERO: Rational = { n: ZERO, d: ONE };
export const R_ONE: Rational = { n: ONE, d: ONE };

/** `-12.5`, `3e-7`, `1.2E+21` → exact fraction; null when the string is not a number. */
export function ratFromDecimal(s: string): Rational | null {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d{1,4}))?$/.exec(s.trim());
  if (!m) return null;
  const int = m[2] ?? '';
  const frac = m[3] ?? '';
  if (int === '' && frac === '') return null;
  const exp = Number(m[4] ?? '0') - frac.length;
  if (int.length + frac.length > 400 || exp > 400 || exp < -400) return null; // past a double's range: not a number here
  let n = BigInt((int + frac).replace(/^0+(?=\d)/, '') || '0');
  if (m[1] === '-') n = -n;
  // not reduced: a decimal's denominator stays a power of ten, so sums of decimals need no gcd
  return exp >= 0 ? { n: n * pow10(exp), d: ONE } : { n, d: pow10(-exp) };
}

/** A finite JS number, as the shortest decimal that prints it. */
export function ratFromNumber(v: number): Rational | null {
  return Number.isFinite(v) ? ratFromDecimal(String(v)) : null;
}

/** Fractions are reduced when their denominators differ; equal ones (decimals) are added as they are. */
export const add = (a: Rational, b: Rational): Rational => (a.d === b.d ? { n: a.n + b.n, d: a.d } : rat(a.n * b.d + b.n * a.d, a.d * b.d));
export const sub = (a: Rational, b: Rational): Rational => (a.d === b.d ? { n: a.n - b.n, d: a.d } : rat(a.n * b.d - b.n * a.d, a.d * b.d));
export const mul = (a: Rational, b: Rational): Rational => rat(a.n * b.n, a.d * b.d);
/** null for a division by zero. */
export const div = (a: Rational, b: Rational): Rational | null => (b.n === ZERO ? null : rat(a.n * b.d, a.d * b.n));
export const neg = (a: Rational): Rational => ({ n: -a.n, d: a.d });

/** Beyond a double's range and precision (|n| or d over 2^1100): Excel's #NUM!, and a bound on BigInt work. */
const HUGE = 2n ** 1100n;
export function outOfRange(x: Rational): boolean {
  return x.n > HUGE || x.n < -HUGE || x.d > HUGE;
}

/** n/d rounded to an integer, half away from zero (Excel's ROUND). */
function roundHalfAway(n: bigint, d: bigint): bigint {
  const neg = n < ZERO;
  const a = neg ? -n : n;
  const q = (2n * a + d) / (2n * d);
  return neg ? -q : q;
}

/** ROUND(x, digits): half away from zero at 10^-digits (digits may be negative). */
export function round(x: Rational, digits: number): Rational {
  if (digits >= 0) {
    const s = TEN ** BigInt(digits);
    return rat(roundHalfAway(x.n * s, x.d), s);
  }
  const s = TEN ** BigInt(-digits);
  return rat(roundHalfAway(x.n, x.d * s) * s);
}

/** The integer part, toward zero (Excel truncates ROUND's digits so). */
export function trunc(x: Rational): bigint {
  return x.n / x.d;
}

/** Whether the fraction has a finite decimal expansion (the denominator has only 2s and 5s). */
function terminates(d: bigint): boolean {
  let x = d;
  while (x % 2n === ZERO) x /= 2n;
  while (x % 5n === ZERO) x /= 5n;
  return x === ONE;
}

/** Digits of |n|/d as a decimal with `places` decimals, rounded half away from zero. */
function fixed(n: bigint, d: bigint, places: number): string {
  const a = n < ZERO ? -n : n;
  const s = TEN ** BigInt(places);
  const q = roundHalfAway(a * s, d);
  let digits = q.toString();
  if (places > 0) {
    digits = digits.padStart(places + 1, '0');
    digits = `${digits.slice(0, -places)}.${digits.slice(-places)}`.replace(/\.?0+$/, '');
  }
  return (n < ZERO && q !== ZERO ? '-' : '') + digits;
}

/**
 * The plain decimal of a value (no exponent): exact when it terminates within 15 significant
 * digits, else rounded to 15 significant digits — what Excel stores for 1/3.
 */
export function toDecimal(value: Rational): string {
  if (value.n === ZERO) return '0';
  const x = rat(value.n, value.d);
  // an integer or a decimal of up to 15 places with at most 15 digits: printed directly
  if (x.d === ONE && (x.n < ZERO ? -x.n : x.n) < POW10[15]!) return x.n.toString();
  for (let k = 1; k <= 15; k++) {
    const p = POW10[k]!;
    if (p < x.d) continue;
    if (p % x.d !== ZERO) break;
    const a = x.n < ZERO ? -x.n : x.n;
    const scaled = a * (p / x.d);
    if (scaled >= POW10[15]!) break;
    const digits = scaled.toString().padStart(k + 1, '0');
    return `${x.n < ZERO ? '-' : ''}${digits.slice(0, -k)}.${digits.slice(-k)}`;
  }
  const a = x.n < ZERO ? -x.n : x.n;
  // the position of the first significant digit: 10^e ≤ |x| < 10^(e+1)
  let e = a.toString().length - x.d.toString().length;
  if (TEN ** BigInt(Math.max(e, 0)) * x.d > a * TEN ** BigInt(Math.max(-e, 0))) e--;
  // beyond 15 significant digits in the integer part: rounded there, as Excel stores it
  if (e > 14) return fixed(round(x, 14 - e).n, ONE, 0);
  // (exact or at 15 significant digits, below)
  const maxPlaces = 14 - e;
  if (terminates(x.d)) {
    let places = 0;
    let d = x.d;
    while (d !== ONE && places <= maxPlaces) {
      places++;
      const g = gcd(d, TEN);
      d /= g;
    }
    if (d === ONE && places <= maxPlaces) return fixed(x.n, x.d, places);
  }
  return fixed(x.n, x.d, maxPlaces);
}

/** The value rounded to `places` decimals and printed with exactly that many (a `0.00` format). */
export function toFixed(x: Rational, places: number): string {
  const s = fixed(x.n, x.d, places);
  if (places === 0) return s;
  const dot = s.indexOf('.');
  const have = dot < 0 ? 0 : s.length - dot - 1;
  return (dot < 0 ? `${s}.` : s) + '0'.repeat(places - have);
}
