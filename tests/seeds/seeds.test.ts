import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { OUTPUTS, SEEDS_DIR, SEED_TEXT } from '../../seeds/build/build';
import {
  COVER_SHEET,
  ONE_SHEET,
  REGISTRY_SHEET,
  TABLE_REFERENCE,
  TABLE_SHEET,
  oneSheet,
  perSheet,
  registryRows,
  seedTable,
  twoColumn,
} from '../../seeds/build/layouts';
import { headingKey, parseSeed } from '../../seeds/build/parse';
import { bookToXlsx } from '../../seeds/build/xlsx';
import { readXlsx } from '../../src/hosts/xlsx/read';
import type { Cell, WorkbookSnapshot } from '../../src/core/snapshot/types';
import { SECTION_KEYS } from '../../src/core/model';
import { gridOf } from '../../src/core/snapshot/grid';

const text = readFileSync(SEED_TEXT, 'utf8');
const doc = parseSeed(text);
const table = seedTable(doc);
const fen = (s: string): number => Math.round(Number(s) * 100);

/** Every non-empty, non-table line of the seed after the title: headings, titles and paragraphs. */
const seedLines = text
  .split('\n')
  .slice(text.split('\n').findIndex((l) => l.trim() === '项目一'))
  .filter((l) => l.trim() !== '' && !l.startsWith('\t'));

function texts(s: WorkbookSnapshot): Set<string> {
  const out = new Set<string>();
  for (const sh of s.sheets) for (const c of sh.cells) if (c.kind === 'text') for (const l of String(c.value).split('\n')) out.add(l);
  return out;
}

describe('seed parse', () => {
  it('finds the title and 16 projects, each with 8 sections in standard order', () => {
    expect(doc.title).toBe('江川区教育体育局2023年预算重点领域财政项目文本公开');
    expect(doc.projects.map((p) => p.title)).toEqual([
      '项目一',
      '项目二',
      '项目三',
      '项目四',
      '项目五',
      '项目六',
      '项目七',
      '项目八',
      '项目九',
      '项目十',
      '项目十一',
      '项目十二',
      '项目十三',
      '项目十四',
      '项目十五',
      '项目十六',
    ]);
    for (const p of doc.projects) expect(p.sections.map((s) => s.key)).toEqual([...SECTION_KEYS]);
  });

  it('keeps headings as written: numbered, unnumbered, stray spaces', () => {
    const p1 = doc.projects[0]!;
    expect(p1.sections.map((s) => s.heading)).toEqual([
      '一、项目名称',
      '二、立项依据',
      '项目实施单位',
      '项目基本概况',
      '五、项目实施内容',
      '六、资金安排情况',
      '七、项目实施计划',
      '八、项目实施成效',
    ]);
    expect(doc.projects[6]!.sections[0]!.heading).toBe('一、  项目名称');
    expect(doc.projects[1]!.sections[0]!.heading).toBe('项目名称');
    expect(headingKey('（一）强化工作保障')).toBeNull();
    expect(headingKey('1.加强组织领导，明确职责分工。')).toBeNull();
  });

  it('keeps paragraphs as written, leading spaces included', () => {
    expect(doc.projects[0]!.sections[0]!.paragraphs).toEqual(['   国家义务教育优质均衡评估专项经费']);
    expect(doc.projects[10]!.sections[5]!.paragraphs).toEqual([]);
    // every non-table line of the seed is a title, a heading or a paragraph
    const parsed = doc.projects.flatMap((p) => [p.title, ...p.sections.flatMap((s) => [s.heading, ...s.paragraphs])]);
    expect(parsed.map((l) => l.trim())).toEqual(seedLines.map((l) => l.trim()));
  });

  it('reads the school table: 27 rows + 合计 first, 232 guards, 723.84 万元, five empty codes', () => {
    expect(doc.projects[10]!.sections[5]!.table).toBe(table);
    expect(table.rows).toHaveLength(27);
    expect(table.totalFirst).toBe(true);
    expect(table.total.code).toBe('合计');
    expect(table.total.count).toBe('232');
    expect(table.total.funding[0]).toBe('723.84');
    expect(table.total.funding[4]).toBe('723.84');
    expect(table.columnNumbers).toEqual(['1', '2', '3', '4', '7', '8', '9', '10', '11', '12', '14']);
    expect(table.rows.filter((r) => r.code === '').map((r) => r.name)).toEqual([
      '玉溪市江川区第一中学',
      '玉溪市江川区第二中学',
      '玉溪市江川区职业中学',
      '玉溪市江川区第一幼儿园',
      '玉溪市江川区第二幼儿园',
    ]);
    expect(table.rows.reduce((a, r) => a + Number(r.count), 0)).toBe(232);
    expect(table.rows.reduce((a, r) => a + fen(r.funding[0]), 0)).toBe(72384);
    // codes keep the seed's trailing spaces
    expect(table.rows[3]!.code).toBe('2153030929 ');
    expect(table.rows.find((r) => r.name.endsWith('后卫中学'))!.code).toBe('3153002014');
  });
});

