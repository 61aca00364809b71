/**
 * styles.xml patching: new fills and new cell formats are APPENDED; existing indices never move.
 * A flagged cell gets a clone of its own xf with only the fill changed.
 */
import type { Severity } from '../../core/rules/types';
import { AnnotateError } from './annotate-errors';
import { CT_STYLES, REL_STYLES, type Package } from './annotate-package';
import { applyPatches, children, elementSpan, escapeXml, findOpen, q, setAttr, type Patch, type Tag } from './annotate-xml';

/** A flagged cell's mark: a severity, or `filled` (a value the check wrote, nothing left to fix). */
export type FlagKind = Severity | 'filled';

/** Fill colours (ARGB): error light red, warning yellow, info light blue, filled light green (as in Excel). */
export const FLAG_FILLS: Record<FlagKind, string> = {
  error: 'FFFFC7CE',
  warning: 'FFFFEB9C',
  info: 'FFDDEBF7',
  filled: 'FFC6EFCE',
};

const MINIMAL_STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

interface Section {
  readonly open: Tag | null;
  /** Element texts of the existing children. */
  readonly items: string[];
  readonly added: string[];
}

export class StylePatcher {
  private readonly part: string;
  private readonly xml: string;
  private readonly prefix: string;
  private readonly fills: Section;
  private readonly fonts: Section;
  private readonly xfs: Section;
  private readonly numFmts: Section;
  private readonly borders: Section;
  private readonly fillIds = new Map<FlagKind, number>();
  private readonly cache = new Map<string, number>();

  constructor(private readonly pkg: Package) {
    const wb = pkg.workbookPart();
    let part = pkg.rels(wb).find((r) => r.type === REL_STYLES)?.part;
    if (!part || pkg.text(part) === undefined) {
      part = part ?? 'xl/styles.xml';
      pkg.set(part, MINIMAL_STYLES);
      pkg.contentType(part, CT_STYLES);
      if (!pkg.rels(wb).some((r) => r.type === REL_STYLES)) pkg.addRel(wb, REL_STYLES, part);
    }
    this.part = part;
    this.xml = pkg.text(part)!;
    const root = findOpen(this.xml, 'styleSheet');
    if (!root) throw new AnnotateError('corrupt', part);
    this.prefix = root.prefix;
    this.fonts = this.section('fonts', 'font');
    this.fills = this.section('fills', 'fill');
    this.xfs = this.section('cellXfs', 'xf');
    this.numFmts = this.section('numFmts', 'numFmt');
    this.borders = this.section('borders', 'border');
  }

  private section(name: string, item: string): Section {
    const open = findOpen(this.xml, name);
    if (!open) return { open: null, items: [], added: [] };
    const items = children(this.xml, open)
      .filter((t) => t.local === item)
      .map((t) => {
        const s = elementSpan(this.xml, t);
        return this.xml.slice(s.start, s.end);
      });
    return { open, items, added: [] };
  }

  /** Number of cell formats before annotation. */
  get originalXfCount(): number {
    return this.xfs.items.length;
  }

  private fillId(severity: FlagKind): number {
    let id = this.fillIds.get(severity);
    if (id === undefined) {
      const p = this.prefix;
      this.fills.added.push(
        `<${q(p, 'fill')}><${q(p, 'patternFill')} patternType="solid"><${q(p, 'fgColor')} rgb="${FLAG_FILLS[severity]}"/><${q(p, 'bgColor')} indexed="64"/></${q(p, 'patternFill')}></${q(p, 'fill')}>`,
      );
      // A workbook without <fills> still has the two implicit default fills.
      id = Math.max(this.fills.items.length, 2) + this.fills.added.length - 1;
      this.fillIds.set(severity, id);
    }
    return id;
  }

  private baseXf(index: number): string {
    const p = this.prefix;
    return this.xfs.items[index] ?? this.xfs.items[0] ?? `<${q(p, 'xf')} numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`;
  }

  /** The index of a new xf: the cell's xf `base` with the severity's fill. */
  flagged(base: number, severity: FlagKind): number {
    const key = `${base}|${severity}`;
    let id = this.cache.get(key);
    if (id === undefined) {
      const xf = this.baseXf(base);
      const tag = /^<[^>]*>/.exec(xf)![0];
      let t = setAttr(tag, 'fillId', String(this.fillId(severity)));
      t = setAttr(t, 'applyFill', '1');
      id = this.push(t + xf.slice(tag.length));
      this.cache.set(key, id);
    }
    return id;
  }

