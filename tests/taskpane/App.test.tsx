// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { Pane, type PaneProps } from '../../src/taskpane/App';
import { FINDINGS, fakeHost, finding, resultOf } from './fixtures';

afterEach(cleanup);

function show(props: PaneProps) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <Pane {...props} />
    </FluentProvider>,
  );
}

const checkButton = () => screen.getByRole('button', { name: /^(检查|重新检查|正在检查…|Check|Check again|Checking…)$/ });

/** Opens 设置 (loaded when first opened) and waits for its rule groups. */
async function openSettings(): Promise<void> {
  fireEvent.click(screen.getByRole('button', { name: '设置' }));
  await waitFor(() => expect(document.querySelector('[data-group]')).not.toBeNull());
}

describe('Pane states', () => {
  it('empty state: one big 检查 button and a sentence saying what it does', () => {
    show({ host: fakeHost(), lang: 'zh' });
    expect(checkButton().textContent).toBe('检查');
    expect(screen.getByText('还没有检查')).toBeTruthy();
    expect(document.querySelector('[data-state="empty"]')).not.toBeNull();
  });

  it('running state: shows the progress and disables the button until the host answers', async () => {
    const host = fakeHost({ manual: true });
    show({ host, lang: 'zh' });
    fireEvent.click(checkButton());
    await screen.findByText('正在读取文件…', { selector: '[data-testid=progress-phase]' });
    expect(document.querySelector('[data-state="running"]')).not.toBeNull();
    expect((checkButton() as HTMLButtonElement).disabled).toBe(true);
    // the phase is painted before the host is asked
    await waitFor(() => expect(host.requests).toHaveLength(1));
    await act(async () => host.release());
    await waitFor(() => expect(document.querySelector('[data-state="findings"]')).not.toBeNull());
  });

  it('findings state: summary counts, grouped by project then rule, severity badges and messages', async () => {
    show({ host: fakeHost(), lang: 'zh' });
    fireEvent.click(checkButton());
    const summary = await screen.findByTestId('summary');
    expect(summary.textContent).toBe('3错误1警告1提示0已说明');
    const p1 = screen.getByRole('region', { name: '项目一' });
    expect(within(p1).getByText('合计 120.00 万元与各项之和 110.00 万元不符')).toBeTruthy();
    // the rule heading is its Chinese name; the id is in the tooltip only
    const heading = within(p1).getByText('合计与分项不符');
    expect(heading.getAttribute('title')).toMatch(/^total-mismatch：/);
    expect(within(p1).queryByText('total-mismatch')).toBeNull();
    expect(within(p1).getByText('应为 110.00；实为 120.00')).toBeTruthy();
    expect(within(p1).getAllByText('错误')).toHaveLength(2);
    const p3 = screen.getByRole('region', { name: '项目三' });
    expect(within(p3).getAllByText('错误')).toHaveLength(1);
    expect(within(p3).getByText('警告')).toBeTruthy();
    expect(within(p3).queryByText('合计 120.00 万元与各项之和 110.00 万元不符')).toBeNull();
    // findings outside any project come last
    const regions = screen.getAllByRole('region').map((r) => r.getAttribute('aria-label'));
    expect(regions).toEqual(['项目一', '项目三', '其他（不属于某个项目）']);
  });

  it('clicking a finding calls host.select with its sheet and cell', async () => {
    const host = fakeHost();
    show({ host, lang: 'zh' });
    fireEvent.click(checkButton());
    const go = await screen.findByRole('button', { name: /定位到 学校!B5/ });
    fireEvent.click(go);
    await waitFor(() => expect(host.calls).toContain('select 学校!B5'));
    expect(go.getAttribute('aria-current')).toBe('true');
  });

  it('all-clear state', async () => {
    show({ host: fakeHost({ findings: [] }), lang: 'zh' });
    fireEvent.click(checkButton());
    expect(await screen.findByText('未发现问题')).toBeTruthy();
    expect(document.querySelector('[data-state="all-clear"]')).not.toBeNull();
    expect(screen.getByTestId('summary').textContent).toBe('0错误0警告0提示0已说明');
  });

  it('nothing-to-check is not called all-clear', async () => {
    show({ host: fakeHost({ outcome: { ok: true, result: resultOf([], true) } }), lang: 'zh' });
    fireEvent.click(checkButton());
    expect(await screen.findByText(/没有可检查的内容/)).toBeTruthy();
    expect(screen.queryByText('未发现问题')).toBeNull();
  });

  it('hidden sheets that were not checked are named, also when nothing was found', async () => {
    const r = resultOf([]);
    const result = { ...r, document: { ...r.document, skipped: [{ sheet: '旧版', reason: 'hidden' as const }] } };
    show({ host: fakeHost({ outcome: { ok: true, result } }), lang: 'zh' });
    fireEvent.click(checkButton());
    expect(await screen.findByText('未发现问题')).toBeTruthy();
    expect(document.querySelector('[data-state="hidden-sheets"]')?.textContent).toContain('未检查隐藏的工作表：“旧版”');
  });

  it("error state: the host's one clear sentence", async () => {
    show({ host: fakeHost({ outcome: { ok: false, message: '工作表“学校”受保护，无法标注。' } }), lang: 'zh' });
    fireEvent.click(checkButton());
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('工作表“学校”受保护，无法标注。');
  });

  it('error state when the host throws: a sentence, not a stack', async () => {
    show({ host: fakeHost({ throws: true }), lang: 'en' });
    fireEvent.click(checkButton());
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Something unexpected went wrong');
    expect(alert.textContent).not.toContain('boom');
  });

  it('too-old state, from the start or from the host', async () => {
    show({ host: null, lang: 'zh', tooOld: true, standaloneUrl: 'https://example.invalid/index.html' });
    expect(screen.getByText('此版本的 Office 太旧')).toBeTruthy();
    expect(screen.getByRole('link', { name: '独立网页版' }).getAttribute('href')).toBe('https://example.invalid/index.html');
    expect(screen.getByText(/disclosure-check 文件\.xlsx/)).toBeTruthy();
    cleanup();
    show({ host: fakeHost({ outcome: { ok: false, message: 'x', tooOld: true } }), lang: 'en' });
    fireEvent.click(checkButton());
    expect(await screen.findByText('This version of Office is too old')).toBeTruthy();
  });

  it('English strings when the language is en', async () => {
    show({ host: fakeHost(), lang: 'en' });
    expect(checkButton().textContent).toBe('Check');
    fireEvent.click(checkButton());
    expect((await screen.findByTestId('summary')).textContent).toBe('3Error1Warning1Info0Explained');
  });
});

