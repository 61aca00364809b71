// @vitest-environment jsdom
/**
 * 导出公开文本 → Word 模板 in the pane: a template chosen once is checked (what it gives, or one
 * sentence why not), remembered by the host's store and passed to every export; a remembered one
 * is there when the pane opens; 不用模板 forgets it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { Pane, type PaneProps } from '../../src/taskpane/App';
import type { DocxExporter, DocxExportOptions } from '../../src/taskpane/components/ExportPanel';
import type { DocxTemplateStore, StoredDocxTemplate } from '../../src/core/stored-template';
import { browserTemplateStore } from '../../src/taskpane/templateStore';
import { fakeHost, finding } from './fixtures';
import { minimalTemplate } from '../helpers/docx-template';

afterEach(cleanup);

const CLEAN = [finding({ rule: 'placeholder-text', severity: 'info', cell: 'A1', message: '文本中留有占位符“XX”' })];

function memoryStore(initial: StoredDocxTemplate | null = null) {
  const saves: (StoredDocxTemplate | null)[] = [];
  let kept = initial;
  const store: DocxTemplateStore = {
    async load() {
      return kept;
    },
    async save(t) {
      saves.push(t);
      kept = t;
      return true;
    },
  };
  return { store, saves };
}

function fakeExporter() {
  const calls: (DocxExportOptions | undefined)[] = [];
  const exporter: DocxExporter = async (_doc, options) => {
    calls.push(options);
    return { bytes: new Uint8Array([0x50, 0x4b, 3, 4]), model: { normalisations: [] } };
  };
  return { exporter, calls };
}

function show(props: PaneProps) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <Pane {...props} />
    </FluentProvider>,
  );
}

async function checked(props: Omit<PaneProps, 'lang'> & { lang?: PaneProps['lang'] }) {
  show({ lang: 'zh', save: () => undefined, ...props });
  fireEvent.click(screen.getByRole('button', { name: /^检查$/ }));
  await screen.findByTestId('summary', undefined, { timeout: 15_000 });
}

const exportButton = () => screen.getByRole('button', { name: /^导出公开文本$/ });
const choose = (name: string, bytes: Uint8Array) =>
  fireEvent.change(screen.getByTestId('export-template-input'), {
    target: { files: [new File([bytes as Uint8Array<ArrayBuffer>], name)] },
  });

describe('Word 模板', () => {
  it('chosen: checked (margins, footer, styles), remembered in the workbook, used by the export', async () => {
    const mem = memoryStore();
    const host = { ...fakeHost({ findings: CLEAN }), docxTemplate: mem.store };
    const { exporter, calls } = fakeExporter();
    await checked({ host, exportDocx: exporter });
    expect(screen.getByTestId('export-template-name').textContent).toBe('内置格式（公文格式，A4）');
    const tpl = minimalTemplate();
    choose('某县财政局模板.docx', tpl);
    const summary = await screen.findByTestId('export-template-summary', undefined, { timeout: 15_000 });
    expect(summary.textContent).toContain('页边距 上 2.5 下 2.0 左 4.0 右 1.5 厘米');
    expect(summary.textContent).toContain('沿用模板的页脚');
    expect(summary.textContent).toContain('3 种样式取自模板');
    expect(summary.textContent).toContain('模板已记在此工作簿中');
    expect(screen.getByTestId('export-template-name').textContent).toBe('某县财政局模板.docx');
    expect(mem.saves).toHaveLength(1);
    expect(mem.saves[0]!.name).toBe('某县财政局模板.docx');
    expect([...mem.saves[0]!.bytes]).toEqual([...tpl]);
    fireEvent.click(exportButton());
    await screen.findByText(/已按模板“某县财政局模板.docx”导出/, undefined, { timeout: 15_000 });
    expect(calls).toHaveLength(1);
    expect([...calls[0]!.template!]).toEqual([...tpl]);
  });

  it('a file that is not a Word template: one sentence, nothing remembered, the export stays built-in', async () => {
    const mem = memoryStore();
    const host = { ...fakeHost({ findings: CLEAN }), docxTemplate: mem.store };
    const { exporter, calls } = fakeExporter();
    await checked({ host, exportDocx: exporter });
    choose('说明.txt', new TextEncoder().encode('不是 Word 文件'));
    const error = await screen.findByTestId('export-template-error', undefined, { timeout: 15_000 });
    expect(error.textContent).toBe('Word 模板不是 .docx 或 .dotx 文件（旧版 .doc、.wps 或 .odt 请先在 Word 或 WPS 中另存为 .docx）');
    expect(mem.saves).toEqual([]);
    expect(screen.getByTestId('export-template-name').textContent).toBe('内置格式（公文格式，A4）');
    fireEvent.click(exportButton());
    await screen.findByText(/^已导出 /, undefined, { timeout: 15_000 });
    expect(calls).toEqual([undefined]);
  });

  it('remembered: there when the pane opens and used; 不用模板 forgets it', async () => {
    const tpl = minimalTemplate();
    const mem = memoryStore({ name: '局模板.docx', bytes: tpl });
    const host = { ...fakeHost({ findings: CLEAN }), docxTemplate: mem.store };
    const { exporter, calls } = fakeExporter();
    await checked({ host, exportDocx: exporter });
    await waitFor(() => expect(screen.getByTestId('export-template-name').textContent).toBe('局模板.docx'), { timeout: 15_000 });
    fireEvent.click(exportButton());
    await screen.findByText(/已按模板“局模板.docx”导出/, undefined, { timeout: 15_000 });
    expect([...calls[0]!.template!]).toEqual([...tpl]);
    fireEvent.click(screen.getByRole('button', { name: '不用模板' }));
    expect(screen.getByTestId('export-template-name').textContent).toBe('内置格式（公文格式，A4）');
    await waitFor(() => expect(mem.saves).toEqual([null]));
  });

  it('the standalone page keeps it in the browser storage (and says so)', async () => {
    const data = new Map<string, string>();
    const storage = {
      getItem: (k: string) => data.get(k) ?? null,
      setItem: (k: string, v: string) => void data.set(k, v),
      removeItem: (k: string) => void data.delete(k),
    };
    const { exporter } = fakeExporter();
    await checked({ host: fakeHost({ findings: CLEAN, kind: 'file' }), exportDocx: exporter, storage: storage as unknown as Storage });
    choose('局模板.docx', minimalTemplate());
    expect((await screen.findByTestId('export-template-summary', undefined, { timeout: 15_000 })).textContent).toContain(
      '模板已记在此浏览器中',
    );
    const again = await browserTemplateStore(storage).load();
    expect(again?.name).toBe('局模板.docx');
  });
});
