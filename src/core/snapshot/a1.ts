/** A1 helpers. Columns and rows are 0-based in code; A1 strings are 1-based. */

export function columnName(col: number): string {
  let n = col + 1;
  let name = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    name = String.fromCharCode(65 + rem) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

/** Column letters to a 0-based index; -1 when the string is not column letters. */
export function columnIndex(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return -1;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function toA1(row: number, col: number): string {
  return `${columnName(col)}${row + 1}`;
}

/** Parses `B12` or `$B$12` into 0-based row and column; null when it is not a cell address. */
export function fromA1(a1: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(a1.trim());
  if (m?.[1] === undefined || m[2] === undefined) return null;
  const col = columnIndex(m[1]);
  const row = Number(m[2]) - 1;
  if (col < 0 || col > 16383 || row < 0 || row > 1048575) return null;
  return { row, col };
}

export function rangeToA1(r: { top: number; left: number; bottom: number; right: number }): string {
  const a = toA1(r.top, r.left);
  const b = toA1(r.bottom, r.right);
  return a === b ? a : `${a}:${b}`;
}

/** Parses `A1:C3` (or a single cell) into a 0-based inclusive range. */
export function rangeFromA1(ref: string): { top: number; left: number; bottom: number; right: number } | null {
  const parts = ref.split(':');
  const a = parts[0] ?? '';
  const b = parts[1] ?? a;
  const p = fromA1(a);
  const q = fromA1(b);
  if (!p || !q) return null;
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}

/** Quotes a sheet name for a formula or hyperlink: `'项目一'!A1`. */
export function qualifiedRef(sheet: string, a1: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${a1}`;
}
