import { makeStyles, tokens } from '@fluentui/react-components';
import type { Summary as SummaryData } from '../../core/report/report';
import type { Strings } from '../i18n';

const useStyles = makeStyles({
  root: { display: 'grid', gridTemplateColumns: 'repeat(4, 1fr)', gap: tokens.spacingHorizontalXS, margin: `${tokens.spacingVerticalS} 0` },
  box: { display: 'flex', flexDirection: 'column', alignItems: 'center', padding: tokens.spacingVerticalXS, borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground3 },
  n: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase500 },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorPaletteBlueForeground2 },
  explained: { color: tokens.colorPaletteGreenForeground1 },
  label: { fontSize: tokens.fontSizeBase200 },
});

/** 错误/警告/提示/已说明 counts, announced to screen readers when they change. */
export function Summary(props: { readonly summary: SummaryData; readonly t: Strings }) {
  const s = useStyles();
  const { summary, t } = props;
  const items: [string, number, string][] = [
    [t.severity.error, summary.errors, s.error],
    [t.severity.warning, summary.warnings, s.warning],
    [t.severity.info, summary.infos, s.info],
    [t.explained, summary.explained, s.explained],
  ];
  return (
    <div className={s.root} role="status" aria-label={t.summaryLabel} data-testid="summary">
      {items.map(([label, n, cls]) => (
        <div key={label} className={s.box} data-count={label}>
          <span className={`${s.n} ${n > 0 ? cls : ''}`}>{n}</span>
          <span className={s.label}>{label}</span>
        </div>
      ))}
    </div>
  );
}
