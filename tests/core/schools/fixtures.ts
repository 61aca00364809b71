/**
 * Builders for school-table and registry sheets, modelled on the seed's 项目十一 table
 * (27 schools, 232 guards, 723.84万元, 3.12万元 a guard; five schools without codes).
 */
import type { Cell, Range, SheetSnapshot } from '../../../src/core/snapshot/types';

export type SeedSchool = readonly [code: string, name: string, count: number, amount: string];

export const SEED_SCHOOLS: readonly SeedSchool[] = [
  ['', '玉溪市江川区第一中学', 19, '59.28'],
  ['', '玉溪市江川区第二中学', 9, '28.08'],
  ['', '玉溪市江川区职业中学', 7, '21.84'],
  ['2153030929', '玉溪市江川区大街街道三街中心小学', 12, '37.44'],
  ['2153005307', '玉溪市江川区大街街道大街小学', 11, '34.32'],
  ['2153005313', '玉溪市江川区大街街道伏家营中心小学', 19, '59.28'],
  ['2153005337', '玉溪市江川区江城镇江城中心小学', 13, '40.56'],
  ['2153005318', '玉溪市江川区前卫镇前卫中心小学', 13, '40.56'],
  ['2153005351', '玉溪市江川区九溪镇中心小学', 21, '65.52'],
  ['2153005332', '玉溪市江川区江城镇翠峰中心小学', 8, '24.96'],
  ['2153005344', '玉溪市江川区江城镇龙街中心小学', 16, '49.92'],
  ['2153005324', '玉溪市江川区前卫镇后卫中心小学', 11, '34.32'],
  ['2153005329', '玉溪市江川区安化乡中心小学', 11, '34.32'],
  ['2153005370', '玉溪市江川区雄关乡中心小学', 11, '34.32'],
  ['3153000389', '玉溪市江川区大街街道伏家营中学', 3, '9.36'],
  ['3153001858', '玉溪市江川区大街街道海浒中学', 2, '6.24'],
  ['3153000395', '玉溪市江川区前卫镇前卫中学', 5, '15.6'],
  ['3153000399', '玉溪市江川区江城镇江城中学', 4, '12.48'],
  ['3153000398', '玉溪市江川区江城镇翠峰中学', 3, '9.36'],
  ['3153000400', '玉溪市江川区江城镇龙街中学', 4, '12.48'],
  ['3153000404', '玉溪市江川区雄关乡中学', 3, '9.36'],
  ['3153001865', '玉溪市江川区螺蛳铺中学', 2, '6.24'],
  ['3153000388', '玉溪市江川区大街街道大街中学', 8, '24.96'],
  ['3153002014', '玉溪市江川区前卫镇后卫中学', 4, '12.48'],
  ['3153000401', '玉溪市江川区九溪镇中学', 4, '12.48'],
  ['', '玉溪市江川区第一幼儿园', 5, '15.6'],
  ['', '玉溪市江川区第二幼儿园', 4, '12.48'],
];

/** A cell value as a test writes it: text, number, null (empty), or an error value. */
export type V = string | number | null | { error: string };

export function cell(row: number, col: number, v: V, numFmt?: string): Cell | null {
  if (v === null) return null;
  if (typeof v === 'object') return { row, col, kind: 'error', value: v.error, text: v.error };
  if (typeof v === 'number') return { row, col, kind: 'number', value: v, text: String(v), ...(numFmt !== undefined && { numFmt }) };
  if (v === '') return null;
  return { row, col, kind: 'text', value: v, text: v };
}

export interface RowSpec {
  code: V;
  name: V;
  project?: V;
  count: V;
  subtotal: V;
  central?: V;
  provincial?: V;
  prefecture?: V;
  county?: V;
  other?: V;
  note?: V;
}

export interface TableOptions {
  sheet?: string;
  top?: number;
  left?: number;
  rows?: RowSpec[];
  /** Codes as text (default), numbers, or text with a trailing space (as in the seed). */
  codes?: 'text' | 'number' | 'text-space';
  /** Numbers stored as numbers (default) or as text. */
  numbers?: 'number' | 'text';
  numberRow?: boolean;
  total?: 'first' | 'last' | 'none';
  /** Overrides for the 合计 row. */
  totalRow?: Partial<RowSpec>;
  headerRows?: 2 | 3;
  merges?: boolean;
  countLabel?: string;
  /** Extra cells (e.g. text above or below the table). */
  extra?: Cell[];
}

/** The seed's rows as RowSpecs (amount in 小计 and in 县（市、区）). */
export function seedRows(opts: Pick<TableOptions, 'codes' | 'numbers'> = {}): RowSpec[] {
  return SEED_SCHOOLS.map(([code, name, count, amount]) => {
    const c: V = code === '' ? null : opts.codes === 'number' ? Number(code) : opts.codes === 'text-space' ? `${code} ` : code;
    const num = (x: string | number): V => (opts.numbers === 'text' ? String(x) : Number(x));
    return { code: c, name, project: '保安配置', count: num(count), subtotal: num(amount), county: num(amount) };
  });
}

