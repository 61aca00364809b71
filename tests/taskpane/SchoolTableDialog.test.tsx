// @vitest-environment jsdom
/**
 * 生成学校表 in the pane (issue 15): the button opens the dialog (a lazy chunk), the list is the
 * selection or a chosen sheet and range, the preview shows every row with its code and what could not
 * be matched, nothing is written before 生成, and after it the pane checks again. The host is a
 * recording fake over the real core.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { Pane } from '../../src/taskpane/App';
import { createFileHost } from '../../src/taskpane/standalone/fileHost';
import type { PaneHost, SchoolTableHost } from '../../src/taskpane/host';
import { planSchoolTable, previewOf, type ListSource } from '../../src/core/schools/from-list';
import { templateToSheet } from '../../src/core/schools/template';
import { listSheet, sampleListRows, sampleSnapshot, withSheet } from '../core/schools/list-fixtures';

afterEach(cleanup);

function paneHost(selection: ListSource | null): { host: PaneHost; calls: string[] } {
  const file = createFileHost(withSheet(sampleSnapshot(), listSheet('保安名单', sampleListRows())), () => undefined);
  const calls: string[] = [];
  const table: SchoolTableHost = {
    sheets: async () => file.snapshot().sheets.map((s) => s.name),
    selection: async () => selection,
    async preview(source) {
      calls.push(`preview ${source.sheet}${source.range ? ' range' : ''}`);
      const r = planSchoolTable(file.snapshot(), source);
      return r.ok ? { ok: true, preview: previewOf(r.plan) } : { ok: false, message: r.message.zh };
    },
    async write(source) {
      calls.push(`write ${source.sheet}`);
      const r = planSchoolTable(file.snapshot(), source);
      if (!r.ok) return { ok: false, message: r.message.zh };
      file.addSheet(templateToSheet({ name: r.plan.sheetName, ...r.plan.template }));
      return { ok: true, sheet: r.plan.sheetName };
    },
  };
  return { host: Object.assign(Object.create(file) as PaneHost, file, { schoolTable: table }), calls };
}

describe('生成学校表 in the pane', () => {
  it('previews the list from the selection, writes only on confirmation, then checks again', async () => {
    const { host, calls } = paneHost({ sheet: '保安名单', range: { top: 0, left: 0, bottom: 29, right: 2 } });
    render(
      <FluentProvider theme={webLightTheme}>
        <Pane host={host} lang="zh" />
      </FluentProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: '生成学校表' }));
    const dialog = await screen.findByRole('dialog', {}, { timeout: 15_000 });
    await waitFor(() => expect(dialog.querySelector('select')!.value).not.toBe(''));
    // jsdom may read the surface as aria-hidden (tabster's modalizer, under load): roles are queried with hidden included
    expect(within(dialog).getByRole('combobox', { hidden: true }).querySelectorAll('option')[0]!.textContent).toBe(
      '当前选择的区域（保安名单!A1:C30）',
    );
    expect(
      within(dialog)
        .getByRole('button', { name: /生成到新工作表/, hidden: true })
        .hasAttribute('disabled'),
    ).toBe(true);
    fireEvent.click(within(dialog).getByRole('button', { name: '预览', hidden: true }));
    expect(
      await within(dialog).findByText('29 所学校，27 所已从学校名册填入代码，2 所未能匹配；名单单位“万元”，已换算为万元'),
    ).toBeTruthy();
    expect(within(dialog).getByText('“大街完小”不在学校名册中，未填代码')).toBeTruthy();
    expect(within(dialog).getAllByText('（未匹配）')).toHaveLength(2);
    expect(calls).toEqual(['preview 保安名单 range']);
    // (jsdom reads the dialog as hidden once its table is long: the button is found by its text)
    fireEvent.click(screen.getByText('生成到新工作表“学校明细表”'));
    expect(await screen.findByText('已生成工作表“学校明细表”，已重新检查。')).toBeTruthy();
    expect(calls).toEqual(['preview 保安名单 range', 'write 保安名单']);
    // the re-check shows the new table's two unmatched codes
    expect(screen.getAllByText(/玉溪市江川区大街完小 缺少学校代码/).length).toBeGreaterThan(0);
  });

  it('a sheet and a range typed by hand; a bad range or an unreadable list is one sentence', async () => {
    const { host, calls } = paneHost(null);
    render(
      <FluentProvider theme={webLightTheme}>
        <Pane host={host} lang="en" />
      </FluentProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Make school table' }));
    const dialog = await screen.findByRole('dialog', {}, { timeout: 15_000 });
    await waitFor(() => expect(dialog.querySelector('select')!.value).toBe('封面'));
    fireEvent.change(dialog.querySelector('select')!, { target: { value: '保安名单' } });
    fireEvent.change(dialog.querySelector('input')!, { target: { value: 'A1:?' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Preview' }));
    expect(await within(dialog).findByText('Write the range as A1:D40')).toBeTruthy();
    fireEvent.change(dialog.querySelector('select')!, { target: { value: '项目一' } });
    fireEvent.change(dialog.querySelector('input')!, { target: { value: 'a1:a3' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Preview' }));
    expect(await within(dialog).findByRole('alert')).toBeTruthy();
    expect(calls).toEqual(['preview 项目一 range']);
  });
});

describe('生成学校表 below a project’s text', () => {
  it('offers the projects’ sheets; the preview and the write go to the one chosen, and the button and notice say where', async () => {
    const file = createFileHost(withSheet(sampleSnapshot(), listSheet('保安名单', sampleListRows())), () => undefined);
    const calls: string[] = [];
    const table: SchoolTableHost = {
      sheets: async () => file.snapshot().sheets.map((s) => s.name),
      async preview(source, _request, place) {
        calls.push(`preview ${place?.into ?? 'new'}`);
        const r = planSchoolTable(file.snapshot(), source, place?.into === undefined ? {} : { into: place.into });
        return r.ok ? { ok: true, preview: previewOf(r.plan) } : { ok: false, message: r.message.zh };
      },
      async write(source, _request, place) {
        calls.push(`write ${place?.into ?? 'new'}`);
        const r = planSchoolTable(file.snapshot(), source, place?.into === undefined ? {} : { into: place.into });
        if (!r.ok) return { ok: false, message: r.message.zh };
        file.writeInto(r.plan.sheetName, templateToSheet({ name: r.plan.sheetName, ...r.plan.template }));
        return { ok: true, sheet: r.plan.sheetName };
      },
    };
    const host = Object.assign(Object.create(file) as PaneHost, file, { schoolTable: table });
    render(
      <FluentProvider theme={webLightTheme}>
        <Pane host={host} lang="zh" />
      </FluentProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: /^检查$/ }));
    await screen.findByTestId('summary', undefined, { timeout: 15_000 });
    fireEvent.click(screen.getByRole('button', { name: '生成学校表' }));
    const dialog = await screen.findByRole('dialog', {}, { timeout: 15_000 });
    const place = await within(dialog).findByTestId('school-table-place');
    const options = [...place.querySelectorAll('option')].map((o) => o.textContent);
    expect(options[0]).toBe('新工作表');
    expect(options).toContain('“项目十六”的正文下方');
    await waitFor(() => expect(dialog.querySelector('select')!.value).not.toBe(''));
    fireEvent.change(dialog.querySelector('select')!, { target: { value: '保安名单' } });
    fireEvent.change(place, { target: { value: '项目十六' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '预览', hidden: true }));
    fireEvent.click(await screen.findByText('写入“项目十六”第 19 行起'));
    expect(await screen.findByText('学校表已写入工作表“项目十六”的正文下方，已重新检查。')).toBeTruthy();
    expect(calls).toEqual(['preview 项目十六', 'write 项目十六']);
    expect(
      file
        .snapshot()
        .sheets.find((s) => s.name === '项目十六')!
        .cells.some((c) => c.row === 18 && c.text === '学校代码（10位代码）'),
    ).toBe(true);
  });
});