describe('Pane: errors first, a short way through', () => {
  it('within a project, errors come before warnings before infos', async () => {
    show({ host: fakeHost(), lang: 'zh' });
    fireEvent.click(checkButton());
    const p3 = await screen.findByRole('region', { name: '项目三' });
    const rules = [...p3.querySelectorAll('[data-finding]')].map((e) => e.getAttribute('data-rule'));
    // the warning (placeholder-text) came first in the workbook; the error is listed first
    expect(rules).toEqual(['school-code-missing', 'placeholder-text']);
  });

  it('a count tile filters the list; pressed again, all findings are back', async () => {
    show({ host: fakeHost(), lang: 'zh' });
    fireEvent.click(checkButton());
    const summary = await screen.findByTestId('summary');
    expect(document.querySelectorAll('[data-finding]')).toHaveLength(5);
    const warnings = within(summary).getByRole('button', { name: /警告/ });
    fireEvent.click(warnings);
    expect(warnings.getAttribute('aria-pressed')).toBe('true');
    expect([...document.querySelectorAll('[data-finding]')].map((e) => e.getAttribute('data-rule'))).toEqual(['placeholder-text']);
    expect(screen.getByText(/只显示警告（1 处）/)).toBeTruthy();
    fireEvent.click(within(summary).getByRole('button', { name: /错误/ }));
    expect(document.querySelectorAll('[data-finding]')).toHaveLength(3);
    fireEvent.click(within(summary).getByRole('button', { name: /错误/ }));
    expect(document.querySelectorAll('[data-finding]')).toHaveLength(5);
    // a tile with nothing to show cannot be pressed
    expect(within(summary).getByRole<HTMLButtonElement>('button', { name: /已说明/ }).disabled).toBe(true);
  });

  it('two findings on one cell expecting different values are shown together', async () => {
    const row = finding({
      rule: 'table-row-mismatch',
      project: '项目十一',
      sheet: '学校',
      cell: 'E9',
      message: '小计与各来源之和不符',
      expected: '723.84',
      actual: '700.00',
    });
    const col = finding({
      rule: 'table-total-mismatch',
      project: '项目十一',
      sheet: '学校',
      cell: 'E9',
      message: '合计行与该列之和不符',
      expected: '714.84',
      actual: '700.00',
    });
    show({ host: fakeHost({ findings: [row, col] }), lang: 'zh' });
    fireEvent.click(checkButton());
    await screen.findByTestId('summary');
    const rowItem = document.querySelector<HTMLElement>('[data-rule="table-row-mismatch"]')!;
    const colItem = document.querySelector<HTMLElement>('[data-rule="table-total-mismatch"]')!;
    expect(within(rowItem).getByText(/同一单元格另有“合计行不符”，应为 714\.84/)).toBeTruthy();
    expect(within(colItem).getByText(/同一单元格另有“行小计不符”，应为 723\.84/)).toBeTruthy();
  });

  it('说明 is a button that says what it does (添加说明, then 修改说明)', async () => {
    show({ host: fakeHost(), lang: 'zh' });
    fireEvent.click(checkButton());
    await screen.findByTestId('summary');
    expect(screen.getAllByRole('button', { name: '添加说明' })).toHaveLength(5);
    expect(screen.queryByRole('button', { name: '说明' })).toBeNull();
  });
});

