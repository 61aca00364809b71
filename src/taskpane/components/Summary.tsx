import { makeStyles, tokens } from '@fluentui/react-components';
import type { Summary as SummaryData } from '../../core/report/report';
import type { Finding, Severity } from '../../core/rules/types';
import type { Strings } from '../i18n';

/** What a count tile shows when pressed: one severity (unexplained findings) or the explained ones. */
export type SummaryFilter = Severity | 'explained';

/** Whether a finding is in the list a tile selects. */
export function matchesFilter(f: Finding, filter: SummaryFilter | null): boolean {
  if (filter === null) return true;
  if (filter === 'explained') return f.explanation !== undefined && f.explanation !== '';
  return !f.explanation && f.severity === filter;
}

const useStyles = makeStyles({
  root: {
    display: 'grid',
    gridTemplateColumns: 'repeat(4, 1fr)',
    gap: tokens.spacingHorizontalXS,
    margin: `${tokens.spacingVerticalXS} 0`,
  },
  box: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXXS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    border: `1px solid transparent`,
    font: 'inherit',
    color: 'inherit',
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground3Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
    ':disabled': { cursor: 'default' },
  },
  pressed: { border: `1px solid ${tokens.colorNeutralStrokeAccessible}`, backgroundColor: tokens.colorNeutralBackground1Selected },
  n: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase400 },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorPaletteBlueForeground2 },
  explained: { color: tokens.colorPaletteGreenForeground1 },
  label: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
});

/**
 * 错误/警告/提示/已说明 counts, announced to screen readers when they change. With `onFilter`
 * each tile is a toggle button that shows only its findings (pressed again: all).
 */
export function Summary(props: {
  readonly summary: SummaryData;
  readonly t: Strings;
  readonly filter?: SummaryFilter | null | undefined;
  readonly onFilter?: ((filter: SummaryFilter | null) => void) | undefined;
}) {
  const s = useStyles();
  const { summary, t } = props;
  const items: [SummaryFilter, string, number, string][] = [
    ['error', t.severity.error, summary.errors, s.error],
    ['warning', t.severity.warning, summary.warnings, s.warning],
    ['info', t.severity.info, summary.infos, s.info],
    ['explained', t.explained, summary.explained, s.explained],
  ];
  return (
    <div className={s.root} role="status" aria-label={t.summaryLabel} data-testid="summary">
      {items.map(([key, label, n, cls]) => {
        const pressed = props.filter === key;
        return (
          <button
            type="button"
            key={key}
            className={`${s.box} ${pressed ? s.pressed : ''}`}
            data-count={label}
            data-filter={key}
            aria-pressed={props.onFilter ? pressed : undefined}
            disabled={!props.onFilter || (n === 0 && !pressed)}
            onClick={() => props.onFilter?.(pressed ? null : key)}
          >
            <span className={`${s.n} ${n > 0 ? cls : ''}`}>{n}</span>
            <span className={s.label}>{label}</span>
          </button>
        );
      })}
    </div>
  );
}
