// @vitest-environment jsdom
/**
 * 导出公开文本 in the pane: disabled before a check; with errors the dialog lists them and only
 * 仍然导出 calls the exporter; without errors it exports at once; the normalisations are listed.
 * The exporter and the download are injected, so no docx is needed here.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { Pane, type PaneProps } from '../../src/taskpane/App';
import type { DocxExporter } from '../../src/taskpane/components/ExportPanel';
import type { DisclosureDocument } from '../../src/core/model';
import type { Normalisation } from '../../src/core/export/types';
import { workbookBaseName } from '../../src/taskpane/download';
import { FINDINGS, fakeHost, finding, resultOf } from './fixtures';

afterEach(cleanup);

function show(props: PaneProps) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <Pane {...props} />
    </FluentProvider>,
  );
}

const CHANGES: Normalisation[] = [
  {
    kind: 'heading',
    project: '项目一',
    ref: { sheet: '项目一', row: 2, col: 0 },
    before: '项目实施单位',
    after: '三、项目实施单位',
    zh: '标题按标准写',
    en: 'Heading in the standard form',
  },
  {
    kind: 'punctuation',
    project: '项目一',
    ref: { sheet: '项目一', row: 5, col: 0 },
    before: '打印班,1个',
    after: '打印班，1个',
    zh: '中文之间的半角标点改为全角',
    en: 'Half-width punctuation between Chinese made full-width',
  },
];

function fakeExporter() {
  const calls: DisclosureDocument[] = [];
  const exporter: DocxExporter = async (doc) => {
    calls.push(doc);
    return { bytes: new Uint8Array([0x50, 0x4b, 3, 4]), model: { normalisations: CHANGES } };
  };
  return { exporter, calls };
}

function fakeSave() {
  const saved: { name: string; size: number; type: string }[] = [];
  return {
    saved,
    save: (name: string, data: Uint8Array | string, type: string) => {
      saved.push({ name, size: typeof data === 'string' ? data.length : data.length, type });
    },
  };
}

const exportButton = () => screen.getByRole('button', { name: /^(导出公开文本|正在导出…|Export disclosure document)$/ });
const checkButton = () => screen.getByRole('button', { name: /^(检查|重新检查)$/ });

describe('导出公开文本', () => {
  it('is there but disabled before a check, and on the standalone page before a workbook is opened', () => {
    const { exporter, calls } = fakeExporter();
    show({ host: fakeHost(), lang: 'zh', exportDocx: exporter });
    expect((exportButton() as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(exportButton());
    expect(calls).toHaveLength(0);
    cleanup();
    show({ host: null, lang: 'zh', exportDocx: exporter });
    expect((exportButton() as HTMLButtonElement).disabled).toBe(true);
  });

  it('with fillable errors: 全部填入 is the primary choice and opens the fill confirmation; 仍然导出 is secondary', async () => {
    const { exporter, calls } = fakeExporter();
    show({ host: fakeHost(), lang: 'zh', exportDocx: exporter });
    fireEvent.click(checkButton());
    await screen.findByTestId('summary');
    await waitFor(() => expect((exportButton() as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(exportButton());
    const dialog = await screen.findByRole('dialog');
    const buttons = within(dialog)
      .getAllByRole('button', { hidden: true })
      .filter((b) => b.hasAttribute('data-appearance'));
    expect(buttons.map((b) => [b.textContent, b.getAttribute('data-appearance')])).toEqual([
      ['全部填入（1）', 'primary'],
      ['先修正', 'secondary'],
      ['仍然导出', 'secondary'],
    ]);
    fireEvent.click(within(dialog).getByRole('button', { name: '全部填入（1）', hidden: true }));
    await waitFor(() => expect(document.querySelector('[role=dialog] [data-fix="学校!B5"]')).not.toBeNull());
    expect(calls).toHaveLength(0);
  });

  it('with errors none can fill: 先修正 is primary, closes the dialog and shows the errors only', async () => {
    const { exporter, calls } = fakeExporter();
    show({ host: fakeHost({ findings: FINDINGS.filter((f) => !f.fix) }), lang: 'zh', exportDocx: exporter });
    fireEvent.click(checkButton());
    await screen.findByTestId('summary');
    await waitFor(() => expect((exportButton() as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(exportButton());
    const dialog = await screen.findByRole('dialog');
    // jsdom may read the surface as aria-hidden (tabster's modalizer, under load): roles are queried with hidden included
    expect(within(dialog).getByRole('button', { name: '先修正', hidden: true }).getAttribute('data-appearance')).toBe('primary');
    expect(within(dialog).getByRole('button', { name: '仍然导出', hidden: true }).getAttribute('data-appearance')).toBe('secondary');
    fireEvent.click(within(dialog).getByRole('button', { name: '先修正', hidden: true }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(calls).toHaveLength(0);
    expect([...document.querySelectorAll('[data-finding]')].every((e) => e.getAttribute('data-rule') !== 'placeholder-text')).toBe(true);
    expect(screen.getByText(/只显示错误/)).toBeTruthy();
  });

  it('with errors: the dialog lists them; 先修正 writes nothing', async () => {
    const { exporter, calls } = fakeExporter();
    const { save, saved } = fakeSave();
    show({ host: fakeHost(), lang: 'zh', exportDocx: exporter, save, workbookName: () => '江川区' });
    fireEvent.click(checkButton());
    await screen.findByTestId('summary');
    await waitFor(() => expect((exportButton() as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(exportButton());
    const dialog = await screen.findByRole('dialog');
    // FINDINGS: 3 errors, 1 warning, 1 info; the dialog lists the errors only
    expect(within(dialog).getByText('仍有 3 个错误')).toBeTruthy();
    const items = within(dialog).getByTestId('export-errors').querySelectorAll('li');
    expect(items).toHaveLength(3);
    expect(items[0]!.textContent).toContain('合计 120.00 万元与各项之和 110.00 万元不符');
    expect(items[0]!.textContent).toContain('项目一 · 项目!A7');
    expect(within(dialog).getByText('江川区大街中心小学缺少学校代码')).toBeTruthy();
    expect(within(dialog).queryByText('文本中留有占位符“XX”')).toBeNull();
    fireEvent.click(within(dialog).getByText('先修正').closest('button')!);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(calls).toHaveLength(0);
    expect(saved).toEqual([]);
  });

  it("with errors: 仍然导出 calls the exporter with the check's document and downloads <name>-公开文本.docx", async () => {
    const { exporter, calls } = fakeExporter();
    const { save, saved } = fakeSave();
    const host = fakeHost();
    show({ host, lang: 'zh', exportDocx: exporter, save, workbookName: async () => '江川区2023' });
    fireEvent.click(checkButton());
    await screen.findByTestId('summary');
    fireEvent.click(exportButton());
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByText('仍然导出').closest('button')!);
    await screen.findByText(/^已导出 江川区2023-公开文本.docx。/);
    expect(calls).toHaveLength(1);
    expect(saved).toEqual([
      { name: '江川区2023-公开文本.docx', size: 4, type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
    ]);
    // inside Excel the message says what to do if the host blocked the download
    expect(screen.getByText(/如果没有出现下载/)).toBeTruthy();
    // every change is listed, collapsed under its count
    const changes = screen.getByTestId('export-changes');
    expect(changes.tagName).toBe('DETAILS');
    expect(within(changes).getByText('导出时做了 2 处格式规范（措辞未改）')).toBeTruthy();
    const rows = within(changes).getAllByRole('listitem');
    expect(rows).toHaveLength(2);
    expect(rows[0]!.textContent).toContain('项目一!A3');
    expect(rows[0]!.textContent).not.toContain('项目一 · ');
    expect(rows[0]!.textContent).toContain('标题按标准写');
    expect(rows[0]!.textContent).toContain('“项目实施单位” → “三、项目实施单位”');
    expect(rows[1]!.textContent).toContain('“打印班,1个” → “打印班，1个”');
  });

  it('without errors (explained errors do not count): exports at once, no dialog', async () => {
    const { exporter, calls } = fakeExporter();
    const { save, saved } = fakeSave();
    const explained = finding({
      rule: 'total-mismatch',
      project: '项目一',
      cell: 'A7',
      message: '合计不符',
      explanation: '已与财政局核对',
    });
    const warn = FINDINGS.find((f) => f.severity === 'warning')!;
    const host = fakeHost({ kind: 'file', outcome: { ok: true, result: resultOf([explained, warn]) } });
    show({ host, lang: 'zh', exportDocx: exporter, save, workbookName: () => null });
    fireEvent.click(checkButton());
    await screen.findByTestId('summary');
    fireEvent.click(exportButton());
    await screen.findByText('已导出 工作簿-公开文本.docx。');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(calls).toHaveLength(1);
    expect(saved.map((x) => x.name)).toEqual(['工作簿-公开文本.docx']);
    // the standalone page does not talk about Office blocking downloads
    expect(screen.queryByText(/如果没有出现下载/)).toBeNull();
  });

  it("the exporter gets the last check's document", async () => {
    const { exporter, calls } = fakeExporter();
    const result = resultOf([]);
    show({ host: fakeHost({ outcome: { ok: true, result } }), lang: 'en', exportDocx: exporter, save: fakeSave().save });
    fireEvent.click(screen.getByRole('button', { name: 'Check' }));
    await screen.findByTestId('summary');
    fireEvent.click(exportButton());
    await screen.findByText('Exported workbook-公开文本.docx.', { exact: false });
    expect(calls[0]).toBe(result.document);
  });

  it('a failing exporter gives one sentence, not a crash', async () => {
    const exporter: DocxExporter = async () => {
      throw new Error('boom');
    };
    const { save, saved } = fakeSave();
    show({ host: fakeHost({ findings: [] }), lang: 'zh', exportDocx: exporter, save });
    fireEvent.click(checkButton());
    await screen.findByTestId('summary');
    fireEvent.click(exportButton());
    expect((await screen.findByRole('alert')).textContent).toContain('导出 Word 文件时出错');
    expect(saved).toEqual([]);
  });

  it('shows text from the workbook as text, never as HTML', async () => {
    const { exporter } = fakeExporter();
    const evil = finding({ rule: 'placeholder-text', cell: 'A1', message: '<img src=x onerror=alert(1)>留有XX' });
    show({ host: fakeHost({ findings: [evil] }), lang: 'zh', exportDocx: exporter, save: fakeSave().save });
    fireEvent.click(checkButton());
    await screen.findByTestId('summary');
    fireEvent.click(exportButton());
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('<img src=x onerror=alert(1)>留有XX')).toBeTruthy();
    expect(dialog.querySelector('img')).toBeNull();
  });
});

describe('workbookBaseName', () => {
  it('drops the folder, the extension and URL escapes', () => {
    expect(workbookBaseName('jiangchuan-2023.xlsx')).toBe('jiangchuan-2023');
    expect(workbookBaseName('C:\\预算\\江川区 2023.XLSX')).toBe('江川区 2023');
    expect(workbookBaseName('https://x.sharepoint.com/Docs/%E9%A2%84%E7%AE%97.xlsx')).toBe('预算');
    expect(workbookBaseName('bad%E9.xlsx')).toBe('bad%E9');
  });
});