function sumCol(rows: RowSpec[], k: keyof RowSpec): number | null {
  let fen = 0;
  let any = false;
  for (const r of rows) {
    const v = r[k];
    if (v === null || v === undefined || typeof v === 'object' || v === '') continue;
    any = true;
    fen += Math.round(Number(v) * 1e6);
  }
  return any ? fen / 1e6 : null;
}

const FUND_KEYS = ['subtotal', 'central', 'provincial', 'prefecture', 'county', 'other'] as const;

/** Builds a sheet holding the standard table. */
export function tableSheet(opts: TableOptions = {}): SheetSnapshot {
  const top = opts.top ?? 0;
  const left = opts.left ?? 0;
  const rows = opts.rows ?? seedRows(opts);
  const cells: Cell[] = [];
  const merges: Range[] = [];
  const put = (r: number, c: number, v: V) => {
    const x = cell(top + r, left + c, v);
    if (x) cells.push(x);
  };
  const merge = (r1: number, c1: number, r2: number, c2: number) => {
    if (opts.merges !== false) merges.push({ top: top + r1, left: left + c1, bottom: top + r2, right: left + c2 });
  };
  const countLabel = opts.countLabel ?? '保安数量（人）';
  let r = 0;
  if ((opts.headerRows ?? 3) === 3) {
    put(0, 0, '学校代码（10位代码）');
    merge(0, 0, 2, 0);
    put(0, 1, '学校名称（市+县+乡+校名）');
    merge(0, 1, 2, 1);
    put(0, 2, '项目建设计划');
    merge(0, 2, 0, 9);
    put(0, 10, '备注');
    merge(0, 10, 2, 10);
    put(1, 2, '项目名称');
    merge(1, 2, 2, 2);
    put(1, 3, countLabel);
    merge(1, 3, 2, 3);
    put(1, 4, '资金需求（万元）');
    merge(1, 4, 1, 9);
    ['小计', '中央', '省级', '州市', '县（市、区）', '其它'].forEach((t, i) => put(2, 4 + i, t));
    r = 3;
  } else {
    put(0, 0, '学校代码（10位代码）');
    merge(0, 0, 1, 0);
    put(0, 1, '学校名称（市+县+乡+校名）');
    merge(0, 1, 1, 1);
    put(0, 2, '项目名称');
    merge(0, 2, 1, 2);
    put(0, 3, countLabel);
    merge(0, 3, 1, 3);
    put(0, 4, '资金需求（万元）');
    merge(0, 4, 0, 9);
    put(0, 10, '备注');
    merge(0, 10, 1, 10);
    ['小计', '中央', '省级', '州市', '县（市、区）', '其它'].forEach((t, i) => put(1, 4 + i, t));
    r = 2;
  }
  if (opts.numberRow !== false) {
    [1, 2, 3, 4, 7, 8, 9, 10, 11, 12, 14].forEach((n, i) => put(r, i, n));
    r++;
  }
  const num = (x: number | null): V => (x === null ? null : opts.numbers === 'text' ? String(x) : x);
  const totalSpec: RowSpec = {
    code: '合计',
    name: null,
    count: num(sumCol(rows, 'count')),
    ...Object.fromEntries(FUND_KEYS.map((k) => [k, num(sumCol(rows, k))])),
    subtotal: num(sumCol(rows, 'subtotal')),
    ...opts.totalRow,
  };
  const writeRow = (spec: RowSpec) => {
    put(r, 0, spec.code);
    put(r, 1, spec.name);
    put(r, 2, spec.project ?? null);
    put(r, 3, spec.count);
    FUND_KEYS.forEach((k, i) => put(r, 4 + i, spec[k] ?? null));
    put(r, 10, spec.note ?? null);
    r++;
  };
  const totalMode = opts.total ?? 'first';
  if (totalMode === 'first') writeRow(totalSpec);
  for (const row of rows) writeRow(row);
  if (totalMode === 'last') writeRow(totalSpec);
  for (const x of opts.extra ?? []) cells.push(x);
  cells.sort((a, b) => a.row - b.row || a.col - b.col);
  return { name: opts.sheet ?? '项目十一', index: 0, visibility: 'visible', cells, merges };
}

/** The first data row (0-based, relative to `top`) for the default layout with 合计 first. */
export const FIRST_SCHOOL_ROW = 5;

export interface RegistryRow {
  code: V;
  name: string;
  town?: string;
  type?: string;
}

