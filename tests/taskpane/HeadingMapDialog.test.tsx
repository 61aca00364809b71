// @vitest-environment jsdom
/**
 * 对应标题 (issue 12 §3): on a section-missing finding that names headings the reader did not
 * recognise, and on the nothing-to-check state, the pane maps a heading to a standard section;
 * the mapping is stored in the workbook (through the host's explain) and the workbook is checked
 * again. Runs the real core through the standalone page's file host.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { Pane } from '../../src/taskpane/App';
import { createFileHost } from '../../src/taskpane/standalone/fileHost';
import { checkWorkbook } from '../../src/core/check';
import type { WorkbookSnapshot } from '../../src/core/snapshot/types';

afterEach(cleanup);

function book(name: string, lines: string[]): WorkbookSnapshot {
  return {
    sheets: [
      {
        name,
        index: 0,
        visibility: 'visible',
        merges: [],
        cells: lines.map((text, row) => ({ row, col: 0, kind: 'text' as const, value: text, text })),
      },
    ],
  };
}

const PROJECT = [
  '项目一',
  '一、项目名称',
  '学生资助',
  '二、立项依据',
  '川财教〔2022〕45号',
  '三、项目实施单位',
  '县教育局',
  '四、项目基本情况',
  '（一）项目概况',
  '在园幼儿3500人。',
  '（二）资金及绩效',
  '安排资金420万元。',
  '五、项目实施内容',
  '减免保教费。',
  '六、项目实施计划',
  '春秋两季拨付。',
  '七、项目实施成效',
  '减轻家庭负担。',
];

const checkButton = () => screen.getByRole('button', { name: /^(检查|重新检查)$/ });

describe('对应标题', () => {
  it('on the finding: stores the mapping in the workbook and checks again, and the section is found', async () => {
    const host = createFileHost(book('项目一', PROJECT), () => undefined);
    render(
      <FluentProvider theme={webLightTheme}>
        <Pane host={host} lang="zh" />
      </FluentProvider>,
    );
    fireEvent.click(checkButton());
    expect(await screen.findByText('缺少“六、资金安排情况”部分；本项目有未识别的标题：“（二）资金及绩效”')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '对应标题' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.querySelectorAll('select')[0]!.value).toBe('0');
    // the sections offered are the missing one
    expect([...dialog.querySelectorAll('select')[1]!.querySelectorAll('option')].map((o) => o.textContent)).toEqual(['资金安排情况']);
    fireEvent.click(within(dialog).getByText('对应并重新检查'));
    expect(await screen.findByText('已把“（二）资金及绩效”对应到“资金安排情况”，并已重新检查。')).toBeTruthy();
    await waitFor(() => expect(screen.queryByText(/缺少“六、资金安排情况”部分/)).toBeNull());
    expect(host.explanations()).toEqual([
      {
        key: 'heading-map|资金及绩效',
        rule: 'heading-map',
        sheet: '项目一',
        cell: 'A11',
        text: 'funding',
        at: expect.any(String) as string,
      },
    ]);
    // the stored mapping is the workbook's: a plain check of the host's snapshot reads it too
    expect(checkWorkbook({ snapshot: host.snapshot() }).findings.filter((f) => f.rule === 'section-missing')).toEqual([]);
  });

  it('on nothing to check: lists the sheets and why, and maps one of their headings', async () => {
    const lines = [
      '一、项目名称',
      '学生资助',
      '二、经费保障',
      '安排资金10万元。',
      '三、工作安排',
      '春季拨付。',
      '四、预期效益',
      '减轻负担。',
    ];
    const host = createFileHost(book('Sheet1', lines), () => undefined);
    render(
      <FluentProvider theme={webLightTheme}>
        <Pane host={host} lang="zh" />
      </FluentProvider>,
    );
    fireEvent.click(checkButton());
    expect(await screen.findByText(/^没有可检查的内容：未找到项目文本/)).toBeTruthy();
    expect(
      screen.getByText(
        'Sheet1：只找到2个标准部分（“一、项目名称”、“四、预期效益”），一个项目至少需要3个；未识别的标题：“二、经费保障”、“三、工作安排”',
      ),
    ).toBeTruthy();
    expect(screen.queryByText('未发现问题')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '对应标题' }));
    const dialog = await screen.findByRole('dialog');
    // all eight sections are offered; choose 资金安排情况 for 二、经费保障
    fireEvent.change(dialog.querySelectorAll('select')[1]!, { target: { value: 'funding' } });
    fireEvent.click(within(dialog).getByText('对应并重新检查'));
    // three sections now: a project, checked
    await waitFor(() => expect(screen.queryByText(/^没有可检查的内容/)).toBeNull());
    expect(host.explanations().map((e) => [e.key, e.text])).toEqual([['heading-map|经费保障', 'funding']]);
  });
});
