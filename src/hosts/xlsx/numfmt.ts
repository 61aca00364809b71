/**
 * Number formats: enough of Excel's format language to show a cell as Excel shows it for the
 * formats a disclosure uses: General, text (`@`), fixed decimals, thousands separators,
 * percentages, scientific, literal units (`0.00"万元"`), and dates (always shown yyyy-mm-dd).
 */
import { memoized } from '../../core/memo';

/** Built-in format ids (ECMA-376 18.8.30) plus the zh-CN built-in date formats. */
export const BUILTIN_FORMATS: ReadonlyMap<number, string> = new Map([
  [0, 'General'],
  [1, '0'],
  [2, '0.00'],
  [3, '#,##0'],
  [4, '#,##0.00'],
  [9, '0%'],
  [10, '0.00%'],
  [11, '0.00E+00'],
  [12, '# ?/?'],
  [13, '# ??/??'],
  [14, 'yyyy-mm-dd'],
  [15, 'd-mmm-yy'],
  [16, 'd-mmm'],
  [17, 'mmm-yy'],
  [18, 'h:mm AM/PM'],
  [19, 'h:mm:ss AM/PM'],
  [20, 'h:mm'],
  [21, 'h:mm:ss'],
  [22, 'yyyy-mm-dd h:mm'],
  [37, '#,##0 ;(#,##0)'],
  [38, '#,##0 ;[Red](#,##0)'],
  [39, '#,##0.00;(#,##0.00)'],
  [40, '#,##0.00;[Red](#,##0.00)'],
  [45, 'mm:ss'],
  [46, '[h]:mm:ss'],
  [47, 'mmss.0'],
  [48, '##0.0E+0'],
  [49, '@'],
  // zh-CN locale built-ins
  [27, 'yyyy"年"m"月"'],
  [28, 'm"月"d"日"'],
  [29, 'm"月"d"日"'],
  [30, 'm-d-yy'],
  [31, 'yyyy"年"m"月"d"日"'],
  [32, 'h"时"mm"分"'],
  [33, 'h"时"mm"分"ss"秒"'],
  [34, '上午/下午h"时"mm"分"'],
  [35, '上午/下午h"时"mm"分"ss"秒"'],
  [36, 'yyyy"年"m"月"'],
  [50, 'yyyy"年"m"月"'],
  [51, 'm"月"d"日"'],
  [52, 'yyyy"年"m"月"'],
  [53, 'm"月"d"日"'],
  [54, 'm"月"d"日"'],
  [55, '上午/下午h"时"mm"分"'],
  [56, '上午/下午h"时"mm"分"ss"秒"'],
  [57, 'yyyy"年"m"月"'],
  [58, 'm"月"d"日"'],
]);

/**
 * Excel shows at most 30 decimal places, whatever the format asks for (and toFixed/toExponential
 * throw a RangeError past 100): a format with more is shown with 30.
 */
export const MAX_DECIMALS = 30;

/** Splits a format into its `;` sections, respecting quotes and escapes. */
function sections(fmt: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i]!;
    if (ch === '"') quoted = !quoted;
    if (!quoted && ch === '\\') {
      cur += ch + (fmt[i + 1] ?? '');
      i++;
      continue;
    }
    if (!quoted && ch === ';') {
      out.push(cur);
      cur = '';
      continue;
    }
    cur += ch;
  }
  out.push(cur);
  return out;
}

/** The format with quoted text, escapes and bracketed parts removed: what decides its kind. */
function skeleton(section: string): string {
  return section
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/[_*]./g, '');
}

