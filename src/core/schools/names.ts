/**
 * School names: normalisation for exact matching, the table's 市+县 prefix, the 乡镇 part,
 * and what the name says about the school's type.
 */
import { compact } from './values';
import { memoized } from '../memo';

/** Normalises a school name for exact comparison: NFKC, no spaces, ASCII brackets. */
export function normalizeName(s: string): string {
  return normalizeNameOnce(s);
}
// every rule of a table's rows normalises the same names (prefix, registry match, types, format): once each
const NAME_CACHE_MAX = 65_536;
const normalizeNameOnce = memoized(normalizeNameUncached, NAME_CACHE_MAX);

function normalizeNameUncached(s: string): string {
  const c = compact(s);
  if (!BRACKETS.test(c)) return c;
  return c
    .replace(/[（【〔[]/g, '(')
    .replace(/[）】〕\]]/g, ')')
    .replace(/[·•・]/g, '');
}
const BRACKETS = /[（【〔[）】〕\]·•・]/;

const PREFIX_END = new Set(['市', '州', '盟', '区', '县', '旗']);
/** A prefix never runs into a town or a school name. */
const STOP = new Set(['镇', '乡', '学', '园', '校']);

/**
 * The 市+县 prefix common to a table's names (e.g. `玉溪市江川区`): the longest leading run of
 * administrative segments (ending in 市/州/盟/区/县/旗) that more than half of the names share.
 * '' when there is none. Never hard-coded: works for any city and county.
 */
export function commonPrefix(names: readonly string[]): string {
  const counts = new Map<string, number>();
  let total = 0;
  for (const n of names) {
    const c = normalizeName(n);
    if (c === '') continue;
    total++;
    const limit = Math.min(c.length - 2, 16);
    for (let i = 1; i < limit; i++) {
      const ch = c[i]!;
      if (STOP.has(ch) || (ch === '街' && c[i + 1] === '道')) break;
      if (PREFIX_END.has(ch)) {
        const p = c.slice(0, i + 1);
        counts.set(p, (counts.get(p) ?? 0) + 1);
      }
    }
  }
  let best = '';
  for (const [p, k] of counts) {
    if (k * 2 > total && (k >= 2 || total === 1) && p.length > best.length) best = p;
  }
  return best;
}

/** Splits a prefix `玉溪市江川区` into its city and county parts (the last segment is the county). */
export function splitPrefix(prefix: string): { city: string; county: string } {
  const hit = splitCache.get(prefix);
  if (hit) return hit;
  const m = /^(.*?[市州盟])?([^市州盟]*?[区县市旗])$/.exec(prefix);
  const out = m ? { city: m[1] ?? '', county: m[2] ?? '' } : { city: '', county: prefix };
  if (splitCache.size > 100) splitCache.clear();
  splitCache.set(prefix, out);
  return out;
}
const splitCache = new Map<string, { city: string; county: string }>();

/** The name without the 市+县 prefix (or without its county part alone), normalised. */
export function stripPrefix(name: string, prefix: string): { rest: string; hadPrefix: boolean } {
  return stripNormalized(normalizeName(name), prefix);
}

/** `stripPrefix` for a name already normalised. */
export function stripNormalized(n: string, prefix: string): { rest: string; hadPrefix: boolean } {
  if (prefix !== '' && n.startsWith(prefix)) return { rest: n.slice(prefix.length), hadPrefix: true };
  const { city, county } = splitPrefix(prefix);
  if (county !== '' && n.startsWith(county)) return { rest: n.slice(county.length), hadPrefix: false };
  if (city !== '' && n.startsWith(city)) return { rest: n.slice(city.length), hadPrefix: false };
  return { rest: n, hadPrefix: false };
}

/** The 乡镇/街道 a short name starts with (`大街街道大街小学` → `大街街道`), or ''. */
export function townOf(rest: string): string {
  const m = /^(.{1,8}?(?:街道办事处|街道|办事处|镇|乡))(.+)$/.exec(rest);
  if (!m) return '';
  const town = m[1]!;
  // `乡村…` / `镇中…` are not towns; a town is a place name followed by 镇/乡/街道
  if (/^(?:乡|镇)/.test(town)) return '';
  return town;
}

