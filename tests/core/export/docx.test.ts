/**
 * The Word file: structure (unzipped XML) and a LibreOffice round trip (soffice --convert-to txt),
 * paragraph for paragraph against the seed text after the listed normalisations.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { SEED_TEXT } from '../../../seeds/build/build';
import { perSheet } from '../../../seeds/build/layouts';
import { parseSeed } from '../../../seeds/build/parse';
import { buildDocument } from '../../../src/core/document';
import { buildExportModel } from '../../../src/core/export';
import { exportDocx, exportDocxWithModel } from '../../../src/hosts/docx/write';

const DATE = new Date('2023-03-01T00:00:00Z');
const seed = parseSeed(readFileSync(SEED_TEXT, 'utf8'));
const document = buildDocument(perSheet(seed));
const HEADINGS = [
  '一、项目名称',
  '二、立项依据',
  '三、项目实施单位',
  '四、项目基本概况',
  '五、项目实施内容',
  '六、资金安排情况',
  '七、项目实施计划',
  '八、项目实施成效',
];

let bytes: Uint8Array;
let xml: Record<string, string>;
beforeAll(async () => {
  bytes = await exportDocx(document, { date: DATE });
  const files = unzipSync(bytes);
  xml = Object.fromEntries(
    Object.entries(files)
      .filter(([n]) => n.endsWith('.xml'))
      .map(([n, d]) => [n, strFromU8(d)]),
  );
});

describe('exportDocx: the .docx package', () => {
  it('the writer runs in the browser too: it imports only docx, fflate and the core', () => {
    const src = readFileSync(join(__dirname, '../../../src/hosts/docx/write.ts'), 'utf8');
    const specs = [...src.matchAll(/from '([^']+)'/g)].map((m) => m[1]!);
    expect(specs.filter((s) => !s.startsWith('../../core/'))).toEqual(['docx', 'fflate', './template']);
  });

  it('exportDocxWithModel returns the same bytes and the list of normalisations', async () => {
    const { bytes: b, model } = await exportDocxWithModel(document, { date: DATE });
    expect(Buffer.from(b).equals(Buffer.from(bytes))).toBe(true);
    expect(model.normalisations.length).toBeGreaterThan(0);
  });

  it('is a Word package, reproducible with a fixed date', async () => {
    expect(Object.keys(xml)).toEqual(
      expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'word/styles.xml', 'word/fontTable.xml']),
    );
    const again = await exportDocx(document, { date: DATE });
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
    expect(xml['docProps/core.xml']).toContain('2023-03-01T00:00:00Z');
    expect(xml['docProps/core.xml']).toContain('<dc:title>江川区教育体育局2023年预算重点领域财政项目文本公开</dc:title>');
  });

  it('A4 page, Title / Heading1 / Heading2 styles with the Chinese fonts and their fallbacks', () => {
    const doc = xml['word/document.xml']!;
    expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const styles = xml['word/styles.xml']!;
    const style = (id: string): string =>
      styles.slice(styles.indexOf(`w:styleId="${id}"`), styles.indexOf('</w:style>', styles.indexOf(`w:styleId="${id}"`)));
    expect(style('Title')).toContain('w:eastAsia="方正小标宋简体"');
    expect(style('Title')).toContain('<w:jc w:val="center"/>');
    expect(style('Heading1')).toContain('w:eastAsia="黑体"');
    expect(style('Heading2')).toContain('w:eastAsia="黑体"');
    expect(styles).toContain('w:eastAsia="仿宋_GB2312"');
    const fonts = xml['word/fontTable.xml']!;
    expect(fonts).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>');
    expect(fonts).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/>');
    expect(fonts).toContain('<w:font w:name="黑体"><w:altName w:val="SimHei"/>');
    // 1 title + 16 project headings + 128 section headings
    expect(doc.match(/<w:pStyle w:val="Title"\/>/g)).toHaveLength(1);
    expect(doc.match(/<w:pStyle w:val="Heading1"\/>/g)).toHaveLength(16);
    expect(doc.match(/<w:pStyle w:val="Heading2"\/>/g)).toHaveLength(128);
  });

  it('one bordered table whose four header rows repeat on each page, with merges', () => {
    const doc = xml['word/document.xml']!;
    expect(doc.match(/<w:tbl>/g)).toHaveLength(1);
    expect(doc.match(/<w:tblHeader\/>|<w:tblHeader w:val="(true|1|on)"\/>/g)).toHaveLength(4);
    expect(doc).toContain('<w:tblBorders>');
    expect(doc.match(/<w:gridSpan w:val="8"\/>/g)).toHaveLength(1);
    expect(doc.match(/<w:gridSpan w:val="6"\/>/g)).toHaveLength(1);
    expect(doc.match(/<w:vMerge w:val="restart"\/>/g)).toHaveLength(5);
    expect(doc.match(/<w:tr>|<w:tr /g)).toHaveLength(4 + 28);
  });
});

function soffice(args: string[], cwd: string): void {
  execFileSync('soffice', ['--headless', '-env:UserInstallation=file:///tmp/lo-export', ...args], {
    cwd,
    stdio: 'ignore',
    timeout: 120_000,
  });
}

describe('exportDocx: LibreOffice round trip', () => {
  let lines: string[];
  beforeAll(() => {
    const dir = mkdtempSync(join(tmpdir(), 'export-'));
    writeFileSync(join(dir, 'seed.docx'), bytes);
    soffice(['--convert-to', 'txt:Text', '--outdir', dir, join(dir, 'seed.docx')], dir);
    lines = readFileSync(join(dir, 'seed.txt'), 'utf8')
      .replace(/^\ufeff/, '')
      .split(/\r?\n/);
  });

  it('gives, paragraph for paragraph, the seed text after the listed normalisations', () => {
    const model = buildExportModel(document);
    const listed = new Map(
      model.normalisations.filter((n) => n.kind === 'spacing' || n.kind === 'punctuation').map((n) => [n.before, n.after]),
    );
    const expected = [
      seed.title,
      ...seed.projects.flatMap((p) => [
        p.title,
        ...p.sections.flatMap((s, i) => [HEADINGS[i]!, ...s.paragraphs.map((t) => listed.get(t) ?? t)]),
      ]),
    ];
    // the table's cells come out one a line: drop them (checked below), keep the text
    const start = lines.indexOf('学校代码（10位代码）');
    const end = lines.indexOf('七、项目实施计划', start);
    expect(start).toBeGreaterThan(0);
    const text = [...lines.slice(0, start), ...lines.slice(end)].filter((l) => l.trim() !== '');
    expect(text).toEqual(expected);
  });

  it('has the school table: headers, column numbers, 合计 then 27 schools', () => {
    const start = lines.indexOf('学校代码（10位代码）');
    const end = lines.indexOf('七、项目实施计划', start);
    const cells = lines.slice(start, end);
    for (const h of [
      '学校名称（市+县+乡+校名）',
      '项目建设计划',
      '备注',
      '项目名称',
      '保安数量（人）',
      '资金需求（万元）',
      '小计',
      '中央',
      '省级',
      '州市',
      '县（市、区）',
      '其它',
    ]) {
      expect(cells).toContain(h);
    }
    const schools = cells.filter((c) => c.startsWith('玉溪市江川区'));
    expect(schools).toHaveLength(27);
    expect(schools).toEqual(seed.projects[10]!.sections[5]!.table!.rows.map((r) => r.name));
    const total = cells.indexOf('合计');
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThan(cells.indexOf(schools[0]!));
    expect(cells.slice(total, total + 11)).toEqual(['合计', '', '', '232', '723.84', '', '', '', '723.84', '', '']);
    expect(cells.filter((c) => c === '合计')).toHaveLength(1);
    expect(cells).toContain('2153030929');
    expect(cells).not.toContain('2153030929 ');
  });
});
