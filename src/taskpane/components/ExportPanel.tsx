/**
 * 导出公开文本: the last check's document → the Word file, through an injected exporter (the
 * pane loads the docx writer as a lazy chunk). Same rule as the CLI: while errors remain
 * (explained findings do not count) the user confirms in a dialog that lists them; with none
 * it exports at once. Afterwards every text change the export made is listed.
 *
 * Word 模板: the bureau's own template (.docx/.dotx), chosen once, checked at once (one sentence when
 * it cannot be used), remembered where the host keeps it (Excel: the workbook's settings; the page:
 * the browser's storage), and used by every export until the user picks 不用模板.
 */
import { useEffect, useRef, useState } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Link,
  MessageBar,
  MessageBarBody,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { CheckResult } from '../../core/check';
import type { DisclosureDocument } from '../../core/model';
import type { Normalisation } from '../../core/export/types';
import type { Lang } from '../../core/rules/types';
import { toA1 } from '../../core/snapshot/a1';
import type { Strings, TemplateSummaryText } from '../i18n';
import type { DocxTemplateStore } from '../../core/stored-template';
import { DOCX_TYPE, type SaveFile } from '../download';

/** What the pane needs from the Word writer (`exportDocxWithModel` in src/hosts/docx/write). */
export type DocxExporter = (
  document: DisclosureDocument,
  options?: DocxExportOptions,
) => Promise<{
  readonly bytes: Uint8Array;
  readonly model: { readonly normalisations: readonly Normalisation[] };
}>;

/** 导出公开文本's options: the bureau's own Word template (its bytes, checked when chosen). */
export interface DocxExportOptions {
  readonly template?: Uint8Array | undefined;
}

/** A template checked when chosen: what it gives, or why it cannot be used (one sentence). */
export type TemplateCheck = (
  bytes: Uint8Array,
  lang: Lang,
) => Promise<{ ok: true; summary: TemplateSummaryText } | { ok: false; message: string }>;

const cm = (twips: number): string => ((twips / 1440) * 2.54).toFixed(1);

/** The Word template reader, a lazy chunk like the writer. */
export const checkTemplateLazily: TemplateCheck = async (bytes, lang) => {
  const { tryReadDocxTemplate } = await import(/* webpackChunkName: "docx" */ '../../hosts/docx/template');
  const r = tryReadDocxTemplate(bytes);
  if (!r.ok) return { ok: false, message: r.error.messageFor(lang) };
  const { page, styles, hasHeader, hasFooter } = r.template.summary;
  return {
    ok: true,
    summary: {
      margins: page && { top: cm(page.top), bottom: cm(page.bottom), left: cm(page.left), right: cm(page.right) },
      styles: Object.values(styles).length,
      header: hasHeader,
      footer: hasFooter,
    },
  };
};

/** Larger files are refused before they are read (the template reader's own limit is 20 MB). */
const MAX_TEMPLATE_FILE = 20 * 1024 * 1024;

/** A chosen file's bytes (FileReader where Blob.arrayBuffer is missing: older WebViews, jsdom). */
function bytesOf(file: Blob): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === 'function') return file.arrayBuffer().then((b) => new Uint8Array(b));
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(new Uint8Array(r.result as ArrayBuffer));
    r.onerror = () => reject(r.error ?? new Error('read failed'));
    r.readAsArrayBuffer(file);
  });
}

interface ChosenTemplate {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly summary: TemplateSummaryText | null;
  /** Kept by the store (false: this session only). */
  readonly remembered: boolean;
}

const FIRST_ERRORS = 5;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  button: { alignSelf: 'flex-start' },
  errors: {
    margin: `${tokens.spacingVerticalS} 0 0 0`,
    paddingLeft: tokens.spacingHorizontalXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  place: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  more: { color: tokens.colorNeutralForeground3, listStyleType: 'none' },
  changes: { fontSize: tokens.fontSizeBase200 },
  template: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, fontSize: tokens.fontSizeBase200 },
  templateName: { fontWeight: tokens.fontWeightSemibold, wordBreak: 'break-all' },
  templateInfo: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  summary: { cursor: 'pointer', padding: `${tokens.spacingVerticalXS} 0`, fontWeight: tokens.fontWeightSemibold },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    maxHeight: '40vh',
    overflowY: 'auto',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
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
  /** Where the chosen Word template is remembered (none: for this session only). */
  readonly templateStore?: DocxTemplateStore | undefined;
  /** Checks a chosen template (default: the lazy template reader). */
  readonly checkTemplate?: TemplateCheck | undefined;
  /** Errors that 全部填入 can fix: the dialog offers it first (it opens the fill confirmation). */
  readonly fillable?: number | undefined;
  onFillAll?(): void;
  /** 先修正: the safe choice; the pane then shows the errors only. */
  onFixFirst?(): void;
}

