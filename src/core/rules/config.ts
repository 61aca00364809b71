import type { Lang, RuleOptions, Severity } from './types';
import { sectionKeyOf } from '../disclosure/labels';

/** A rule\'s setting: off, a severity, or a severity with options. */
export type RuleSetting = 'off' | Severity | { readonly severity?: Severity | 'off'; readonly options?: Readonly<Record<string, unknown>> };

/** Per-run configuration: from a JSON file (`--config`), the pane\'s settings, or code. */
export interface CheckConfig {
  readonly rules?: Readonly<Record<string, RuleSetting>>;
  readonly province?: string;
  readonly similarityThreshold?: number;
  /**
   * The bureau's own headings mapped to the standard sections: label (with or without its number)
   * → section key or standard name (`"资金使用及管理情况": "funding"` or `"资金使用及管理情况": "资金安排情况"`).
   */
  readonly sectionAliases?: Readonly<Record<string, string>>;
  readonly lang?: Lang;
}

export interface ConfigError {
  readonly path: string;
  readonly message: { zh: string; en: string };
}

const SEVERITIES = new Set(['error', 'warning', 'info', 'off']);
const KEYS = new Set(['rules', 'province', 'similarityThreshold', 'sectionAliases', 'lang', '$schema']);

/**
 * Validates an untrusted JSON value as a CheckConfig. Returns the config or the list of
 * problems (each with a zh/en sentence); never throws.
 */
export function parseConfig(
  input: unknown,
  knownRules: ReadonlySet<string>,
): { ok: true; config: CheckConfig } | { ok: false; errors: ConfigError[] } {
  const errors: ConfigError[] = [];
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return {
      ok: false,
      errors: [{ path: '', message: { zh: '配置必须是一个 JSON 对象', en: 'the configuration must be a JSON object' } }],
    };
  }
  const obj = input as Record<string, unknown>;
  for (const k of Object.keys(obj)) {
    if (!KEYS.has(k)) errors.push({ path: k, message: { zh: `未知的配置项“${k}”`, en: `unknown setting "${k}"` } });
  }
  if (obj.rules !== undefined) {
    if (typeof obj.rules !== 'object' || obj.rules === null || Array.isArray(obj.rules)) {
      errors.push({ path: 'rules', message: { zh: 'rules 必须是对象', en: 'rules must be an object' } });
    } else {
      for (const [id, v] of Object.entries(obj.rules as Record<string, unknown>)) {
        if (!knownRules.has(id)) {
          errors.push({ path: `rules.${id}`, message: { zh: `未知的规则“${id}”`, en: `unknown rule "${id}"` } });
          continue;
        }
        if (typeof v === 'string') {
          if (!SEVERITIES.has(v))
            errors.push({
              path: `rules.${id}`,
              message: {
                zh: `规则“${id}”的级别“${v}”无效（应为 error、warning、info 或 off）`,
                en: `rule "${id}": invalid severity "${v}" (error, warning, info or off)`,
              },
            });
        } else if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
          const sv = (v as Record<string, unknown>).severity;
          if (sv !== undefined && (typeof sv !== 'string' || !SEVERITIES.has(sv))) {
            errors.push({ path: `rules.${id}.severity`, message: { zh: `规则“${id}”的级别无效`, en: `rule "${id}": invalid severity` } });
          }
          const opts = (v as Record<string, unknown>).options;
          if (opts !== undefined && (typeof opts !== 'object' || opts === null || Array.isArray(opts))) {
            errors.push({
              path: `rules.${id}.options`,
              message: { zh: `规则“${id}”的 options 必须是对象`, en: `rule "${id}": options must be an object` },
            });
          }
        } else {
          errors.push({ path: `rules.${id}`, message: { zh: `规则“${id}”的设置无效`, en: `rule "${id}": invalid setting` } });
        }
      }
    }
  }
  if (obj.province !== undefined && (typeof obj.province !== 'string' || !/^[1-9]\d$/.test(obj.province))) {
    errors.push({
      path: 'province',
      message: { zh: '省份代码必须是两位数字，如“53”（云南）', en: 'province must be two digits, e.g. "53" (Yunnan)' },
    });
  }
  if (obj.similarityThreshold !== undefined) {
    const t = obj.similarityThreshold;
    if (typeof t !== 'number' || !(t > 0 && t <= 1)) {
      errors.push({
        path: 'similarityThreshold',
        message: { zh: '相似度阈值必须是 0 到 1 之间的数', en: 'similarityThreshold must be a number in (0, 1]' },
      });
    }
  }
  if (obj.lang !== undefined && obj.lang !== 'zh' && obj.lang !== 'en') {
    errors.push({ path: 'lang', message: { zh: 'lang 必须是 zh 或 en', en: 'lang must be zh or en' } });
  }
  if (obj.sectionAliases !== undefined) {
    const a = obj.sectionAliases;
    if (typeof a !== 'object' || a === null || Array.isArray(a)) {
      errors.push({ path: 'sectionAliases', message: { zh: 'sectionAliases 必须是对象', en: 'sectionAliases must be an object' } });
    } else {
      for (const [label, key] of Object.entries(a as Record<string, unknown>)) {
        if (typeof key !== 'string' || sectionKeyOf(key) === undefined) {
          errors.push({
            path: `sectionAliases.${label}`,
            message: {
              zh: `“${label}”对应的部分无效（应为 name、basis、unit、overview、content、funding、plan、results 之一，或标准名称如“资金安排情况”）`,
              en: `"${label}": invalid section (use name, basis, unit, overview, content, funding, plan or results, or a standard name such as 资金安排情况)`,
            },
          });
        }
      }
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, config: obj };
}

/** The effective severity of a rule under a config (null: off). */
export function effectiveSeverity(config: CheckConfig, id: string, fallback: Severity): Severity | null {
  const s = config.rules?.[id];
  if (s === undefined) return fallback;
  if (typeof s === 'string') return s === 'off' ? null : s;
  if (s.severity === 'off') return null;
  return s.severity ?? fallback;
}

/** The options one rule sees: its defaults, the run-wide options, then its own from the config. */
export function ruleOptions(config: CheckConfig, id: string, defaults?: Readonly<Record<string, unknown>>): RuleOptions {
  const s = config.rules?.[id];
  const own = typeof s === 'object' ? s.options : undefined;
  const base: Record<string, unknown> = { ...defaults };
  if (config.province !== undefined) base.province = config.province;
  if (config.similarityThreshold !== undefined) base.similarityThreshold = config.similarityThreshold;
  return { ...base, ...own };
}
