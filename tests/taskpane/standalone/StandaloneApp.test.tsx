// @vitest-environment jsdom
/**
 * The standalone page over an in-process workbook worker: opening shows its phases with a bar
 * and can be cancelled; fills and 说明 made in the page are unsaved until the annotated copy is
 * downloaded — leaving asks (beforeunload), opening another workbook asks in the page.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { StandaloneApp, type StandaloneAppProps } from '../../../src/taskpane/standalone/StandaloneApp';
import { inProcessWorker, type InProcessWorker } from './inProcessWorker';
import { ruleById } from '../../../src/core/rules/index';

afterEach(cleanup);

const SAMPLE = readFileSync('seeds/jiangchuan-2023.xlsx');
const SEED_DOCX = readFileSync('seeds/jiangchuan-2023.docx');
const SEED_TXT = readFileSync('seeds/jiangchuan-edu-2023-key-projects.txt');

function page(extra: Partial<StandaloneAppProps> = {}) {
  const workers: InProcessWorker[] = [];
  const saved: { name: string; data: Uint8Array | string }[] = [];
  const unload = new EventTarget();
  const props: StandaloneAppProps = {
    lang: 'zh',
    sampleUrl: 'seeds/jiangchuan-2023.xlsx',
    fetchSample: async () => new Blob([SAMPLE]),
    spawnWorker: () => {
      const w = inProcessWorker();
      workers.push(w);
      return w;
    },
    save: (name, data) => void saved.push({ name, data }),
    unloadTarget: unload,
    ...extra,
  };
  render(
    <FluentProvider theme={webLightTheme}>
      <StandaloneApp {...props} />
    </FluentProvider>,
  );
  /** Whether leaving now would ask (the beforeunload event is cancelled). */
  const leavingAsks = () => {
    const e = new Event('beforeunload', { cancelable: true });
    unload.dispatchEvent(e);
    return e.defaultPrevented;
  };
  return { workers, saved, leavingAsks };
}

function choose(name: string, bytes: Uint8Array = SAMPLE) {
  const input = screen.getByTestId<HTMLInputElement>('file-input');
  fireEvent.change(input, { target: { files: [new File([bytes.slice()], name)] } });
}

const summary = () => screen.findByTestId('summary', {}, { timeout: 30_000 });

describe('opening a workbook', () => {
  it('shows 正在读取文件… then 正在检查… with a bar of two steps; 取消 leaves the page as it was', async () => {
    const p = page({
      spawnWorker: () => {
        const w = inProcessWorker();
        w.hold(); // phases arrive, the answer waits
        p.workers.push(w);
        return w;
      },
    });
    choose('预算.xlsx');
    const bar = await screen.findByRole('progressbar');
    await waitFor(() => expect(screen.getByTestId('progress-phase').textContent).toBe('正在检查…'), { timeout: 30_000 });
    expect(bar.getAttribute('aria-valuetext')).toBe('正在检查… 第 2 步，共 2 步');
    expect(bar.getAttribute('aria-valuenow')).toBe('1');
    // the pane's actions wait while the workbook is opened
    expect(screen.getByRole<HTMLButtonElement>('button', { name: '示例工作簿' }).disabled).toBe(true);
    fireEvent.click(within(screen.getByTestId('progress')).getByRole('button', { name: '取消' }));
    expect(screen.queryByTestId('progress')).toBeNull();
    expect(p.workers[0]!.terminated).toBe(true);
    p.workers[0]!.release();
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByTestId('summary')).toBeNull();
    expect(screen.getByText('还没有检查')).toBeTruthy();
  });

  it("取消 while another workbook is opened: the sample's findings stay, each rule named from the result (not its id)", async () => {
    let n = 0;
    const p = page({
      spawnWorker: () => {
        const w = inProcessWorker();
        if (n++ > 0) w.hold(); // the second workbook's answer waits
        p.workers.push(w);
        return w;
      },
    });
    fireEvent.click(screen.getByRole('button', { name: '示例工作簿' }));
    await summary();
    const named = () =>
      [...document.querySelectorAll<HTMLElement>('h3[title]')].map((h) => ({ text: h.textContent, title: h.getAttribute('title') }));
    const before = named();
    expect(before.length).toBeGreaterThan(0);
    for (const h of before) {
      const id = h.title!.split('：')[0]!;
      // the Chinese name in the heading, the id and description in its tooltip
      expect(h.text).toBe(ruleById(id)!.meta.name.zh);
      expect(h.title).toBe(`${id}：${ruleById(id)!.meta.description.zh}`);
    }
    choose('大.xlsx');
    await waitFor(() => expect(screen.getByTestId('progress-phase').textContent).toBe('正在检查…'), { timeout: 30_000 });
    fireEvent.click(within(screen.getByTestId('progress')).getByRole('button', { name: '取消' }));
    p.workers[1]!.release();
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.getByText('当前文件：jiangchuan-2023.xlsx')).toBeTruthy();
    expect(named()).toEqual(before);
  });

  it('a second file chosen while the first is opening: the first is abandoned, its worker ended', async () => {
    let first = true;
    const p = page({
      spawnWorker: () => {
        const w = inProcessWorker();
        if (first) w.hold();
        first = false;
        p.workers.push(w);
        return w;
      },
    });
    choose('慢.xlsx');
    await screen.findByTestId('progress');
    // a drop still reaches the page while the buttons wait
    fireEvent.drop(screen.getByTestId('dropzone'), { dataTransfer: { files: [new File([SAMPLE.subarray()], '快.xlsx')] } });
    await screen.findByText('当前文件：快.xlsx', {}, { timeout: 30_000 });
    expect(p.workers.map((w) => w.terminated)).toEqual([true, false]);
    p.workers[0]!.release();
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.getByText('当前文件：快.xlsx')).toBeTruthy();
  });

  it("opens and checks in the worker; a file that is not a workbook gets the CLI's sentence and no findings", async () => {
    const p = page();
    choose('预算.xlsm');
    expect((await summary()).textContent).toMatch(/^\d+错误/);
    expect(screen.getByText('当前文件：预算.xlsm')).toBeTruthy();
    choose('坏.xlsx', new TextEncoder().encode('not a workbook'));
    expect((await screen.findByRole('alert', {}, { timeout: 30_000 })).textContent).toContain('坏.xlsx：不是 Excel 工作簿（.xlsx）文件');
    expect(screen.queryByTestId('summary')).toBeNull();
    // the first workbook's worker ended with it
    expect(p.workers.map((w) => w.terminated)).toEqual([true, true]);
  });
});

