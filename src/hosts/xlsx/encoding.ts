/**
 * The character encoding of a package part: a byte-order mark, else the XML declaration's
 * `encoding="…"`, else UTF-8 (XML 1.0 §4.3.3, Appendix F). Excel writes UTF-8, but other writers
 * declare GB2312, GBK or GB18030 (or write UTF-16 with a BOM); those are decoded as declared
 * (TextDecoder knows them in Node and in browsers). An encoding TextDecoder does not know is
 * refused with one clear sentence, never read as UTF-8 into wrong text.
 */
import { XlsxReadError } from './errors';

/** The label of the encoding a part declares, from its first bytes (the declaration is ASCII). */
export function declaredEncoding(head: Uint8Array): string | undefined {
  if (head[0] !== 0x3c || head[1] !== 0x3f) return undefined;
  let s = '';
  const n = Math.min(head.length, 256);
  for (let i = 0; i < n; i++) {
    const b = head[i]!;
    if (b === 0x3e || b >= 0x80) break; // `>` ends the declaration
    s += String.fromCharCode(b);
  }
  return /\sencoding\s*=\s*["']([^"']*)["']/.exec(s)?.[1];
}

/**
 * The decoder for a part whose first bytes are `head` (at least the declaration). Throws
 * XlsxReadError('unsupported-encoding') for an encoding TextDecoder does not know.
 */
export function decoderFor(head: Uint8Array, where: { part?: string; sheet?: string } = {}): TextDecoder {
  const b0 = head[0];
  const b1 = head[1];
  if (b0 === 0xff && b1 === 0xfe) return new TextDecoder('utf-16le');
  if (b0 === 0xfe && b1 === 0xff) return new TextDecoder('utf-16be');
  if (b0 === 0xef && b1 === 0xbb && head[2] === 0xbf) return new TextDecoder('utf-8');
  // UTF-16 without a mark (`<?` as two-byte characters): Appendix F's autodetection
  if (b0 === 0x3c && b1 === 0x00 && head[2] === 0x3f && head[3] === 0x00) return new TextDecoder('utf-16le');
  if (b0 === 0x00 && b1 === 0x3c && head[2] === 0x00 && head[3] === 0x3f) return new TextDecoder('utf-16be');
  const label = declaredEncoding(head);
  if (label === undefined) return new TextDecoder('utf-8');
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label.trim());
  } catch {
    throw new XlsxReadError('unsupported-encoding', { ...where, encoding: label });
  }
  // a declaration read as ASCII cannot be UTF-16 (that would need a mark): the bytes are 8-bit
  if (decoder.encoding === 'utf-16le' || decoder.encoding === 'utf-16be') return new TextDecoder('utf-8');
  return decoder;
}

/** Decodes a whole part as it declares; the declaration of a re-encoded text then says UTF-8. */
export function decodePart(bytes: Uint8Array, where: { part?: string; sheet?: string } = {}): string {
  const decoder = decoderFor(bytes, where);
  const text = decoder.decode(bytes);
  if (decoder.encoding === 'utf-8') return text;
  return text.replace(/^(<\?xml[^>]*?\sencoding\s*=\s*)(["'])[^"']*\2/, '$1$2UTF-8$2');
}
