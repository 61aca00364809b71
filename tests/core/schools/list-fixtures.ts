/**
 * Plain lists of schools for the 生成学校表 tests: the sample's schools as an accountant lists them,
 * and a generated county of 300 schools with 20 names the registry cannot resolve.
 */
import type { Cell, Range, SheetSnapshot, WorkbookSnapshot } from '../../../src/core/snapshot/types';
import { readFileSync } from 'node:fs';
import { readXlsx } from '../../../src/hosts/xlsx/read';
import { addTemplateSheet } from '../../../src/hosts/xlsx/add-sheet';
import type { TemplateCell } from '../../../src/core/schools/template';

export type Value = string | number | null;

/** A sheet from rows of values (null: an empty cell), with merges. */
export function listSheet(
  name: string,
  rows: readonly (readonly Value[])[],
  merges: Range[] = [],
  index = 0,
  top = 0,
  left = 0,
): SheetSnapshot {
  const cells: Cell[] = [];
  rows.forEach((r, i) =>
    r.forEach((v, j) => {
      if (v === null || v === '') return;
      const row = top + i;
      const col = left + j;
      cells.push(
        typeof v === 'number' ? { row, col, kind: 'number', value: v, text: String(v) } : { row, col, kind: 'text', value: v, text: v },
      );
    }),
  );
  return { name, index, visibility: 'visible', cells, merges };
}

export function withSheet(snapshot: WorkbookSnapshot, sheet: SheetSnapshot): WorkbookSnapshot {
  return { ...snapshot, sheets: [...snapshot.sheets, { ...sheet, index: snapshot.sheets.length }] };
}

export const SAMPLE = 'seeds/jiangchuan-2023.xlsx';

export function sampleSnapshot(): WorkbookSnapshot {
  const r = readXlsx(readFileSync(SAMPLE));
  if (!r.ok) throw new Error('sample unreadable');
  return r.snapshot;
}

/** The sample's 27 schools of 项目十一 as a plain list: short names, guards, the county's 万元. */
export const SAMPLE_LIST: readonly (readonly [string, number, number])[] = [
  ['第一中学', 19, 59.28],
  ['第二中学', 9, 28.08],
  ['职业中学', 7, 21.84],
  ['三街中心小学', 12, 37.44],
  ['大街小学', 11, 34.32],
  ['伏家营中心小学', 19, 59.28],
  ['江城中心小学', 13, 40.56],
  ['前卫中心小学', 13, 40.56],
  ['九溪镇中心小学', 21, 65.52],
  ['翠峰中心小学', 8, 24.96],
  ['龙街中心小学', 16, 49.92],
  ['后卫中心小学', 11, 34.32],
  ['安化乡中心小学', 11, 34.32],
  ['雄关乡中心小学', 11, 34.32],
  ['伏家营中学', 3, 9.36],
  ['海浒中学', 2, 6.24],
  ['前卫中学', 5, 15.6],
  ['江城中学', 4, 12.48],
  ['翠峰中学', 3, 9.36],
  ['龙街中学', 4, 12.48],
  ['雄关乡中学', 3, 9.36],
  ['螺蛳铺中学', 2, 6.24],
  ['大街中学', 8, 24.96],
  ['后卫中学', 4, 12.48],
  ['九溪镇中学', 4, 12.48],
  ['第一幼儿园', 5, 15.6],
  ['第二幼儿园', 4, 12.48],
];

/** The sample's list sheet: 学校 | 保安人数 | 县级资金（万元）, plus two names the registry cannot resolve. */
export function sampleListRows(extra: readonly string[] = ['大街完小', '江川一中']): Value[][] {
  return [['学校', '保安人数', '县级资金（万元）'], ...SAMPLE_LIST.map(([n, c, a]) => [n, c, a]), ...extra.map((n) => [n, 1, 3.12])];
}

const TOWNS = ['甲山镇', '乙水乡', '丙河街道', '丁峰镇', '戊湖乡', '己林镇', '庚坪乡', '辛庄街道', '壬桥镇', '癸田乡'];
const FIRST = '东南西北上下前后左右中新老大小长高平安和';
const SECOND = '村坝营庄寨屯铺湾岭沟';

export interface County {
  /** Registry rows: code, short name, town, type. */
  readonly registry: readonly (readonly [string, string, string, string])[];
  /** The list rows: name as listed, count, central, provincial, county (元). */
  readonly list: readonly (readonly [string, number, number, number, number])[];
  /** Names in the list that the registry cannot resolve, and why. */
  readonly unmatched: ReadonlyMap<string, 'ambiguous' | 'none'>;
}