describe('the CSV export', () => {
  it("has a row for each hidden sheet that was not checked, as the CLI's CSV (rule hidden-sheet)", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(SAMPLE as unknown as ArrayBuffer);
    wb.addWorksheet('旧版', { state: 'hidden' }).getCell(1, 1).value = '项目一';
    const p = page();
    choose('有隐藏.xlsx', new Uint8Array(await wb.xlsx.writeBuffer()));
    await summary();
    fireEvent.click(screen.getByRole('button', { name: '导出CSV' }));
    const csv = p.saved.at(-1)!;
    expect(csv.name).toBe('有隐藏.检查结果.csv');
    const rows = String(csv.data).trimEnd().split('\r\n');
    expect(rows.at(-1)).toBe(
      '有隐藏.xlsx,未检查的隐藏工作表,提示,旧版,,,,,隐藏的工作表，未检查（取消隐藏后再检查即可检查其内容）,,,,,hidden-sheet',
    );
    expect(rows.filter((r) => r.endsWith(',hidden-sheet'))).toHaveLength(1);
  });
});

describe('the cell preview', () => {
  it('a finding chosen shows its cell in the sticky preview, and the page’s scroll-padding-top keeps scrolled-to rows below it', async () => {
    page();
    choose('预算.xlsx');
    await summary();
    expect(document.documentElement.style.scrollPaddingTop).toBe('');
    fireEvent.click(screen.getAllByRole('button', { name: /^定位到 / })[0]!);
    const preview = await screen.findByTestId('preview');
    // jsdom lays nothing out: the preview measures 0, plus the 8-px gap
    expect(preview.offsetHeight).toBe(0);
    expect(document.documentElement.style.scrollPaddingTop).toBe('8px');
    cleanup();
    expect(document.documentElement.style.scrollPaddingTop).toBe('');
  });
});