/** A registry sheet: a title row, then 学校标识码 | 学校名称 | 所在乡镇 | 办学类型. */
export function registrySheet(
  rows: RegistryRow[],
  name = '学校名册',
  headers = ['学校标识码', '学校名称', '所在乡镇', '办学类型'],
): SheetSnapshot {
  const cells: Cell[] = [];
  const push = (c: Cell | null) => {
    if (c) cells.push(c);
  };
  push(cell(0, 0, '江川区学校名册'));
  headers.forEach((h, i) => push(cell(1, i, h)));
  rows.forEach((x, i) => {
    push(cell(2 + i, 0, x.code));
    push(cell(2 + i, 1, x.name));
    push(cell(2 + i, 2, x.town ?? null));
    push(cell(2 + i, 3, x.type ?? null));
  });
  return { name, index: 0, visibility: 'visible', cells, merges: [] };
}

/** A registry of the seed's schools, short names with their towns, invented codes for the five. */
export function seedRegistryRows(): RegistryRow[] {
  const invented: Record<string, string> = {
    玉溪市江川区第一中学: '3453000101',
    玉溪市江川区第二中学: '3153000102',
    玉溪市江川区职业中学: '3653000103',
    玉溪市江川区第一幼儿园: '1153000104',
    玉溪市江川区第二幼儿园: '1153000105',
  };
  return SEED_SCHOOLS.map(([code, full]) => {
    const rest = full.replace('玉溪市江川区', '');
    const m = /^(.+?(?:街道|镇|乡))(.+)$/.exec(rest);
    const town = m && !rest.startsWith('第') && !rest.startsWith('职业') ? m[1]! : '';
    const short = town ? rest.slice(town.length) : rest;
    return { code: code || invented[full]!, name: short === '中心小学' || short === '中学' ? rest : short, ...(town && { town }) };
  });
}

import { makeDocument, type ProjectSpec } from '../../helpers/document';
import { findSchoolTables, readRegistry } from '../../../src/core/schools/index';
import type { DisclosureDocument } from '../../../src/core/model';
import { runRules } from '../../../src/core/rules/engine';
import type { CheckConfig } from '../../../src/core/rules/config';
import type { Finding, Lang, Rule } from '../../../src/core/rules/types';

/** The seed's 项目十一 text (overview states 232 guards and 723.84万元/年). */
export function seedProject(
  overview = '支持江川区公办中小学、幼儿园安全防范建设，实施项目保安人员数量232人，配置到全区87个独立校点，年度预算资金为723.84万元/年，用于支付保安人员薪资、管理费、安保设施费等。',
): ProjectSpec {
  return {
    title: '项目十一',
    sections: {
      name: ['玉溪市江川区中小学幼儿园（2023-2025年）保安服务项目'],
      basis: ['《中小学幼儿园安全防范工作规范（试行）》（公治〔2015〕168号）'],
      unit: ['玉溪市江川区各中小学、公办幼儿园'],
      overview: [overview],
      content: ['为全区中小学、幼儿园配置专职保安232人，服务期限为三年。'],
      funding: ['详见下表。'],
      plan: ['从2023年4月起，每年每月按723.84万元/年÷12=60.32万元/月划拨中标的保安服务公司，每名保安每年3.12万元。'],
      results: ['能有效提高全区中小学、幼儿园安全防范能力。'],
    },
  };
}

export interface SchoolDocOptions extends TableOptions {
  project?: ProjectSpec | null;
  registry?: RegistryRow[] | null;
  /** Extra tables (each its own sheet). */
  more?: TableOptions[];
}

/** A document: the project (text sheet), the table on its own sheet linked to it, and the registry. */
export function schoolDoc(opts: SchoolDocOptions = {}): DisclosureDocument {
  const sheets = [
    tableSheet({ sheet: '学校明细表', ...opts }),
    ...(opts.more ?? []).map((m, i) => tableSheet({ sheet: `表${i + 2}`, ...m })),
  ];
  if (opts.registry !== null) sheets.push(registrySheet(opts.registry ?? seedRegistryRows()));
  const { document, snapshot } = makeDocument(opts.project === null ? [] : [opts.project ?? seedProject()], { sheets });
  const tables = findSchoolTables(snapshot).map((t) => (opts.project === null ? t : { ...t, project: 0, section: 'funding' as const }));
  return { ...document, tables, registry: readRegistry(snapshot).entries };
}

export function run(rule: Rule, document: DisclosureDocument, config: CheckConfig = {}, lang: Lang = 'zh'): Finding[] {
  const { findings, failures } = runRules(document, [rule], config, lang);
  if (failures.length > 0) throw new Error(failures.map((f) => f.error).join('; '));
  return findings;
}

/** A1 of a school row's cell in the default layout (合计 first: row 5 is the first school). */
export function at(col: string, schoolIndex: number): string {
  return `${col}${FIRST_SCHOOL_ROW + 1 + schoolIndex}`;
}