  /** A bold cell format (for the results sheet's header row). */
  bold(): number {
    return this.fontXf('bold', ['b'], (p) => `<${q(p, 'b')}/>`);
  }

  /** A hyperlink-looking cell format: underlined, blue. */
  link(): number {
    return this.fontXf('link', ['u', 'color'], (p) => `<${q(p, 'u')}/><${q(p, 'color')} rgb="FF0563C1"/>`);
  }

  /** A format with the default font changed (CT_Font children are an unordered choice). */
  private fontXf(key: string, strip: string[], extra: (prefix: string) => string): number {
    let id = this.cache.get(key);
    if (id === undefined) {
      const p = this.prefix;
      const first = this.fonts.items[0] ?? `<${q(p, 'font')}><${q(p, 'sz')} val="11"/></${q(p, 'font')}>`;
      const m = /^<[^>]*?(\/?)>/.exec(first)!;
      let font: string;
      if (m[1]) font = `${first.slice(0, -2).trimEnd()}>${extra(p)}</${q(p, 'font')}>`;
      else {
        let body = first.slice(m[0].length);
        for (const local of strip)
          body = body.replace(new RegExp(`<${q(p, local)}\\b[^>]*?/>|<${q(p, local)}\\b[^>]*?>[\\s\\S]*?</${q(p, local)}>`, 'g'), '');
        font = `${m[0]}${extra(p)}${body}`;
      }
      this.fonts.added.push(font);
      const fontId = Math.max(this.fonts.items.length, 1) + this.fonts.added.length - 1;
      id = this.push(`<${q(p, 'xf')} numFmtId="0" fontId="${fontId}" fillId="0" borderId="0" xfId="0" applyFont="1"/>`);
      this.cache.set(key, id);
    }
    return id;
  }

  /** A wrapping, top-aligned cell format (long messages in the results sheet). */
  wrap(): number {
    let id = this.cache.get('wrap');
    if (id === undefined) {
      const p = this.prefix;
      id = this.push(
        `<${q(p, 'xf')} numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><${q(p, 'alignment')} vertical="top" wrapText="1"/></${q(p, 'xf')}>`,
      );
      this.cache.set('wrap', id);
    }
    return id;
  }

  /** A plain cell format with a severity's fill (the results sheet's 级别 column). */
  severity(severity: Severity): number {
    return this.flagged(0, severity);
  }

