/** Saving a file from the page: a Blob URL clicked through an <a download> (standalone page and Office webviews). */
export type SaveFile = (name: string, data: Uint8Array | string, type: string) => void;

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const saveFile: SaveFile = (name, data, type) => {
  const blob = new Blob([typeof data === 'string' ? data : data.slice().buffer], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
};

/** `预算.xlsx` → `预算`; a path or URL keeps only its last part. */
export function workbookBaseName(name: string): string {
  const last = name.split(/[\\/]/).pop() ?? name;
  let base: string;
  try {
    base = decodeURIComponent(last);
  } catch {
    base = last;
  }
  return base.replace(/\.(xlsx|xlsm|xls|et)$/i, '').trim();
}