export function isDateFormat(fmt: string): boolean {
  if (!fmt || fmt === 'General') return false;
  const first = sections(fmt)[0] ?? '';
  const s = skeleton(first);
  if (/[0#?]/.test(s) && !/[dyhs]/i.test(s)) return false;
  if (/\[h+\]|\[m+\]|\[s+\]/i.test(first)) return true;
  return /[dmyhsDMYHS]|e{1,4}|上午|下午/.test(s) && !/^[@\s]*$/.test(s);
}

export function isTextFormat(fmt: string): boolean {
  const secs = sections(fmt);
  return secs.length === 1 && skeleton(secs[0]!).trim() === '@';
}

/** Excel's General display: up to 11 significant digits, scientific past that. */
export function formatGeneral(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  const abs = Math.abs(v);
  if (abs >= 1e-5 && abs < 1e11) {
    // at most 11 significant digits, no trailing zeros
    const digitsBeforePoint = abs >= 1 ? Math.floor(Math.log10(abs)) + 1 : 0;
    const decimals = Math.max(0, Math.min(10, 11 - digitsBeforePoint - (abs >= 1 ? 0 : 0)));
    let s = abs < 1 ? Number(v.toPrecision(10)).toString() : v.toFixed(decimals);
    if (s.includes('e')) s = Number(v.toPrecision(10)).toFixed(decimals);
    if (s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, '');
    return s;
  }
  return toScientific(v, 5, true);
}

/** `2.15E+09` style; `trim` drops trailing zeros of the mantissa (General). */
function toScientific(v: number, decimals: number, trim: boolean, expDigits = 2): string {
  const [mant, exp] = v.toExponential(decimals).split('e');
  let m = mant ?? '0';
  if (trim && m.includes('.')) m = m.replace(/0+$/, '').replace(/\.$/, '');
  const e = Number(exp ?? '0');
  return `${m}E${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(expDigits, '0')}`;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** An Excel serial date (1900 system) as yyyy-mm-dd, with the time when it has one. */
export function formatDate(serial: number, date1904 = false, withTime = false, timeOnly = false): string {
  const days = Math.floor(serial);
  let ms = Math.round((serial - days) * 86400) * 1000;
  if (ms >= 86400000) ms = 86399000;
  // 1900 system: serial 1 = 1900-01-01, with Excel's phantom 1900-02-29 (serial 60).
  let epoch: number;
  if (date1904) epoch = Date.UTC(1904, 0, 1);
  else epoch = days < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  const d = new Date(epoch + days * 86400000 + ms);
  const datePart = `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
  const timePart = `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`;
  if (!date1904 && days === 60) return timeOnly ? timePart : withTime ? `1900-02-29 ${timePart}` : '1900-02-29';
  if (timeOnly) return timePart;
  return withTime && ms > 0 ? `${datePart} ${timePart}` : datePart;
}

function groupThousands(intPart: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * A numeric section parsed once: its literal prefix and suffix, its digit pattern and what the
 * pattern asks for. Only the final rendering depends on the value.
 */
type NumericPlan =
  | { readonly kind: 'general'; readonly prefix: string; readonly suffix: string; readonly percents: number }
  | {
      readonly kind: 'scientific';
      readonly prefix: string;
      readonly suffix: string;
      readonly percents: number;
      readonly decimals: number;
      readonly expDigits: number;
    }
  | {
      readonly kind: 'fixed';
      readonly prefix: string;
      readonly suffix: string;
      readonly percents: number;
      /** Commas right after the last digit placeholder: each divides by 1000. */
      readonly thousands: number;
      readonly hasDot: boolean;
      readonly decimals: number;
      readonly minDecimals: number;
      readonly grouping: boolean;
      readonly minInt: number;
    };

/** Splits a numeric section into literal prefix, number pattern and literal suffix, and reads the pattern. */
function planNumeric(section: string): NumericPlan {
  let prefix = '';
  let suffix = '';
  let pattern = '';
  let seenDigit = false;
  let percents = 0;
  for (let i = 0; i < section.length; i++) {
    const ch = section[i]!;
    let lit: string;
    if (ch === '"') {
      const j = section.indexOf('"', i + 1);
      lit = section.slice(i + 1, j < 0 ? undefined : j);
      i = j < 0 ? section.length : j;
    } else if (ch === '\\') {
      lit = section[i + 1] ?? '';
      i++;
    } else if (ch === '[') {
      const j = section.indexOf(']', i);
      const inner = section.slice(i + 1, j < 0 ? undefined : j);
      const cur = /^\$([^-\]]*)/.exec(inner);
      lit = cur ? (cur[1] ?? '') : '';
      i = j < 0 ? section.length : j;
    } else if (ch === '_') {
      lit = ' ';
      i++;
    } else if (ch === '*') {
      lit = '';
      i++;
    } else if (
      /[0#?.,]/.test(ch) ||
      (seenDigit && /[Ee]/.test(ch) && /^[+-]/.test(section.slice(i + 1))) ||
      (seenDigit && /[+-]/.test(ch) && /[Ee]$/.test(pattern))
    ) {
      pattern += ch;
      if (/[0#?]/.test(ch)) seenDigit = true;
      continue;
    } else if (ch === '%') {
      percents++;
      lit = '%';
    } else {
      lit = ch;
    }
    if (pattern === '') prefix += lit;
    else suffix += lit;
  }
  if (!/[0#?]/.test(pattern)) return { kind: 'general', prefix, suffix, percents };
  const sci = /[Ee][+-]/.exec(pattern);
  if (sci) {
    const mantPattern = pattern.slice(0, sci.index);
    const expPattern = pattern.slice(sci.index + 2).replace(/[^0#?]/g, '');
    const dot = mantPattern.indexOf('.');
    const decimals = Math.min(MAX_DECIMALS, dot < 0 ? 0 : mantPattern.slice(dot + 1).replace(/[^0#?]/g, '').length);
    return { kind: 'scientific', prefix, suffix, percents, decimals, expDigits: Math.min(MAX_DECIMALS, Math.max(1, expPattern.length)) };
  }
  // thousands scaling: commas right after the last digit placeholder divide by 1000
  const trailing = /([0#?])(,+)(?=[^0#?]*$)/.exec(pattern);
  const dot = pattern.indexOf('.');
  const intPattern = dot < 0 ? pattern : pattern.slice(0, dot);
  const fracPattern = dot < 0 ? '' : pattern.slice(dot + 1).replace(/[^0#?]/g, '');
  const decimals = Math.min(MAX_DECIMALS, fracPattern.length);
  return {
    kind: 'fixed',
    prefix,
    suffix,
    percents,
    thousands: trailing?.[2]?.length ?? 0,
    hasDot: dot >= 0,
    decimals,
    minDecimals: Math.min(decimals, (fracPattern.match(/0/g) ?? []).length),
    grouping: /[0#?],[0#?]/.test(intPattern),
    minInt: (intPattern.match(/0/g) ?? []).length,
  };
}

/** Renders a number through a parsed numeric section. */
function renderNumeric(v: number, plan: NumericPlan): string {
  const { prefix, suffix, percents } = plan;
  if (plan.kind === 'general') return prefix + formatGeneral(v * 100 ** percents) + suffix;
  let x = v;
  for (let k = 0; k < percents; k++) x *= 100;
  if (plan.kind === 'scientific') return prefix + toScientific(x, plan.decimals, false, plan.expDigits) + suffix;
  for (let k = 0; k < plan.thousands; k++) x /= 1000;
  const { decimals, minDecimals, minInt } = plan;
  let s = Math.abs(x).toFixed(decimals);
  const point = s.indexOf('.');
  let ip = point < 0 ? s : s.slice(0, point);
  let fp = point < 0 ? '' : s.slice(point + 1);
  if (fp && minDecimals < decimals) {
    fp = fp.replace(/0+$/, '');
    if (fp.length < minDecimals) fp = fp.padEnd(minDecimals, '0');
  }
  if (ip === '0' && minInt === 0) ip = '';
  if (ip.length < minInt) ip = ip.padStart(minInt, '0');
  if (plan.grouping) ip = groupThousands(ip);
  s = fp ? `${ip}.${fp}` : plan.hasDot && decimals > 0 && minDecimals === 0 ? `${ip}.` : ip;
  if (s === '' || s === '.') s = '0';
  const negative = x < 0 && /[1-9]/.test(s);
  return (negative ? '-' : '') + prefix + s + suffix;
}

/** What one section of a format does, decided once per format (only the value varies). */
type SectionPlan =
  | { readonly kind: 'general' }
  /** `@`, or an empty section of a one-section format: the original value in General. */
  | { readonly kind: 'original' }
  | { readonly kind: 'literal'; readonly text: string }
  | { readonly kind: 'date'; readonly hasDate: boolean; readonly hasTime: boolean }
  | { readonly kind: 'embedded-general'; readonly text: string }
  | { readonly kind: 'numeric'; readonly plan: NumericPlan };

interface FormatPlan {
  readonly sections: readonly SectionPlan[];
  /** Whether a negative value uses the second section (shown without its sign). */
  readonly negativeSection: boolean;
  /** Whether zero uses the third section. */
  readonly zeroSection: boolean;
}

function planSection(section: string, several: boolean): SectionPlan {
  const sk = skeleton(section);
  if (/^\s*general\s*$/i.test(sk)) return { kind: 'general' };
  if (sk.trim() === '@' || sk.trim() === '') {
    if (sk.trim() === '' && several) return { kind: 'literal', text: renderLiteral(section) };
    return { kind: 'original' };
  }
  if (isDateFormat(section)) {
    const hasDate = /[dy]/i.test(sk) || /m/i.test(sk.replace(/h+[^a-z]*m+|m+[^a-z]*s+/gi, ''));
    const hasTime = /[hs]/i.test(sk) || /上午|下午/.test(sk);
    return { kind: 'date', hasDate, hasTime };
  }
  if (/General/i.test(sk)) return { kind: 'embedded-general', text: renderLiteral(section.replace(/General/i, '\u0000')) };
  return { kind: 'numeric', plan: planNumeric(section) };
}

function planFormat(fmt: string): FormatPlan {
  const secs = sections(fmt);
  const used = secs.slice(0, 3);
  if (used.length === 0) used.push('');
  return {
    sections: used.map((s) => planSection(s, secs.length > 1)),
    negativeSection: secs.length >= 2 && skeleton(secs[1]!).trim() !== '',
    zeroSection: secs.length >= 3,
  };
}

/** A format's plan, made once per format (a workbook has a few dozen; forgotten past a bound). */
const planOf = memoized(planFormat, 4096);

/**
 * The text Excel would show for a number under a format code. Dates are shown yyyy-mm-dd
 * (the product shows dates uniformly, whatever the locale's format). The format is parsed once
 * (planOf) and only rendered per value.
 */
export function formatNumber(v: number, fmt: string | undefined, date1904 = false): string {
  if (!Number.isFinite(v)) return String(v);
  if (fmt === undefined || fmt === '' || /^general$/i.test(fmt)) return formatGeneral(v);
  const plan = planOf(fmt);
  let section = plan.sections[0]!;
  let value = v;
  // conditions like [>=100] are rare in disclosures; use the sign sections only
  if (v < 0 && plan.negativeSection) {
    section = plan.sections[1]!;
    value = -v;
  } else if (v === 0 && plan.zeroSection) {
    section = plan.sections[2]!;
  }
  switch (section.kind) {
    case 'general':
      return formatGeneral(value);
    case 'original':
      return formatGeneral(v);
    case 'literal':
      return section.text;
    case 'date':
      if (value < 0) return formatGeneral(v);
      return formatDate(value, date1904, section.hasTime, section.hasTime && !section.hasDate);
    case 'embedded-general':
      return section.text.replace('\u0000', formatGeneral(value));
    case 'numeric':
      return renderNumeric(value, section.plan).trim();
  }
}

function renderLiteral(section: string): string {
  return section
    .replace(/"([^"]*)"/g, '$1')
    .replace(/\\(.)/g, '$1')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/_./g, ' ')
    .replace(/\*./g, '');
}