  /** The id of a number format code: built-in (`0`, `0.00`, `@`) or appended to numFmts. */
  private numFmtId(code: string): number {
    const builtin: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '@': 49 };
    const b = builtin[code];
    if (b !== undefined) return b;
    const key = `numFmt|${code}`;
    let id = this.cache.get(key);
    if (id === undefined) {
      for (const item of this.numFmts.items) {
        if ((/formatCode\s*=\s*"([^"]*)"/.exec(item)?.[1] ?? '') === escapeXml(code)) id = Number(/numFmtId\s*=\s*"(\d+)"/.exec(item)?.[1]);
      }
      if (id === undefined || !Number.isInteger(id)) {
        const used = [...this.numFmts.items, ...this.numFmts.added].map((x) => Number(/numFmtId\s*=\s*"(\d+)"/.exec(x)?.[1] ?? 0));
        id = Math.max(163, ...used) + 1;
        this.numFmts.added.push(`<${q(this.prefix, 'numFmt')} numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
      }
      this.cache.set(key, id);
    }
    return id;
  }

  /** A thin border on all four sides. */
  private thinBorder(): number {
    let id = this.cache.get('border|thin');
    if (id === undefined) {
      const p = this.prefix;
      const side = (s: string) => `<${q(p, s)} style="thin"><${q(p, 'color')} auto="1"/></${q(p, s)}>`;
      this.borders.added.push(
        `<${q(p, 'border')}>${side('left')}${side('right')}${side('top')}${side('bottom')}<${q(p, 'diagonal')}/></${q(p, 'border')}>`,
      );
      id = Math.max(this.borders.items.length, 1) + this.borders.added.length - 1;
      this.cache.set('border|thin', id);
    }
    return id;
  }

  /**
   * A cell format for the sheets the product writes (the generated school table): number format,
   * bold, alignment, wrap and a thin border, on the default font. Appended once per combination.
   */
  cellFormat(f: {
    readonly numFmt?: string;
    readonly bold?: boolean;
    readonly align?: 'left' | 'center' | 'right';
    readonly wrap?: boolean;
    readonly border?: boolean;
  }): number {
    const key = `cell|${f.numFmt ?? ''}|${f.bold ? 1 : 0}|${f.align ?? ''}|${f.wrap ? 1 : 0}|${f.border ? 1 : 0}`;
    let id = this.cache.get(key);
    if (id === undefined) {
      const p = this.prefix;
      const fmt = this.numFmtId(f.numFmt ?? 'General');
      const fontId = f.bold ? this.fontIdOf(this.bold()) : 0;
      const borderId = f.border ? this.thinBorder() : 0;
      const alignment =
        f.align !== undefined || f.wrap
          ? `<${q(p, 'alignment')}${f.align ? ` horizontal="${f.align}"` : ''} vertical="center"${f.wrap ? ' wrapText="1"' : ''}/>`
          : '';
      const applied = `${fmt ? ' applyNumberFormat="1"' : ''}${f.bold ? ' applyFont="1"' : ''}${borderId ? ' applyBorder="1"' : ''}${alignment ? ' applyAlignment="1"' : ''}`;
      const open = `<${q(p, 'xf')} numFmtId="${fmt}" fontId="${fontId}" fillId="0" borderId="${borderId}" xfId="0"${applied}`;
      id = this.push(alignment ? `${open}>${alignment}</${q(p, 'xf')}>` : `${open}/>`);
      this.cache.set(key, id);
    }
    return id;
  }

  /** The font of an xf this patcher added. */
  private fontIdOf(xf: number): number {
    const text = this.xfs.added[xf - Math.max(this.xfs.items.length, 1)] ?? '';
    return Number(/fontId="(\d+)"/.exec(text)?.[1] ?? 0);
  }

  private push(xf: string): number {
    this.xfs.added.push(xf);
    return Math.max(this.xfs.items.length, 1) + this.xfs.added.length - 1;
  }

  /** Writes styles.xml back when anything was added. */
  commit(): void {
    if (
      !this.fills.added.length &&
      !this.fonts.added.length &&
      !this.xfs.added.length &&
      !this.numFmts.added.length &&
      !this.borders.added.length
    )
      return;
    const patches: Patch[] = [];
    const p = this.prefix;
    const xml = this.xml;
    // Schema order inside styleSheet: numFmts, fonts, fills, borders, cellStyleXfs, cellXfs, …
    const addSection = (sec: Section, name: string, defaults: string[], before: string[]): void => {
      if (!sec.added.length) return;
      const all = sec.items.length ? sec.added : [...defaults, ...sec.added];
      const count = sec.items.length + all.length;
      if (sec.open) {
        const span = elementSpan(xml, sec.open);
        const startTag = setAttr(sec.open.text.replace(/\s*\/>$/, '>'), 'count', String(count));
        patches.push({ at: sec.open.start, del: sec.open.end - sec.open.start, text: startTag });
        patches.push({
          at: span.innerEnd,
          del: sec.open.selfClosing ? 0 : 0,
          text: all.join('') + (sec.open.selfClosing ? `</${sec.open.name}>` : ''),
        });
        return;
      }
      let at = -1;
      for (const b of before) {
        const t = findOpen(xml, b);
        if (t) {
          at = t.start;
          break;
        }
      }
      if (at < 0) at = xml.lastIndexOf('</');
      patches.push({ at, del: 0, text: `<${q(p, name)} count="${count}">${all.join('')}</${q(p, name)}>` });
    };
    const after = ['borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];
    addSection(this.numFmts, 'numFmts', [], ['fonts', 'fills', ...after]);
    addSection(this.fonts, 'fonts', [`<${q(p, 'font')}><${q(p, 'sz')} val="11"/></${q(p, 'font')}>`], ['fills', ...after]);
    addSection(
      this.fills,
      'fills',
      [
        `<${q(p, 'fill')}><${q(p, 'patternFill')} patternType="none"/></${q(p, 'fill')}>`,
        `<${q(p, 'fill')}><${q(p, 'patternFill')} patternType="gray125"/></${q(p, 'fill')}>`,
      ],
      after,
    );
    addSection(
      this.borders,
      'borders',
      [
        `<${q(p, 'border')}><${q(p, 'left')}/><${q(p, 'right')}/><${q(p, 'top')}/><${q(p, 'bottom')}/><${q(p, 'diagonal')}/></${q(p, 'border')}>`,
      ],
      after.slice(1),
    );
    addSection(this.xfs, 'cellXfs', [`<${q(p, 'xf')} numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`], after.slice(3));
    this.pkg.set(this.part, applyPatches(xml, patches));
  }
}