describe('Pane actions', () => {
  it('填入 writes one fix (empty cells only) and re-checks', async () => {
    const host = fakeHost();
    show({ host, lang: 'zh' });
    fireEvent.click(checkButton());
    fireEvent.click(await screen.findByRole('button', { name: '在 学校!B5 填入 5304210001' }));
    await screen.findByText('已写入 1 个单元格。');
    expect(host.calls).toContain('fix 学校!B5=5304210001 overwrite=false');
    expect(host.calls.filter((c) => c === 'check')).toHaveLength(2);
    expect(screen.queryByRole('button', { name: '在 学校!B5 填入 5304210001' })).toBeNull();
  });

  it('全部填入 lists the cells and values and writes only after confirmation', async () => {
    const host = fakeHost();
    show({ host, lang: 'zh' });
    fireEvent.click(checkButton());
    fireEvent.click(await screen.findByRole('button', { name: '全部填入（1）' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('学校!B5')).toBeTruthy();
    expect(within(dialog).getByText('5304210001')).toBeTruthy();
    expect(host.calls.some((c) => c.startsWith('fix'))).toBe(false);
    fireEvent.click(within(dialog).getByText('取消'));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(host.calls.some((c) => c.startsWith('fix'))).toBe(false);

    fireEvent.click(screen.getByRole('button', { name: '全部填入（1）' }));
    const again = await screen.findByRole('dialog');
    fireEvent.click(within(again).getByLabelText('已有内容的单元格也覆盖'));
    fireEvent.click(within(again).getByText('写入'));
    await screen.findByText('已写入 1 个单元格。');
    expect(host.calls).toContain('fix 学校!B5=5304210001 overwrite=true');
  });

  it('全部填入 lists school, cell and code; the undo sentence fits the host', async () => {
    const school = { ...FINDINGS[3]!, school: '玉溪市江川区大街街道大街中心小学' };
    const list = [FINDINGS[0]!, school];
    show({ host: fakeHost({ findings: list }), lang: 'zh' });
    fireEvent.click(checkButton());
    fireEvent.click(await screen.findByRole('button', { name: '全部填入（1）' }));
    const dialog = await screen.findByRole('dialog');
    const row = dialog.querySelector('[data-fix="学校!B5"]')!;
    expect([...row.querySelectorAll('td')].map((td) => td.textContent)).toEqual([
      '玉溪市江川区大街街道大街中心小学',
      '学校!B5',
      '5304210001',
    ]);
    expect(within(dialog).getByText(/Excel 的撤销/)).toBeTruthy();
    cleanup();
    show({ host: fakeHost({ findings: list, kind: 'file' }), lang: 'zh' });
    fireEvent.click(checkButton());
    fireEvent.click(await screen.findByRole('button', { name: '全部填入（1）' }));
    const page = await screen.findByRole('dialog');
    expect(within(page).queryByText(/Excel 的撤销/)).toBeNull();
    expect(within(page).getByText(/重新打开原文件/)).toBeTruthy();
  });

  it('清除标记 calls the host and says so', async () => {
    const host = fakeHost();
    show({ host, lang: 'zh' });
    fireEvent.click(checkButton());
    fireEvent.click(await screen.findByRole('button', { name: '清除标记' }));
    await screen.findByText('已清除本工具添加的全部标记。');
    expect(host.calls).toContain('clear');
  });

  it('说明: the text is stored through the host and the finding is shown as explained, not counted', async () => {
    const host = fakeHost();
    show({ host, lang: 'zh' });
    fireEvent.click(checkButton());
    await screen.findByTestId('summary');
    const item = document.querySelector<HTMLElement>('[data-rule="total-mismatch"]')!;
    fireEvent.click(within(item).getByRole('button', { name: '添加说明' }));
    fireEvent.change(within(item).getByRole('textbox', { name: '说明（为什么这一处可以接受）' }), {
      target: { value: '含上年结转 10 万元' },
    });
    fireEvent.click(within(item).getByRole('button', { name: '保存说明' }));
    await waitFor(() => expect(screen.getByTestId('summary').textContent).toBe('2错误1警告1提示1已说明'));
    expect(host.calls).toContain(`explain ${FINDINGS[0]!.key} 含上年结转 10 万元`);
    const again = document.querySelector<HTMLElement>('[data-rule="total-mismatch"]')!;
    expect(within(again).getByText('说明：含上年结转 10 万元')).toBeTruthy();
    expect(within(again).getByText('已说明')).toBeTruthy();
  });

  it('settings: rules off, severity, province and threshold reach the host as a CheckConfig', async () => {
    const host = fakeHost();
    show({ host, lang: 'zh' });
    await openSettings();
    fireEvent.click(screen.getByRole('switch', { name: '占位文字' }));
    fireEvent.change(screen.getByRole('combobox', { name: '部分顺序 的级别' }), { target: { value: 'error' } });
    fireEvent.change(screen.getByRole('textbox', { name: '省份代码' }), { target: { value: '53' } });
    fireEvent.change(screen.getByRole('spinbutton', { name: '重复文本相似度阈值' }), { target: { value: '0.8' } });
    fireEvent.click(screen.getAllByRole('button', { name: '返回' })[0]!);
    fireEvent.click(checkButton());
    await screen.findByTestId('summary');
    expect(host.requests[0]!.config).toEqual({
      rules: { 'placeholder-text': 'off', 'section-order': 'error' },
      province: '53',
      similarityThreshold: 0.8,
    });
  });

  it('settings: rules grouped 结构 / 金额 / 文字 / 学校表, named in Chinese, no English id in the text', async () => {
    show({ host: fakeHost(), lang: 'zh' });
    await openSettings();
    const groups = [...document.querySelectorAll('[data-group]')].map((g) => g.getAttribute('aria-label'));
    expect(groups).toEqual(['结构', '金额', '文字', '学校表']);
    const structure = screen.getByRole('region', { name: '结构' });
    expect(within(structure).getByRole('switch', { name: '标题编号' })).toBeTruthy();
    expect(within(screen.getByRole('region', { name: '学校表' })).getByRole('switch', { name: '缺少学校代码' })).toBeTruthy();
    expect(document.querySelector('main')!.textContent).not.toMatch(/[a-z]+-[a-z]+/);
  });

  it('settings: the language switch asks for the other language', async () => {
    const asked: string[] = [];
    show({ host: fakeHost(), lang: 'zh', onLangChange: (l) => asked.push(l) });
    await openSettings();
    fireEvent.change(screen.getByRole('combobox', { name: '语言' }), { target: { value: 'en' } });
    expect(asked).toEqual(['en']);
  });

  it('English pane: rule names with their ids beside them', async () => {
    show({ host: fakeHost(), lang: 'en' });
    fireEvent.click(checkButton());
    const p1 = await screen.findByRole('region', { name: '项目一' });
    expect(within(p1).getByText('total-mismatch')).toBeTruthy();
    expect(within(p1).getByText(/Total mismatch/)).toBeTruthy();
  });

  it('settings: an invalid province is flagged and not sent', async () => {
    const host = fakeHost();
    show({ host, lang: 'zh' });
    await openSettings();
    fireEvent.change(screen.getByRole('textbox', { name: '省份代码' }), { target: { value: '5' } });
    expect(screen.getByText('省份代码必须是两位数字，如 53。')).toBeTruthy();
    fireEvent.click(screen.getAllByRole('button', { name: '返回' })[0]!);
    fireEvent.click(checkButton());
    await screen.findByTestId('summary');
    expect(host.requests[0]!.config.province).toBeUndefined();
  });

  it('边改边查: with the toggle on, a workbook change re-checks', async () => {
    const host = fakeHost();
    show({ host, lang: 'zh' });
    await openSettings();
    fireEvent.click(screen.getByRole('switch', { name: '边改边查' }));
    fireEvent.click(screen.getAllByRole('button', { name: '返回' })[0]!);
    fireEvent.click(checkButton());
    await screen.findByTestId('summary');
    expect(host.calls.filter((c) => c === 'check')).toHaveLength(1);
    host.changed();
    await waitFor(() => expect(host.calls.filter((c) => c === 'check')).toHaveLength(2), { timeout: 3000 });
  });

  it('边改边查: a change made while the first check runs re-checks once it is done', async () => {
    const host = fakeHost({ manual: true });
    show({ host, lang: 'zh' });
    await openSettings();
    fireEvent.click(screen.getByRole('switch', { name: '边改边查' }));
    fireEvent.click(screen.getAllByRole('button', { name: '返回' })[0]!);
    fireEvent.click(checkButton());
    await waitFor(() => expect(host.calls.filter((c) => c === 'check')).toHaveLength(1));
    host.changed();
    // the debounce passes while the check is still running: nothing starts beside it
    await new Promise((r) => setTimeout(r, 900));
    expect(host.calls.filter((c) => c === 'check')).toHaveLength(1);
    host.release();
    await waitFor(() => expect(host.calls.filter((c) => c === 'check')).toHaveLength(2), { timeout: 3000 });
    host.release();
  });

  it('settings persist in the given storage', async () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) } as Storage;
    show({ host: fakeHost(), lang: 'zh', storage });
    await openSettings();
    fireEvent.change(screen.getByRole('textbox', { name: '省份代码' }), { target: { value: '53' } });
    cleanup();
    show({ host: fakeHost(), lang: 'zh', storage });
    await openSettings();
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: '省份代码' }).value).toBe('53');
  });

  it('keyboard: every control is a labelled button reachable in reading order', async () => {
    show({ host: fakeHost(), lang: 'zh' });
    fireEvent.click(checkButton());
    await screen.findByTestId('summary');
    const buttons = screen.getAllByRole('button');
    for (const b of buttons) expect((b.getAttribute('aria-label') ?? b.textContent).trim()).not.toBe('');
    for (const b of buttons) expect(b.getAttribute('tabindex')).not.toBe('-1');
    const names = buttons.map((b) => b.textContent);
    expect(names.indexOf('重新检查')).toBeLessThan(names.indexOf('全部填入（1）'));
  });
});

