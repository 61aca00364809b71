/**
 * Word's automatic numbering (ISO/IEC 29500-1 / ECMA-376 Part 1, §17.9 "Numbering"): a paragraph
 * whose `w:numPr` (direct, or from its paragraph style) names a `w:numId` and a level `w:ilvl` shows
 * a number that is not in its text. This renders that number as Word shows it, so the checks see
 * `一、项目名称`, not `项目名称`.
 *
 * - `w:num` (§17.9.15) points at a `w:abstractNum` (§17.9.1) and may override a level's start
 *   (`w:lvlOverride`/`w:startOverride`, §17.9.8, §17.9.27) or the whole level (`w:lvl` inside it).
 * - A level `w:lvl` (§17.9.6) has `w:start` (§17.9.26, default 0), `w:numFmt` (§17.9.17, the
 *   values of ST_NumberFormat §17.18.59), `w:lvlText` (§17.9.12: `%1`…`%9` stand for the current
 *   number of levels 1…9), `w:lvlRestart` (§17.9.11) and `w:isLgl` (§17.9.4: every `%n` decimal).
 * - Restart (§17.9.11, quoted at https://learn.microsoft.com/en-us/previous-versions/office/developer/office-2010/cc818409(v=office.14)):
 *   a level restarts when a higher level (smaller ilvl) is used; with `w:lvlRestart n` only
 *   when level n or a higher one is used (Word's reading, MS-OI29500:
 *   https://learn.microsoft.com/en-us/openspecs/office_standards/ms-oi29500/140a2cd9-2f26-456d-9760-ae6ecef4e8b5);
 *   `0` never restarts.
 * - Counters are kept per `w:numId` and level (each `w:num` is one list).
 * - The suffix after the number (`w:suff`, tab by default) is layout, not text: it is left out, so
 *   `%1、` gives `一、项目名称`. Bullets (`bullet`) and `none` give no text.
 *
 * Chinese forms: `chineseCounting`/`chineseCountingThousand` are 一 … 十, 十一, 二十, 一百零一 (十 for
 * ten, as Office's "TypeA": https://learn.microsoft.com/en-us/openspecs/office_standards/ms-oi29500/4a566abf-3bba-434e-badc-0ce4e9f21799);
 * `ideographDigital` writes each digit (十 → 一〇, "TypeC"); `chineseLegalSimplified` 壹贰叁 … 壹拾.
 */

export interface NumberingLevel {
  readonly start: number;
  readonly numFmt: string;
  readonly lvlText: string;
  /** `w:lvlRestart`: undefined (restart after any higher level), 0 (never) or a one-based level. */
  readonly restart?: number;
  readonly isLgl: boolean;
}

/** numbering.xml as read: abstract numberings and the `w:num` instances pointing at them. */
export interface NumberingDefinitions {
  readonly abstracts: Map<string, Map<number, NumberingLevel>>;
  readonly nums: Map<string, { readonly abstractId: string; readonly overrides: Map<number, { start?: number; level?: NumberingLevel }> }>;
}

export function emptyNumbering(): NumberingDefinitions {
  return { abstracts: new Map(), nums: new Map() };
}

const DIGITS = '〇一二三四五六七八九';
const LEGAL = '零壹贰叁肆伍陆柒捌玖';
const GAN = '甲乙丙丁戊己庚辛壬癸';
const ZHI = '子丑寅卯辰巳午未申酉戌亥';

/** 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 101 → 一百零一, 1000 → 一千 (up to 99,999,999). */
function chineseCount(n: number, digits: string, units: readonly [string, string, string], legal: boolean): string {
  if (n === 0) return digits[0]!;
  const group = (g: number): string => {
    let out = '';
    let zero = false;
    const parts = [Math.floor(g / 1000), Math.floor(g / 100) % 10, Math.floor(g / 10) % 10, g % 10];
    const unitOf = [units[2], units[1], units[0], ''];
    for (let i = 0; i < 4; i++) {
      const d = parts[i]!;
      if (d === 0) {
        if (out !== '') zero = true;
        continue;
      }
      if (zero) out += digits[0]!;
      zero = false;
      out += digits[d]! + unitOf[i]!;
    }
    return out;
  };
  const high = Math.floor(n / 10000);
  const low = n % 10000;
  let s = high > 0 ? `${group(high)}万${low > 0 && low < 1000 ? digits[0]! : ''}${low > 0 ? group(low) : ''}` : group(low);
  // 一十 … 一十九 are said 十 … 十九 (not in the legal form: 壹拾)
  if (!legal && s.startsWith(`${digits[1]!}${units[0]}`)) s = s.slice(1);
  return s;
}

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  let rest = n;
  for (const [v, s] of table) {
    while (rest >= v) {
      out += s;
      rest -= v;
    }
  }
  return out;
}

