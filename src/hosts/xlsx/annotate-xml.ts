/**
 * Position-based XML patching: a tag scanner that reports where each tag starts and ends in the
 * part text, attribute helpers for one tag, and a patch list applied back to front. Nothing here
 * re-serialises a document: everything outside a patch stays as the producer wrote it.
 */

export interface Tag {
  /** Offset of `<`. */
  readonly start: number;
  /** Offset just after `>`. */
  readonly end: number;
  /** Qualified name as written (`x:row`). */
  readonly name: string;
  /** Local name (`row`). */
  readonly local: string;
  readonly prefix: string;
  readonly closing: boolean;
  readonly selfClosing: boolean;
  /** The tag text `<…>`. */
  readonly text: string;
}

/** The next element tag at or after `from` (comments, CDATA, PIs and doctypes are skipped). */
export function nextTag(xml: string, from: number, to = xml.length): Tag | null {
  let i = from;
  while (i < to) {
    const lt = xml.indexOf('<', i);
    if (lt < 0 || lt >= to) return null;
    const c = xml[lt + 1];
    if (c === '!') {
      if (xml.startsWith('<!--', lt)) {
        const e = xml.indexOf('-->', lt + 4);
        i = e < 0 ? to : e + 3;
      } else if (xml.startsWith('<![CDATA[', lt)) {
        const e = xml.indexOf(']]>', lt + 9);
        i = e < 0 ? to : e + 3;
      } else {
        const e = xml.indexOf('>', lt);
        i = e < 0 ? to : e + 1;
      }
      continue;
    }
    if (c === '?') {
      const e = xml.indexOf('?>', lt);
      i = e < 0 ? to : e + 2;
      continue;
    }
    // find the closing '>' outside quotes
    let j = lt + 1;
    let quote = '';
    for (; j < xml.length; j++) {
      const ch = xml[j];
      if (quote) {
        if (ch === quote) quote = '';
      } else if (ch === '"' || ch === "'") quote = ch;
      else if (ch === '>') break;
    }
    if (j >= xml.length) return null;
    const closing = c === '/';
    let k = lt + (closing ? 2 : 1);
    const n0 = k;
    for (; k < j; k++) {
      const ch = xml.charCodeAt(k);
      if (ch === 32 || ch === 47 || ch === 9 || ch === 10 || ch === 13) break;
    }
    const name = xml.slice(n0, k);
    const colon = name.indexOf(':');
    return {
      start: lt,
      end: j + 1,
      name,
      local: colon >= 0 ? name.slice(colon + 1) : name,
      prefix: colon >= 0 ? name.slice(0, colon) : '',
      closing,
      selfClosing: !closing && xml[j - 1] === '/',
      text: xml.slice(lt, j + 1),
    };
  }
  return null;
}

/** First opening (or self-closing) tag with this local name at or after `from`. */
export function findOpen(xml: string, local: string, from = 0, to = xml.length): Tag | null {
  let i = from;
  for (;;) {
    const t = nextTag(xml, i, to);
    if (!t) return null;
    if (!t.closing && t.local === local) return t;
    i = t.end;
  }
}

/** The closing tag that matches an opening tag (depth-aware for the same qualified name). */
export function findClose(xml: string, open: Tag): Tag | null {
  if (open.selfClosing) return null;
  // Native indexOf over `<name` / `</name`: linear and fast even over a large <sheetData>.
  const name = open.name;
  const isEnd = (c: string | undefined): boolean =>
    c === undefined || c === '>' || c === '/' || c === ' ' || c === '\t' || c === '\n' || c === '\r';
  let depth = 0;
  let i = open.end;
  for (;;) {
    const lt = xml.indexOf(`<${name}`, i);
    const ct = xml.indexOf(`</${name}`, i);
    if (ct < 0) return null;
    if (lt >= 0 && lt < ct) {
      const t = isEnd(xml[lt + 1 + name.length]) ? nextTag(xml, lt) : null;
      if (t?.start === lt && !t.selfClosing) depth++;
      i = t?.start === lt ? t.end : lt + 1;
      continue;
    }
    if (!isEnd(xml[ct + 2 + name.length])) {
      i = ct + 1;
      continue;
    }
    const t = nextTag(xml, ct);
    if (!t) return null;
    if (depth === 0) return t;
    depth--;
    i = t.end;
  }
}