describe('seed layouts', () => {
  const layouts = { perSheet: perSheet(doc), twoColumn: twoColumn(doc), oneSheet: oneSheet(doc) };

  it.each(Object.entries(layouts))('%s: every title, heading and paragraph of the seed appears as written', (_, snap) => {
    const all = texts(snap);
    const missing = seedLines.filter((l) => !all.has(l));
    expect(missing).toEqual([]);
    expect(all.has(doc.title)).toBe(true);
  });

  it.each(Object.entries(layouts))('%s: cells sorted, inside the sheet, school table complete', (_, snap) => {
    for (const sh of snap.sheets) {
      const sorted = [...sh.cells].sort((a, b) => a.row - b.row || a.col - b.col);
      expect(sh.cells).toEqual(sorted);
    }
    const codes = snap.sheets.flatMap((s) => s.cells).filter((c) => c.numFmt === '@' && /^[23]153/.test(String(c.value)));
    // 22 codes in the table (as written, some with trailing spaces) + 22 in the registry (trimmed)
    expect(codes.filter((c) => String(c.value).endsWith(' '))).toHaveLength(20);
    const money = snap.sheets.flatMap((s) => s.cells).filter((c) => c.numFmt === '0.00');
    expect(money).toHaveLength(27 + 2 + 27 + 0); // 小计 and 县 per row, 合计 twice
  });

  it('perSheet: 封面, 项目一…项目十六, 学校名册; title in A1; table under 六、资金安排情况 with merged headers', () => {
    const s = layouts.perSheet;
    expect(s.sheets.map((x) => x.name)).toEqual([COVER_SHEET, ...doc.projects.map((p) => p.title), REGISTRY_SHEET]);
    const p11 = s.sheets.find((x) => x.name === '项目十一')!;
    const g = gridOf(p11);
    expect(g.get(0, 0)!.text).toBe('项目十一');
    const headingRow = p11.cells.find((c) => c.text === '六、资金安排情况')!.row;
    const top = headingRow + 1;
    expect(g.get(top, 0)!.text).toBe('学校代码（10位代码）');
    expect(g.get(top, 2)!.text).toBe('项目建设计划');
    expect(g.get(top + 1, 4)!.text).toBe('资金需求（万元）');
    expect([4, 5, 6, 7, 8, 9].map((c) => g.get(top + 2, c)!.text)).toEqual(['小计', '中央', '省级', '州市', '县（市、区）', '其它']);
    expect(p11.merges).toEqual(
      expect.arrayContaining([
        { top, left: 0, bottom: top + 2, right: 0 },
        { top, left: 1, bottom: top + 2, right: 1 },
        { top, left: 2, bottom: top, right: 9 },
        { top, left: 10, bottom: top + 2, right: 10 },
        { top: top + 1, left: 2, bottom: top + 2, right: 2 },
        { top: top + 1, left: 3, bottom: top + 2, right: 3 },
        { top: top + 1, left: 4, bottom: top + 1, right: 9 },
      ]),
    );
    expect(g.row(top + 3).map((c) => c.value)).toEqual([1, 2, 3, 4, 7, 8, 9, 10, 11, 12, 14]);
    const total = g.row(top + 4);
    expect(total.map((c) => [c.col, c.value])).toEqual([
      [0, '合计'],
      [3, 232],
      [4, 723.84],
      [8, 723.84],
    ]);
    const first = g.get(top + 5, 1)!;
    expect(first.text).toBe('玉溪市江川区第一中学');
    expect(g.get(top + 5, 0)).toBeUndefined(); // no code
    expect(g.get(top + 8, 0)).toMatchObject({ kind: 'text', value: '2153030929 ', numFmt: '@' });
    const fifteen = p11.cells.find((c) => c.value === 15.6)!;
    expect(fifteen).toMatchObject({ kind: 'number', text: '15.60', numFmt: '0.00' });
    // then the next heading after one empty row
    expect(g.get(top + 5 + 27 + 1, 0)!.text).toBe('七、项目实施计划');
  });

  it('twoColumn: label in A, content in one multi-line B cell; the table on 学校明细表', () => {
    const s = layouts.twoColumn;
    expect(s.sheets.map((x) => x.name)).toContain(TABLE_SHEET);
    const p1 = gridOf(s.sheets.find((x) => x.name === '项目一')!);
    expect(p1.get(3, 0)!.text).toBe('项目实施单位');
    expect(String(p1.get(5, 1)!.value).split('\n')).toEqual(doc.projects[0]!.sections[4]!.paragraphs);
    const p11 = gridOf(s.sheets.find((x) => x.name === '项目十一')!);
    expect(p11.get(6, 1)!.text).toBe(TABLE_REFERENCE);
    const t = s.sheets.find((x) => x.name === TABLE_SHEET)!;
    expect(t.cells.filter((c) => c.text.startsWith('玉溪市江川区') && c.col === 1)).toHaveLength(27);
  });

  it('oneSheet: all projects on one sheet in order', () => {
    const s = layouts.oneSheet;
    expect(s.sheets.map((x) => x.name)).toEqual([COVER_SHEET, ONE_SHEET, REGISTRY_SHEET]);
    const titles = s.sheets[1]!.cells.filter((c) => /^项目[一二三四五六七八九十]+$/.test(c.text)).map((c) => c.text);
    expect(titles).toEqual(doc.projects.map((p) => p.title));
  });
});

