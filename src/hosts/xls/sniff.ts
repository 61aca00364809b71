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

/**
 * Whether bytes are a bare BIFF2–BIFF4 worksheet (Excel 2.x–4.0 saved a sheet as a plain record stream,
 * without a compound file): a BOF record (type 0x0009, 0x0209 or 0x0409, 4 to 16 bytes) at the start.
 */
export function isBareBiff(bytes: Uint8Array): boolean {
  if (bytes.length < 8) return false;
  const type = bytes[0]! | (bytes[1]! << 8);
  const size = bytes[2]! | (bytes[3]! << 8);
  return (type === 0x0009 || type === 0x0209 || type === 0x0409) && size >= 4 && size <= 16;
}

/** Whether the .xls reader should read these bytes (it gives old and foreign compound files their sentence). */
export function isXlsBytes(bytes: Uint8Array): boolean {
  return isCfb(bytes) || isBareBiff(bytes);
}
