/** The pane's settings: what the user can change, stored in the browser (per machine). */
import type { CheckConfig, RuleSetting } from '../core/rules/config';
import type { Severity } from '../core/rules/types';

export type RuleChoice = 'default' | 'off' | Severity;

export interface PaneSettings {
  /** Per rule: its default severity, off, or another severity. */
  readonly rules: Readonly<Record<string, RuleChoice>>;
  /** Two-digit province code; '' for the table's majority. */
  readonly province: string;
  /** duplicate-text threshold, 0.5…1. */
  readonly similarityThreshold: number;
  /** 边改边查: re-check when the workbook changes. */
  readonly live: boolean;
}

export const DEFAULT_SETTINGS: PaneSettings = { rules: {}, province: '', similarityThreshold: 0.9, live: false };

const KEY = 'disclosure-check.settings.v1';

export function validProvince(p: string): boolean {
  return p === '' || /^[1-9]\d$/.test(p);
}

/** The CheckConfig these settings mean (invalid values are left out, never sent to the rules). */
export function toConfig(s: PaneSettings): CheckConfig {
  const rules: Record<string, RuleSetting> = {};
  for (const [id, choice] of Object.entries(s.rules)) if (choice !== 'default') rules[id] = choice;
  return {
    ...(Object.keys(rules).length > 0 && { rules }),
    ...(s.province !== '' && validProvince(s.province) && { province: s.province }),
    ...(s.similarityThreshold !== DEFAULT_SETTINGS.similarityThreshold &&
      s.similarityThreshold > 0 &&
      s.similarityThreshold <= 1 && { similarityThreshold: s.similarityThreshold }),
  };
}

function parse(raw: unknown): PaneSettings {
  if (typeof raw !== 'object' || raw === null) return DEFAULT_SETTINGS;
  const o = raw as Record<string, unknown>;
  const rules: Record<string, RuleChoice> = {};
  if (typeof o.rules === 'object' && o.rules !== null) {
    for (const [k, v] of Object.entries(o.rules as Record<string, unknown>)) {
      if (v === 'default' || v === 'off' || v === 'error' || v === 'warning' || v === 'info') rules[k] = v;
    }
  }
  const t =
    typeof o.similarityThreshold === 'number' && o.similarityThreshold >= 0.5 && o.similarityThreshold <= 1
      ? o.similarityThreshold
      : DEFAULT_SETTINGS.similarityThreshold;
  return {
    rules,
    province: typeof o.province === 'string' && validProvince(o.province) ? o.province : '',
    similarityThreshold: t,
    live: o.live === true,
  };
}

/** Reads the settings; anything unreadable falls back to the defaults. */
export function loadSettings(storage: Pick<Storage, 'getItem'> | undefined): PaneSettings {
  try {
    const s = storage?.getItem(KEY);
    return s ? parse(JSON.parse(s)) : DEFAULT_SETTINGS;
  } catch {
    return DEFAULT_SETTINGS;
  }
}

export function saveSettings(storage: Pick<Storage, 'setItem'> | undefined, s: PaneSettings): void {
  try {
    storage?.setItem(KEY, JSON.stringify(s));
  } catch {
    // storage full or blocked (private mode): settings then last for this session only
  }
}
