/**
 * A hand-written XML scanner for the large parts (worksheets, sharedStrings): the same events as
 * the saxes sink in xml.ts (`open(localName, attrs)`, `close(localName)`, `text(s)`), over the
 * whole decoded part with indexOf/charCodeAt, no per-tag copies of attributes (values are decoded
 * only when asked for) and interned element names.
 *
 * Safety as in xml.ts: any `<!DOCTYPE`/`<!ENTITY` in the part is refused before anything else;
 * only the five predefined entities and valid character references are decoded, anything else is
 * malformed; element nesting is checked with a stack (mismatched, unclosed, stray close tags,
 * more than one root, text outside the root); a run without markup longer than `maxTextRun` stops.
 */
import { XlsxReadError, type XlsxReadErrorDetail } from './errors';
import type { Attrs, XmlHandlers } from './xml';

/** Characters XML 1.0 forbids anywhere (saxes fails on them too). */
// eslint-disable-next-line no-control-regex -- the control characters are what this matches
const DISALLOWED = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/;

const NAME_CACHE_SIZE = 512;

/** True for characters that end a name: whitespace, `/`, `>`, `=`. */
function isNameEnd(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d || c === 0x2f || c === 0x3e || c === 0x3d;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;
}

/** XML NameStartChar, simplified to what matters for well-formedness checks here. */
function isNameStart(c: number): boolean {
  return (
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0x41 && c <= 0x5a) ||
    c === 0x5f ||
    c === 0x3a ||
    (c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && c < 0xfffe)
  );
}

function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2e || c === 0xb7;
}

function isXmlChar(n: number): boolean {
  return (
    n === 0x9 || n === 0xa || n === 0xd || (n >= 0x20 && n <= 0xd7ff) || (n >= 0xe000 && n <= 0xfffd) || (n >= 0x10000 && n <= 0x10ffff)
  );
}

class ScanFail extends Error {}

