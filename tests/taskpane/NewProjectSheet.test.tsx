// @vitest-environment jsdom
/**
 * 新建项目表 in the pane: the dialog shows the new sheet's name and headings in the bureau's style;
 * 取消 adds nothing; 新建 hands the template to the host and checks again; a host refusal is one sentence.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { Pane } from '../../src/taskpane/App';
import { checkWorkbook } from '../../src/core/check';
import { readXlsx } from '../../src/hosts/xlsx/read';
import type { SheetTemplate } from '../../src/core/schools/template';
import { fakeHost } from './fixtures';

afterEach(cleanup);

const r = readXlsx(readFileSync(join(__dirname, '../../seeds/jiangchuan-2023.xlsx')));
if (!r.ok) throw new Error('seed');
const result = checkWorkbook({ snapshot: r.snapshot });

function hostWith(answer: { ok: true; sheet: string } | { ok: false; message: string }) {
  const added: SheetTemplate[] = [];
  const host = {
    ...fakeHost({ outcome: { ok: true, result } }),
    async addProjectSheet(t: SheetTemplate) {
      added.push(t);
      return answer;
    },
  };
  return { host, added };
}

async function checked(host: ReturnType<typeof hostWith>['host']) {
  render(
    <FluentProvider theme={webLightTheme}>
      <Pane host={host} lang="zh" />
    </FluentProvider>,
  );
  fireEvent.click(screen.getByRole('button', { name: /^检查$/ }));
  await screen.findByTestId('summary', undefined, { timeout: 15_000 });
}

describe('新建项目表', () => {
  it('shows 项目十七 with the headings as the sample writes them; 取消 adds nothing; 新建 adds it and checks again', async () => {
    const { host, added } = hostWith({ ok: true, sheet: '项目十七' });
    await checked(host);
    fireEvent.click(screen.getByTestId('new-project-sheet'));
    const dialog = await screen.findByRole('dialog', undefined, { timeout: 15_000 });
    expect(within(dialog).getByText('新建工作表“项目十七”')).toBeTruthy();
    const items = [...within(dialog).getByTestId('new-project-headings').querySelectorAll('li')].map((li) => li.textContent);
    expect(items).toEqual([
      '项目十七',
      '项目名称',
      '立项依据',
      '项目实施单位',
      '项目基本概况',
      '项目实施内容',
      '资金安排情况',
      '项目实施计划',
      '项目实施成效',
    ]);
    fireEvent.click(within(dialog).getByText('取消').closest('button')!);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(added).toEqual([]);
    const checks = host.calls.filter((c) => c === 'check').length;
    fireEvent.click(screen.getByTestId('new-project-sheet'));
    fireEvent.click(
      within(await screen.findByRole('dialog', undefined, { timeout: 15_000 }))
        .getByText('新建')
        .closest('button')!,
    );
    await screen.findByText(/^已新建工作表“项目十七”/, undefined, { timeout: 15_000 });
    expect(added).toHaveLength(1);
    expect(added[0]!.name).toBe('项目十七');
    expect(host.calls.filter((c) => c === 'check').length).toBe(checks + 1);
  });

  it('a host refusal: its sentence, no re-check', async () => {
    const { host } = hostWith({ ok: false, message: '无法新建工作表“项目十七”：工作簿受保护' });
    await checked(host);
    fireEvent.click(screen.getByTestId('new-project-sheet'));
    fireEvent.click(
      within(await screen.findByRole('dialog', undefined, { timeout: 15_000 }))
        .getByText('新建')
        .closest('button')!,
    );
    expect(await screen.findByText('无法新建工作表“项目十七”：工作簿受保护', undefined, { timeout: 15_000 })).toBeTruthy();
    expect(host.calls.filter((c) => c === 'check')).toHaveLength(1);
  });

  it('no button where the host cannot add sheets', async () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <Pane host={fakeHost({ outcome: { ok: true, result } })} lang="zh" />
      </FluentProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: /^检查$/ }));
    await screen.findByTestId('summary', undefined, { timeout: 15_000 });
    expect(screen.queryByTestId('new-project-sheet')).toBeNull();
  });
});
