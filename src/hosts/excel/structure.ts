/**
 * A workbook whose structure is protected (Review > Protect Workbook; `workbook.protection`,
 * ExcelApi 1.7) refuses to add, delete, hide, show or rename sheets, while its cells stay
 * editable. The add-in adds sheets for 生成学校表, 新建项目表 and the first 说明: when Excel refuses
 * one, the host asks whether this is why, to say so in one sentence instead of Excel's message.
 */
import type { XlContext } from './api';

/** Thrown before anything is written when a sheet would have to be added to a protected structure. */
export class StructureProtectedError extends Error {
  constructor() {
    super("the workbook's structure is protected");
    this.name = 'StructureProtectedError';
  }
}

/** Whether the workbook's structure is protected (1 sync). */
export async function structureProtected(context: XlContext): Promise<boolean> {
  const p = context.workbook.protection;
  p.load('protected');
  await context.sync();
  return p.protected;
}
