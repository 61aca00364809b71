/**
 * DisclosureDocument → ExportDocument: the published document in the standard form.
 * Projects are 项目一, 项目二 … by position; each has the eight sections in standard order with
 * standard numbering (一、项目名称 … 八、项目实施成效) whatever the workbook used; paragraphs are
 * kept as written apart from spacing and half-width punctuation (each change listed); school
 * tables become real tables with the standard merged header, the column-number row and 合计.
 */
import {
  FUNDING_COLUMNS,
  FUNDING_LABELS,
  SECTION_KEYS,
  SECTION_NAMES,
  type DisclosureDocument,
  type FundingColumn,
  type NumberCell,
  type Paragraph,
  type Project,
  type SchoolRow,
  type SchoolTable,
  type Section,
  type SectionKey,
} from '../model';
import { gridOf } from '../snapshot/grid';
import { formatChineseNumeral } from '../text/numerals';
import { normaliseParagraph } from './normalize';
import type {
  ExportBlock,
  ExportDocument,
  ExportOptions,
  ExportProject,
  ExportSection,
  ExportTable,
  ExportTableCell,
  Normalisation,
} from './types';

export const DEFAULT_TITLE = '预算重点领域财政项目文本公开';

/** The standard column numbers of the school table. */
const COLUMN_NUMBERS: Readonly<Record<string, number>> = {
  code: 1,
  name: 2,
  projectName: 3,
  count: 4,
  subtotal: 7,
  central: 8,
  provincial: 9,
  prefecture: 10,
  county: 11,
  other: 12,
  note: 14,
};

const WIDTHS: Readonly<Record<string, number>> = {
  code: 12,
  name: 34,
  projectName: 10,
  count: 7,
  subtotal: 8,
  central: 5.5,
  provincial: 5.5,
  prefecture: 5.5,
  county: 7.5,
  other: 5.5,
  note: 5,
};

interface Leaf {
  key: string;
  col: number;
}

function leaves(t: SchoolTable): { all: Leaf[]; plan: Leaf[]; funding: Leaf[] } {
  const plan: Leaf[] = [];
  if (t.columns.projectName !== undefined) plan.push({ key: 'projectName', col: t.columns.projectName });
  if (t.columns.count !== undefined) plan.push({ key: 'count', col: t.columns.count });
  const funding: Leaf[] = [];
  for (const f of FUNDING_COLUMNS) {
    const col = t.columns.funding[f];
    if (col !== undefined) funding.push({ key: f, col });
  }
  const all: Leaf[] = [{ key: 'code', col: t.columns.code }, { key: 'name', col: t.columns.name }, ...plan, ...funding];
  if (t.columns.note !== undefined) all.push({ key: 'note', col: t.columns.note });
  return { all, plan, funding };
}

const th = (text: string, rowSpan = 1, colSpan = 1): ExportTableCell => ({
  text,
  align: 'center',
  bold: true,
  ...(rowSpan > 1 && { rowSpan }),
  ...(colSpan > 1 && { colSpan }),
});

function numberText(n: NumberCell | undefined): string {
  if (!n || n.empty) return '';
  const raw = n.raw.trim();
  if (raw !== '') return raw;
  return n.value === null ? '' : n.value.toFixed(n.decimals);
}

/** The column-number row as the workbook has it (last header row, all numbers), else standard. */
function columnNumbers(doc: DisclosureDocument, t: SchoolTable, all: Leaf[]): string[] {
  const sheet = doc.snapshot.sheets.find((s) => s.name === t.sheet);
  if (sheet) {
    const g = gridOf(sheet);
    const texts = all.map((l) => g.get(t.headerBottom, l.col)?.text.trim() ?? '');
    if (texts.every((x) => /^\d+$/.test(x))) return texts;
  }
  return all.map((l) => String(COLUMN_NUMBERS[l.key] ?? ''));
}

