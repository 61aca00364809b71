import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkWorkbook } from '../../src/core/check';
import { readXlsx } from '../../src/hosts/xlsx/read';
import { annotate } from '../../src/hosts/xlsx/annotate';
import { fixesForCopy } from '../../src/cli/fixes';

const SAMPLE = resolve(__dirname, '../../seeds/jiangchuan-2023.xlsx');

describe('--fix in the CLI: only fixes into empty cells', () => {
  const bytes = new Uint8Array(readFileSync(SAMPLE));
  const read = readXlsx(bytes);
  if (!read.ok) throw new Error(read.error.message);
  const { findings } = checkWorkbook({ snapshot: read.snapshot });

  it('keeps the code fixes and drops the name overwrite', () => {
    const overwrite = findings.filter((f) => f.fix?.overwrite);
    expect(overwrite.map((f) => f.rule)).toEqual(['school-name-format']);
    const kept = fixesForCopy(findings).filter((f) => f.fix);
    expect(kept.map((f) => f.rule)).toEqual(Array(5).fill('school-code-missing'));
    expect(fixesForCopy(findings)).toHaveLength(findings.length);
  });

  it('the copy gets the five codes and keeps 螺蛳铺中学 as the user wrote it', () => {
    const copy = annotate(bytes, fixesForCopy(findings), { fix: true, lang: 'zh' });
    const again = readXlsx(copy);
    if (!again.ok) throw new Error(again.error.message);
    const recheck = checkWorkbook({ snapshot: again.snapshot });
    expect(recheck.findings.filter((f) => f.rule === 'school-code-missing')).toEqual([]);
    const name = recheck.findings.find((f) => f.rule === 'school-name-format');
    expect(name?.actual ?? name?.message).toContain('玉溪市江川区螺蛳铺中学');
  });
});
