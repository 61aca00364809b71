import type { XlRequirements } from './api';

/** What the running Excel can do, detected at run time (SPEC §9). */
export interface HostCaps {
  /** ExcelApi 1.18: notes (批注) on flagged cells; without it, the message is shown in the pane only. */
  readonly notes: boolean;
  /** ExcelApi 1.13: merged areas are read; without it, the snapshot has no merges. */
  readonly merges: boolean;
  /** ExcelApi 1.4 workbook settings hold the flag record; without them, a very hidden sheet does. */
  readonly settings: boolean;
}

/** The minimum the add-in needs at all (declared in manifest.xml). */
export const MIN_EXCEL_API = '1.9';

export function isSupported(req: XlRequirements, version: string): boolean {
  try {
    return req.isSetSupported('ExcelApi', version);
  } catch {
    return false;
  }
}

export function detectCaps(req: XlRequirements, override: Partial<HostCaps> = {}): HostCaps {
  return {
    notes: isSupported(req, '1.18'),
    merges: isSupported(req, '1.13'),
    settings: isSupported(req, '1.4'),
    ...override,
  };
}