/** A, B, … Z, AA, BB, … (Word repeats the letter: ST_NumberFormat upperLetter). */
function letters(n: number): string {
  if (n <= 0) return String(n);
  const ch = String.fromCharCode(0x41 + ((n - 1) % 26));
  return ch.repeat(Math.floor((n - 1) / 26) + 1);
}

/** The number `n` in the format `fmt` (ST_NumberFormat). Unknown formats fall back to decimal. */
export function formatNumber(n: number, fmt: string): string {
  switch (fmt) {
    case 'decimal':
    case 'decimalHalfWidth':
      return String(n);
    case 'decimalZero':
      return n >= 0 && n < 10 ? `0${n}` : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'decimalEnclosedParen':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2474 + n - 1) : `(${n})`;
    case 'decimalEnclosedFullstop':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2488 + n - 1) : `${n}.`;
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperLetter':
      return letters(n);
    case 'lowerLetter':
      return letters(n).toLowerCase();
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return n < 0 ? String(n) : chineseCount(n, DIGITS.replace('〇', '零'), ['十', '百', '千'], false);
    case 'chineseLegalSimplified':
      return n < 0 ? String(n) : chineseCount(n, LEGAL, ['拾', '佰', '仟'], true);
    case 'ideographDigital':
    case 'taiwaneseDigital':
    case 'japaneseDigitalTenThousand':
      return n < 0 ? String(n) : String(n).replace(/[0-9]/g, (d) => DIGITS[Number(d)]!);
    case 'ideographTraditional':
      return n >= 1 ? GAN[(n - 1) % 10]! : String(n);
    case 'ideographZodiac':
      return n >= 1 ? ZHI[(n - 1) % 12]! : String(n);
    case 'bullet':
    case 'none':
      return '';
    default:
      return String(n);
  }
}

/**
 * The counters of one document: `next(numId, ilvl)` advances the level of that list and returns the
 * number text Word shows before the paragraph ('' for bullets, `none`, or an unknown list).
 */
export class NumberingCounters {
  private readonly counters = new Map<string, (number | undefined)[]>();

  constructor(private readonly defs: NumberingDefinitions) {}

  private level(numId: string, ilvl: number): NumberingLevel | undefined {
    const num = this.defs.nums.get(numId);
    if (!num) return undefined;
    const o = num.overrides.get(ilvl);
    if (o?.level) return o.start !== undefined ? { ...o.level, start: o.start } : o.level;
    const base = this.defs.abstracts.get(num.abstractId)?.get(ilvl);
    if (!base) return undefined;
    return o?.start !== undefined ? { ...base, start: o.start } : base;
  }

  next(numId: string, ilvl: number): string {
    if (numId === '0' || ilvl < 0 || ilvl > 8) return '';
    const lvl = this.level(numId, ilvl);
    if (!lvl) return '';
    let c = this.counters.get(numId);
    if (!c) this.counters.set(numId, (c = new Array<number | undefined>(9).fill(undefined)));
    c[ilvl] = c[ilvl] === undefined ? lvl.start : c[ilvl] + 1;
    // deeper levels restart when this level is used (unless their lvlRestart says otherwise)
    for (let d = ilvl + 1; d < 9; d++) {
      const restart = this.level(numId, d)?.restart ?? d;
      if (restart !== 0 && ilvl + 1 <= restart) c[d] = undefined;
    }
    if (lvl.numFmt === 'bullet' || lvl.numFmt === 'none') return '';
    const counters = c;
    return lvl.lvlText.replace(/%([1-9])/g, (_, k: string) => {
      const i = Number(k) - 1;
      const l = i === ilvl ? lvl : this.level(numId, i);
      const value = counters[i] ?? l?.start ?? 0;
      return formatNumber(value, lvl.isLgl ? 'decimal' : (l?.numFmt ?? 'decimal'));
    });
  }
}
