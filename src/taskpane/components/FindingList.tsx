import { Suspense, lazy, useMemo, useState, type ReactNode } from 'react';
import { Badge, Button, Field, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import type { Finding, Severity } from '../../core/rules/types';
import type { Strings } from '../i18n';
import { WINDOW_FROM, findingRank, groupFindings, sameCellOthers } from './findingOrder';
import type { RowProps } from './VirtualList';

/** The windowed list (a few thousand findings): its own chunk, loaded the first time a list is that long. */
const WindowedFindings = lazy(() => import(/* webpackChunkName: "findings-window" */ './WindowedFindings'));

export { WINDOW_FROM, findingRank, groupFindings, sameCellOthers };

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
  /** Where a finding is, said instead of `sheet!cell` (a document's 第N段 / 第N行); undefined: its cell. */
  readonly placeOf?: ((f: Finding) => string | undefined) | undefined;
  /** 说明 can be written (false for a Word document or a text file, checked as written). Default true. */
  readonly explainable?: boolean | undefined;
  /** Window the list from this many findings (default WINDOW_FROM). */
  readonly windowFrom?: number | undefined;
}

/** A 说明 being written: whether its box is open, and its text. */
interface Draft {
  readonly open: boolean;
  readonly text: string;
}

/**
 * The drafts of the list's 说明, by item (finding key and message, as the list keys its items). The list
 * holds them, not the item: the windowed list stops rendering a row scrolled out of its window once the
 * focus has left it, and the row rendered again starts from its draft. Written as the user types, read
 * when an item mounts — a plain map, so typing re-renders the item only, not the whole list.
 */
type Drafts = Map<string, Draft>;

function FindingItem(
  props: {
    f: Finding;
    t: Strings;
    selected: boolean;
    busy: boolean;
    drafts: Drafts;
    others?: readonly Finding[] | undefined;
    /** In the windowed list: the row's own props, and the headings of its project and rule when it is their first. */
    row?: RowProps | undefined;
    before?: ReactNode;
  } & Pick<FindingListProps, 'onSelect' | 'onFix' | 'onExplain' | 'mapHeading' | 'ruleName' | 'insertable' | 'placeOf' | 'explainable'>,
) {
  const { f, t, selected, busy } = props;
  const s = useStyles();
  const id = f.key + f.message;
  const [explaining, showExplaining] = useState(() => props.drafts.get(id)?.open ?? false);
  const [text, showText] = useState(() => props.drafts.get(id)?.text ?? f.explanation ?? '');
  /** The draft kept by the list: none once it is closed and says what the finding's explanation says. */
  const keep = (open: boolean, value: string): void => {
    if (!open && value === (f.explanation ?? '')) props.drafts.delete(id);
    else props.drafts.set(id, { open, text: value });
  };
  const setExplaining = (open: boolean): void => {
    showExplaining(open);
    keep(open, text);
  };
  const setText = (value: string): void => {
    showText(value);
    keep(explaining, value);
  };
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
  const place = props.placeOf?.(f);
  const itemProps = { className: `${s.item} ${sevClass} ${selected ? s.itemSelected : ''}`, 'data-finding': f.key, 'data-rule': f.rule };
  const body = (
    <>
      <button
        type="button"
        className={s.go}
        onClick={() => props.onSelect(f)}
        aria-label={`${place !== undefined ? t.goToPlace(place) : t.goTo(f.sheet, f.cell)}：${f.explanation ? t.explained : t.severity[f.severity]}，${f.message}`}
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
        <span className={s.place}>{place ?? `${f.sheet}!${f.cell}`}</span>
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
        {props.explainable !== false && (
          <Button
            size="small"
            appearance="secondary"
            icon={<span aria-hidden="true">✎</span>}
            aria-expanded={explaining}
            aria-controls={boxId}
            onClick={() => setExplaining(!explaining)}
          >
            {f.explanation ? t.explainEdit : t.explainAdd}
          </Button>
        )}
      </div>
      {explaining && props.explainable !== false && (
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
                showExplaining(false);
                props.drafts.delete(id); // saved: the finding's explanation is the text now
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
    </>
  );
  // the windowed list's row holds its headings above the finding
  return props.row ? (
    <li {...props.row}>
      {props.before}
      <div {...itemProps}>{body}</div>
    </li>
  ) : (
    <li {...itemProps}>{body}</li>
  );
}

export function FindingList(props: FindingListProps) {
  const s = useStyles();
  const { t } = props;
  const others = useMemo(() => sameCellOthers(props.findings), [props.findings]);
  // one map for the list's life, never replaced: the items write their drafts into it (see Drafts)
  const [drafts] = useState<Drafts>(() => new Map());
  const windowed = props.findings.length >= (props.windowFrom ?? WINDOW_FROM);

  const projectTitle = (name: string, count: number) => (
    <h2 className={s.projectTitle}>
      <span>{name || t.notInProject}</span>
      <Badge appearance="tint" color="subtle" size="medium">
        {t.findingsCount(count)}
      </Badge>
    </h2>
  );
  const ruleTitle = (rule: string) => (
    <h3 className={s.ruleTitle} title={props.ruleHint?.(rule)}>
      {props.ruleName(rule)}
      {props.showRuleIds && (
        <>
          {' '}
          <code className={s.ruleId}>{rule}</code>
        </>
      )}
    </h3>
  );
  const item = (f: Finding, row?: RowProps, before?: ReactNode) => (
    <FindingItem
      key={f.key + f.message}
      f={f}
      t={t}
      busy={props.busy}
      selected={props.selectedKey === f.key}
      drafts={drafts}
      onSelect={props.onSelect}
      onFix={props.onFix}
      insertable={props.insertable}
      onExplain={props.onExplain}
      mapHeading={props.mapHeading}
      ruleName={props.ruleName}
      placeOf={props.placeOf}
      explainable={props.explainable}
      others={others.get(f)}
      row={row}
      before={before}
    />
  );

  if (windowed) {
    return (
      <Suspense fallback={null}>
        <WindowedFindings
          findings={props.findings}
          selectedKey={props.selectedKey}
          label={t.findingsListLabel}
          projectClass={s.project}
          projectTitle={projectTitle}
          ruleTitle={ruleTitle}
          item={item}
        />
      </Suspense>
    );
  }

  return (
    <div>
      {groupFindings(props.findings).map((g) => (
        <section key={g.project} className={s.project} aria-label={g.project || t.notInProject}>
          {projectTitle(g.project, g.count)}
          {g.rules.map((r) => (
            <div key={r.rule}>
              {ruleTitle(r.rule)}
              <ul className={s.list}>{r.findings.map((f) => item(f))}</ul>
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}
