import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  makeStyles,
  shorthands,
  tokens,
} from '@fluentui/react-components';
import type { CheckResult } from '../../core/check';
import { renderCsv } from '../../core/report/report';
import type { Finding, Lang } from '../../core/rules/types';
import { documentPlace, documentPlaceText } from '../../core/report/places';
import type { CheckOutcome } from '../host';
import { Pane } from '../App';
import { strings } from '../i18n';
import { loadSettings, toConfig } from '../settings';
import { saveFile, workbookBaseName } from '../download';
import { Progress, type ProgressState } from '../progress';
import { NO_EDITS, type Edits, type OpenedDocument, type WorkerLike } from './protocol';
import { WorkError, WorkbookWorker, createWorkerHost, registryReader, spawnWorkbookWorker, type WorkerHost } from './workerClient';
import { changesText, pageStrings } from './strings';

const useStyles = makeStyles({
  drop: {
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    padding: tokens.spacingVerticalM,
    marginTop: tokens.spacingVerticalM,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  dropCompact: {
    padding: tokens.spacingVerticalS,
    marginTop: tokens.spacingVerticalS,
    gap: tokens.spacingVerticalXS,
    borderTopWidth: '1px',
    borderBottomWidth: '1px',
    borderLeftWidth: '1px',
    borderRightWidth: '1px',
  },
  dropActive: { ...shorthands.borderColor(tokens.colorBrandStroke1), backgroundColor: tokens.colorBrandBackground2 },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  small: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3, margin: 0 },
  file: { fontWeight: tokens.fontWeightSemibold, margin: 0, wordBreak: 'break-all' },
  hidden: { display: 'none' },
  preview: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    boxShadow: tokens.shadow4,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingVerticalS,
    marginBottom: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  previewPlace: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  previewText: {
    whiteSpace: 'pre-wrap',
    wordBreak: 'break-word',
    margin: `${tokens.spacingVerticalXXS} 0 0 0`,
    maxHeight: '6em',
    overflowY: 'auto',
  },
  downloads: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    alignItems: 'center',
    marginBottom: tokens.spacingVerticalS,
  },
  downloadNote: { marginBottom: tokens.spacingVerticalS },
});

/** An opened workbook: its worker (which holds it) and the pane's host over it. */
interface OpenFile {
  readonly id: number;
  readonly name: string;
  readonly worker: WorkbookWorker;
  readonly host: WorkerHost;
  /** The check run with the open (the pane shows it at once). */
  readonly outcome: CheckOutcome;
  /** A Word document or a text file: checked as written (read-only), its places 第N段 / 第N行. */
  readonly document?: OpenedDocument | undefined;
}

/** Opening reads, then checks: two steps, cancellable. */
const OPEN_STEPS = ['read', 'check'] as const;

export interface StandaloneAppProps {
  readonly lang: Lang;
  /** Starts a workbook worker (the real Web Worker; an in-process fake in tests). */
  readonly spawnWorker?: () => WorkerLike;
  /** Where the sample workbook is served. */
  readonly sampleUrl: string;
  /** Fetches the sample (window.fetch; injected for tests). */
  readonly fetchSample?: (url: string) => Promise<Blob | null>;
  /** Saves a download (an <a download> click; injected for tests). */
  readonly save?: (name: string, data: Uint8Array | string, type: string) => void;
  readonly storage?: Storage | undefined;
  /** Where the page listens for leaving (window; injected for tests). */
  readonly unloadTarget?: Pick<Window, 'addEventListener' | 'removeEventListener'>;
}

async function defaultFetchSample(url: string): Promise<Blob | null> {
  try {
    const r = await fetch(url);
    return r.ok ? await r.blob() : null;
  } catch {
    return null;
  }
}

/** Where a finding is in an opened document: 第N段 / 第N行 / 表T第R行第C列 (en: paragraph N …), as the CLI says it. */
function placeOf(document: OpenedDocument, lang: Lang): (f: Finding) => string | undefined {
  return (f) => {
    const at = documentPlace(document.places, f.sheet, f.row, f.col);
    return at && documentPlaceText(at, lang);
  };
}

