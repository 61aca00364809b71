/**
 * Bounded access to the parts of a Word package, with the .xlsx reader's own machinery: the central
 * directory is read and counted before anything is unpacked (zip.ts), every part is inflated with the
 * running byte count and checked against its CRC, decoded as it declares (encoding.ts) and scanned by
 * the same XML scanner (xml-scan.ts: no DOCTYPE, no entities, a bounded run of text).
 */
import { Package, type ReadLimits } from '../xlsx/read';
import type { ZipBudget } from '../xlsx/zip';
import type { XmlHandlers } from '../xlsx/xml';

/** A Word package: the .xlsx reader's bounded package, with its relationships by type. */
export class WordPackage {
  private readonly pkg: Package;

  constructor(bytes: Uint8Array, limits: ReadLimits, now: () => number) {
    this.pkg = new Package(bytes, limits, now, 'scan');
  }

  get budget(): ZipBudget {
    return this.pkg.budget;
  }

  has(part: string): boolean {
    return this.pkg.has(part);
  }

  /** Scans a part as XML; false when the package has no such part. */
  parse(part: string, handlers: XmlHandlers): boolean {
    return this.pkg.parse(part, handlers);
  }

  /** The targets of a part's relationships by type suffix (`/numbering`), resolved to part names: the first of each. */
  rels(part: string): Map<string, string> {
    const out = new Map<string, string>();
    for (const r of this.pkg.rels(part).values()) {
      const key = r.type.slice(r.type.lastIndexOf('/'));
      if (!out.has(key)) out.set(key, r.target);
    }
    return out;
  }
}
