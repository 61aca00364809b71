/**
 * The item-name reader as it was before it was made linear (commit 265dfac, src/core/text/enumerations.ts),
 * kept verbatim as the reference the property tests compare the new one with. Test code only.
 */

/** Item names that say nothing alone (`资金80万元`): the words of the clause before are added to them. */
const GENERIC = /^(?:资金|经费|金额|费用|款项|投资|总投资|投入|支出|面积|建筑面积|占地面积|数量|人数|规模|合计|共计|总计|小计)$/u;
const NUMBERING = /^(?:[(（][一二三四五六七八九十\d]+[)）]|\d+[.、．]|[一二三四五六七八九十]+[、.．]|[一二三四五六七八九十]是)\s*/u;

/** Words that end a name without being part of it: verbs, qualifiers, total words (longest first). */
const TRAILING = [
  '拨付资金',
  '下达资金',
  '安排资金',
  '投入资金',
  '预算资金',
  '安排经费',
  '不超过',
  '分别为',
  '分别是',
  '预计',
  '大约',
  '共需',
  '共计',
  '合计',
  '总计',
  '支出',
  '支付',
  '拨付',
  '下达',
  '投入',
  '分别',
  '安排',
  '超过',
  '约',
  '计',
  '需',
  '为',
  '是',
  '达',
  '按',
  '的',
  '近',
  '逾',
];
/** Words that open a clause without being part of the name (longest first). */
const LEADING = [
  '资金来源为',
  '分别为',
  '分别是',
  '具体为',
  '具体是',
  '主要用于',
  '来源为',
  '其中',
  '包括',
  '包含',
  '用于',
  '以及',
  '另外',
  '另有',
  '预计',
  '共需',
  '支出',
  '支付',
  '投入',
  '安排',
  '完成',
  '实际',
  '全年',
  '本年度',
  '年度',
  '每年',
  '含',
  '和',
  '及',
  '与',
  '另',
  '共',
  '需',
];

function stripEnds(s: string): string {
  for (let changed = true; changed && s !== '';) {
    changed = false;
    const lead = LEADING.find((w) => s.startsWith(w));
    if (lead) {
      s = s.slice(lead.length);
      changed = true;
    }
    const year = /^\d{4}(?:年度|年)/u.exec(s);
    if (year) {
      s = s.slice(year[0].length);
      changed = true;
    }
    const trail = TRAILING.find((w) => s.endsWith(w));
    if (trail && s.length > trail.length) {
      s = s.slice(0, -trail.length);
      changed = true;
    }
    const num = NUMBERING.exec(s);
    if (num) {
      s = s.slice(num[0].length);
      changed = true;
    }
    s = s.trim();
  }
  return s;
}

function clean(raw: string): string {
  let s = raw.trim().replace(/[:：\s]+$/u, '');
  // 其中：培训费8万元 — the words after a colon; 资金用于购置图书 — the words after the list's lead word
  const colon = Math.max(s.lastIndexOf(':'), s.lastIndexOf('：'));
  if (colon >= 0) s = s.slice(colon + 1);
  const lead = /^.*?(?:其中|分别为|分别是|分布在|分布于|具体为|具体是|主要用于|用于|包括|包含)(.+)$/u.exec(s);
  if (lead) s = lead[1]!;
  s = stripEnds(s);
  // 3月支付培训费: the time stays (it tells items apart), the verb after it goes
  return s.replace(
    /^((?:\d{1,2}(?:[-—~至]\d{1,2})?月份?(?:上旬|中旬|下旬|初|底|末|前|后)?|上半年|下半年|[春秋]季学期|第[一二三四]季度)[,，]?)(?:预计|共需|需|支出|支付|拨付|发放|投入|安排|完成|下达|购买|采购)+/u,
    '$1',
  );
}

/**
 * What an item is called: the words before its figure back to the previous separator (a `、` joins
 * words of one name unless a figure stands before it: `宣传、资料费15万元`), without numbering, the
 * list's lead word, a year, and verbs and qualifiers that end it. A name that says nothing alone
 * (`投资`, `建筑面积`) takes the words of the clause before (`龙场中学…投资`). `full` is the name
 * uncut (an item's identity), `label` the name cut to 14 characters for messages.
 */
export function itemNameReference(norm: string, nStart: number, figureEnds: readonly number[]): { label: string; full: string } {
  const prevFigure = figureEnds.filter((e) => e <= nStart).reduce((a, b) => Math.max(a, b), 0);
  const hard = /[,，。;；\n()（）]/u;
  // 培训费：8万元 — a colon right before the figure joins the name to it
  let start = nStart;
  while (start > prevFigure && /[:：\s]/u.test(norm[start - 1]!)) start--;
  let i = start;
  let skipped = '';
  while (i > prevFigure && start - i < 40) {
    const c = norm[i - 1]!;
    if ((c === ')' || c === '）') && i < start) {
      // 省级财政（含中央）承担: a parenthesis inside the name is left out of it
      let k = i - 1;
      let depth = 0;
      while (k > prevFigure) {
        const x = norm[k]!;
        if (x === ')' || x === '）') depth++;
        else if ((x === '(' || x === '（') && --depth === 0) break;
        k--;
      }
      if (k <= prevFigure || depth !== 0) break;
      skipped = norm.slice(k, i) + skipped;
      i = k;
      continue;
    }
    if (hard.test(c)) break;
    if (c === '、') {
      // a 、 between words of one name, unless the words before it hold a figure
      let k = i - 1;
      while (k > 0 && !hard.test(norm[k - 1]!) && norm[k - 1] !== '、') k--;
      if (prevFigure > k) break;
    }
    i--;
  }
  const raw = removeAll(norm.slice(i, nStart), skipped);
  // A校：设备10万元 — the words before a colon head the item: shown after it, identified with it
  const shown = clean(raw);
  const headed = /[:：][^:：]/u.test(raw) ? clean(raw.replace(/[:：]/gu, '')) : shown;
  let name = shown;
  let full = headed;
  if (shown !== '' && GENERIC.test(shown)) {
    if (headed !== shown) name = headed;
    else {
      // 龙场中学建筑面积1120平方米、投资133万元: the subject of the clause before
      let j = i - 1;
      while (j > 0 && /[、,，\s]/u.test(norm[j]!)) j--;
      let k = j;
      while (k > 0 && !/[,，。;；:：\n()（）、]/u.test(norm[k - 1]!)) k--;
      const head = clean(norm.slice(k, j + 1).replace(/\d[\d.,]*\s*\S{0,4}$/u, '')).replace(/(?:建筑面积|占地面积|面积|数量|规模)$/u, '');
      if (head !== '' && !/\d/u.test(head) && !GENERIC.test(head)) name = full = `${head}${shown}`;
    }
  }
  const label = name.length > 14 ? `${name.slice(0, 13)}…` : name;
  return { label, full };
}

/** The text without the parenthesised pieces skipped while reading a name. */
function removeAll(text: string, skipped: string): string {
  if (skipped === '') return text;
  return text.replace(/[(（][^()（）]*[)）]/gu, '');
}
