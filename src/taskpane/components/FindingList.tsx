import { useState } from 'react';
import { Badge, Button, Field, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import type { Finding, Severity } from '../../core/rules/types';
import type { Strings } from '../i18n';

const useStyles = makeStyles({
  project: { marginTop: tokens.spacingVerticalM },
  projectTitle: {
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
    margin: `0 0 ${tokens.spacingVerticalXS} 0`,
    display: 'flex',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
  },
  ruleTitle: {
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground3,
    fontWeight: tokens.fontWeightRegular,
    margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXXS} 0`,
  },
  ruleId: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase100, whiteSpace: 'nowrap' },
  list: { listStyleType: 'none', padding: 0, margin: 0 },
  item: {
    borderLeft: `3px solid ${tokens.colorNeutralStroke2}`,
    padding: `${tokens.spacingVerticalXS} 0 ${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    marginBottom: tokens.spacingVerticalXS,
  },
  itemError: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  itemWarning: { borderLeftColor: tokens.colorPaletteDarkOrangeBorder2 },
  itemInfo: { borderLeftColor: tokens.colorPaletteBlueBorderActive },
  itemExplained: { borderLeftColor: tokens.colorNeutralStroke1, opacity: 0.85 },
  itemSelected: { backgroundColor: tokens.colorNeutralBackground1Selected },
  go: {
    display: 'block',
    width: '100%',
    textAlign: 'left',
    background: 'none',
    border: 'none',
    padding: 0,
    cursor: 'pointer',
    font: 'inherit',
    color: 'inherit',
    lineHeight: tokens.lineHeightBase300,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
  place: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground3,
    marginLeft: tokens.spacingHorizontalXS,
  },
  message: { display: 'block', marginTop: tokens.spacingVerticalXXS, wordBreak: 'break-word' },
  detail: { display: 'block', fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  explanation: {
    display: 'block',
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorPaletteGreenForeground1,
    marginTop: tokens.spacingVerticalXXS,
    wordBreak: 'break-word',
  },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, marginTop: tokens.spacingVerticalXXS },
  sameCell: {
    display: 'block',
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    marginTop: tokens.spacingVerticalXXS,
    paddingLeft: tokens.spacingHorizontalXS,
    borderLeft: `2px dotted ${tokens.colorNeutralStroke1}`,
  },
  explainBox: { marginTop: tokens.spacingVerticalXS, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

export const SEVERITY_COLOR: Record<Severity, 'danger' | 'warning' | 'informative'> = {
  error: 'danger',
  warning: 'warning',
  info: 'informative',
};

export interface FindingListProps {
  readonly findings: readonly Finding[];
  readonly t: Strings;
  readonly selectedKey?: string | undefined;
  readonly busy: boolean;
  /** The rule's name in the pane's language (标题编号; Heading numbering). */
  readonly ruleName: (rule: string) => string;
  /** The rule's tooltip: its id and description (the id is shown in the text only in English). */
  ruleHint?(rule: string): string;
  /** Show the rule id beside its name (the English UI); the Chinese pane shows it in the tooltip only. */
  readonly showRuleIds?: boolean | undefined;
  readonly onSelect: (f: Finding) => void;
  readonly onFix: (f: Finding) => void;
  /** The host can insert rows (Excel): a fix that inserts a missing section's heading is offered. */
  readonly insertable?: boolean | undefined;
  readonly onExplain: (f: Finding, text: string) => void;
  /** 对应标题 on a finding that offers it (finding.mapHeading): the button's label and what it opens. */
  readonly mapHeading?: { readonly label: string; open(f: Finding): void } | undefined;
}

interface Group {
  readonly project: string;
  readonly rules: { readonly rule: string; readonly findings: Finding[] }[];
  count: number;
}

/** Errors before warnings before infos; explained findings (no longer counted) last. */
export function findingRank(f: Finding): number {
  return f.explanation ? 3 : f.severity === 'error' ? 0 : f.severity === 'warning' ? 1 : 2;
}

/**
 * Groups by project (in order of first appearance), then by rule; within a project the rules with
 * errors come first, then warnings, then infos (each rule's findings in the same order; ties keep
 * the workbook's order).
 */
export function groupFindings(findings: readonly Finding[]): Group[] {
  const groups: Group[] = [];
  const byProject = new Map<string, Group>();
  for (const f of findings) {
    const p = f.project ?? '';
    let g = byProject.get(p);
    if (!g) {
      g = { project: p, rules: [], count: 0 };
      byProject.set(p, g);
      groups.push(g);
    }
    let r = g.rules.find((x) => x.rule === f.rule);
    if (!r) g.rules.push((r = { rule: f.rule, findings: [] }));
    r.findings.push(f);
    g.count++;
  }
  for (const g of groups) {
    for (const r of g.rules) r.findings.sort((a, b) => findingRank(a) - findingRank(b));
    g.rules.sort((a, b) => findingRank(a.findings[0]!) - findingRank(b.findings[0]!));
  }
  // findings outside any project go last
  return [...groups.filter((g) => g.project !== ''), ...groups.filter((g) => g.project === '')];
}

/**
 * Findings on the same cell that expect different values (a row sum says 723.84, the column sum
 * 714.84): each is shown with the others, as one problem seen two ways.
 */
export function sameCellOthers(findings: readonly Finding[]): Map<Finding, Finding[]> {
  const byCell = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.expected === undefined || f.expected === '') continue;
    const k = `${f.sheet}\u0000${f.cell}`;
    const list = byCell.get(k);
    if (list) list.push(f);
    else byCell.set(k, [f]);
  }
  const out = new Map<Finding, Finding[]>();
  for (const list of byCell.values()) {
    if (list.length < 2) continue;
    for (const f of list) {
      const others = list.filter((o) => o !== f && o.expected !== f.expected);
      if (others.length > 0) out.set(f, others);
    }
  }
  return out;
}

function FindingItem(
  props: { f: Finding; t: Strings; selected: boolean; busy: boolean; others?: readonly Finding[] | undefined } & Pick<
    FindingListProps,
    'onSelect' | 'onFix' | 'onExplain' | 'mapHeading' | 'ruleName' | 'insertable'
  >,
) {
  const { f, t, selected, busy } = props;
  const s = useStyles();
  const [explaining, setExplaining] = useState(false);
  const [text, setText] = useState(f.explanation ?? '');
  const sevClass = f.explanation
    ? s.itemExplained
    : f.severity === 'error'
      ? s.itemError
      : f.severity === 'warning'
        ? s.itemWarning
        : s.itemInfo;
  const boxId = `explain-${f.key}`;
  const hasExpected = f.expected !== undefined && f.expected !== '';
  const hasActual = f.actual !== undefined && f.actual !== '';
  return (
    <li className={`${s.item} ${sevClass} ${selected ? s.itemSelected : ''}`} data-finding={f.key} data-rule={f.rule}>
      <button
        type="button"
        className={s.go}
        onClick={() => props.onSelect(f)}
        aria-label={`${t.goTo(f.sheet, f.cell)}：${f.explanation ? t.explained : t.severity[f.severity]}，${f.message}`}
        aria-current={selected ? 'true' : undefined}
      >
        {f.explanation ? (
          <Badge appearance="outline" color="success" size="small">
            {t.explained}
          </Badge>
        ) : (
          <Badge appearance="filled" color={SEVERITY_COLOR[f.severity]} size="small">
            {t.severity[f.severity]}
          </Badge>
        )}
        <span className={s.place}>
          {f.sheet}!{f.cell}
        </span>
        <span className={s.message}>{f.message}</span>
        {(hasExpected || hasActual) && (
          <span className={s.detail}>
            {hasExpected && `${t.expected} ${f.expected}`}
            {hasExpected && hasActual && '；'}
            {hasActual && `${t.actual} ${f.actual}`}
          </span>
        )}
        {props.others?.map((o) => (
          <span key={o.key + o.message} className={s.sameCell} data-same-cell>
            {t.sameCell(props.ruleName(o.rule), o.expected ?? '')}
          </span>
        ))}
        {f.explanation && (
          <span className={s.explanation}>
            {t.explanationPrefix}
            {f.explanation}
          </span>
        )}
      </button>
      <div className={s.actions}>
        {f.fix && !f.fix.insert && (
          <Button
            size="small"
            appearance="primary"
            disabled={busy}
            onClick={() => props.onFix(f)}
            aria-label={t.fillLabel(`${f.fix.sheet}!${f.fix.cell}`, String(f.fix.value))}
          >
            {t.fill} {String(f.fix.value)}
          </Button>
        )}
        {f.fix?.insert && props.insertable && (
          <Button
            size="small"
            appearance="primary"
            disabled={busy}
            onClick={() => props.onFix(f)}
            aria-label={t.insertLabel(`${f.fix.sheet}!${f.fix.cell}`, String(f.fix.value))}
          >
            {t.insertSection}
          </Button>
        )}
        {f.mapHeading && props.mapHeading && (
          <Button size="small" disabled={busy} onClick={() => props.mapHeading!.open(f)}>
            {props.mapHeading.label}
          </Button>
        )}
        <Button
          size="small"
          appearance="secondary"
          icon={<span aria-hidden="true">✎</span>}
          aria-expanded={explaining}
          aria-controls={boxId}
          onClick={() => setExplaining((v) => !v)}
        >
          {f.explanation ? t.explainEdit : t.explainAdd}
        </Button>
      </div>
      {explaining && (
        <div className={s.explainBox} id={boxId}>
          <Field label={t.explainLabel}>
            <Textarea value={text} onChange={(_, d) => setText(d.value)} resize="vertical" />
          </Field>
          <div className={s.actions}>
            <Button
              size="small"
              appearance="primary"
              disabled={busy || text.trim() === ''}
              onClick={() => {
                props.onExplain(f, text.trim());
                setExplaining(false);
              }}
            >
              {t.explainSave}
            </Button>
            {f.explanation && (
              <Button
                size="small"
                disabled={busy}
                onClick={() => {
                  props.onExplain(f, '');
                  setText('');
                  setExplaining(false);
                }}
              >
                {t.explainRemove}
              </Button>
            )}
          </div>
        </div>
      )}
    </li>
  );
}

export function FindingList(props: FindingListProps) {
  const s = useStyles();
  const { t } = props;
  const others = sameCellOthers(props.findings);
  return (
    <div>
      {groupFindings(props.findings).map((g) => (
        <section key={g.project} className={s.project} aria-label={g.project || t.notInProject}>
          <h2 className={s.projectTitle}>
            <span>{g.project || t.notInProject}</span>
            <Badge appearance="tint" color="subtle" size="medium">
              {t.findingsCount(g.count)}
            </Badge>
          </h2>
          {g.rules.map((r) => (
            <div key={r.rule}>
              <h3 className={s.ruleTitle} title={props.ruleHint?.(r.rule)}>
                {props.ruleName(r.rule)}
                {props.showRuleIds && (
                  <>
                    {' '}
                    <code className={s.ruleId}>{r.rule}</code>
                  </>
                )}
              </h3>
              <ul className={s.list}>
                {r.findings.map((f) => (
                  <FindingItem
                    key={f.key + f.message}
                    f={f}
                    t={t}
                    busy={props.busy}
                    selected={props.selectedKey === f.key}
                    onSelect={props.onSelect}
                    onFix={props.onFix}
                    insertable={props.insertable}
                    onExplain={props.onExplain}
                    mapHeading={props.mapHeading}
                    ruleName={props.ruleName}
                    others={others.get(f)}
                  />
                ))}
              </ul>
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}