function buildTable(doc: DisclosureDocument, index: number, out: Normalisation[], project: string): ExportTable {
  const t = doc.tables[index]!;
  const { all, plan, funding } = leaves(t);
  const hasNote = t.columns.note !== undefined;
  const depth = funding.length > 0 ? 3 : plan.length > 0 ? 2 : 1;
  const groupSpan = plan.length + funding.length;
  const r1: ExportTableCell[] = [th('学校代码（10位代码）', depth), th('学校名称（市+县+乡+校名）', depth)];
  if (groupSpan > 0) r1.push(th('项目建设计划', 1, groupSpan));
  if (hasNote) r1.push(th('备注', depth));
  const headerRows: ExportTableCell[][] = [r1];
  if (depth >= 2) {
    const r2: ExportTableCell[] = plan.map((p) =>
      th(p.key === 'count' ? (t.countLabel ?? t.headers[p.col] ?? '数量') : '项目名称', depth - 1),
    );
    if (funding.length > 0) r2.push(th(`资金需求（${t.unit}）`, 1, funding.length));
    headerRows.push(r2);
  }
  if (depth === 3) headerRows.push(funding.map((f) => th(FUNDING_LABELS[f.key as FundingColumn])));
  headerRows.push(columnNumbers(doc, t, all).map((n) => th(n)));

  let trimmedCodes = 0;
  const row = (r: SchoolRow, total: boolean): ExportTableCell[] =>
    all.map((l): ExportTableCell => {
      switch (l.key) {
        case 'code': {
          if (total) return { text: '合计', align: 'center', bold: true };
          const code = r.code.raw.trim();
          if (code !== r.code.raw) trimmedCodes++;
          return { text: code, align: 'center' };
        }
        case 'name':
          return { text: total ? '' : r.name.text.trim(), align: 'left' };
        case 'projectName':
          return { text: total ? '' : (r.projectName?.text.trim() ?? ''), align: 'center' };
        case 'count':
          return { text: numberText(r.count), align: 'right', ...(total && { bold: true }) };
        case 'note':
          return { text: r.note?.text.trim() ?? '', align: 'left' };
        default:
          return { text: numberText(r.funding[l.key as FundingColumn]), align: 'right', ...(total && { bold: true }) };
      }
    });
  const body = t.rows.map((r) => row(r, false));
  const first = t.rows[0];
  const totalFirst = t.total !== undefined && (first === undefined || t.total.row < first.row);
  const bodyRows = t.total ? (totalFirst ? [row(t.total, true), ...body] : [...body, row(t.total, true)]) : body;
  if (trimmedCodes > 0) {
    out.push({
      kind: 'code-spacing',
      project,
      ...(t.section !== undefined && { section: t.section }),
      ref: { sheet: t.sheet, row: t.headerTop, col: t.columns.code },
      before: `${trimmedCodes}`,
      after: '',
      zh: `学校代码首尾空格已删除（${trimmedCodes}处）`,
      en: `removed leading/trailing spaces from ${trimmedCodes} school codes`,
    });
  }
  return {
    columnWidths: all.map((l) => WIDTHS[l.key] ?? 8),
    headerRows,
    bodyRows,
    kind: 'school',
    schoolCount: t.rows.length,
    source: index,
  };
}

/** Another table under a heading (not a school table): its cells as written, first row as header. */
function otherTable(rows: readonly (readonly Paragraph[])[]): ExportTable {
  const width = Math.max(1, ...rows.map((r) => r.length));
  const cells = rows.map((r) =>
    Array.from({ length: width }, (_, i): ExportTableCell => ({ text: normaliseParagraph(r[i]?.text ?? '').text, align: 'left' })),
  );
  const [head, ...body] = cells;
  return {
    kind: 'other',
    columnWidths: new Array<number>(width).fill(1),
    headerRows: head ? [head.map((c) => ({ ...c, align: 'center' as const, bold: true }))] : [],
    bodyRows: body,
    schoolCount: 0,
  };
}

/**
 * The paragraph's line as the cell holds it (readers trim; the export lists the trim too).
 * Falls back to the paragraph's text when the cell's line does not contain it.
 */
function originalLine(doc: DisclosureDocument, p: Paragraph): string {
  const sheet = doc.snapshot.sheets.find((x) => x.name === p.ref.sheet);
  const cell = sheet ? gridOf(sheet).get(p.ref.row, p.ref.col) : undefined;
  if (cell?.kind !== 'text' || typeof cell.value !== 'string') return p.text;
  const raw = cell.value;
  const start = p.offset === 0 ? 0 : raw.lastIndexOf('\n', p.offset - 1) + 1;
  const nl = raw.indexOf('\n', p.offset);
  const line = raw.slice(start, nl < 0 ? raw.length : nl).replace(/\r$/, '');
  return line.includes(p.text) ? line : p.text;
}

function sectionBlocks(doc: DisclosureDocument, s: Section, project: string, out: Normalisation[], usedTables: Set<number>): ExportBlock[] {
  const items: { row: number; sheet: string; block: () => ExportBlock | null }[] = [];
  for (const p of s.paragraphs) {
    items.push({
      row: p.ref.row,
      sheet: p.ref.sheet,
      block: () => {
        const before = originalLine(doc, p);
        const n = normaliseParagraph(before);
        if (n.text === '') return null;
        if (n.text !== before) {
          out.push({
            kind: n.changes.some((c) => c.kind === 'punctuation') ? 'punctuation' : 'spacing',
            project,
            section: s.key,
            ref: p.ref,
            before,
            after: n.text,
            zh: n.changes.map((c) => c.zh).join('；'),
            en: n.changes.map((c) => c.en).join('; '),
          });
        }
        return { kind: 'paragraph', text: n.text, ref: p.ref };
      },
    });
  }
  for (const ti of s.tables) {
    const t = doc.tables[ti];
    if (!t || usedTables.has(ti)) continue;
    usedTables.add(ti);
    // a table on the section's own sheet goes where it stands; one on another sheet goes last
    const here = t.sheet === s.headingRef.sheet;
    items.push({
      row: here ? t.headerTop : Number.MAX_SAFE_INTEGER,
      sheet: t.sheet,
      block: () => ({ kind: 'table', table: buildTable(doc, ti, out, project) }),
    });
  }
  for (const o of s.otherTables ?? []) {
    items.push({ row: o.ref.row, sheet: o.ref.sheet, block: () => ({ kind: 'table', table: otherTable(o.rows) }) });
  }
  // stable sort by row; paragraphs of a multi-line cell share a row and keep their order
  const sorted = items.map((x, i) => ({ ...x, i })).sort((a, b) => a.row - b.row || a.i - b.i);
  return sorted.map((x) => x.block()).filter((b): b is ExportBlock => b !== null);
}

