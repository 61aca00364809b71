import type { Project, Section, SectionKey } from '../model';
import { bandKeys, bigramSet, cannotReach, dice, similarityText, type BigramSet } from '../disclosure/similarity';
import { defineRule, type RawFinding } from './types';

/** Sections whose text legitimately repeats: the project name, the implementing unit. */
const NEVER: ReadonlySet<SectionKey> = new Set(['name', 'unit']);
/** Sections that may legitimately repeat across projects: two projects under the same policy cite the same documents. */
const NOT_ACROSS: ReadonlySet<SectionKey> = new Set(['basis']);
/**
 * 资金安排情况 and 项目实施计划 often restate the same steps, one with amounts, one with dates:
 * that pair counts only when (almost) word for word.
 */
const RESTATED: readonly [SectionKey, SectionKey] = ['funding', 'plan'];
const RESTATED_THRESHOLD = 0.98;
/** Candidates examined per MinHash bucket: keeps the cross-project search linear. */
const BUCKET_LIMIT = 24;

interface Entry {
  readonly project: Project;
  readonly section: Section;
  readonly text: string;
  readonly set: BigramSet;
  /** Shared by the entries of one text: its MinHash band keys, once they are needed. */
  readonly shared: Shared;
}

interface Shared {
  readonly set: BigramSet;
  keys?: string[];
}

function sectionText(s: Section): string {
  return similarityText(s.paragraphs.map((p) => p.text).join('\n'));
}

function percent(d: number, identical: boolean): number {
  if (identical) return 100;
  return Math.min(99, Math.floor(d * 100));
}

/**
 * Two sections with the same or nearly the same text: inside one project (项目实施内容,
 * 资金安排情况 and 项目实施计划 word for word), or a section copied from another project.
 * Similarity is the Dice coefficient of character bigrams over the text without spaces and
 * punctuation; from `similarityThreshold` (default 0.9) two texts count as copies. Texts
 * shorter than `minLength` characters (default 20), the project name and the implementing unit
 * are never compared; across projects only texts of `minLengthAcrossProjects` characters
 * (default 50) count (a one-sentence funding formula may coincide), and 立项依据 is compared only
 * inside a project. 资金安排情况 against 项目实施计划 counts only from 0.98 (word for word). Reported at the later
 * section's heading, once per section.
 */
export default defineRule({
  meta: {
    id: 'duplicate-text',
    name: { zh: '文字重复', en: 'Duplicate text' },
    group: 'text',
    defaultSeverity: 'warning',
    fixable: false,
    description: { zh: '不同部分文字相同或几乎相同', en: 'Two sections have the same or nearly the same text' },
    defaultOptions: { similarityThreshold: 0.9, minLength: 20, minLengthAcrossProjects: 50 },
    messages: {
      sameProject: {
        zh: '“{label}”与本项目“{otherLabel}”的文字{how}（相似度{percent}%）',
        en: '"{label}" has {how} text as "{otherLabel}" of this project (similarity {percent}%)',
      },
      otherProject: {
        zh: '“{label}”与{otherProject}的“{otherLabel}”文字{how}（相似度{percent}%）',
        en: '"{label}" has {how} text as "{otherLabel}" of {otherProject} (similarity {percent}%)',
      },
    },
  },
  check(document, context) {
    const rawThreshold = context.options.similarityThreshold;
    const threshold = typeof rawThreshold === 'number' && rawThreshold > 0 && rawThreshold <= 1 ? rawThreshold : 0.9;
    const rawMin = context.options.minLength;
    const minLength = typeof rawMin === 'number' && rawMin >= 0 ? rawMin : 20;
    const rawAcross = context.options.minLengthAcrossProjects;
    const minAcross = typeof rawAcross === 'number' && rawAcross >= 0 ? rawAcross : 50;
    const out: RawFinding<'sameProject' | 'otherProject'>[] = [];
    const flagged = new Set<Section>();

    const zh = context.lang === 'zh';
    const how = (identical: boolean): { how: string } =>
      identical ? { how: zh ? '完全相同' : 'the same' } : { how: zh ? '几乎相同' : 'nearly the same' };

    const entries: Entry[] = [];
    // a text met again (a section copied, the case this rule is for) reuses its bigram set and band keys
    const byText = new Map<string, Shared>();
    for (const project of document.projects) {
      const own: Entry[] = [];
      for (const section of project.sections) {
        if (NEVER.has(section.key)) continue;
        const text = sectionText(section);
        const length = text.length;
        if (length < minLength) continue;
        let shared = byText.get(text);
        if (shared === undefined) {
          shared = { set: bigramSet(text) };
          byText.set(text, shared);
        }
        const entry: Entry = { project, section, text, set: shared.set, shared };
        // inside the project: the first earlier section that is a copy
        for (const before of own) {
          if (before.section.key === section.key) continue; // a repeated heading is section-duplicate's
          const identical = before.text === text;
          if (!identical && cannotReach(before.set, entry.set, threshold)) continue;
          const d = identical ? 1 : dice(before.set, entry.set);
          const restated =
            (before.section.key === RESTATED[0] && section.key === RESTATED[1]) ||
            (before.section.key === RESTATED[1] && section.key === RESTATED[0]);
          if (d >= (restated ? Math.max(threshold, RESTATED_THRESHOLD) : threshold)) {
            out.push({
              messageId: 'sameProject',
              data: { label: section.label, otherLabel: before.section.label, percent: percent(d, identical), ...how(identical) },
              ref: section.headingRef,
              project: project.label,
              related: [before.section.headingRef],
            });
            flagged.add(section);
            break;
          }
        }
        own.push(entry);
        if (!NOT_ACROSS.has(section.key) && length >= minAcross) entries.push(entry);
      }
    }

    // across projects: identical texts by hash, near copies through MinHash buckets
    const exact = new Map<string, Entry>();
    const buckets = new Map<string, Entry[]>();
    for (const entry of entries) {
      let best: { other: Entry; d: number; identical: boolean } | null = null;
      const same = exact.get(entry.text);
      if (same && same.project !== entry.project) best = { other: same, d: 1, identical: true };
      const keys = (entry.shared.keys ??= bandKeys(entry.set));
      if (!best) {
        const tried = new Set<Entry>();
        for (const key of keys) {
          for (const other of buckets.get(key) ?? []) {
            if (other.project === entry.project || tried.has(other)) continue;
            tried.add(other);
            if (cannotReach(other.set, entry.set, threshold)) continue;
            const d = dice(other.set, entry.set);
            if (d >= threshold && (!best || d > best.d)) best = { other, d, identical: false };
          }
        }
      }
      if (best && !flagged.has(entry.section)) {
        out.push({
          messageId: 'otherProject',
          data: {
            label: entry.section.label,
            otherLabel: best.other.section.label,
            otherProject: best.other.project.label,
            percent: percent(best.d, best.identical),
            ...how(best.identical),
          },
          ref: entry.section.headingRef,
          project: entry.project.label,
          related: [best.other.section.headingRef],
        });
        flagged.add(entry.section);
      }
      if (!exact.has(entry.text)) exact.set(entry.text, entry);
      for (const key of keys) {
        const list = buckets.get(key);
        if (!list) buckets.set(key, [entry]);
        else if (list.length < BUCKET_LIMIT) list.push(entry);
      }
    }
    return out;
  },
});
