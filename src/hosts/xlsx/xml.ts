/**
 * A streaming XML reader over saxes for package parts. Element and attribute names are given
 * without their namespace prefix (transitional and strict OOXML, `x:`-prefixed parts alike).
 * Any DOCTYPE is refused: no entity is ever declared, so none is ever resolved or expanded.
 */
import { SaxesParser } from 'saxes';
import { XlsxReadError } from './errors';

export type Attrs = ReadonlyMap<string, string>;

export interface XmlHandlers {
  open?(name: string, attrs: Attrs): void;
  close?(name: string): void;
  text?(text: string): void;
}

export interface XmlSink {
  /** Feeds raw bytes of the part (UTF-8, or UTF-16 with a BOM). */
  push(chunk: Uint8Array): void;
  /** Ends the part; throws when the XML is incomplete. */
  end(): void;
}

function local(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

export function xmlSink(part: string, handlers: XmlHandlers, sheet?: string): XmlSink {
  const parser = new SaxesParser({ position: true, fileName: part });
  const where = sheet !== undefined ? { part, sheet } : { part };
  parser.on('doctype', () => {
    throw new XlsxReadError('doctype-refused', where);
  });
  if (handlers.open) {
    const open = handlers.open;
    parser.on('opentag', (tag) => {
      const attrs = new Map<string, string>();
      for (const k in tag.attributes) {
        const v = tag.attributes[k];
        if (typeof v === 'string') attrs.set(local(k), v);
      }
      open(local(tag.name), attrs);
    });
  }
  if (handlers.close) {
    const close = handlers.close;
    parser.on('closetag', (tag) => close(local(tag.name)));
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
      if (!decoder) {
        const le = chunk[0] === 0xff && chunk[1] === 0xfe;
        const be = chunk[0] === 0xfe && chunk[1] === 0xff;
        decoder = new TextDecoder(le ? 'utf-16le' : be ? 'utf-16be' : 'utf-8', { ignoreBOM: false });
      }
      const d = decoder;
      const s = d.decode(chunk, { stream: true });
      if (s) wrap(() => parser.write(s));
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
