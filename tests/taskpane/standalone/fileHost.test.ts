import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readXlsx } from '../../../src/hosts/xlsx/read';
import { cellText, createFileHost } from '../../../src/taskpane/standalone/fileHost';

function sample() {
  const r = readXlsx(new Uint8Array(readFileSync('seeds/jiangchuan-2023.xlsx')));
  if (!r.ok) throw new Error(r.error.message);
  return r.snapshot;
}

describe('standalone file host', () => {
  it('checks the workbook, writes a fix into an empty cell only, and the re-check no longer reports it', async () => {
    const host = createFileHost(sample(), () => undefined);
    const first = await host.check({ config: {}, lang: 'zh' });
    if (!first.ok) throw new Error('check failed');
    const f = first.result.findings.find((x) => x.rule === 'school-code-missing' && x.fix)!;
    expect(cellText(host.snapshot(), f.fix!.sheet, f.fix!.cell)).toBe('');
    const out = await host.applyFixes([f.fix!], { overwrite: false });
    expect(out.written).toEqual([{ sheet: f.fix!.sheet, cell: f.fix!.cell, value: f.fix!.value }]);
    expect(cellText(host.snapshot(), f.fix!.sheet, f.fix!.cell)).toBe(String(f.fix!.value));
    expect(host.writtenFixes()[0]!.finding?.key).toBe(f.key);
    const again = await host.check({ config: {}, lang: 'zh' });
    if (!again.ok) throw new Error('check failed');
    expect(again.result.findings.some((x) => x.key === f.key)).toBe(false);
    // a second write into the now-filled cell is skipped unless overwrite is confirmed
    const second = await host.applyFixes([{ ...f.fix!, value: '9999999999' }], { overwrite: false });
    expect(second.written).toEqual([]);
    expect(second.skipped.map((s) => s.cell)).toEqual([f.fix!.cell]);
    expect(cellText(host.snapshot(), f.fix!.sheet, f.fix!.cell)).toBe(String(f.fix!.value));
  });

  it('an explanation makes the finding explained (not counted); removing it restores it', async () => {
    const host = createFileHost(sample(), () => undefined);
    const first = await host.check({ config: {}, lang: 'zh' });
    if (!first.ok) throw new Error('check failed');
    const f = first.result.findings.find((x) => x.severity === 'error')!;
    await host.explain(f, '经财政局同意');
    const second = await host.check({ config: {}, lang: 'zh' });
    if (!second.ok) throw new Error('check failed');
    expect(second.result.findings.find((x) => x.key === f.key)?.explanation).toBe('经财政局同意');
    expect(second.result.summary.errors).toBe(first.result.summary.errors - 1);
    expect(second.result.summary.explained).toBe(1);
    expect(host.explanations()).toHaveLength(1);
    await host.explain(f, '');
    const third = await host.check({ config: {}, lang: 'zh' });
    if (!third.ok) throw new Error('check failed');
    expect(third.result.summary).toEqual(first.result.summary);
  });

  it('select reports the cell and its text', async () => {
    const seen: unknown[] = [];
    const snap = sample();
    const host = createFileHost(snap, (sheet, cell, text) => seen.push({ sheet, cell, text }));
    await host.select('项目一', 'A1');
    expect(seen).toEqual([{ sheet: '项目一', cell: 'A1', text: cellText(snap, '项目一', 'A1') }]);
    expect(cellText(snap, '项目一', 'A1')).not.toBe('');
    await host.select('没有这张表', 'A1');
    expect(seen[1]).toEqual({ sheet: '没有这张表', cell: 'A1', text: null });
  });
});