function baseName(name: string): string {
  return name.replace(/\.(xlsx|xlsm|xls|docx|txt)$/i, '');
}

/**
 * The pane in a plain browser: open a workbook, check it, download the annotated copy. The
 * workbook lives in a Web Worker (read, checked, annotated there); fills and 说明 made here
 * live only in memory, so leaving or opening another workbook with unsaved changes asks first.
 */
/**
 * The sticky cell preview covers the top of the page: the page's scroll-padding-top says so, so
 * that what the keyboard (or the findings list) scrolls to lands below it, not under it.
 */
function stickyPadding(el: HTMLElement | null): void {
  document.documentElement.style.scrollPaddingTop = el ? `${el.offsetHeight + 8}px` : '';
}

export function StandaloneApp(props: StandaloneAppProps) {
  const { lang } = props;
  const t = strings(lang);
  const p = pageStrings(lang);
  const s = useStyles();
  const spawn = props.spawnWorker ?? spawnWorkbookWorker;
  const [file, setFile] = useState<OpenFile | null>(null);
  const [error, setError] = useState<string | undefined>();
  const [opening, setOpening] = useState<{ readonly progress: ProgressState; readonly cancel: () => void } | null>(null);
  const [dragging, setDragging] = useState(false);
  const [selected, setSelected] = useState<{ sheet: string; cell: string; text: string | null } | null>(null);
  const [withFixes, setWithFixes] = useState(false);
  const [downloading, setDownloading] = useState<ProgressState | null>(null);
  const [downloadNote, setDownloadNote] = useState<{ readonly intent: 'success' | 'error'; readonly text: string } | null>(null);
  const [edits, setEdits] = useState<Edits>(NO_EDITS);
  /** `edits.version` when the last annotated copy was downloaded: changes after it are unsaved. */
  const [savedVersion, setSavedVersion] = useState(0);
  /** Opening another workbook waits for the user while there are unsaved changes. */
  const [confirm, setConfirm] = useState<(() => void) | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const nextId = useRef(1);
  const openToken = useRef(0);
  const openingWorker = useRef<WorkbookWorker | null>(null);
  const save = props.save ?? saveFile;
  const unsaved = file !== null && edits.version !== savedVersion;

  // the browser's own prompt when the page is left or reloaded with unsaved changes; a layout effect, so the
  // listener is added or removed in the same commit that shows the change (never a moment out of step)
  const unloadTarget = props.unloadTarget ?? (typeof window === 'undefined' ? undefined : window);
  useLayoutEffect(() => {
    if (!unsaved || !unloadTarget) return undefined;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      // older browsers show their prompt only when returnValue is set (its text is never shown)
      // eslint-disable-next-line @typescript-eslint/no-deprecated -- still needed by older browsers (preventDefault alone shows no prompt there)
      e.returnValue = true;
    };
    unloadTarget.addEventListener('beforeunload', onBeforeUnload);
    return () => unloadTarget.removeEventListener('beforeunload', onBeforeUnload);
  }, [unsaved, unloadTarget]);

  // the workbook's worker ends with the page (or with the next workbook)
  const current = useRef<OpenFile | null>(null);
  useLayoutEffect(() => {
    current.current = file;
  });
  useEffect(() => () => current.current?.worker.terminate(), []);

  const open = useCallback(
    async (name: string, getFile: () => Promise<Blob | null>) => {
      const token = ++openToken.current;
      // a workbook still being opened (a second file dropped meanwhile) is abandoned
      openingWorker.current?.terminate();
      const worker = new WorkbookWorker(spawn, lang);
      openingWorker.current = worker;
      const stillMine = () => openToken.current === token;
      setError(undefined);
      setOpening({
        progress: { steps: OPEN_STEPS, phase: 'read' },
        cancel: () => {
          // the workbook on screen (if any) stays as it was
          openToken.current++;
          worker.terminate();
          setOpening(null);
        },
      });
      try {
        const blob = await getFile();
        if (!stillMine()) {
          worker.terminate();
          return;
        }
        if (!blob) {
          worker.terminate();
          setError(t.sampleMissing);
          return;
        }
        const request = { config: toConfig(loadSettings(props.storage)), lang };
        const out = await worker.call('open', { file: blob, name, request }, (phase) => {
          if (stillMine()) setOpening((o) => o && { ...o, progress: { steps: OPEN_STEPS, phase } });
        });
        if (!stillMine()) {
          worker.terminate();
          return;
        }
        // the workbook that was open is replaced, also when this one cannot be read
        current.current?.worker.terminate();
        setSelected(null);
        setDownloadNote(null);
        setEdits(NO_EDITS);
        setSavedVersion(0);
        if (!out.ok) {
          worker.terminate();
          setFile(null);
          setError(out.message);
          return;
        }
        const host = createWorkerHost(worker, {
          onEdits: setEdits,
          onSelect: (sheet, cell, text) => setSelected({ sheet, cell, text }),
          checkOnly: out.document !== undefined,
        });
        if (out.outcome.ok) host.noteDocument(out.outcome.result.document, out.seq);
        setFile({ id: nextId.current++, name, worker, host, outcome: out.outcome, document: out.document });
      } catch (e) {
        worker.terminate();
        if (!stillMine() || (e instanceof WorkError && e.cancelled)) return;
        setError(e instanceof WorkError && e.message ? e.message : t.unexpected);
      } finally {
        if (stillMine()) setOpening(null);
        if (openingWorker.current === worker) openingWorker.current = null;
      }
    },
    [lang, props.storage, spawn, t.sampleMissing, t.unexpected],
  );

  /** Opens another workbook, after asking when the page holds unsaved changes. */
  const requestOpen = (name: string, getFile: () => Promise<Blob | null>) => {
    const go = () => void open(name, getFile);
    if (unsaved) setConfirm(() => go);
    else go();
  };

  const openFile = (f: File) => requestOpen(f.name, async () => f);
  const openSample = () => {
    const name = props.sampleUrl.split('/').pop() ?? 'sample.xlsx';
    requestOpen(name, () => (props.fetchSample ?? defaultFetchSample)(props.sampleUrl));
  };

  const readRegistry = useMemo(() => registryReader(spawn, lang), [spawn, lang]);

  const download = async () => {
    if (!file) return;
    setDownloading({ steps: ['annotate'], phase: 'annotate' });
    setDownloadNote(null);
    try {
      const out = await file.worker.call('annotate', { withFixes, lang });
      if (!out.ok) {
        setDownloadNote({ intent: 'error', text: out.message });
        return;
      }
      const name = `${baseName(file.name)}.标注.xlsx`;
      save(name, out.bytes, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      // the copy holds every fill and 说明 made so far: they are saved now
      setSavedVersion(out.edits.version);
      setDownloadNote({ intent: 'success', text: p.downloaded(name, changesText(out.edits, lang)) });
    } catch (e) {
      setDownloadNote({ intent: 'error', text: e instanceof WorkError && e.message ? e.message : t.unexpected });
    } finally {
      setDownloading(null);
    }
  };

  const exportCsv = (result: CheckResult) => {
    if (!file) return;
    // the hidden sheets that were not checked are rows of their own, as in the CLI's CSV (docs/cli.md)
    const skipped = result.nothingToCheck ? [] : (result.document.skipped ?? []);
    const csv = renderCsv([{ file: file.name, summary: result.summary, findings: result.findings, skipped }], lang);
    save(`${baseName(file.name)}.检查结果.csv`, csv, 'text/csv;charset=utf-8');
  };

  const header = (
    <div
      className={`${s.drop} ${file ? s.dropCompact : ''} ${dragging ? s.dropActive : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        const f = e.dataTransfer.files[0];
        if (f) openFile(f);
      }}
      data-testid="dropzone"
    >
      <div className={s.row}>
        <Button appearance={file ? 'secondary' : 'primary'} onClick={() => inputRef.current?.click()} disabled={opening !== null}>
          {t.openWorkbook}
        </Button>
        <Button onClick={openSample} disabled={opening !== null}>
          {t.sample}
        </Button>
        <input
          ref={inputRef}
          className={s.hidden}
          type="file"
          tabIndex={-1}
          aria-hidden="true"
          data-testid="file-input"
          accept=".xlsx,.xlsm,.xls,.docx,.txt,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel.sheet.macroEnabled.12,application/vnd.ms-excel,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain"
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) openFile(f);
            e.target.value = '';
          }}
        />
      </div>
      {/* once a workbook is open the header is one short block (the first finding fits a 768-px-high screen at 320 px) */}
      {!file && <p className={s.small}>{t.dropHint}</p>}
      {opening && <Progress progress={opening.progress} lang={lang} onCancel={opening.cancel} />}
      {file && (
        <p className={s.file} title={t.privacy}>
          {t.fileLabel(file.name)}
        </p>
      )}
      {!file && <p className={s.small}>{t.privacy}</p>}
    </div>
  );

  const changes = edits.fills + edits.explanations;
  const extra = (result: CheckResult) => (
    <>
      {file?.document && (
        <p className={s.small} role="note" data-testid="document-note">
          {p.documentNote(file.document.kind)}
        </p>
      )}
      <div className={s.downloads}>
        {!file?.document && (
          <Button
            disabled={downloading !== null || opening !== null}
            onClick={() => void download()}
            title={changes > 0 ? p.downloadHolds(changesText(edits, lang)) : undefined}
            data-testid="download-annotated"
          >
            {changes > 0 ? p.downloadWith(changes) : t.downloadAnnotated}
          </Button>
        )}
        <Button onClick={() => exportCsv(result)}>{t.exportCsv}</Button>
        {!file?.document && result.findings.some((f) => f.fix) && (
          <Checkbox checked={withFixes} onChange={(_, d) => setWithFixes(d.checked === true)} label={t.downloadWithFixes} />
        )}
      </div>
      {downloading && <Progress progress={downloading} lang={lang} />}
      {downloadNote && (
        <MessageBar
          className={s.downloadNote}
          layout="multiline"
          intent={downloadNote.intent}
          role={downloadNote.intent === 'error' ? 'alert' : 'status'}
          data-testid="download-note"
        >
          <MessageBarBody>{downloadNote.text}</MessageBarBody>
        </MessageBar>
      )}
      {selected && (
        <section className={s.preview} aria-label={t.preview} aria-live="polite" data-testid="preview" ref={stickyPadding}>
          <span className={s.previewPlace}>
            {selected.sheet}!{selected.cell}
          </span>
          <p className={s.previewText}>{selected.text === null || selected.text === '' ? t.previewEmpty : selected.text}</p>
        </section>
      )}
    </>
  );

  return (
    <>
      <Pane
        key={file?.id ?? 0}
        host={file?.host ?? null}
        lang={lang}
        storage={props.storage}
        header={header}
        extra={extra}
        readRegistry={readRegistry}
        error={error}
        initialOutcome={file?.outcome}
        document={file?.document && { placeOf: placeOf(file.document, lang) }}
        busy={opening !== null || downloading !== null}
        save={save}
        exportDocx={file?.host.exportDocx}
        workbookName={() => (file ? workbookBaseName(file.name) : null)}
      />
      <Dialog
        open={confirm !== null}
        modalType="alert"
        onOpenChange={(_, d) => {
          if (!d.open) setConfirm(null);
        }}
      >
        <DialogSurface aria-describedby="unsaved-body">
          <DialogBody>
            <DialogTitle>{p.unsavedTitle}</DialogTitle>
            <DialogContent>
              <p id="unsaved-body">{p.unsavedBody(changesText(edits, lang))}</p>
            </DialogContent>
            <DialogActions fluid>
              <Button
                appearance="primary"
                onClick={() => {
                  setConfirm(null);
                  void download();
                }}
              >
                {p.downloadFirst}
              </Button>
              <Button
                onClick={() => {
                  const go = confirm;
                  setConfirm(null);
                  go?.();
                }}
              >
                {p.discard}
              </Button>
              <Button onClick={() => setConfirm(null)}>{t.cancel}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </>
  );
}