type Done =
  | {
      readonly ok: true;
      readonly result: CheckResult;
      readonly file: string;
      readonly changes: readonly Normalisation[];
      readonly template?: string | undefined;
    }
  | { readonly ok: false; readonly result: CheckResult };

function place(n: Normalisation): string {
  const cell = n.ref ? `${n.ref.sheet}!${toA1(n.ref.row, n.ref.col)}` : undefined;
  // a project on its own sheet: the cell says which project
  if (n.project && n.ref?.sheet === n.project) return cell ?? '';
  return [n.project, cell].filter(Boolean).join(' · ');
}

export function ExportPanel(props: ExportPanelProps) {
  const { t, result } = props;
  const s = useStyles();
  const [confirming, setConfirming] = useState(false);
  const [running, setRunning] = useState(false);
  const [done, setDone] = useState<Done | null>(null);
  const [template, setTemplate] = useState<ChosenTemplate | null>(null);
  const [templateBusy, setTemplateBusy] = useState(false);
  const [templateError, setTemplateError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const check = props.checkTemplate ?? checkTemplateLazily;
  const store = props.templateStore;

  // the template remembered for this workbook (or this browser), read once when the pane opens
  useEffect(() => {
    if (!store) return;
    let live = true;
    void (async () => {
      const stored = await store.load().catch(() => null);
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- `live` is cleared by the cleanup while this awaits
      if (!live || !stored) return;
      const c = await check(stored.bytes, props.lang).catch(() => null);
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- `live` is cleared by the cleanup while this awaits
      if (!live || !c?.ok) return; // a remembered template that no longer reads: the built-in form
      setTemplate((cur) => cur ?? { name: stored.name, bytes: stored.bytes, summary: c.summary, remembered: true });
    })();
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- read once per store when the pane opens: a new language or checker does not reload it
  }, [store]);

  const onTemplateFile = async (file: File) => {
    setTemplateError(null);
    setTemplateBusy(true);
    try {
      if (file.size > MAX_TEMPLATE_FILE) {
        const c = await check(new Uint8Array(MAX_TEMPLATE_FILE + 1), props.lang);
        if (!c.ok) setTemplateError(c.message);
        return;
      }
      const bytes = await bytesOf(file);
      const c = await check(bytes, props.lang);
      if (!c.ok) {
        setTemplateError(c.message);
        return;
      }
      const remembered = store ? await store.save({ name: file.name, bytes }).catch(() => false) : false;
      setTemplate({ name: file.name, bytes, summary: c.summary, remembered });
    } catch {
      setTemplateError(t.exportFailed);
    } finally {
      setTemplateBusy(false);
    }
  };

  const forgetTemplate = () => {
    setTemplate(null);
    setTemplateError(null);
    if (store) void store.save(null).catch(() => false);
  };

  const errors = result ? result.findings.filter((f) => f.severity === 'error' && !f.explanation) : [];
  const errorCount = result?.summary.errors ?? 0;
  const canFill = (props.fillable ?? 0) > 0 && props.onFillAll !== undefined;

  const run = async (r: CheckResult) => {
    setRunning(true);
    try {
      const name = (await props.workbookName())?.trim() || t.defaultWorkbookName;
      const file = `${name}-公开文本.docx`;
      const out = await props.exporter(r.document, template ? { template: template.bytes } : undefined);
      props.save(file, out.bytes, DOCX_TYPE);
      setDone({ ok: true, result: r, file, changes: out.model.normalisations, template: template?.name });
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
  const shown = done?.result === result ? done : null;
  const lang = props.lang === 'zh' ? 'zh' : 'en';

  return (
    <div className={s.root} data-testid="export">
      <Button
        className={s.button}
        disabled={!result || props.disabled || running}
        onClick={onClick}
        title={result ? undefined : t.exportHint}
      >
        {running ? t.exporting : t.exportDocx}
      </Button>
      <div className={s.template} data-testid="export-template">
        <span>{t.templateLabel}：</span>
        <span className={s.templateName} data-testid="export-template-name">
          {templateBusy ? t.templateReading : template ? template.name : t.templateBuiltIn}
        </span>
        <Button size="small" disabled={templateBusy || running} onClick={() => fileInput.current?.click()}>
          {template ? t.templateChange : t.templateChoose}
        </Button>
        {template && (
          <Button size="small" appearance="subtle" disabled={templateBusy || running} onClick={forgetTemplate}>
            {t.templateForget}
          </Button>
        )}
        <input
          ref={fileInput}
          type="file"
          hidden
          data-testid="export-template-input"
          accept=".docx,.dotx,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.openxmlformats-officedocument.wordprocessingml.template"
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) void onTemplateFile(f);
          }}
        />
      </div>
      {template?.summary && (
        <p className={s.templateInfo} data-testid="export-template-summary">
          {t.templateSummary(template.summary)}{' '}
          {template.remembered ? (props.inExcel ? t.templateRememberedExcel : t.templateRememberedPage) : t.templateNotRemembered}
        </p>
      )}
      {templateError && (
        <MessageBar layout="multiline" intent="error" role="alert" data-testid="export-template-error">
          <MessageBarBody>{templateError}</MessageBarBody>
        </MessageBar>
      )}
      {props.inExcel && props.platform === 'Mac' && (
        <MessageBar layout="multiline" intent="warning" data-testid="export-mac">
          <MessageBarBody>
            {t.exportMac}
            {props.standaloneUrl && (
              <>
                {' '}
                <Link href={props.standaloneUrl} target="_blank" rel="noopener">
                  {t.tooOldStandalone}
                </Link>
              </>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      {shown && !shown.ok && (
        <MessageBar layout="multiline" intent="error" role="alert">
          <MessageBarBody>{t.exportFailed}</MessageBarBody>
        </MessageBar>
      )}
      {shown?.ok && (
        <MessageBar layout="multiline" intent="success" role="status">
          <MessageBarBody>
            {shown.template ? t.exportedWithTemplate(shown.file, shown.template) : t.exported(shown.file)}
            {props.inExcel ? ` ${t.exportBlockedHint}` : ''}
          </MessageBarBody>
        </MessageBar>
      )}
      {shown?.ok &&
        (shown.changes.length === 0 ? (
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

      <Dialog
        open={confirming}
        onOpenChange={(_, d) => {
          if (!d.open) setConfirming(false);
        }}
      >
        <DialogSurface aria-describedby="export-confirm-intro">
          <DialogBody>
            <DialogTitle>{t.exportConfirmTitle(errorCount)}</DialogTitle>
            <DialogContent>
              <p id="export-confirm-intro">{t.exportConfirmIntro}</p>
              <ul className={s.errors} data-testid="export-errors">
                {errors.slice(0, FIRST_ERRORS).map((f) => (
                  <li key={f.key}>
                    <span className={s.place}>
                      {[f.project !== f.sheet ? f.project : undefined, `${f.sheet}!${f.cell}`].filter(Boolean).join(' · ')}
                    </span>
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
                <Button
                  appearance="primary"
                  data-appearance="primary"
                  data-testid="export-fill-all"
                  onClick={() => {
                    setConfirming(false);
                    props.onFillAll?.();
                  }}
                >
                  {t.fillAll(props.fillable ?? 0)}
                </Button>
              )}
              <Button
                appearance={canFill ? 'secondary' : 'primary'}
                data-appearance={canFill ? 'secondary' : 'primary'}
                onClick={() => {
                  setConfirming(false);
                  props.onFixFirst?.();
                }}
              >
                {t.exportFixFirst}
              </Button>
              <Button
                appearance="secondary"
                data-appearance="secondary"
                onClick={() => {
                  setConfirming(false);
                  if (result) void run(result);
                }}
              >
                {t.exportAnyway}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