/** Decodes entities in s[from, to); throws ScanFail on an undefined or invalid one. */
function decodeEntities(whole: string, from: number, to0: number): string {
  // work on the segment alone, so that no search runs on to the end of the part
  const s = from === 0 && to0 === whole.length ? whole : whole.slice(from, to0);
  const to = s.length;
  let out = '';
  let i = 0;
  for (;;) {
    const amp = s.indexOf('&', i);
    if (amp < 0 || amp >= to) {
      out += s.slice(i, to);
      return out;
    }
    out += s.slice(i, amp);
    const semi = s.indexOf(';', amp + 1);
    if (semi < 0 || semi >= to) throw new ScanFail('unterminated entity');
    const name = s.slice(amp + 1, semi);
    switch (name) {
      case 'amp':
        out += '&';
        break;
      case 'lt':
        out += '<';
        break;
      case 'gt':
        out += '>';
        break;
      case 'quot':
        out += '"';
        break;
      case 'apos':
        out += "'";
        break;
      default: {
        let n = NaN;
        if (/^#x[0-9a-fA-F]+$/.test(name)) n = parseInt(name.slice(2), 16);
        else if (/^#[0-9]+$/.test(name)) n = parseInt(name.slice(1), 10);
        if (!isXmlChar(n)) throw new ScanFail(`bad entity &${name};`);
        out += String.fromCodePoint(n);
      }
    }
    i = semi + 1;
  }
}

/** XML line-end normalisation: \r\n and \r become \n. */
function normalizeNewlines(t: string): string {
  return t.includes('\r') ? t.replace(/\r\n?/g, '\n') : t;
}

/** The attributes of the current tag as offsets into the part: decoded on demand. */
class ScanAttrs implements Attrs {
  s = '';
  /** [nameStart, nameEnd, valueStart, valueEnd] per attribute. */
  readonly pos: number[] = [];
  n = 0;

  private value(k: number): string {
    const p = this.pos;
    const a = p[k * 4 + 2]!;
    const b = p[k * 4 + 3]!;
    const s = this.s;
    let hasSpecial = false;
    for (let i = a; i < b; i++) {
      const c = s.charCodeAt(i);
      if (c === 0x26 || c === 0x0a || c === 0x0d || c === 0x09) {
        hasSpecial = true;
        break;
      }
    }
    if (!hasSpecial) return s.slice(a, b);
    // attribute-value normalisation: literal tab, newline, CR (and CRLF) become one space each
    const raw = s.slice(a, b).replace(/\r\n|[\r\n\t]/g, ' ');
    return raw.includes('&') ? decodeEntities(raw, 0, raw.length) : raw;
  }

  private nameIs(k: number, name: string, localOnly: boolean): boolean {
    const p = this.pos;
    const a = p[k * 4]!;
    const b = p[k * 4 + 1]!;
    if (!localOnly) return b - a === name.length && this.s.startsWith(name, a);
    const start = b - name.length - 1;
    return (
      start >= a && this.s.charCodeAt(start) === 0x3a && this.s.startsWith(name, start + 1) && this.s.lastIndexOf(':', b - 1) === start
    );
  }

  get(name: string): string | undefined {
    for (let k = 0; k < this.n; k++) if (this.nameIs(k, name, false)) return this.value(k);
    for (let k = 0; k < this.n; k++) if (this.nameIs(k, name, true)) return this.value(k);
    return undefined;
  }
}

export interface ScanOptions {
  readonly part: string;
  readonly sheet?: string;
  readonly maxTextRun: number;
  /**
   * Told the work done (characters scanned) after every tag: the caller reads its clock by work,
   * so a few huge tags cost as many checks as many small ones. Throws when time is up.
   */
  readonly work?: (units: number) => void;
}

/** Scans one whole decoded part, calling the handlers as the saxes sink would. */
export function scanXml(s: string, handlers: XmlHandlers, options: ScanOptions): void {
  const where: XlsxReadErrorDetail = options.sheet !== undefined ? { part: options.part, sheet: options.sheet } : { part: options.part };
  if (s.includes('<!DOCTYPE') || s.includes('<!ENTITY')) throw new XlsxReadError('doctype-refused', where);
  try {
    scan(s, handlers, options, where);
  } catch (e) {
    if (e instanceof ScanFail) throw new XlsxReadError('malformed-xml', { ...where, detail: e.message });
    throw e;
  }
}

function scan(s: string, handlers: XmlHandlers, options: ScanOptions, where: XlsxReadErrorDetail): void {
  const { maxTextRun, work } = options;
  const open = handlers.open;
  const close = handlers.close;
  const text = handlers.text;
  const runLimit = (len: number): void => {
    if (len > maxTextRun) throw new XlsxReadError('limit-exceeded', { ...where, limit: 'text-run', max: maxTextRun });
  };
  if (DISALLOWED.test(s)) throw new ScanFail('disallowed character');

  const names = new Array<string | undefined>(NAME_CACHE_SIZE);
  /** The local name of s[a, b) (prefix dropped), interned. */
  const localName = (a: number, b: number): string => {
    let start = a;
    for (let i = b - 1; i > a; i--) {
      if (s.charCodeAt(i) === 0x3a) {
        start = i + 1;
        break;
      }
    }
    const len = b - start;
    const h = (len * 31 + s.charCodeAt(start) * 7 + s.charCodeAt(b - 1)) & (NAME_CACHE_SIZE - 1);
    const cached = names[h];
    if (cached?.length === len && s.startsWith(cached, start)) return cached;
    const fresh = s.slice(start, b);
    names[h] = fresh;
    return fresh;
  };

  const attrs = new ScanAttrs();
  attrs.s = s;
  const pos = attrs.pos;
  // open elements: qualified name offsets
  const stack: number[] = [];
  let depth = 0;
  let sawRoot = false;
  let closedRoot = false;
  let done = 0; // characters reported to `work` so far
  const n = s.length;
  let i = 0;

  const emitText = (a: number, b: number): void => {
    runLimit(b - a);
    if (depth === 0) {
      for (let k = a; k < b; k++) if (!isSpace(s.charCodeAt(k))) throw new ScanFail('text data outside of root node');
      return;
    }
    // one pass over the segment (never an indexOf that could run to the end of the part)
    let hasAmp = false;
    let hasCr = false;
    for (let k = a; k < b; k++) {
      const ch = s.charCodeAt(k);
      if (ch === 0x26) hasAmp = true;
      else if (ch === 0x0d) hasCr = true;
      else if (ch === 0x3e && k >= a + 2 && s.charCodeAt(k - 1) === 0x5d && s.charCodeAt(k - 2) === 0x5d)
        throw new ScanFail('"]]>" in char data');
    }
    if (!text && !hasAmp) return;
    let t = hasAmp ? decodeEntities(s, a, b) : s.slice(a, b);
    if (hasCr) t = normalizeNewlines(t);
    if (text) text(t);
  };

  while (i < n) {
    const lt = s.indexOf('<', i);
    if (lt < 0) {
      emitText(i, n);
      break;
    }
    if (lt > i) emitText(i, lt);
    if (work !== undefined) {
      work(lt - done + 8);
      done = lt;
    }
    const c = s.charCodeAt(lt + 1);
    if (c === 0x2f) {
      // </name>
      const a = lt + 2;
      let j = a;
      while (j < n && !isNameEnd(s.charCodeAt(j))) j++;
      const b = j;
      while (j < n && isSpace(s.charCodeAt(j))) j++;
      if (j >= n || s.charCodeAt(j) !== 0x3e) throw new ScanFail('unterminated close tag');
      if (depth === 0) throw new ScanFail('unmatched close tag');
      const oa = stack[(depth - 1) * 2]!;
      const ob = stack[(depth - 1) * 2 + 1]!;
      if (ob - oa !== b - a || s.slice(oa, ob) !== s.slice(a, b)) throw new ScanFail(`unexpected close tag ${s.slice(a, b)}`);
      depth--;
      if (depth === 0) closedRoot = true;
      if (close) close(localName(a, b));
      i = j + 1;
      continue;
    }
    if (c === 0x3f) {
      // <?pi ...?>
      const e = s.indexOf('?>', lt + 2);
      if (e < 0) throw new ScanFail('unterminated processing instruction');
      runLimit(e - lt);
      if (!isNameStart(s.charCodeAt(lt + 2))) throw new ScanFail('bad processing instruction');
      i = e + 2;
      continue;
    }
    if (c === 0x21) {
      if (s.startsWith('<!--', lt)) {
        const e = s.indexOf('--', lt + 4);
        if (e < 0) throw new ScanFail('unterminated comment');
        if (s.charCodeAt(e + 2) !== 0x3e) throw new ScanFail('"--" in comment');
        runLimit(e - lt);
        i = e + 3;
        continue;
      }
      if (s.startsWith('<![CDATA[', lt)) {
        const e = s.indexOf(']]>', lt + 9);
        if (e < 0) throw new ScanFail('unterminated CDATA');
        if (depth === 0) throw new ScanFail('text data outside of root node');
        runLimit(e - lt);
        if (text && e > lt + 9) text(normalizeNewlines(s.slice(lt + 9, e)));
        i = e + 3;
        continue;
      }
      throw new ScanFail('unexpected <!');
    }
    // <name attr="v" ...> or <name .../>
    const a = lt + 1;
    if (!isNameStart(c)) throw new ScanFail('disallowed character in tag name');
    let j = a + 1;
    while (j < n && !isNameEnd(s.charCodeAt(j))) {
      if (!isNameChar(s.charCodeAt(j))) throw new ScanFail('disallowed character in tag name');
      j++;
    }
    const b = j;
    if (closedRoot) throw new ScanFail('more than one root element');
    attrs.n = 0;
    let selfClosing = false;
    for (;;) {
      const sp = j;
      while (j < n && isSpace(s.charCodeAt(j))) j++;
      if (j >= n) throw new ScanFail('unterminated tag');
      const d = s.charCodeAt(j);
      if (d === 0x3e) {
        j++;
        break;
      }
      if (d === 0x2f) {
        if (s.charCodeAt(j + 1) !== 0x3e) throw new ScanFail('bad self-closing tag');
        selfClosing = true;
        j += 2;
        break;
      }
      if (j === sp) throw new ScanFail('no whitespace between attributes');
      if (!isNameStart(d)) throw new ScanFail('disallowed character in attribute name');
      const na = j;
      j++;
      while (j < n && !isNameEnd(s.charCodeAt(j))) {
        if (!isNameChar(s.charCodeAt(j))) throw new ScanFail('disallowed character in attribute name');
        j++;
      }
      const nb = j;
      while (j < n && isSpace(s.charCodeAt(j))) j++;
      if (s.charCodeAt(j) !== 0x3d) throw new ScanFail('attribute without value');
      j++;
      while (j < n && isSpace(s.charCodeAt(j))) j++;
      const q = s.charCodeAt(j);
      if (q !== 0x22 && q !== 0x27) throw new ScanFail('unquoted attribute value');
      const va = j + 1;
      let vb = va;
      let amp = false;
      for (; ; vb++) {
        if (vb >= n) throw new ScanFail('unterminated attribute value');
        const ch = s.charCodeAt(vb);
        if (ch === q) break;
        if (ch === 0x3c) throw new ScanFail('"<" in attribute value');
        if (ch === 0x26) amp = true;
      }
      runLimit(vb - va);
      if (amp) decodeEntities(s, va, vb); // validates
      for (let k = 0; k < attrs.n; k++) {
        const pa = pos[k * 4]!;
        const pb = pos[k * 4 + 1]!;
        if (pb - pa === nb - na && s.startsWith(s.slice(na, nb), pa)) throw new ScanFail('duplicate attribute');
      }
      const base = attrs.n * 4;
      pos[base] = na;
      pos[base + 1] = nb;
      pos[base + 2] = va;
      pos[base + 3] = vb;
      attrs.n++;
      j = vb + 1;
    }
    runLimit(j - lt);
    sawRoot = true;
    const name = localName(a, b);
    if (open) open(name, attrs);
    if (selfClosing) {
      if (depth === 0) closedRoot = true;
      if (close) close(name);
    } else {
      stack[depth * 2] = a;
      stack[depth * 2 + 1] = b;
      depth++;
    }
    i = j;
  }
  if (depth > 0) throw new ScanFail('unclosed tag');
  if (!sawRoot) throw new ScanFail('document must contain a root element');
}