/** County-level schools carry no 乡镇: 第一中学, 职业中学, 特殊教育学校, 实验小学, 第一幼儿园… */
const COUNTY_LEVEL = /^(?:第[一二三四五六七八九十\d]+|职业|特殊教育|特教|实验|民族|教师进修|进修|县|区|城区|机关|育才|一中|二中|三中)/;

export function isCountyLevelName(rest: string): boolean {
  return townOf(rest) === '' && COUNTY_LEVEL.test(rest);
}

/** The school-code type digits (AA) the name allows; null when the name says nothing. */
export function expectedTypes(name: string): { readonly types: readonly string[]; readonly kind: string } | null {
  return expectedTypesOnce(name);
}
const expectedTypesOnce = memoized(expectedTypesUncached, NAME_CACHE_MAX);

function expectedTypesUncached(name: string): { types: readonly string[]; kind: string } | null {
  const n = normalizeName(name).replace(/\([^)]*\)$/, '');
  if (/(?:特殊教育|特教|培智|启智|聋哑|聋|盲)(?:学校|中心)?$/.test(n) || n.includes('特殊教育'))
    return { types: ['51'], kind: '特殊教育学校' };
  if (/幼儿园$|幼稚园$/.test(n)) return { types: ['11'], kind: '幼儿园' };
  if (/(?:职业(?:高级)?中学|职业技术学校|职业学校|职业高中|职中|中等专业学校|中专|职教中心|职业教育中心)$/.test(n)) {
    return { types: ['36', '32'], kind: '职业中学' };
  }
  if (/(?:小学|完小|小学校)$/.test(n)) return { types: ['21', '22'], kind: '小学' };
  if (/(?:九年一贯制学校|九年制学校)$/.test(n)) return { types: ['21', '31'], kind: '九年一贯制学校' };
  if (/(?:十二年一贯制学校|完全中学|高级中学|高中)$/.test(n)) return { types: ['34', '31'], kind: '高级中学' };
  if (/(?:初级中学|初中)$/.test(n)) return { types: ['31', '32', '33', '34'], kind: '初级中学' };
  if (n.endsWith('中学')) return { types: ['31', '32', '33', '34', '35'], kind: '中学' };
  return null;
}

/** The school types of the 学校(机构)代码 scheme. */
export const SCHOOL_TYPES: Readonly<Record<string, { zh: string; en: string }>> = {
  '11': { zh: '幼儿园', en: 'kindergarten' },
  '21': { zh: '小学', en: 'primary school' },
  '22': { zh: '成人小学', en: 'adult primary school' },
  '31': { zh: '普通初中', en: 'junior secondary school' },
  '32': { zh: '职业初中', en: 'vocational junior secondary school' },
  '33': { zh: '成人初中', en: 'adult junior secondary school' },
  '34': { zh: '普通高中', en: 'senior secondary school' },
  '35': { zh: '成人高中', en: 'adult senior secondary school' },
  '36': { zh: '中等职业学校', en: 'secondary vocational school' },
  '37': { zh: '工读学校', en: 'reform school' },
  '41': { zh: '普通高校', en: 'university' },
  '42': { zh: '成人高校', en: 'adult higher-education institution' },
  '51': { zh: '特殊教育学校', en: 'special-education school' },
  '91': { zh: '其他机构', en: 'other institution' },
  '92': { zh: '其他机构', en: 'other institution' },
  '93': { zh: '其他机构', en: 'other institution' },
};

/** GB/T 2260 province-level codes (first two digits). */
export const PROVINCES: Readonly<Record<string, string>> = {
  '11': '北京',
  '12': '天津',
  '13': '河北',
  '14': '山西',
  '15': '内蒙古',
  '21': '辽宁',
  '22': '吉林',
  '23': '黑龙江',
  '31': '上海',
  '32': '江苏',
  '33': '浙江',
  '34': '安徽',
  '35': '福建',
  '36': '江西',
  '37': '山东',
  '41': '河南',
  '42': '湖北',
  '43': '湖南',
  '44': '广东',
  '45': '广西',
  '46': '海南',
  '50': '重庆',
  '51': '四川',
  '52': '贵州',
  '53': '云南',
  '54': '西藏',
  '61': '陕西',
  '62': '甘肃',
  '63': '青海',
  '64': '宁夏',
  '65': '新疆',
  '71': '台湾',
  '81': '香港',
  '82': '澳门',
};
