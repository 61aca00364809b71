import type { XlRequirements } from './api';

/** What the running Excel can do, detected at run time (SPEC §9). */
export interface HostCaps {
  /** ExcelApi 1.18: notes (批注) on flagged cells; without it, the message is shown in the pane only. */
  readonly notes: boolean;
  /** ExcelApi 1.13: merged areas are read; without it, the snapshot has no merges. */
  readonly merges: boolean;
  /** ExcelApi 1.4 workbook settings hold the flag record; without them, a very hidden sheet does. */
  readonly settings: boolean;
  /** ExcelApi 1.5 custom XML parts hold a large flag record. */
  readonly xmlParts: boolean;
  /** ExcelApi 1.8 `context.runtime.enableEvents`: events are switched off around the add-in's writes. */
  readonly events: boolean;
  /** ExcelApi 1.10 threaded comments: their cells are left without a note (Excel refuses one). */
  readonly comments: boolean;
  /** ExcelApi 1.11: runs wait for the user to leave cell edit mode (`delayForCellEdit`). */
  readonly delayForCellEdit: boolean;
  /** ExcelApi 1.14: change events say when this add-in made the change (`triggerSource`). */
  readonly triggerSource: boolean;
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
    xmlParts: isSupported(req, '1.5'),
    events: isSupported(req, '1.8'),
    comments: isSupported(req, '1.10'),
    delayForCellEdit: isSupported(req, '1.11'),
    triggerSource: isSupported(req, '1.14'),
    ...override,
  };
}
