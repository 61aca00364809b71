/**
 * Synthetic workbooks for the benchmarks, made from the seed text: N project sheets (the seed's 16
 * projects repeated, renumbered, with their real defects) and a standard school table of M rows with
 * planted defects (missing codes, a wrong sum, a duplicate code, a wrong type digit).
 * `npm run bench:data` writes them to bench/.data/; the benchmark makes them itself when missing.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatChineseNumeral } from '../src/core/text/numerals';
import { writeXlsx, type BenchCell, type BenchSheet } from './xlsx-writer';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DATA_DIR = join(ROOT, 'bench/.data');

/** The seed's projects as lists of lines (title first), tables dropped. */
export function seedProjects(): string[][] {
  const text = readFileSync(join(ROOT, 'seeds/jiangchuan-edu-2023-key-projects.txt'), 'utf8');
  const projects: string[][] = [];
  let current: string[] | null = null;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || raw.startsWith('\t') || /^\d{10}\s*$/.test(line)) continue;
    if (/^项目[一二三四五六七八九十]+$/.test(line)) {
      current = [line];
      projects.push(current);
    } else if (current) current.push(line);
  }
  return projects;
}

const TOWNS = ['大街街道', '江城镇', '前卫镇', '九溪镇', '路居镇', '安化乡', '雄关乡'];
const KINDS = [
  { suffix: '中心小学', type: '21', count: 11 },
  { suffix: '中学', type: '31', count: 4 },
  { suffix: '幼儿园', type: '11', count: 3 },
];

/** A standard school table of `rows` schools (3 header rows, column numbers, 合计 first), with defects. */
export function schoolTableSheet(rows: number, name = '学校明细表'): BenchSheet {
  const header: BenchCell[][] = [
    ['学校代码（10位代码）', '学校名称（市+县+乡+校名）', '项目建设计划', null, null, null, null, null, null, null, '备注'],
    [null, null, '项目名称', '保安数量（人）', '资金需求（万元）', null, null, null, null, null, null],
    [null, null, null, null, '小计', '中央', '省级', '州市', '县（市、区）', '其它', null],
    [1, 2, 3, 4, 7, 8, 9, 10, 11, 12, 14],
  ];
  const body: BenchCell[][] = [];
  let count = 0;
  let fen = 0;
  for (let i = 0; i < rows; i++) {
    const kind = KINDS[i % KINDS.length]!;
    const town = TOWNS[i % TOWNS.length]!;
    const n = 1 + (i % 17);
    const amount = Math.round(n * 312) / 100; // 3.12万元 a guard
    let code: BenchCell = `${kind.type}53${String(100000 + i).padStart(6, '0')}`;
    if (i % 97 === 5)
      code = null; // missing
    else if (i % 211 === 7)
      code = `21530${String(i).padStart(5, '0')}`; // wrong type for 中学/幼儿园 rows
    else if (i % 503 === 11) code = `${kind.type}5310000${String(i % 10)}`; // likely duplicate
    const subtotal = i % 331 === 13 ? amount + 1 : amount; // a row that does not add up
    body.push([code, `玉溪市江川区${town}第${i + 1}${kind.suffix}`, '保安配置', n, subtotal, null, null, null, amount, null, null]);
    count += n;
    fen += Math.round(amount * 100);
  }
  const total: BenchCell[] = ['合计', null, null, count, fen / 100, null, null, null, fen / 100, null, null];
  return {
    name,
    rows: [...header, total, ...body],
    merges: ['A1:A3', 'B1:B3', 'C1:J1', 'K1:K3', 'C2:C3', 'D2:D3', 'E2:J2'],
  };
}

/** A workbook of `projects` project sheets (the seed's, repeated and renumbered) and one table. */
export function syntheticWorkbook(projects: number, tableRows: number): BenchSheet[] {
  const seed = seedProjects();
  const sheets: BenchSheet[] = [];
  for (let p = 0; p < projects; p++) {
    const src = seed[p % seed.length]!;
    const title = `项目${formatChineseNumeral(p + 1)}`;
    const lines = [title, ...src.slice(1)];
    // the 11th seed project carries the table reference when the table is on its own sheet
    sheets.push({ name: title, rows: lines.map((l) => [l]) });
  }
  if (tableRows > 0) {
    const s11 = sheets[Math.min(10, sheets.length - 1)];
    if (s11) s11.rows.push(['学校明细详见“学校明细表”。']);
    sheets.push(schoolTableSheet(tableRows));
  }
  return sheets;
}

export function workbookFile(projects: number, tableRows: number): string {
  return join(DATA_DIR, `bench-${projects}p-${tableRows}r.xlsx`);
}

export const SIZES: readonly [number, number][] = [
  [10, 100],
  [100, 100],
  [1000, 100],
  [10, 1000],
  [10, 10000],
  [1000, 10000],
];

function main(): void {
  mkdirSync(DATA_DIR, { recursive: true });
  for (const [p, r] of SIZES) {
    const bytes = writeXlsx(syntheticWorkbook(p, r));
    writeFileSync(workbookFile(p, r), bytes);
    console.log(`${workbookFile(p, r)}  ${(bytes.length / 1024).toFixed(0)} KB`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
