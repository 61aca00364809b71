/**
 * Damaged .xls files: the reader never throws, never fails for a reason of its own ('internal'),
 * and ends (every chain and record walk is bounded). Edits land anywhere: in the header, the FAT,
 * the directory, the mini stream, the records.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readXls } from '../../../src/hosts/xls/read';
import { cell, le, record, sst, workbookStream, xlsFile } from './build';

const small = xlsFile(
  workbookStream(
    [record(0x0042, le(1200)), record(0x041e, le(164), Uint8Array.of(4, 0, 0), new TextEncoder().encode('0.00')), sst(['项目一', 'Café'])],
    [{ name: '项目一', records: [cell.sst(0, 0, 0), cell.sst(0, 1, 1), cell.rk(1, 0, (5 << 2) | 2), record(0x00e5, le(1, 0, 1, 0, 1))] }],
  ),
).bytes;
const real = new Uint8Array(readFileSync(join(__dirname, '../../fixtures/xls/formats.xls')));

function damaged(base: Uint8Array) {
  return fc.array(
    fc.record({ at: fc.nat(base.length - 1), byte: fc.integer({ min: 0, max: 255 }), op: fc.constantFrom('set', 'set', 'cut', 'insert') }),
    { minLength: 1, maxLength: 8 },
  );
}

function apply(base: Uint8Array, edits: { at: number; byte: number; op: string }[]): Uint8Array {
  let b = Uint8Array.from(base);
  for (const e of edits) {
    if (b.length === 0) break;
    const at = Math.min(e.at, b.length - 1);
    if (e.op === 'set') b[at] = e.byte;
    else if (e.op === 'cut') b = b.subarray(0, at);
    else b = Uint8Array.from([...b.subarray(0, at), e.byte, ...b.subarray(at)]);
  }
  return b;
}

describe('readXls on damaged bytes', () => {
  it.each([
    ['a hand-built file (mini stream)', small],
    ['formats.xls from LibreOffice', real],
  ])('%s: a snapshot or a typed failure, never a throw', (_, base) => {
    expect(readXls(base).ok).toBe(true);
    fc.assert(
      fc.property(damaged(base), (edits) => {
        const r = readXls(apply(base, edits));
        if (!r.ok) {
          expect(r.error.code, r.error.detail.detail).not.toBe('internal');
          expect(r.error.zh.length).toBeGreaterThan(0);
          expect(r.error.en.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 400, seed: 20261202 },
    );
  });
});