/** A county of 300 listed schools: 280 the registry has (10 towns × 28), 20 it cannot resolve (near names, absent, ambiguous). */
export function county300(): County {
  const registry: [string, string, string, string][] = [];
  const list: [string, number, number, number, number][] = [];
  const unmatched = new Map<string, 'ambiguous' | 'none'>();
  let serial = 0;
  const code = (type: string) =>
    `${type}53${String(100000 + ++serial)
      .slice(1)
      .padStart(6, '0')}`;
  const amount = (i: number) => [1_000_000 + i * 137 + 0.25, 200_000 + i * 11, 31_200 + (i % 7) * 0.01] as const;
  let i = 0;
  for (const town of TOWNS) {
    for (let k = 0; k < 28; k++) {
      const kind = k % 4 === 3 ? '中学' : k % 4 === 2 ? '幼儿园' : '小学';
      const type = kind === '中学' ? '31' : kind === '幼儿园' ? '11' : '21';
      const short = `${town.slice(0, 2)}${FIRST[k % FIRST.length]}${SECOND[Math.floor(k / 3) % SECOND.length]}${kind}`;
      registry.push([code(type), short, town, kind]);
      // how an accountant writes them: short, with the town, or already in the standard form
      const listed = i % 3 === 0 ? short : i % 3 === 1 ? `${town}${short}` : `玉溪市江川区${town}${short}`;
      const [c, p, y] = amount(i);
      list.push([listed, 5 + (i % 40), c, p, y]);
      i++;
    }
  }
  // ambiguous: the same short name in two towns, listed without a town (5)
  for (let k = 0; k < 5; k++) {
    const short = `同名${FIRST[k]}小学`;
    registry.push([code('21'), short, TOWNS[k]!, '小学'], [code('21'), short, TOWNS[k + 1]!, '小学']);
    const [c, p, y] = amount(i++);
    list.push([short, 10, c, p, y]);
    unmatched.set(short, 'ambiguous');
  }
  // near names: the registry has 甲山东村小学, the list says 甲山东村中心小学 (10)
  for (let k = 0; k < 10; k++) {
    const base = registry[k * 4]!;
    const near = `${base[2]}${base[1]
      .replace(/小学$/, '中心小学')
      .replace(/幼儿园$/, '中心幼儿园')
      .replace(/中学$/, '第一中学')}`;
    const [c, p, y] = amount(i++);
    list.push([near, 8, c, p, y]);
    unmatched.set(near, 'none');
  }
  // absent: schools the registry does not have (5)
  for (let k = 0; k < 5; k++) {
    const name = `${TOWNS[k]}新建第${k + 1}小学`;
    const [c, p, y] = amount(i++);
    list.push([name, 6, c, p, y]);
    unmatched.set(name, 'none');
  }
  return { registry, list, unmatched };
}

/** The registry sheet of a county. */
export function registrySheetOf(c: County, index = 0): SheetSnapshot {
  return listSheet('学校名册', [['学校标识码', '学校名称', '所在乡镇', '办学类型'], ...c.registry.map((r) => [...r])], [], index);
}

/** The county's list: a two-row header, 补助资金（元） merged over 中央/省级/县级. */
export function countyListSheet(c: County, index = 1): SheetSnapshot {
  const rows: Value[][] = [
    ['序号', '学校', '学生数', '补助资金（元）', null, null],
    [null, null, null, '中央', '省级', '县级'],
    ...c.list.map((r, i) => [i + 1, ...r]),
  ];
  const merges: Range[] = [
    { top: 0, left: 0, bottom: 1, right: 0 },
    { top: 0, left: 1, bottom: 1, right: 1 },
    { top: 0, left: 2, bottom: 1, right: 2 },
    { top: 0, left: 3, bottom: 0, right: 5 },
  ];
  return listSheet('名单', rows, merges, index);
}

/** A plain sheet of values as a template block (how a test puts a list into a real package). */
export function valuesBlock(name: string, rows: readonly (readonly Value[])[]) {
  const cells: TemplateCell[] = [];
  rows.forEach((r, i) =>
    r.forEach((v, j) => {
      if (v === null) return;
      cells.push({ row: i, col: j, value: v, kind: typeof v === 'number' ? 'number' : 'text' });
    }),
  );
  return { name, cells, merges: [], columnWidths: {} };
}

/** The sample package with the list sheet 保安名单 added (how an accountant's workbook looks). */
export function sampleWithListBytes(extra?: readonly string[]): Uint8Array {
  return addTemplateSheet(new Uint8Array(readFileSync(SAMPLE)), valuesBlock('保安名单', sampleListRows(extra)));
}
