/**
 * The only rewriting the export does to the workbook's text: spacing, and half-width punctuation
 * inside Chinese text. Every change is described so the caller can list it.
 */

export interface TextChange {
  readonly kind: 'spacing' | 'punctuation';
  readonly zh: string;
  readonly en: string;
}

export interface NormalisedText {
  readonly text: string;
  readonly changes: readonly TextChange[];
}

const HAN = /\p{Script=Han}/u;
/** Chinese (full-width) punctuation and quotes. */
const CJK_PUNCT = /[\u3001-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65“”‘’…—]/u;
const SPACES_G = /[ \t\u00a0\u3000\u2000-\u200b\u202f\u205f\ufeff]+/gu;
const EDGE = /^[\s\u00a0\u3000\u2000-\u200b\u202f\u205f\ufeff]+|[\s\u00a0\u3000\u2000-\u200b\u202f\u205f\ufeff]+$/gu;

const isHan = (ch: string | undefined): boolean => ch !== undefined && HAN.test(ch);
const isCjkPunct = (ch: string | undefined): boolean => ch !== undefined && CJK_PUNCT.test(ch);
const isChinese = (ch: string | undefined): boolean => isHan(ch) || isCjkPunct(ch);
const isLatinOrDigit = (ch: string | undefined): boolean => ch !== undefined && /[0-9A-Za-z%]/.test(ch);

const FULL: Readonly<Record<string, string>> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！' };

const DESCRIBE = {
  edge: { kind: 'spacing', zh: '删除首尾空格', en: 'removed leading/trailing spaces' },
  inner: { kind: 'spacing', zh: '删除中文与数字、标点之间的空格', en: 'removed spaces between Chinese text and digits or punctuation' },
  collapse: { kind: 'spacing', zh: '连续空格合并为一个', en: 'collapsed repeated spaces' },
  comma: { kind: 'punctuation', zh: '半角标点改为全角（，；：？！）', en: 'half-width punctuation made full-width (，；：？！)' },
  paren: { kind: 'punctuation', zh: '半角括号改为全角“（）”', en: 'half-width brackets made full-width （）' },
  period: { kind: 'punctuation', zh: '句末半角“.”改为“。”', en: 'sentence-final "." made "。"' },
} as const satisfies Record<string, TextChange>;

/** Last and first character of neighbouring text (code points). */
function lastChar(s: string): string | undefined {
  const chars = Array.from(s);
  return chars[chars.length - 1];
}
function firstChar(s: string): string | undefined {
  return Array.from(s)[0];
}

/**
 * Normalises one paragraph: trims it; removes spaces next to Chinese punctuation and between
 * Chinese characters and digits/letters; collapses repeated spaces (a single space between two
 * Chinese words, as between two issuing bodies `财政部 教育部`, is kept); turns `,;:?!` next to
 * Chinese characters into `，；：？！`, `(…)` around or beside Chinese text into `（…）`, and a
 * sentence-final `.` after a Chinese character into `。`.
 */
export function normaliseParagraph(input: string): NormalisedText {
  const changes = new Set<TextChange>();
  let text = input.replace(EDGE, '');
  if (text !== input) changes.add(DESCRIBE.edge);

  // punctuation and spaces, repeated until stable: removing a space or converting a mark can
  // put a half-width mark next to Chinese text
  for (let guard = 0; guard < 8; guard++) {
    const before = text;
    // , ; : ? ! next to Chinese
    // (repeated until stable: a converted mark makes its half-width neighbour Chinese-adjacent)
    const chars = Array.from(text);
    for (let changed = true; changed;) {
      changed = false;
      for (let i = 0; i < chars.length; i++) {
        const full = FULL[chars[i]!];
        if (full !== undefined && (isChinese(chars[i - 1]) || isChinese(chars[i + 1]))) {
          chars[i] = full;
          changes.add(DESCRIBE.comma);
          changed = true;
        }
      }
    }
    text = chars.join('');

    // (…) beside or around Chinese
    text = text.replace(/\(([^()\n]*)\)/g, (m: string, inner: string, offset: number, whole: string) => {
      const a = lastChar(whole.slice(0, offset));
      const b = firstChar(whole.slice(offset + m.length));
      if (HAN.test(inner) || isChinese(a) || isHan(b)) {
        changes.add(DESCRIBE.paren);
        return `（${inner}）`;
      }
      return m;
    });

    // inner spaces
    text = text.replace(SPACES_G, (run: string, offset: number, whole: string) => {
      const a = lastChar(whole.slice(0, offset));
      const b = firstChar(whole.slice(offset + run.length));
      if (isCjkPunct(a) || isCjkPunct(b) || (isHan(a) && isLatinOrDigit(b)) || (isLatinOrDigit(a) && isHan(b))) {
        changes.add(DESCRIBE.inner);
        return '';
      }
      if (run !== ' ' && !(run === '\u3000' && isHan(a) && isHan(b))) {
        changes.add(DESCRIBE.collapse);
        return ' ';
      }
      return run;
    });

    if (text === before) break;
  }

  // sentence-final . after Chinese
  if (text.endsWith('.') && isHan(lastChar(text.slice(0, -1)))) {
    text = `${text.slice(0, -1)}。`;
    changes.add(DESCRIBE.period);
  }
  return { text, changes: [...changes] };
}
