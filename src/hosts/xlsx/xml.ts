/**
 * A streaming XML reader over saxes for package parts. Element and attribute names are given
 * without their namespace prefix (transitional and strict OOXML, `x:`-prefixed parts alike).
 * Any DOCTYPE is refused: no entity is ever declared, so none is ever resolved or expanded.
 */
import { SaxesParser } from 'saxes';
import { XlsxReadError } from './errors';
import { decoderFor } from './encoding';

/** A tag's attributes by name without namespace prefix (`r:id` is `id`). */
export interface Attrs {
  get(name: string): string | undefined;
}

/** Attributes straight over saxes' record: no copy per tag (sheets have millions of tags). */
class TagAttrs implements Attrs {
  rec: Record<string, unknown> = {};
  get(name: string): string | undefined {
    const direct = Object.prototype.hasOwnProperty.call(this.rec, name) ? this.rec[name] : undefined;
    if (typeof direct === 'string') return direct;
    for (const k in this.rec) {
      const i = k.indexOf(':');
      if (i >= 0 && k.slice(i + 1) === name) {
        const v = this.rec[k];
        if (typeof v === 'string') return v;
      }
    }
    return undefined;
  }
}

export interface XmlHandlers {
  readonly open?: (name: string, attrs: Attrs) => void;
  readonly close?: (name: string) => void;
  readonly text?: (text: string) => void;
}

export interface XmlSink {
  /** Feeds raw bytes of the part (UTF-8, UTF-16 with a BOM, or the encoding its declaration names). */
  push(chunk: Uint8Array): void;
  /** Ends the part; throws when the XML is incomplete. */
  end(): void;
}

function local(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

/** Characters written to the parser at a time, so a long run without markup is noticed early. */
const PIECE = 64 * 1024;

/**
 * `maxTextRun`: the longest run of characters without markup that a part may hold (a cell holds
 * at most 32,767 characters; a longer run is a bomb that the parser would otherwise buffer whole).
 */
export function xmlSink(part: string, handlers: XmlHandlers, sheet?: string, maxTextRun = 1_000_000): XmlSink {
  const parser = new SaxesParser({ position: false });
  const where = sheet !== undefined ? { part, sheet } : { part };
  let run = 0;
  let sawMarkup = false;
  const markup = (): void => {
    sawMarkup = true;
  };
  parser.on('comment', markup);
  parser.on('processinginstruction', markup);
  parser.on('xmldecl', markup);
  parser.on('doctype', () => {
    throw new XlsxReadError('doctype-refused', where);
  });
  {
    const open = handlers.open ?? ((): void => undefined);
    const attrs = new TagAttrs();
    parser.on('opentag', (tag) => {
      sawMarkup = true;
      attrs.rec = tag.attributes;
      open(local(tag.name), attrs);
    });
  }
  {
    const close = handlers.close ?? ((): void => undefined);
    parser.on('closetag', (tag) => {
      sawMarkup = true;
      close(local(tag.name));
    });
  }
  if (handlers.text) {
    const text = handlers.text;
    parser.on('text', text);
    parser.on('cdata', text);
  }
  let decoder: TextDecoder | null = null;
  const wrap = (f: () => void): void => {
    try {
      f();
    } catch (e) {
      if (e instanceof XlsxReadError) throw e;
      throw new XlsxReadError('malformed-xml', { ...where, detail: e instanceof Error ? e.message : String(e) });
    }
  };
  return {
    push(chunk) {
      decoder ??= decoderFor(chunk, where);
      const d = decoder;
      const s = d.decode(chunk, { stream: true });
      for (let i = 0; i < s.length; i += PIECE) {
        const piece = s.length <= PIECE ? s : s.slice(i, i + PIECE);
        sawMarkup = false;
        wrap(() => parser.write(piece));
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- set by the parser's handlers during write
        run = sawMarkup ? 0 : run + piece.length;
        if (run > maxTextRun) throw new XlsxReadError('limit-exceeded', { ...where, limit: 'text-run', max: maxTextRun });
      }
    },
    end() {
      wrap(() => {
        if (decoder) {
          const s = decoder.decode();
          if (s) parser.write(s);
        }
        parser.close();
      });
    },
  };
}
