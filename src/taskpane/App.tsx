import { Suspense, lazy, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { Button, Link, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import type { CheckResult } from '../core/check';
import type { Finding, Fix, Lang } from '../core/rules/types';
import type { WorkbookSnapshot } from '../core/snapshot/types';
import type { CheckOutcome, CheckPhase, CheckRequest, PaneHost } from './host';
import { storeLang, strings } from './i18n';
import { loadSettings, saveSettings, toConfig, type PaneSettings } from './settings';
import { FindingList } from './components/FindingList';
import { FixAllDialog } from './components/FixAllDialog';
/** 设置: loaded when first opened (its rule list, Switch and Select stay out of the initial JS). */
const SettingsView = lazy(() =>
  import(/* webpackChunkName: "settings" */ './components/SettingsView').then((m) => ({ default: m.SettingsView })),
);
import { Summary, matchesFilter, type SummaryFilter } from './components/Summary';
import { ExportPanel, type DocxExporter } from './components/ExportPanel';
import { schoolTableLabel, schoolTableWritten, schoolTableWrittenInto } from './components/schoolTableStrings';

/** 生成学校表's dialog: loaded when first opened (Fluent's Select, Field, Input stay out of the initial JS). */
const SchoolTableDialog = lazy(() => import(/* webpackChunkName: "school-table" */ './components/SchoolTableDialog'));
import type { HeadingMapChoice } from './components/HeadingMapDialog';
import { HEADING_MAP_TEXT } from './components/headingMapStrings';
const HeadingMapDialog = lazy(() =>
  import(/* webpackChunkName: "heading-map" */ './components/HeadingMapDialog').then((m) => ({ default: m.HeadingMapDialog })),
);
import { NothingToCheck } from './components/NothingToCheck';
import { hiddenNote } from '../core/disclosure/skipped';
import { NEW_PROJECT_TEXT, NewProjectSheetButton } from './components/NewProjectSheet';
import type { SheetTemplate } from '../core/schools/template';
import { headingMapFinding } from '../core/disclosure/heading-map';
import { SECTION_NAMES } from '../core/model';
import type { HeadingMapOffer } from '../core/rules/types';
import { saveFile, type SaveFile } from './download';
import { Progress, afterPaint, checkSteps, type ProgressState } from './progress';
import { exportInWorker, spawnWorkbookWorker } from './standalone/workerClient';
import { browserTemplateStore } from './templateStore';
import type { DocxTemplateStore } from '../core/stored-template';

/** The Word writer on the pane's thread: a lazy chunk ("docx"), loaded on the first 导出公开文本. */
const inThreadExporter: DocxExporter = async (document, options) => {
  const { exportDocxWithModel } = await import(/* webpackChunkName: "docx" */ '../hosts/docx/write');
  if (options?.template === undefined) return exportDocxWithModel(document);
  const { readDocxTemplate } = await import(/* webpackChunkName: "docx" */ '../hosts/docx/template');
  return exportDocxWithModel(document, { template: readDocxTemplate(options.template) });
};

/**
 * 导出公开文本 by default: in a workbook worker (a thousand projects take seconds to write, and
 * the pane keeps answering); where no worker can run, on the pane's thread.
 */
function defaultExporter(lang: Lang): DocxExporter {
  return async (document, options) => {
    if (typeof Worker === 'undefined') return inThreadExporter(document, options);
    try {
      return await exportInWorker(spawnWorkbookWorker, lang, document, options);
    } catch {
      return inThreadExporter(document, options);
    }
  };
}

const useStyles = makeStyles({
  root: {
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    maxWidth: '760px',
    margin: '0 auto',
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    color: tokens.colorNeutralForeground1,
    boxSizing: 'border-box',
    // a task pane of 320–350 px: tighter margins, so the first finding shows on a 768-px-high screen
    '@media (max-width: 400px)': { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}` },
  },
  header: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: tokens.spacingHorizontalS },
  h1: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: 0, lineHeight: tokens.lineHeightBase500 },
  checkRow: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    margin: `${tokens.spacingVerticalM} 0`,
    '@media (max-width: 400px)': { gap: tokens.spacingVerticalXS, margin: `${tokens.spacingVerticalS} 0` },
  },
  checkButton: { width: '100%', minHeight: '44px', fontSize: tokens.fontSizeBase400, '@media (max-width: 400px)': { minHeight: '36px' } },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  state: {
    textAlign: 'center',
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalS}`,
    color: tokens.colorNeutralForeground2,
  },
  stateTitle: {
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
    margin: `0 0 ${tokens.spacingVerticalS} 0`,
    color: tokens.colorNeutralForeground1,
  },
  allClear: { color: tokens.colorPaletteGreenForeground1 },
  filterNote: { margin: `${tokens.spacingVerticalXS} 0`, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  bars: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, marginBottom: tokens.spacingVerticalS },
});

type Status =
  | { readonly kind: 'idle' }
  | { readonly kind: 'running' }
  | { readonly kind: 'done'; readonly result: CheckResult; readonly notes: readonly string[] }
  | { readonly kind: 'error'; readonly message: string }
  | { readonly kind: 'too-old' };

type Notice = { readonly intent: 'success' | 'warning' | 'error' | 'info'; readonly text: string } | null;

export type ReadRegistry = (file: File) => Promise<{ ok: true; snapshot: WorkbookSnapshot } | { ok: false; message: string }>;

export interface PaneProps {
  /** null on the standalone page before a workbook is opened. */
  readonly host: PaneHost | null;
  readonly lang: Lang;
  /** The host is known to be too old (missing requirement set) before any check. */
  readonly tooOld?: boolean;
  /** Where settings persist; default: none (in memory). */
  readonly storage?: Storage | undefined;
  /** Standalone page: opening a workbook, shown above the check button. */
  readonly header?: ReactNode;
  /** Standalone page: extra actions and the cell preview, shown under the summary. */
  readonly extra?: (result: CheckResult) => ReactNode;
  readonly onResult?: (result: CheckResult | null) => void;
  /** Reads a registry workbook (settings: 学校名录来自其他文件); absent: the option is hidden. */
  readonly readRegistry?: ReadRegistry | undefined;
  /** The standalone page's address, for the too-old state. */
  readonly standaloneUrl?: string;
  /** A sentence to show as an error before any check (e.g. a file that could not be read). */
  readonly error?: string | undefined;
  /** Check as soon as the pane opens (the standalone page after opening a file). */
  readonly autoCheck?: boolean;
  /** A check already run elsewhere (the ribbon's 检查) to show when the pane opens. */
  readonly initialOutcome?: CheckOutcome | null | undefined;
  /** Outcomes of checks run elsewhere (the ribbon); null after the ribbon's 清除标记. */
  readonly subscribeOutcomes?: ((listener: (outcome: CheckOutcome | null) => void) => () => void) | undefined;
  /** Lets the ribbon run checks with the pane's settings. */
  readonly registerRequest?: ((request: () => CheckRequest) => void) | undefined;
  /** Where 导出公开文本 remembers the Word template when the host keeps none (default: the browser's storage). */
  readonly templateStore?: DocxTemplateStore | undefined;
  /** 导出公开文本: the Word writer (default: the lazy "docx" chunk; a fake in tests). */
  readonly exportDocx?: DocxExporter | undefined;
  /** Saves a download (default: a Blob URL through <a download>). */
  readonly save?: SaveFile | undefined;
  /** The workbook's name without extension, for `<name>-公开文本.docx`. */
  readonly workbookName?: (() => Promise<string | null> | string | null) | undefined;
  /** `Office.context.platform` inside Office ('Mac': no downloads, said by the export panel). */
  readonly platform?: string | null | undefined;
  /**
   * The standalone page on a Word document or a text file, checked as written: where each finding is (第N段 /
   * 第N行, instead of its cell); no 说明 and no Word export, as nothing is written from a document.
   */
  readonly document?: { readonly placeOf: (f: Finding) => string | undefined } | undefined;
  /** Work outside the pane is running (the page opening a workbook): the pane's actions wait. */
  readonly busy?: boolean | undefined;
  /** 设置 → 语言 (default: remember the choice and reload the page in that language). */
  readonly onLangChange?: ((lang: Lang) => void) | undefined;
}

/** Remembers the language and reloads in it (the page's own unsaved-changes prompt still asks first). */
function reloadInLang(storage: Storage | undefined): (lang: Lang) => void {
  return (next) => {
    storeLang(storage, next);
    const url = new URL(window.location.href);
    url.searchParams.set('lang', next);
    window.location.assign(url.href);
  };
}

type OutcomeStatus = Extract<Status, { kind: 'done' | 'error' | 'too-old' }>;

function statusOf(out: CheckOutcome): OutcomeStatus {
  if (!out.ok) return out.tooOld ? { kind: 'too-old' } : { kind: 'error', message: out.message };
  return { kind: 'done', result: out.result, notes: out.notes ?? [] };
}

export function Pane(props: PaneProps) {
  const { host, lang } = props;
  const t = strings(lang);
  const s = useStyles();
  const [status, setStatus] = useState<Status>(() =>
    props.tooOld ? { kind: 'too-old' } : props.initialOutcome ? statusOf(props.initialOutcome) : { kind: 'idle' },
  );
  const [busyHere, setBusy] = useState(false);
  const busy = busyHere || props.busy === true;
  /** The phase of the check running (its steps and the current one), shown with a bar. */
  const [progress, setProgress] = useState<ProgressState | null>(null);
  const [view, setView] = useState<'main' | 'settings'>('main');
  const [settings, setSettingsState] = useState<PaneSettings>(() => loadSettings(props.storage));
  const [registry, setRegistry] = useState<{ snapshot: WorkbookSnapshot; source: string } | undefined>();
  const [notice, setNotice] = useState<Notice>(null);
  const [selectedKey, setSelectedKey] = useState<string | undefined>();
  const [dialog, setDialog] = useState<{ fixes: readonly Fix[]; overwrite: boolean } | null>(null);
  const [mapOffer, setMapOffer] = useState<HeadingMapOffer | null>(null);
  const [tableOpen, setTableOpen] = useState(false);
  /** The count tile pressed: the list shows only its findings. */
  const [filter, setFilter] = useState<SummaryFilter | null>(null);
  const onResult = props.onResult;

  const setSettings = (next: PaneSettings) => {
    setSettingsState(next);
    saveSettings(props.storage, next);
  };

  // each phase of a check is painted before it runs (in Excel the check shares the pane's thread)
  const onPhase = useCallback(
    (steps: readonly CheckPhase[]) =>
      (phase: CheckPhase): Promise<void> => {
        // committed now, so the frame awaited below shows it
        flushSync(() => setProgress({ steps, phase }));
        return afterPaint();
      },
    [],
  );

  const run = useCallback(
    async (keepList: boolean) => {
      if (!host) return;
      if (keepList) setBusy(true);
      else setStatus({ kind: 'running' });
      const steps = checkSteps(host.kind);
      try {
        await onPhase(steps)(steps[0]!);
        const out = await host.check({ config: toConfig(settings), lang, ...(registry && { registry }), onPhase: onPhase(steps) });
        setStatus(statusOf(out));
        onResult?.(out.ok ? out.result : null);
      } catch {
        setStatus({ kind: 'error', message: t.unexpected });
        onResult?.(null);
      } finally {
        setBusy(false);
        setProgress(null);
      }
    },
    [host, settings, lang, registry, onResult, onPhase, t.unexpected],
  );

  // the ribbon runs checks with the pane's current settings (and its progress shows here)
  const requestRef = useRef<() => CheckRequest>(() => ({ config: {}, lang }));
  useLayoutEffect(() => {
    requestRef.current = () => ({
      config: toConfig(settings),
      lang,
      ...(registry && { registry }),
      ...(host && { onPhase: onPhase(checkSteps(host.kind)) }),
    });
  });
  const registerRequest = props.registerRequest;
  useEffect(() => {
    registerRequest?.(() => requestRef.current());
  }, [registerRequest]);

  // checks and 清除标记 run from the ribbon show up here
  const subscribeOutcomes = props.subscribeOutcomes;
  useEffect(() => {
    if (!subscribeOutcomes) return undefined;
    return subscribeOutcomes((out) => {
      setBusy(false);
      setProgress(null);
      if (out === null) {
        setStatus({ kind: 'idle' });
        setNotice({ intent: 'success', text: strings(lang).flagsCleared });
      } else {
        setNotice(null);
        setStatus(statusOf(out));
      }
    });
  }, [subscribeOutcomes, lang]);

  // the standalone page checks right after a workbook is opened
  const autoChecked = useRef(false);
  useEffect(() => {
    if (props.autoCheck && host && !autoChecked.current && status.kind === 'idle') {
      autoChecked.current = true;
      void run(false);
    }
  }, [props.autoCheck, host, status.kind, run]);

  // 边改边查: re-check (debounced) when the workbook changes. The subscription does not follow the check's
  // state, so a change made while a check runs (or just as it ends) is never lost: it re-checks once that
  // check is done.
  const runRef = useRef(run);
  const statusRef = useRef(status);
  const busyRef = useRef(busy);
  useLayoutEffect(() => {
    runRef.current = run;
    statusRef.current = status;
    busyRef.current = busy;
  });
  // a change seen while a check runs; the effect below re-checks once that check's state has settled
  const changedWhileRunning = useRef(false);
  useEffect(() => {
    if (!settings.live || !host?.onChanged) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = host.onChanged(() => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        const kind = statusRef.current.kind;
        if (kind === 'running' || busyRef.current) changedWhileRunning.current = true;
        else if (kind === 'done') void runRef.current(true);
      }, 800);
    });
    return () => {
      if (timer) clearTimeout(timer);
      off();
    };
  }, [settings.live, host]);
  useEffect(() => {
    if (!changedWhileRunning.current || busy || status.kind !== 'done') return;
    changedWhileRunning.current = false;
    void runRef.current(true);
  }, [busy, status.kind]);

  const fixes: Fix[] = useMemo(() => {
    if (status.kind !== 'done') return [];
    const seen = new Set<string>();
    const out: Fix[] = [];
    for (const f of status.result.findings) {
      if (!f.fix || f.explanation) continue;
      const k = `${f.fix.sheet}!${f.fix.cell}`;
      if (seen.has(k)) continue;
      seen.add(k);
      out.push(f.fix);
    }
    return out;
  }, [status]);

  // the school each fix is for, listed in the 全部填入 confirmation
  const fixSchools = useMemo(() => {
    const m = new Map<string, string>();
    if (status.kind !== 'done') return m;
    for (const f of status.result.findings) if (f.fix && f.school) m.set(`${f.fix.sheet}!${f.fix.cell}`, f.school);
    return m;
  }, [status]);

  const applyFixes = async (list: readonly Fix[], overwrite: boolean) => {
    if (!host) return;
    setBusy(true);
    try {
      const out = await host.applyFixes(list, { overwrite });
      const parts = [t.written(out.written.length)];
      const told = out.skipped.filter((x) => x.why);
      if (out.skipped.length > told.length) parts.push(t.skipped(out.skipped.length - told.length));
      for (const x of told) parts.push(x.why![lang]);
      await run(true);
      setNotice({ intent: out.skipped.length > 0 ? 'warning' : 'success', text: parts.join(' ') });
    } catch {
      setNotice({ intent: 'error', text: t.unexpected });
      setBusy(false);
    }
  };

  const onSelect = (f: Finding) => {
    setSelectedKey(f.key);
    void host?.select(f.sheet, f.cell).catch(() => undefined);
  };

  const onExplain = async (f: Finding, text: string) => {
    if (!host) return;
    setBusy(true);
    try {
      await host.explain(f, text);
      await run(true);
    } catch {
      setNotice({ intent: 'error', text: t.unexpected });
      setBusy(false);
    }
  };

  // 对应标题: the mapping is stored in the workbook (beside the 说明), then the workbook is checked again
  const onMapHeading = async (choice: HeadingMapChoice) => {
    if (!host) return;
    setMapOffer(null);
    setBusy(true);
    try {
      await host.explain(headingMapFinding(choice.heading.label, choice.section, choice.heading), choice.section);
      await run(true);
      setNotice({ intent: 'success', text: HEADING_MAP_TEXT[lang].done(choice.heading.text, SECTION_NAMES[choice.section].zh) });
    } catch {
      setNotice({ intent: 'error', text: t.unexpected });
      setBusy(false);
    }
  };

  // 新建项目表: the host adds the sheet, then the workbook is checked again
  const onNewProjectSheet = async (template: SheetTemplate) => {
    if (!host?.addProjectSheet) return;
    setBusy(true);
    try {
      const out = await host.addProjectSheet(template);
      if (!out.ok) {
        setNotice({ intent: 'error', text: out.message });
        setBusy(false);
        return;
      }
      await run(true);
      setNotice({ intent: 'success', text: NEW_PROJECT_TEXT[lang].done(out.sheet) });
    } catch {
      setNotice({ intent: 'error', text: t.unexpected });
      setBusy(false);
    }
  };

  const onClear = async () => {
    if (!host) return;
    setBusy(true);
    try {
      await host.clearFlags();
      setNotice({ intent: 'success', text: t.flagsCleared });
    } catch {
      setNotice({ intent: 'error', text: t.unexpected });
    } finally {
      setBusy(false);
    }
  };

  const onRegistryFile = props.readRegistry
    ? async (file: File) => {
        const out = await props.readRegistry!(file);
        if (out.ok) setRegistry({ snapshot: out.snapshot, source: file.name });
        else setNotice({ intent: 'error', text: out.message });
      }
    : undefined;

  // the Word file's phase shows with a bar while it is written
  const baseExporter = useMemo(() => props.exportDocx ?? defaultExporter(lang), [props.exportDocx, lang]);
  const exporter: DocxExporter = useCallback(
    async (document, options) => {
      flushSync(() => setProgress({ steps: ['export'], phase: 'export' }));
      await afterPaint();
      try {
        return await baseExporter(document, options);
      } finally {
        setProgress(null);
      }
    },
    [baseExporter],
  );

  // 导出公开文本's Word template: kept by the host (Excel: in the workbook), else in this browser
  const templateStore = useMemo(
    () => host?.docxTemplate ?? props.templateStore ?? browserTemplateStore(props.storage),
    [host, props.templateStore, props.storage],
  );

  // the rules' names come with the result: the pane does not load the rules before its first check
  const ruleInfo = status.kind === 'done' ? status.result.rules : undefined;
  const ruleName = (id: string) => ruleInfo?.[id]?.name[lang] ?? id;
  const ruleHint = (id: string) => `${id}${lang === 'zh' ? '：' : ': '}${ruleInfo?.[id]?.description[lang] ?? ''}`;

  if (status.kind === 'too-old') {
    return (
      <main className={s.root} lang={lang === 'zh' ? 'zh-CN' : 'en-US'}>
        <h1 className={s.h1}>{t.appTitle}</h1>
        <div className={s.state} role="alert">
          <p className={s.stateTitle}>{t.tooOldTitle}</p>
          <p>{t.tooOldBody}</p>
          {props.standaloneUrl && (
            <p>
              <Link href={props.standaloneUrl} target="_blank" rel="noopener">
                {t.tooOldStandalone}
              </Link>
            </p>
          )}
          <p>
            <code>{t.tooOldCli}</code>
          </p>
        </div>
      </main>
    );
  }

  const hostIsExcel = host?.kind === 'excel';
  const result = status.kind === 'done' ? status.result : null;
  const shown = result && filter ? result.findings.filter((f) => matchesFilter(f, filter)) : (result?.findings ?? []);
  const filterLabel = filter === null ? '' : filter === 'explained' ? t.explained : t.severity[filter];

  return (
    <main className={s.root} lang={lang === 'zh' ? 'zh-CN' : 'en-US'} aria-busy={busy || status.kind === 'running'}>
      <div className={s.header}>
        <h1 className={s.h1}>{t.appTitle}</h1>
        <Button appearance="subtle" onClick={() => setView(view === 'main' ? 'settings' : 'main')} aria-pressed={view === 'settings'}>
          {view === 'main' ? t.settings : t.back}
        </Button>
      </div>

      {view === 'settings' ? (
        <Suspense fallback={null}>
          <SettingsView
            settings={settings}
            lang={lang}
            t={t}
            liveAvailable={host?.onChanged !== undefined || hostIsExcel}
            registryName={registry?.source}
            onRegistryFile={onRegistryFile && ((file) => void onRegistryFile(file))}
            onRegistryRemove={() => setRegistry(undefined)}
            onChange={setSettings}
            onLangChange={(next) => {
              if (next !== lang) (props.onLangChange ?? reloadInLang(props.storage))(next);
            }}
          />
        </Suspense>
      ) : (
        <>
          {props.header}
          <div className={s.checkRow}>
            <Button
              appearance="primary"
              className={s.checkButton}
              disabled={!host || busy || status.kind === 'running'}
              onClick={() => void run(status.kind === 'done')}
            >
              {status.kind === 'running' || busyHere ? t.checking : status.kind === 'done' ? t.recheck : t.check}
            </Button>
            {result && (fixes.length > 0 || hostIsExcel || host?.addProjectSheet) && (
              <div className={s.actions}>
                {fixes.length > 0 && (
                  <Button disabled={busy} onClick={() => setDialog({ fixes, overwrite: false })}>
                    {t.fillAll(fixes.length)}
                  </Button>
                )}
                {hostIsExcel && (
                  <Button disabled={busy} onClick={() => void onClear()}>
                    {t.clearFlags}
                  </Button>
                )}
                {host?.addProjectSheet && (
                  <NewProjectSheetButton document={result.document} lang={lang} disabled={busy} onCreate={onNewProjectSheet} />
                )}
              </div>
            )}
            {host?.schoolTable && (
              <Button disabled={busy || status.kind === 'running'} onClick={() => setTableOpen(true)}>
                {schoolTableLabel(lang)}
              </Button>
            )}
            {!props.document && (
              <ExportPanel
                result={result}
                lang={lang}
                t={t}
                disabled={busy || status.kind === 'running'}
                exporter={exporter}
                save={props.save ?? saveFile}
                workbookName={props.workbookName ?? (() => null)}
                inExcel={hostIsExcel}
                platform={props.platform}
                standaloneUrl={props.standaloneUrl}
                templateStore={templateStore}
                fillable={fixes.length}
                onFillAll={() => setDialog({ fixes, overwrite: false })}
                onFixFirst={() => setFilter('error')}
              />
            )}
          </div>

          <div className={s.bars}>
            {notice && (
              <MessageBar layout="multiline" intent={notice.intent} role={notice.intent === 'error' ? 'alert' : 'status'}>
                <MessageBarBody>{notice.text}</MessageBarBody>
              </MessageBar>
            )}
            {props.error && (
              <MessageBar layout="multiline" intent="error" role="alert">
                <MessageBarBody>{props.error}</MessageBarBody>
              </MessageBar>
            )}
            {result && result.failures.length > 0 && (
              <MessageBar layout="multiline" intent="warning">
                <MessageBarBody>
                  {t.ruleFailures(result.failures.map((f) => ruleName(f.rule)).join(lang === 'zh' ? '、' : ', '))}
                </MessageBarBody>
              </MessageBar>
            )}
            {status.kind === 'done' &&
              status.notes.map((n) => (
                <MessageBar layout="multiline" key={n} intent="info">
                  <MessageBarBody>{n}</MessageBarBody>
                </MessageBar>
              ))}
          </div>

          {progress && status.kind !== 'running' && <Progress progress={progress} lang={lang} />}

          {status.kind === 'idle' && !props.error && !props.busy && !progress && (
            <div className={s.state} data-state="empty">
              <p className={s.stateTitle}>{t.emptyTitle}</p>
              <p>{host?.kind === 'excel' ? t.emptyBody : t.emptyBodyFile}</p>
            </div>
          )}

          {status.kind === 'running' && (
            <div data-state="running">
              <Progress progress={progress ?? { steps: checkSteps(host?.kind ?? 'file'), phase: 'check' }} lang={lang} />
            </div>
          )}

          {status.kind === 'error' && (
            <MessageBar layout="multiline" intent="error" role="alert" data-state="error">
              <MessageBarBody>
                <MessageBarTitle>{t.errorTitle}</MessageBarTitle>
                {status.message}
              </MessageBarBody>
            </MessageBar>
          )}

          {result && (
            <div data-state={result.findings.length === 0 ? 'all-clear' : 'findings'}>
              <Summary summary={result.summary} t={t} filter={filter} onFilter={result.findings.length > 0 ? setFilter : undefined} />
              {props.extra?.(result)}
              {!result.nothingToCheck && hiddenNote(result.document.skipped, lang) && (
                <p className={s.filterNote} role="status" data-state="hidden-sheets">
                  {hiddenNote(result.document.skipped, lang)}
                </p>
              )}
              {result.findings.length === 0 ? (
                result.nothingToCheck ? (
                  <NothingToCheck skipped={result.document.skipped ?? []} lang={lang} busy={busy} onMapHeadings={setMapOffer} />
                ) : (
                  <div className={s.state}>
                    <p className={`${s.stateTitle} ${s.allClear}`}>{t.allClearTitle}</p>
                    <p>{t.allClearBody}</p>
                  </div>
                )
              ) : (
                <>
                  {filter && (
                    <p className={s.filterNote} role="status">
                      {t.filterOn(filterLabel, shown.length)}{' '}
                      <Link as="button" onClick={() => setFilter(null)}>
                        {t.filterClear}
                      </Link>
                    </p>
                  )}
                  <FindingList
                    findings={shown}
                    t={t}
                    busy={busy}
                    selectedKey={selectedKey}
                    ruleName={ruleName}
                    ruleHint={ruleHint}
                    placeOf={props.document?.placeOf}
                    explainable={!props.document}
                    showRuleIds={lang === 'en'}
                    onSelect={onSelect}
                    insertable
                    onFix={(f) => {
                      if (!f.fix) return;
                      // a fix that replaces existing text, or inserts a row, is applied only after the user confirms
                      if (f.fix.overwrite) setDialog({ fixes: [f.fix], overwrite: true });
                      else if (f.fix.insert) setDialog({ fixes: [f.fix], overwrite: false });
                      else void applyFixes([f.fix], false);
                    }}
                    onExplain={(f, text) => void onExplain(f, text)}
                    mapHeading={{ label: HEADING_MAP_TEXT[lang].open, open: (f) => setMapOffer(f.mapHeading ?? null) }}
                  />
                </>
              )}
            </div>
          )}
        </>
      )}
      {mapOffer !== null && (
        <Suspense fallback={null}>
          <HeadingMapDialog
            open
            lang={lang}
            offer={mapOffer}
            busy={busy}
            onCancel={() => setMapOffer(null)}
            onConfirm={(c) => void onMapHeading(c)}
          />
        </Suspense>
      )}
      <FixAllDialog
        open={dialog !== null}
        fixes={dialog?.fixes ?? []}
        schools={fixSchools}
        inExcel={hostIsExcel}
        defaultOverwrite={dialog?.overwrite ?? false}
        t={t}
        onCancel={() => setDialog(null)}
        onConfirm={(overwrite) => {
          const list = dialog?.fixes ?? [];
          setDialog(null);
          void applyFixes(list, overwrite);
        }}
      />
      {host?.schoolTable && tableOpen && (
        <Suspense fallback={null}>
          <SchoolTableDialog
            open={tableOpen}
            host={host.schoolTable}
            lang={lang}
            request={{ config: toConfig(settings), lang, ...(registry && { registry }) }}
            projectSheets={result ? [...new Set(result.document.projects.map((p) => p.ref.sheet))] : []}
            onClose={() => setTableOpen(false)}
            onWritten={(sheet, into) => {
              setTableOpen(false);
              const text = into ? schoolTableWrittenInto(lang, sheet) : schoolTableWritten(lang, sheet);
              void run(false).then(() => setNotice({ intent: 'success', text }));
            }}
          />
        </Suspense>
      )}
    </main>
  );
}
