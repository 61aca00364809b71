/**
 * 新建项目表 in Excel: writes a new project sheet (core `newProjectSheet`: 项目N and the eight
 * headings in the bureau's style) as a new worksheet, text cells only (number format '@', so a
 * heading such as `1.项目名称` stays text), formatted as the .xlsx writer does (bold title and
 * headings, the template's column widths, no borders), and shows it. One sync.
 */
import type { XlContext } from './api';
import type { SheetTemplate } from '../../core/schools/template';
import { columnName } from '../../core/snapshot/a1';
import { queueTemplateFormat } from './school-table';

export async function addProjectSheet(context: XlContext, template: SheetTemplate): Promise<string> {
  const rows = Math.max(1, ...template.cells.map((c) => c.row + 1));
  const cols = Math.max(1, ...template.cells.map((c) => c.col + 1));
  const values: string[][] = Array.from({ length: rows }, () => Array<string>(cols).fill(''));
  for (const c of template.cells) if (c.value !== null) values[c.row]![c.col] = String(c.value);
  const ws = context.workbook.worksheets.add(template.name);
  const range = ws.getRange(`A1:${columnName(cols - 1)}${rows}`);
  range.numberFormat = values.map((r) => r.map(() => '@'));
  range.values = values;
  queueTemplateFormat(ws, template, { top: 0, left: 0, bottom: rows - 1, right: cols - 1 }, { frame: false, widths: true });
  ws.activate();
  await context.sync();
  return template.name;
}
