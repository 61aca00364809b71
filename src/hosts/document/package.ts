/**
 * Bounded access to the parts of a Word package, with the .xlsx reader's own machinery: the central
 * directory is read and counted before anything is unpacked (zip.ts), every part is inflated with the
 * running byte count and checked against its CRC, decoded as it declares (encoding.ts) and scanned by
 * the same XML scanner (xml-scan.ts: no DOCTYPE, no entities, a bounded run of text).
 */
import { listEntries, streamEntry, type ZipBudget, type ZipEntry } from '../xlsx/zip';
import { decoderFor } from '../xlsx/encoding';
import { scanXml } from '../xlsx/xml-scan';
import type { XmlHandlers } from '../xlsx/xml';
import type { ReadLimits } from '../xlsx/read';
import { XlsxReadError } from '../xlsx/errors';

/** Units of work between two readings of the clock (as the .xlsx reader). */
const WORK_STEP = 1 << 16;

export class WordPackage {
  private readonly entries = new Map<string, ZipEntry>();
  readonly budget: ZipBudget;

  constructor(
    private readonly bytes: Uint8Array,
    readonly limits: ReadLimits,
    now: () => number,
  ) {
    const started = now();
    const tick = (): void => {
      if (now() - started > limits.timeBudgetMs) throw new XlsxReadError('limit-exceeded', { limit: 'time', max: limits.timeBudgetMs });
    };
    let work = 0;
    this.budget = {
      maxUncompressedBytes: limits.maxUncompressedBytes,
      used: 0,
      tick,
      work: (units) => {
        work += units;
        if (work >= WORK_STEP) {
          work = 0;
          tick();
        }
      },
    };
    for (const e of listEntries(bytes, limits.maxEntries)) {
      const key = e.name.toLowerCase();
      if (this.entries.has(key)) throw new XlsxReadError('duplicate-entry', { part: e.name });
      this.entries.set(key, e);
    }
  }

  has(part: string): boolean {
    return this.entries.has(part.toLowerCase());
  }

  /** Scans a part as XML; false when the package has no such part. */
  parse(part: string, handlers: XmlHandlers): boolean {
    const entry = this.entries.get(part.toLowerCase());
    if (!entry) return false;
    if (this.budget.used + entry.declaredSize > this.budget.maxUncompressedBytes) {
      throw new XlsxReadError('limit-exceeded', { limit: 'uncompressed-size', max: this.budget.maxUncompressedBytes, part });
    }
    const chunks: Uint8Array[] = [];
    let total = 0;
    let run = 0;
    const maxRunBytes = 4 * this.limits.maxTextRun;
    streamEntry(this.bytes, entry, this.budget, (chunk) => {
      const lt = chunk.lastIndexOf(0x3c);
      run = lt < 0 ? run + chunk.length : chunk.length - lt - 1;
      if (run > maxRunBytes) throw new XlsxReadError('limit-exceeded', { part, limit: 'text-run', max: this.limits.maxTextRun });
      chunks.push(chunk);
      total += chunk.length;
    });
    let whole: Uint8Array;
    if (chunks.length === 1) whole = chunks[0]!;
    else {
      whole = new Uint8Array(total);
      let o = 0;
      for (const c of chunks) {
        whole.set(c, o);
        o += c.length;
      }
    }
    const text = decoderFor(whole, { part }).decode(whole);
    this.budget.tick();
    scanXml(text, handlers, { part, maxTextRun: this.limits.maxTextRun, work: this.budget.work });
    return true;
  }

  /** The targets of a part's relationships by type suffix (`/numbering`), resolved to part names. */
  rels(part: string): Map<string, string> {
    const i = part.lastIndexOf('/');
    const dir = part.slice(0, i + 1);
    const out = new Map<string, string>();
    this.parse(`${dir}_rels/${part.slice(i + 1)}.rels`, {
      open(name, a) {
        if (name !== 'Relationship' || a.get('TargetMode') === 'External') return;
        const type = a.get('Type') ?? '';
        const target = a.get('Target');
        if (target === undefined) return;
        const key = type.slice(type.lastIndexOf('/'));
        if (!out.has(key)) out.set(key, resolve(dir, target));
      },
    });
    return out;
  }
}

function resolve(baseDir: string, target: string): string {
  const raw = target.startsWith('/') ? target.slice(1) : baseDir + target;
  const parts: string[] = [];
  for (const seg of raw.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return parts.join('/');
}
