/**
 * 导出公开文本: the last check's document → the Word file, through an injected exporter (the
 * pane loads the docx writer as a lazy chunk). Same rule as the CLI: while errors remain
 * (explained findings do not count) the user confirms in a dialog that lists them; with none
 * it exports at once. Afterwards every text change the export made is listed.
 */
import { useState } from 'react';
import {
  Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle,
  Link, MessageBar, MessageBarBody, makeStyles, tokens,
} from '@fluentui/react-components';
import type { CheckResult } from '../../core/check';
import type { DisclosureDocument } from '../../core/model';
import type { Normalisation } from '../../core/export/types';
import type { Lang } from '../../core/rules/types';
import { toA1 } from '../../core/snapshot/a1';
import type { Strings } from '../i18n';
import { DOCX_TYPE, type SaveFile } from '../download';

/** What the pane needs from the Word writer (`exportDocxWithModel` in src/hosts/docx/write). */
export type DocxExporter = (document: DisclosureDocument) => Promise<{
  readonly bytes: Uint8Array;
  readonly model: { readonly normalisations: readonly Normalisation[] };
}>;

const FIRST_ERRORS = 5;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  button: { alignSelf: 'flex-start' },
  errors: { margin: `${tokens.spacingVerticalS} 0 0 0`, paddingLeft: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  place: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  more: { color: tokens.colorNeutralForeground3, listStyleType: 'none' },
  changes: { fontSize: tokens.fontSizeBase200 },
  summary: { cursor: 'pointer', padding: `${tokens.spacingVerticalXS} 0`, fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, maxHeight: '40vh', overflowY: 'auto', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: { wordBreak: 'break-word' },
  actions: { flexWrap: 'wrap' },
  diff: { display: 'block', color: tokens.colorNeutralForeground2, whiteSpace: 'pre-wrap' },
});

export interface ExportPanelProps {
  /** The last check's result; null before a check (the button is disabled). */
  readonly result: CheckResult | null;
  readonly lang: Lang;
  readonly t: Strings;
  /** The pane is busy (a check or a write is running). */
  readonly disabled: boolean;
  readonly exporter: DocxExporter;
  readonly save: SaveFile;
  /** The workbook's name without extension, for `<name>-公开文本.docx`. */
  readonly workbookName: () => Promise<string | null> | string | null;
  /** Inside Excel: say that a host which blocks downloads needs the page or the CLI. */
  readonly inExcel: boolean;
  /** `Office.context.platform`: on 'Mac' the add-in cannot download, which is said before the click. */
  readonly platform?: string | null | undefined;
  /** The standalone page, linked from that message. */
  readonly standaloneUrl?: string | undefined;
  /** Errors that 全部填入 can fix: the dialog offers it first (it opens the fill confirmation). */
  readonly fillable?: number | undefined;
  onFillAll?(): void;
  /** 先修正: the safe choice; the pane then shows the errors only. */
  onFixFirst?(): void;
}

type Done =
  | { readonly ok: true; readonly result: CheckResult; readonly file: string; readonly changes: readonly Normalisation[] }
  | { readonly ok: false; readonly result: CheckResult };

function place(n: Normalisation): string {
  const cell = n.ref ? `${n.ref.sheet}!${toA1(n.ref.row, n.ref.col)}` : undefined;
  // a project on its own sheet: the cell says which project
  if (n.project && n.ref && n.ref.sheet === n.project) return cell ?? '';
  return [n.project, cell].filter(Boolean).join(' · ');
}

