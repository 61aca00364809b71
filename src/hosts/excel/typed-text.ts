/**
 * Excel takes a string written through `Range.values` or `Range.formulas` as if it were typed, in
 * en-US (office-js 1559): '=', '+' and '-' start a formula (Range.values reference; office-js
 * 3256), a number or TRUE/FALSE becomes one, a date such as 2023-09-01 or 9-1 becomes a date
 * serial with a date format (office-js 229), #N/A an error. Only a cell formatted as Text ('@')
 * keeps the string as written. These helpers say when a text must go in through '@'.
 */

/**
 * Whether Excel might not keep `s` as the same text in a General cell. Deliberately broad (any
 * digit, a leading sign or '#', a boolean word): a false yes costs only the Text format on a text
 * cell, a false no would change the user's text.
 */
export function retypedByExcel(s: string): boolean {
  return /^\s*[=+\-#＝＋－]/.test(s) || /[0-9０-９]/.test(s) || /^\s*(true|false)\s*$/i.test(s);
}

/** The number format to write a text value with: '@' where Excel would not keep it as typed, else `format`. */
export function formatForText(value: unknown, format: string): string {
  return typeof value === 'string' && format !== '@' && retypedByExcel(value) ? '@' : format;
}