/** The whole element `[start, end)` of an opening tag. */
export function elementSpan(xml: string, open: Tag): { start: number; end: number; inner: number; innerEnd: number } {
  if (open.selfClosing) return { start: open.start, end: open.end, inner: open.end, innerEnd: open.end };
  const close = findClose(xml, open);
  if (!close) return { start: open.start, end: open.end, inner: open.end, innerEnd: open.end };
  return { start: open.start, end: close.end, inner: open.end, innerEnd: close.start };
}

/** Direct children tags (opening/self-closing) of an element. */
export function children(xml: string, open: Tag): Tag[] {
  const span = elementSpan(xml, open);
  const out: Tag[] = [];
  let i = span.inner;
  while (i < span.innerEnd) {
    const t = nextTag(xml, i, span.innerEnd);
    if (!t) break;
    if (t.closing) {
      i = t.end;
      continue;
    }
    out.push(t);
    i = t.selfClosing ? t.end : elementSpan(xml, t).end;
  }
  return out;
}

const ATTR_RE = /([^\s=<>/"']+)\s*=\s*("([^"]*)"|'([^']*)')/g;

/** An attribute's (unescaped) value in a tag text, by qualified name. */
export function attr(tag: string, name: string): string | undefined {
  ATTR_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ATTR_RE.exec(tag)) !== null) {
    if (m[1] === name) return unescapeXml(m[3] ?? m[4] ?? '');
  }
  return undefined;
}

/** All attributes of a tag. */
export function attrs(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  ATTR_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ATTR_RE.exec(tag)) !== null) out.set(m[1]!, unescapeXml(m[3] ?? m[4] ?? ''));
  return out;
}

/** The tag text with the attribute set (replaced in place, or appended). */
export function setAttr(tag: string, name: string, value: string): string {
  ATTR_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ATTR_RE.exec(tag)) !== null) {
    if (m[1] === name) {
      const q = m[3] !== undefined ? '"' : "'";
      const start = m.index + m[0].indexOf(m[2]!);
      return tag.slice(0, start) + q + escapeXml(value) + q + tag.slice(start + m[2]!.length);
    }
  }
  const endLen = tag.endsWith('/>') ? 2 : 1;
  let cut = tag.length - endLen;
  while (cut > 0 && /\s/.test(tag[cut - 1]!)) cut--;
  return `${tag.slice(0, cut)} ${name}="${escapeXml(value)}"${tag.slice(tag.length - endLen)}`;
}

/** The tag text without an attribute. */
export function removeAttr(tag: string, name: string): string {
  ATTR_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ATTR_RE.exec(tag)) !== null) {
    if (m[1] === name) {
      let s = m.index;
      while (s > 0 && /\s/.test(tag[s - 1]!)) s--;
      return tag.slice(0, s) + tag.slice(m.index + m[0].length);
    }
  }
  return tag;
}

/** Characters XML 1.0 cannot carry at all. */
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

export function escapeXml(s: string): string {
  return s
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (all, e: string) => {
    switch (e) {
      case 'amp':
        return '&';
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
      default: {
        const n = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return Number.isFinite(n) ? String.fromCodePoint(n) : all;
      }
    }
  });
}

export interface Patch {
  readonly at: number;
  /** Characters to remove from `at`. */
  readonly del: number;
  readonly text: string;
  /** Order among patches at the same offset (lower first). */
  readonly seq?: number;
}

/** Applies non-overlapping patches. Insertions at the same offset keep their given order. */
export function applyPatches(xml: string, patches: readonly Patch[]): string {
  const sorted = patches.map((p, i) => ({ ...p, i })).sort((a, b) => a.at - b.at || (a.seq ?? 0) - (b.seq ?? 0) || a.i - b.i);
  let out = '';
  let pos = 0;
  for (const p of sorted) {
    if (p.at < pos) throw new Error(`overlapping XML patches at ${p.at}`);
    out += xml.slice(pos, p.at) + p.text;
    pos = p.at + p.del;
  }
  return out + xml.slice(pos);
}

/** The namespace prefix bound to `uri` on a root tag ('' for the default namespace), or undefined. */
export function prefixFor(rootTag: string, uri: string): string | undefined {
  for (const [k, v] of attrs(rootTag)) {
    if (v !== uri) continue;
    if (k === 'xmlns') return '';
    if (k.startsWith('xmlns:')) return k.slice(6);
  }
  return undefined;
}

/** `p:name` or `name`. */
export const q = (prefix: string, local: string): string => (prefix ? `${prefix}:${local}` : local);
