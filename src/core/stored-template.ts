/**
 * The bureau's Word template as the pane remembers it (导出公开文本 → Word 模板): its file name and
 * bytes, stored as one JSON string (base64 bytes) in the workbook's settings (Excel) or the
 * browser's storage (standalone page). Pure: no Office.js, no DOM.
 */

export interface StoredDocxTemplate {
  /** The file name the user chose (`某县财政局模板.docx`). */
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** Where a chosen template is remembered; `save(null)` forgets it. `save` → false: too large to remember. */
export interface DocxTemplateStore {
  load(): Promise<StoredDocxTemplate | null>;
  save(template: StoredDocxTemplate | null): Promise<boolean>;
}

/** Templates larger than this are used for the session but not remembered (workbook settings stay small). */
export const MAX_REMEMBERED_TEMPLATE = 1024 * 1024;

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out +=
      B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]! + (b === undefined ? '=' : B64[(n >> 6) & 63]!) + (c === undefined ? '=' : B64[n & 63]!);
  }
  return out;
}

/** base64 → bytes; null when the text is not base64. */
export function fromBase64(s: string): Uint8Array | null {
  if (s.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(s)) return null;
  const pad = s.endsWith('==') ? 2 : s.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((s.length / 4) * 3 - pad);
  let o = 0;
  for (let i = 0; i < s.length; i += 4) {
    const n =
      (B64.indexOf(s[i]!) << 18) | (B64.indexOf(s[i + 1]!) << 12) | ((B64.indexOf(s[i + 2]!) & 63) << 6) | (B64.indexOf(s[i + 3]!) & 63);
    if (o < out.length) out[o++] = (n >> 16) & 255;
    if (o < out.length) out[o++] = (n >> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
  }
  return out;
}

export function encodeStoredTemplate(t: StoredDocxTemplate): string {
  return JSON.stringify({ v: 1, name: t.name, data: toBase64(t.bytes) });
}

/** The stored value back; null for anything that is not one (never throws). */
export function decodeStoredTemplate(value: unknown): StoredDocxTemplate | null {
  if (typeof value !== 'string') return null;
  try {
    const o = JSON.parse(value) as unknown;
    if (typeof o !== 'object' || o === null) return null;
    const { v, name, data } = o as Record<string, unknown>;
    if (v !== 1 || typeof name !== 'string' || typeof data !== 'string') return null;
    const bytes = fromBase64(data);
    return bytes && bytes.length > 0 ? { name, bytes } : null;
  } catch {
    return null;
  }
}
