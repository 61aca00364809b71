/**
 * Whether bytes are a Compound File ([MS-CFB] §2.2 Header Signature D0 CF 11 E0 A1 B1 1A E1): an
 * .xls workbook, or another old Office file, or an encrypted .xlsx. Kept apart from the reader so
 * that a caller can choose the reader by the bytes without loading it (the page's lazy chunk).
 */
export const CFB_SIGNATURE: readonly number[] = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function isCfb(bytes: Uint8Array): boolean {
  if (bytes.length < CFB_SIGNATURE.length) return false;
  return CFB_SIGNATURE.every((b, i) => bytes[i] === b);
}
