/** 导出公开文本's Word template kept in the browser's storage (the standalone page; per machine). */
import {
  MAX_REMEMBERED_TEMPLATE,
  decodeStoredTemplate,
  encodeStoredTemplate,
  type DocxTemplateStore,
  type StoredDocxTemplate,
} from '../core/stored-template';

const KEY = 'disclosure-check.docxTemplate.v1';

export function browserTemplateStore(storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | undefined): DocxTemplateStore {
  let session: StoredDocxTemplate | null = null;
  return {
    async load() {
      try {
        return decodeStoredTemplate(storage?.getItem(KEY) ?? null) ?? session;
      } catch {
        return session;
      }
    },
    async save(t) {
      session = t;
      try {
        if (t === null) {
          storage?.removeItem(KEY);
          return true;
        }
        if (!storage || t.bytes.length > MAX_REMEMBERED_TEMPLATE) return false;
        storage.setItem(KEY, encodeStoredTemplate(t));
        return true;
      } catch {
        return false; // storage full or blocked: this session only
      }
    },
  };
}
