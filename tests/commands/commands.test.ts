import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FakeExcel } from '../../src/hosts/excel/fake';
import { createExcelHost } from '../../src/hosts/excel/host';
import { excelSession, onOutcome } from '../../src/hosts/excel/session';
import { FLAG_COLORS } from '../../src/hosts/excel/flags';
import type { CheckOutcome } from '../../src/taskpane/host';
import { makeDocument } from '../helpers/document';

const associate = vi.fn<(id: string, fn: unknown) => void>();
const showAsTaskpane = vi.fn(async () => undefined);
const g = globalThis as unknown as Record<string, unknown>;

let commands: typeof import('../../src/commands/commands');

beforeAll(async () => {
  g.Office = {
    onReady: (cb: () => void) => {
      cb();
      return Promise.resolve({});
    },
    actions: { associate },
    addin: { showAsTaskpane },
    context: { displayLanguage: 'zh-CN' },
  };
  commands = await import('../../src/commands/commands');
});

afterAll(() => {
  delete g.Office;
  delete g.__disclosureCheckExcelSession;
});

const event = () => ({ completed: vi.fn() }) as unknown as Office.AddinCommands.Event & { completed: ReturnType<typeof vi.fn> };

describe('ribbon commands', () => {
  it('registers runCheck and clearMarks under the manifest names', () => {
    // each is registered as a function that starts the command and returns nothing (Office ignores a promise)
    expect(associate.mock.calls.map(([id]) => id)).toEqual(['runCheck', 'clearMarks']);
    for (const [, fn] of associate.mock.calls) expect(typeof fn).toBe('function');
  });

  it('检查 checks, flags, publishes the outcome to the pane, opens it; 清除标记 puts the workbook back', async () => {
    const { snapshot } = makeDocument([
      {
        title: '项目一',
        sections: { name: ['学生资助补助经费'], funding: ['2023年安排资金148.61万元。'], plan: ['资金安排148.16万元。'] },
      },
    ]);
    const fake = FakeExcel.fromSnapshot(snapshot);
    const before = fake.dump();
    excelSession().host = createExcelHost({ run: fake.run, requirements: fake.requirements });
    const seen: (CheckOutcome | null)[] = [];
    const stop = onOutcome((o) => seen.push(o));

    const e1 = event();
    await commands.runCheck(e1);
    expect(e1.completed).toHaveBeenCalledTimes(1);
    expect(showAsTaskpane).toHaveBeenCalledTimes(1);
    const out = seen[0];
    if (!out?.ok) throw new Error('expected a check outcome');
    expect(out.result.findings.length).toBeGreaterThan(0);
    const f = out.result.findings[0]!;
    expect(fake.cell(f.sheet, f.cell)?.fill?.color).toBe(FLAG_COLORS[f.severity]);
    expect(excelSession().last).toBe(out);

    const e2 = event();
    await commands.clearMarks(e2);
    expect(e2.completed).toHaveBeenCalledTimes(1);
    expect(seen[1]).toBeNull();
    expect(fake.dump()).toEqual(before);
    stop();
  });

  it('completes the event even when the host fails', async () => {
    excelSession().host = createExcelHost({
      run: () => Promise.reject(new Error('boom')),
      requirements: { isSetSupported: () => true },
    });
    const e1 = event();
    await commands.runCheck(e1);
    expect(e1.completed).toHaveBeenCalledTimes(1);
    expect(excelSession().last).toEqual({ ok: false, message: '检查失败：boom' });
    const e2 = event();
    await commands.clearMarks(e2);
    expect(e2.completed).toHaveBeenCalledTimes(1);
  });
});
