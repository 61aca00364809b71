/**
 * `--out --fix` with 插入缺少的部分: a 说明 stored in the workbook for a finding below the inserted row moves
 * with its cell in the copy (its cell and key in the explanations sheet), so checking the copy finds the
 * finding still explained; the input is never written.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkWorkbook } from '../../src/core/check';
import { readXlsx } from '../../src/hosts/xlsx/read';
import { writeExplanations } from '../../src/hosts/xlsx/annotate';
import { missingSectionWithTotal } from '../hosts/xlsx/insert-fixture';
import { tempDir } from './fixtures';
import { cliOver, snapshotOf } from './in-process';

let dir = '';
let input = '';
const cli = cliOver(() => input);

beforeAll(async () => {
  const bytes = await missingSectionWithTotal();
  const read = readXlsx(bytes);
  if (!read.ok) throw new Error('fixture not readable');
  const total = checkWorkbook({ snapshot: read.snapshot }).findings.find((f) => f.rule === 'total-mismatch')!;
  const explained = writeExplanations(bytes, [
    { key: total.key, rule: total.rule, sheet: total.sheet, cell: total.cell, text: '另含结转资金', at: '2026-01-01T00:00:00Z' },
  ]);
  dir = tempDir();
  input = join(dir, '已说明.xlsx');
  writeFileSync(input, explained);
});

describe('--out --fix: 说明 below an inserted row', () => {
  it('is explained at its moved cell when the copy is checked again', async () => {
    const before = await cli([input, '--format', 'json']);
    const json = JSON.parse(before.stdout) as { reports: { findings: { rule: string; cell: string; explanation?: string }[] }[] };
    expect(json.reports[0]!.findings.find((f) => f.rule === 'total-mismatch')).toMatchObject({ cell: 'A13', explanation: '另含结转资金' });

    const out = join(dir, '副本.xlsx');
    await cli([input, '--out', out, '--fix']);
    const copy = snapshotOf(out);
    expect(copy.explanations).toEqual([expect.objectContaining({ sheet: '项目一', cell: 'A14', text: '另含结转资金' })]);
    const recheck = checkWorkbook({ snapshot: copy }).findings;
    expect(recheck.some((f) => f.rule === 'section-missing')).toBe(false);
    const moved = recheck.find((f) => f.rule === 'total-mismatch')!;
    expect([moved.cell, moved.explanation]).toEqual(['A14', '另含结转资金']);
    expect(copy.explanations![0]!.key).toBe(moved.key);
  });
});