describe('nothing lost (fills and 说明 live only in the page)', () => {
  it('after a fill: leaving asks, opening another workbook asks in the page (取消 keeps it, 放弃 opens the other)', async () => {
    const p = page();
    choose('甲.xlsx');
    await summary();
    expect(p.leavingAsks()).toBe(false);
    fireEvent.click(screen.getAllByRole('button', { name: /填入 \d{10}/ })[0]!);
    await screen.findByText('已写入 1 个单元格。', {}, { timeout: 30_000 });
    expect(p.leavingAsks()).toBe(true);
    const download = screen.getByTestId('download-annotated');
    expect(download.textContent).toBe('下载标注副本（含本页 1 处修改）');
    expect(download.getAttribute('title')).toBe('标注副本包含在本页填入的 1 个值。');

    choose('乙.xlsx');
    const dialog = await screen.findByRole('alertdialog');
    expect(dialog.textContent).toContain('有未保存的修改');
    expect(dialog.textContent).toContain('在本页填入的 1 个值只保存在网页中');
    fireEvent.click(within(dialog).getByText('取消').closest('button')!);
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(screen.getByText('当前文件：甲.xlsx')).toBeTruthy();
    expect(p.workers).toHaveLength(1);

    // 示例工作簿 asks too
    fireEvent.click(screen.getByRole('button', { name: '示例工作簿' }));
    const again = await screen.findByRole('alertdialog');
    fireEvent.click(within(again).getByText('放弃修改，打开其他工作簿').closest('button')!);
    await screen.findByText('当前文件：jiangchuan-2023.xlsx', {}, { timeout: 30_000 });
    expect(p.leavingAsks()).toBe(false);
    expect(screen.getByTestId('download-annotated').textContent).toBe('下载标注副本');
  });

  it("the download holds the page's fills and 说明 and says so; afterwards nothing is unsaved", async () => {
    const p = page();
    choose('甲.xlsx');
    await summary();
    fireEvent.click(screen.getAllByRole('button', { name: /填入 \d{10}/ })[0]!);
    await screen.findByText('已写入 1 个单元格。', {}, { timeout: 30_000 });
    fireEvent.click(screen.getByTestId('download-annotated'));
    const note = await screen.findByTestId('download-note', {}, { timeout: 30_000 });
    expect(note.textContent).toBe('已下载 甲.标注.xlsx，其中包含在本页填入的 1 个值。原文件没有改动。');
    expect(p.saved.map((x) => x.name)).toEqual(['甲.标注.xlsx']);
    expect(p.leavingAsks()).toBe(false);
    // opening another workbook does not ask now
    choose('乙.xlsx');
    await screen.findByText('当前文件：乙.xlsx', {}, { timeout: 30_000 });
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('先下载标注副本 in the dialog downloads and stays on the workbook', async () => {
    const p = page();
    choose('甲.xlsx');
    await summary();
    fireEvent.click(screen.getAllByRole('button', { name: /填入 \d{10}/ })[0]!);
    await screen.findByText('已写入 1 个单元格。', {}, { timeout: 30_000 });
    choose('乙.xlsx');
    const dialog = await screen.findByRole('alertdialog');
    fireEvent.click(within(dialog).getByText('先下载标注副本').closest('button')!);
    await screen.findByTestId('download-note', {}, { timeout: 30_000 });
    expect(p.saved.map((x) => x.name)).toEqual(['甲.标注.xlsx']);
    expect(p.leavingAsks()).toBe(false);
    expect(screen.getByText('当前文件：甲.xlsx')).toBeTruthy();
  });
});

describe('a Word document or a text file (checked read-only, as the CLI checks one)', () => {
  it('the file picker takes .docx and .txt beside the workbooks', () => {
    page();
    const accept = screen.getByTestId<HTMLInputElement>('file-input').accept.split(',');
    expect(accept).toEqual(expect.arrayContaining(['.xlsx', '.xls', '.docx', '.txt', 'text/plain']));
  });

  it('a .docx: its findings by paragraph and table cell, the note that it gets no annotated copy, nothing to write', async () => {
    const p = page();
    // dropped, as a file from the desktop: known by its bytes
    fireEvent.drop(screen.getByTestId('dropzone'), { dataTransfer: { files: [new File([SEED_DOCX.subarray()], '江川区.docx')] } });
    expect((await summary()).textContent).toMatch(/^\d+错误/);
    expect(screen.getByText('当前文件：江川区.docx')).toBeTruthy();
    const places = [...document.querySelectorAll('[data-finding]')].map((e) => e.querySelector('button span:nth-child(2)')?.textContent);
    // the CLI's places for the same file (tests/cli/document.test.ts)
    expect(places).toContain('第38段');
    expect(places).toContain('表1第6行第1列');
    expect(places.some((x) => x?.includes('正文!'))).toBe(false);
    expect(screen.getAllByRole('button', { name: /^定位到第38段：/ }).length).toBeGreaterThan(0);
    expect(screen.getByTestId('document-note').textContent).toBe(
      '这是 Word 文档，已按原文只读检查，位置按第N段（表格按表T第R行第C列）给出。文档没有标注副本，也不能填入、写说明或导出公开文本：这些只适用于 Excel 工作簿。',
    );
    // nothing that writes: no annotated copy, no 填入, no 说明, no Word export, no 生成学校表
    expect(screen.queryByTestId('download-annotated')).toBeNull();
    expect(screen.queryByRole('button', { name: /^填入/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /添加说明/ })).toBeNull();
    expect(screen.queryByRole('button', { name: '导出公开文本' })).toBeNull();
    expect(screen.queryByRole('button', { name: '生成学校表' })).toBeNull();
    // the CSV export still works
    fireEvent.click(screen.getByRole('button', { name: '导出CSV' }));
    expect(p.saved.map((x) => x.name)).toEqual(['江川区.检查结果.csv']);
  });

  it('a .txt: by line, in English too', async () => {
    page({ lang: 'en' });
    choose('key-projects.txt', SEED_TXT);
    await summary();
    const places = [...document.querySelectorAll('[data-finding]')].map((e) => e.querySelector('button span:nth-child(2)')?.textContent);
    expect(places).toContain('line 14');
    expect(places).toContain('line 533');
    expect(screen.getByTestId('document-note').textContent).toMatch(
      /^This is a text file, checked read-only as written; places are given as line N\./,
    );
    expect(screen.queryByTestId('download-annotated')).toBeNull();
  });
});
