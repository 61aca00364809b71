/**
 * Matching a table row's school name to the registry. Exact after normalisation, never near:
 * an entry matches when its full name, or its 乡镇 + short name, equals the table name without
 * the 市+县 prefix (or equals the full name). Two candidates or none: no match, with the reason.
 */
import type { RegistryEntry } from '../model';
import { normalizeName, splitPrefix, stripNormalized, townOf } from './names';

export type RegistryMatch =
  | { readonly kind: 'match'; readonly entry: RegistryEntry }
  | { readonly kind: 'ambiguous'; readonly candidates: readonly RegistryEntry[] }
  | { readonly kind: 'none'; readonly near: readonly RegistryEntry[] }
  | { readonly kind: 'no-registry' };

export interface MatchContext {
  /** The table's 市+县 prefix (`玉溪市江川区`), from `commonPrefix`; or its two parts. */
  readonly prefix?: string;
  readonly city?: string;
  readonly county?: string;
}

export interface RegistryIndex {
  readonly entries: readonly RegistryEntry[];
  /** Normalised key → entries. Keys: the name; town + name; the name without a city/county prefix. */
  readonly byKey: ReadonlyMap<string, readonly RegistryEntry[]>;
  /** The short name (without its town) → entries, for telling the user about near names (built on first use). */
  byShort(): ReadonlyMap<string, readonly RegistryEntry[]>;
}

const TOWN_SUFFIX = /(?:街道办事处|街道|办事处|镇|乡)$/;

function push(map: Map<string, RegistryEntry[]>, key: string, e: RegistryEntry): void {
  if (key === '') return;
  const list = map.get(key);
  if (!list) map.set(key, [e]);
  else if (list[list.length - 1] !== e) list.push(e);
}

const indexCache = new WeakMap<readonly RegistryEntry[], RegistryIndex>();

/** Builds (once per entries array) the lookup index. Linear in the registry's size. */
export function indexRegistry(entries: readonly RegistryEntry[]): RegistryIndex {
  const hit = indexCache.get(entries);
  if (hit) return hit;
  const byKey = new Map<string, RegistryEntry[]>();
  for (const e of entries) {
    const name = normalizeName(e.name);
    if (name === '') continue;
    push(byKey, name, e);
    const town = e.town === undefined ? '' : normalizeName(e.town);
    if (town !== '' && !name.startsWith(town)) {
      push(byKey, town + name, e);
      // a town written without its suffix (`大街` for 大街街道): try the usual suffixes
      if (!TOWN_SUFFIX.test(town)) for (const suf of ['镇', '乡', '街道']) push(byKey, town + suf + name, e);
      // 大街街道办事处 / 大街办事处 in the registry, 大街街道 in the table
      const short = town.replace(/(?:街道办事处|办事处)$/, '');
      if (short !== town) push(byKey, `${short}街道${name}`, e);
    }
  }
  let short: Map<string, RegistryEntry[]> | undefined;
  const byShort = (): ReadonlyMap<string, readonly RegistryEntry[]> => {
    if (short) return short;
    short = new Map();
    for (const e of entries) {
      const name = normalizeName(e.name);
      const town = e.town === undefined ? '' : normalizeName(e.town);
      const t = town !== '' && name.startsWith(town) ? town : townOf(name);
      push(short, t !== '' && name.startsWith(t) ? name.slice(t.length) : name, e);
    }
    return short;
  };
  const index: RegistryIndex = { entries, byKey, byShort };
  indexCache.set(entries, index);
  return index;
}

function prefixOf(ctx: MatchContext): string {
  if (ctx.prefix !== undefined) return normalizeName(ctx.prefix);
  return normalizeName(`${ctx.city ?? ''}${ctx.county ?? ''}`);
}

/** Distinct schools: the same code (or the same name without a code) counts once. */
function distinct(list: readonly RegistryEntry[]): RegistryEntry[] {
  if (list.length <= 1) return [...list];
  const seen = new Set<string>();
  const out: RegistryEntry[] = [];
  for (const e of list) {
    const k = e.code !== '' ? `c:${e.code}` : `n:${normalizeName(e.town ?? '')}|${normalizeName(e.name)}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(e);
  }
  return out;
}

/**
 * Finds the registry entry for a table's school name. `registry` is the entries or their index.
 * Exact only: `大街小学` never matches `大街中心小学`.
 */
export function matchRegistry(name: string, registry: readonly RegistryEntry[] | RegistryIndex, ctx: MatchContext = {}): RegistryMatch {
  const index = 'byKey' in registry ? registry : indexRegistry(registry);
  if (index.entries.length === 0) return { kind: 'no-registry' };
  const full = normalizeName(name);
  if (full === '') return { kind: 'none', near: [] };
  const prefix = prefixOf(ctx);
  const { rest } = stripNormalized(full, prefix);
  const found: RegistryEntry[] = [...(index.byKey.get(rest) ?? [])];
  if (rest !== full) for (const e of index.byKey.get(full) ?? []) if (!found.includes(e)) found.push(e);
  // a registry that keeps full names with a prefix of its own (`江川区大街街道大街小学`)
  if (found.length === 0 && prefix !== '') {
    const { county } = splitPrefix(prefix);
    if (county !== '') for (const e of index.byKey.get(county + rest) ?? []) found.push(e);
  }
  const candidates = distinct(found);
  if (candidates.length === 1) return { kind: 'match', entry: candidates[0]! };
  if (candidates.length > 1) return { kind: 'ambiguous', candidates };
  const town = townOf(rest);
  const short = town !== '' ? rest.slice(town.length) : rest;
  return { kind: 'none', near: distinct(index.byShort().get(short) ?? []).slice(0, 5) };
}

/** The standard name 市+县+乡+校名 for a registry entry under a prefix. */
export function standardName(entry: RegistryEntry, prefix: string): string {
  const name = normalizeName(entry.name);
  const p = normalizeName(prefix);
  const { county } = splitPrefix(p);
  let rest = name;
  if (p !== '' && rest.startsWith(p)) rest = rest.slice(p.length);
  else if (county !== '' && rest.startsWith(county)) rest = rest.slice(county.length);
  const town = normalizeName(entry.town ?? '');
  if (town !== '' && !rest.startsWith(town)) {
    const t = TOWN_SUFFIX.test(town) ? town : '';
    if (t !== '') rest = t + rest;
  }
  return p + rest;
}

/** How a list of candidates reads in a message: `大街小学（2153005307）、大街中心小学（…）`. */
export function describeCandidates(list: readonly RegistryEntry[], lang: 'zh' | 'en' = 'zh'): string {
  return list
    .map((e) => {
      const where = e.town && !e.name.startsWith(e.town) ? (lang === 'zh' ? e.town : `${e.town} `) : '';
      const code = e.code !== '' ? (lang === 'zh' ? `（${e.code}）` : ` (${e.code})`) : '';
      return `${where}${e.name}${code}`;
    })
    .join(lang === 'zh' ? '、' : '; ');
}