export function ExportPanel(props: ExportPanelProps) {
  const { t, result } = props;
  const s = useStyles();
  const [confirming, setConfirming] = useState(false);
  const [running, setRunning] = useState(false);
  const [done, setDone] = useState<Done | null>(null);

  const errors = result ? result.findings.filter((f) => f.severity === 'error' && !f.explanation) : [];
  const errorCount = result?.summary.errors ?? 0;
  const canFill = (props.fillable ?? 0) > 0 && props.onFillAll !== undefined;

  const run = async (r: CheckResult) => {
    setRunning(true);
    try {
      const name = (await props.workbookName())?.trim() || t.defaultWorkbookName;
      const file = `${name}-公开文本.docx`;
      const out = await props.exporter(r.document);
      props.save(file, out.bytes, DOCX_TYPE);
      setDone({ ok: true, result: r, file, changes: out.model.normalisations });
    } catch {
      setDone({ ok: false, result: r });
    } finally {
      setRunning(false);
    }
  };

  const onClick = () => {
    if (!result) return;
    if (errorCount > 0) setConfirming(true);
    else void run(result);
  };

  // what the last export said, while it is about the result on screen
  const shown = done && done.result === result ? done : null;
  const lang = props.lang === 'zh' ? 'zh' : 'en';

  return (
    <div className={s.root} data-testid="export">
      <Button className={s.button} disabled={!result || props.disabled || running} onClick={onClick} title={result ? undefined : t.exportHint}>
        {running ? t.exporting : t.exportDocx}
      </Button>
      {props.inExcel && props.platform === 'Mac' && (
        <MessageBar layout="multiline" intent="warning" data-testid="export-mac">
          <MessageBarBody>
            {t.exportMac}
            {props.standaloneUrl && <> <Link href={props.standaloneUrl} target="_blank" rel="noopener">{t.tooOldStandalone}</Link></>}
          </MessageBarBody>
        </MessageBar>
      )}
      {shown && !shown.ok && (
        <MessageBar layout="multiline" intent="error" role="alert"><MessageBarBody>{t.exportFailed}</MessageBarBody></MessageBar>
      )}
      {shown?.ok && (
        <MessageBar layout="multiline" intent="success" role="status">
          <MessageBarBody>{t.exported(shown.file)}{props.inExcel ? ` ${t.exportBlockedHint}` : ''}</MessageBarBody>
        </MessageBar>
      )}
      {shown?.ok && (shown.changes.length === 0 ? (
        <p className={s.changes}>{t.exportNoChanges}</p>
      ) : (
        <details className={s.changes} data-testid="export-changes">
          <summary className={s.summary}>{t.exportChanges(shown.changes.length)}</summary>
          <ol className={s.list}>
            {shown.changes.map((n, i) => (
              <li key={i} className={s.item}>
                {place(n) && <span className={s.place}>{place(n)}　</span>}
                {n[lang]}
                {n.before !== n.after && <span className={s.diff}>{`“${n.before}” → “${n.after}”`}</span>}
              </li>
            ))}
          </ol>
        </details>
      ))}

      <Dialog open={confirming} onOpenChange={(_, d) => { if (!d.open) setConfirming(false); }}>
        <DialogSurface aria-describedby="export-confirm-intro">
          <DialogBody>
            <DialogTitle>{t.exportConfirmTitle(errorCount)}</DialogTitle>
            <DialogContent>
              <p id="export-confirm-intro">{t.exportConfirmIntro}</p>
              <ul className={s.errors} data-testid="export-errors">
                {errors.slice(0, FIRST_ERRORS).map((f) => (
                  <li key={f.key}>
                    <span className={s.place}>{[f.project !== f.sheet ? f.project : undefined, `${f.sheet}!${f.cell}`].filter(Boolean).join(' · ')}</span>
                    <br />
                    {f.message}
                  </li>
                ))}
                {errorCount > Math.min(FIRST_ERRORS, errors.length) && (
                  <li className={s.more}>{t.exportMoreErrors(errorCount - Math.min(FIRST_ERRORS, errors.length))}</li>
                )}
              </ul>
            </DialogContent>
            {/* the safe choice is the primary one: 全部填入 where errors can be filled, else 先修正; 仍然导出 is secondary */}
            <DialogActions fluid className={s.actions}>
              {canFill && (
                <Button appearance="primary" data-appearance="primary" data-testid="export-fill-all" onClick={() => {
                  setConfirming(false);
                  props.onFillAll?.();
                }}>{t.fillAll(props.fillable ?? 0)}</Button>
              )}
              <Button appearance={canFill ? 'secondary' : 'primary'} data-appearance={canFill ? 'secondary' : 'primary'} onClick={() => {
                setConfirming(false);
                props.onFixFirst?.();
              }}>{t.exportFixFirst}</Button>
              <Button appearance="secondary" data-appearance="secondary" onClick={() => {
                setConfirming(false);
                if (result) void run(result);
              }}>{t.exportAnyway}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