function buildProject(
  doc: DisclosureDocument,
  p: Project,
  position: number,
  options: ExportOptions,
  out: Normalisation[],
  usedTables: Set<number>,
): ExportProject {
  const label = `项目${formatChineseNumeral(position + 1)}`;
  if (p.title.replace(/\s+/g, '') !== label) {
    out.push({
      kind: 'project-label',
      project: label,
      ref: p.ref,
      before: p.title,
      after: label,
      zh: `项目标题按顺序改为“${label}”`,
      en: `project title renumbered to "${label}"`,
    });
  }
  const byKey = new Map<SectionKey, Section[]>();
  for (const s of p.sections) byKey.set(s.key, [...(byKey.get(s.key) ?? []), s]);
  const written = [...byKey.keys()];
  const standard = SECTION_KEYS.filter((k) => byKey.has(k));
  if (written.join() !== standard.join()) {
    out.push({
      kind: 'section-order',
      project: label,
      ref: p.ref,
      before: written.map((k) => SECTION_NAMES[k].zh).join('、'),
      after: standard.map((k) => SECTION_NAMES[k].zh).join('、'),
      zh: '各部分按标准顺序排列',
      en: 'sections put in the standard order',
    });
  }
  const sections = SECTION_KEYS.map((key, i): ExportSection => {
    const numbering = `${formatChineseNumeral(i + 1)}、`;
    const heading = `${numbering}${SECTION_NAMES[key].zh}`;
    const list = byKey.get(key) ?? [];
    if (list.length === 0) {
      out.push({
        kind: 'section-missing',
        project: label,
        section: key,
        ref: p.ref,
        before: '',
        after: heading,
        zh: `缺少“${SECTION_NAMES[key].zh}”，已保留空标题`,
        en: `"${SECTION_NAMES[key].en}" is missing; its heading is kept, empty`,
      });
    } else if (list.length > 1) {
      out.push({
        kind: 'section-merged',
        project: label,
        section: key,
        ref: list[1]!.headingRef,
        before: list.map((s) => s.headingText).join(' / '),
        after: heading,
        zh: `“${SECTION_NAMES[key].zh}”出现${list.length}次，内容已合并`,
        en: `"${SECTION_NAMES[key].en}" appears ${list.length} times; contents merged`,
      });
    }
    for (const s of list) {
      if (s.headingText !== heading) {
        out.push({
          kind: 'heading',
          project: label,
          section: key,
          ref: s.headingRef,
          before: s.headingText,
          after: heading,
          zh: `标题按标准写为“${heading}”`,
          en: `heading written in the standard form "${heading}"`,
        });
      }
    }
    const blocks = list.flatMap((s) => sectionBlocks(doc, s, label, out, usedTables));
    // school tables linked to this project/section but not listed by the section
    for (const [ti, t] of doc.tables.entries()) {
      if (!usedTables.has(ti) && t.project === p.index && t.section === key) {
        usedTables.add(ti);
        blocks.push({ kind: 'table', table: buildTable(doc, ti, out, label) });
      }
    }
    return { key, numbering, heading, sourceHeading: list[0]?.headingText ?? '', missing: list.length === 0, blocks };
  });
  const nameBlock = sections[0]!.blocks.find((b) => b.kind === 'paragraph');
  const name = nameBlock?.kind === 'paragraph' ? nameBlock.text : (p.name?.trim() ?? '');
  const heading = options.projectHeading === 'label-name' && name ? `${label}\u3000${name}` : label;
  return { label, sourceTitle: p.title, name, heading, sections };
}

/** Builds the published document. Never throws on a well-typed document. */
export function buildExportModel(doc: DisclosureDocument, options: ExportOptions = {}): ExportDocument {
  const out: Normalisation[] = [];
  let title = options.title?.trim() ?? '';
  if (title === '' && doc.title) {
    const n = normaliseParagraph(doc.title.text.replace(/\r?\n/g, ''));
    title = n.text;
    if (n.text !== doc.title.text) {
      out.push({
        kind: 'spacing',
        ref: doc.title.ref,
        before: doc.title.text,
        after: n.text,
        zh: n.changes.map((c) => c.zh).join('；') || '标题合并为一行',
        en: n.changes.map((c) => c.en).join('; ') || 'title joined into one line',
      });
    }
  }
  if (title === '') {
    title = DEFAULT_TITLE;
    out.push({
      kind: 'title-default',
      before: '',
      after: title,
      zh: '工作簿未写标题，使用通用标题',
      en: 'the workbook states no title; a generic one is used',
    });
  }
  const used = new Set<number>();
  const projects = doc.projects.map((p, i) => buildProject(doc, p, i, options, out, used));
  return { title, projects, normalisations: out };
}