describe('school registry', () => {
  const rows = registryRows(table);
  it('covers every school of the table, short names with their 乡镇, plus the decoy', () => {
    expect(rows).toHaveLength(28);
    const prefix = '玉溪市江川区';
    for (const r of table.rows) {
      const rest = r.name.slice(prefix.length);
      const hits = rows.filter((e) => e.name === rest || e.town + e.name === rest || (rest === '螺蛳铺中学' && e.name === rest));
      expect(hits, r.name).toHaveLength(1);
      if (r.code.trim()) expect(hits[0]!.code).toBe(r.code.trim());
    }
    expect(rows.find((r) => r.name === '大街小学')).toMatchObject({ town: '大街街道', code: '2153005307' });
    expect(rows.find((r) => r.name === '大街中心小学')).toMatchObject({ town: '大街街道' });
    expect(rows.find((r) => r.name === '螺蛳铺中学')).toMatchObject({ town: '大街街道', code: '3153001865' });
    expect(rows.find((r) => r.name === '第一中学')).toMatchObject({ town: '' });
  });
  it('invents well-formed codes for the five empty ones, marked 虚构示例数据, all distinct', () => {
    const invented = rows.filter((r) => r.note.startsWith('虚构示例数据'));
    expect(invented.map((r) => [r.name, r.code.slice(0, 4)])).toEqual([
      ['第一中学', '3453'],
      ['第二中学', '3153'],
      ['职业中学', '3653'],
      ['第一幼儿园', '1153'],
      ['第二幼儿园', '1153'],
      ['大街中心小学', '2153'],
    ]);
    for (const r of rows) expect(r.code).toMatch(/^\d{10}$/);
    expect(new Set(rows.map((r) => r.code)).size).toBe(rows.length);
  });
});

describe('seed .xlsx files', () => {
  it.each(OUTPUTS.map((o) => [o.file, o] as const))('%s is up to date (rebuilding gives the same bytes)', async (file, o) => {
    const built = await bookToXlsx(o.book(text));
    const again = await bookToXlsx(o.book(text));
    expect(Buffer.from(built).equals(Buffer.from(again))).toBe(true);
    expect(Buffer.from(readFileSync(join(SEEDS_DIR, file))).equals(Buffer.from(built))).toBe(true);
  });

  it('jiangchuan-2023.xlsx reads back with codes as text, money as numbers formatted 0.00, merges', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(SEEDS_DIR, 'jiangchuan-2023.xlsx')) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('项目十一')!;
    const snap = perSheet(doc).sheets.find((s) => s.name === '项目十一')!;
    const check = (c: Cell): void => {
      const x = ws.getCell(c.row + 1, c.col + 1);
      expect(x.value).toBe(c.value);
      if (c.numFmt) expect(x.numFmt).toBe(c.numFmt);
    };
    snap.cells.forEach(check);
    expect(wb.getWorksheet(COVER_SHEET)!.getCell('A1').value).toBe(doc.title);
    expect(ws.model.merges.length).toBe(snap.merges.length);
  });
});

describe('seed .xlsx files read back (src/hosts/xlsx/read) into exactly the pure snapshots', () => {
  const layouts: Record<string, (d: typeof doc) => WorkbookSnapshot> = {
    'jiangchuan-2023.xlsx': perSheet,
    'jiangchuan-2023-two-column.xlsx': twoColumn,
    'jiangchuan-2023-one-sheet.xlsx': oneSheet,
  };
  it.each(Object.keys(layouts))('%s', (file) => {
    const read = readXlsx(new Uint8Array(readFileSync(join(SEEDS_DIR, file))));
    if (!read.ok) throw new Error(`${file}: ${read.error.message}`);
    const mine = layouts[file]!(doc);
    expect(read.snapshot.sheets.map((s) => s.name)).toEqual(mine.sheets.map((s) => s.name));
    const pick = (c: Cell): unknown => [c.row, c.col, c.kind, c.value, c.text, c.numFmt ?? ''];
    const box = (m: { top: number; left: number; bottom: number; right: number }): string => `${m.top},${m.left},${m.bottom},${m.right}`;
    for (const s of mine.sheets) {
      const theirs = read.snapshot.sheets.find((x) => x.name === s.name)!;
      expect(theirs.cells.filter((c) => c.kind !== 'empty').map(pick), s.name).toEqual(s.cells.map(pick));
      expect(theirs.merges.map(box).sort(), s.name).toEqual(s.merges.map(box).sort());
    }
  });
});
