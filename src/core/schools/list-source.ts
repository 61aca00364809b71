/**
 * Where a plain list of schools is (生成学校表): a sheet, or a range of it. Its own small module so
 * that the pane can read the selection's address without loading the list reader and planner.
 */
import type { Range } from '../snapshot/types';
import { rangeFromA1 } from '../snapshot/a1';

export interface ListSource {
  readonly sheet: string;
  readonly range?: Range;
}

/** `学校名单`, `学校名单!A1:D40`, `'学校 名单'!A1:D40` → the sheet and range; null when malformed. */
export function parseListSource(spec: string): ListSource | null {
  const s = spec.trim();
  if (s === '') return null;
  const bang = s.lastIndexOf('!');
  if (bang > 0) {
    const range = rangeFromA1(s.slice(bang + 1));
    if (range) {
      let sheet = s.slice(0, bang);
      if (/^'.*'$/.test(sheet)) sheet = sheet.slice(1, -1).replace(/''/g, "'");
      return sheet === '' ? null : { sheet, range };
    }
  }
  return { sheet: /^'.*'$/.test(s) ? s.slice(1, -1).replace(/''/g, "'") : s };
}