describe('Pane and the ribbon (shared runtime)', () => {
  it('shows a check the ribbon ran before the pane opened, and later ones as they come', async () => {
    let listener: ((o: import('../../src/taskpane/host').CheckOutcome | null) => void) | null = null;
    let request: (() => import('../../src/taskpane/host').CheckRequest) | null = null;
    show({
      host: fakeHost(),
      lang: 'zh',
      initialOutcome: { ok: true, result: resultOf(FINDINGS) },
      subscribeOutcomes: (l) => {
        listener = l;
        return () => (listener = null);
      },
      registerRequest: (r) => (request = r),
    });
    expect(screen.getByTestId('summary').textContent).toBe('3错误1警告1提示0已说明');
    // the ribbon's checks show their phases in the pane
    const { onPhase, ...plain } = request!();
    expect(plain).toEqual({ config: {}, lang: 'zh' });
    expect(typeof onPhase).toBe('function');
    act(() => listener!({ ok: true, result: resultOf([]) }));
    expect(await screen.findByText('未发现问题')).toBeTruthy();
    act(() => listener!(null));
    expect(await screen.findByText('已清除本工具添加的全部标记。')).toBeTruthy();
    expect(screen.getByText('还没有检查')).toBeTruthy();
  });

  it('a fix that replaces existing text asks first, with 覆盖 ticked', async () => {
    const overwriteFix = { sheet: '学校', cell: 'A8', value: '玉溪市江川区大街街道螺蛳铺中学', kind: 'text' as const, overwrite: true };
    const host = fakeHost({ findings: [{ ...FINDINGS[4]!, fix: overwriteFix }] });
    show({ host, lang: 'zh' });
    fireEvent.click(checkButton());
    fireEvent.click(await screen.findByRole('button', { name: `在 学校!A8 填入 ${overwriteFix.value}` }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/（覆盖原有内容）/)).toBeTruthy();
    expect(host.calls.some((c) => c.startsWith('fix'))).toBe(false);
    fireEvent.click(within(dialog).getByText('写入'));
    await screen.findByText('已写入 1 个单元格。');
    expect(host.calls).toContain(`fix 学校!A8=${overwriteFix.value} overwrite=true`);
  });

  it('插入缺少的部分: in Excel the button inserts the heading after confirmation; 全部填入 lists the insert; the page offers it too', async () => {
    const insertFix = { sheet: '项目', cell: 'A6', value: '三、项目实施单位', kind: 'text' as const, insert: 'row' as const };
    const missing = { ...FINDINGS[1]!, cell: 'A6', fix: insertFix };
    const host = fakeHost({ findings: [missing, FINDINGS[3]!] });
    show({ host, lang: 'zh' });
    fireEvent.click(checkButton());
    fireEvent.click(await screen.findByRole('button', { name: '全部填入（2）' }));
    const all = await screen.findByRole('dialog');
    expect(all.querySelector('[data-fix="项目!A6"]')?.textContent).toMatch(/三、项目实施单位.*插入一行，其下各行下移/);
    // a code and an insert: the fill's wording and the overwrite choice
    expect(within(all).getByText(/学校代码按文本写入/)).toBeTruthy();
    // hidden included: tabster's modalizer, whose state outlives a test in jsdom, may leave this surface aria-hidden
    // when an earlier test's dialog was the last modal (the same convention as the dialog queries elsewhere)
    expect(within(all).getByRole('checkbox', { name: '已有内容的单元格也覆盖', hidden: true })).toBeTruthy();
    fireEvent.click(within(all).getByText('取消'));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    const button = screen.getByRole('button', { name: '在 项目!A6 插入一行，写入“三、项目实施单位”' });
    expect(button.textContent).toBe('插入缺少的部分');
    fireEvent.click(button);
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('三、项目实施单位')).toBeTruthy();
    expect(within(dialog).getByText(/插入一行，其下各行下移/)).toBeTruthy();
    // only an insert: it says so, and offers no overwrite (an insert never overwrites)
    expect(within(dialog).getByText(/将在以下单元格处插入一行并写入标题/)).toBeTruthy();
    expect(within(dialog).queryByText(/学校代码按文本写入/)).toBeNull();
    expect(within(dialog).queryByRole('checkbox', { hidden: true })).toBeNull();
    expect(host.calls.some((c) => c.startsWith('fix'))).toBe(false);
    fireEvent.click(within(dialog).getByText('写入'));
    await screen.findByText('已写入 1 个单元格。');
    expect(host.calls).toContain('fix 项目!A6=三、项目实施单位 overwrite=false');

    // the standalone page offers it too; a sheet it cannot insert in is said in its one sentence
    cleanup();
    const page = fakeHost({ findings: [missing, FINDINGS[3]!], kind: 'file' });
    const why = { zh: '“项目”有批注等对象，副本中未插入', en: '"项目" has objects; not inserted in the copy' };
    page.applyFixes = async (fixes) => ({
      written: [],
      skipped: fixes.map((f) => ({ sheet: f.sheet, cell: f.cell, reason: why.en, why })),
    });
    show({ host: page, lang: 'zh' });
    fireEvent.click(checkButton());
    await screen.findByRole('button', { name: '全部填入（2）' });
    fireEvent.click(screen.getByRole('button', { name: '在 项目!A6 插入一行，写入“三、项目实施单位”' }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByText('写入'));
    await screen.findByText('已写入 0 个单元格。 “项目”有批注等对象，副本中未插入');
  });

  it('Insert the missing section: the English label', async () => {
    const insertFix = { sheet: 'P', cell: 'A6', value: '三、项目实施单位', kind: 'text' as const, insert: 'row' as const };
    show({ host: fakeHost({ findings: [{ ...FINDINGS[1]!, cell: 'A6', fix: insertFix }] }), lang: 'en' });
    fireEvent.click(checkButton());
    const button = await screen.findByRole('button', { name: 'Insert a row at P!A6 holding "三、项目实施单位"' });
    expect(button.textContent).toBe('Insert the missing section');
  });
});
