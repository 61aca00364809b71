/**
 * The Word template remembered for this workbook (导出公开文本): one workbook setting (ExcelApi
 * 1.4), saved with the workbook, so whoever opens it next exports with the same template.
 */
import type { XlContext } from './api';
import { MAX_REMEMBERED_TEMPLATE, decodeStoredTemplate, encodeStoredTemplate, type StoredDocxTemplate } from '../../core/stored-template';

export const TEMPLATE_SETTING_KEY = 'disclosure-check.docxTemplate';

/** The remembered template, or null (none, or unreadable). 1 sync. */
export async function readStoredTemplate(context: XlContext): Promise<StoredDocxTemplate | null> {
  const item = context.workbook.settings.getItemOrNullObject(TEMPLATE_SETTING_KEY);
  item.load('value');
  await context.sync();
  return item.isNullObject ? null : decodeStoredTemplate(item.value);
}

/** Remembers the template (null: forgets it). False when it is too large to keep in the workbook. 1 sync. */
export async function writeStoredTemplate(context: XlContext, template: StoredDocxTemplate | null): Promise<boolean> {
  if (template === null) {
    const item = context.workbook.settings.getItemOrNullObject(TEMPLATE_SETTING_KEY);
    item.load('key');
    await context.sync();
    if (!item.isNullObject) {
      item.delete();
      await context.sync();
    }
    return true;
  }
  if (template.bytes.length > MAX_REMEMBERED_TEMPLATE) return false;
  context.workbook.settings.add(TEMPLATE_SETTING_KEY, encodeStoredTemplate(template));
  await context.sync();
  return true;
}
