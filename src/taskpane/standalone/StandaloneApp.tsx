import { useCallback, useMemo, useRef, useState } from 'react';
import { Button, Checkbox, Spinner, makeStyles, shorthands, tokens } from '@fluentui/react-components';
import type { CheckResult } from '../../core/check';
import { renderCsv } from '../../core/report/report';
import type { Lang } from '../../core/rules/types';
import { Pane } from '../App';
import { strings } from '../i18n';
import { saveFile, workbookBaseName } from '../download';
import { createFileHost, type FileHost } from './fileHost';
import type { XlsxModule } from './types';

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
  previewText: { whiteSpace: 'pre-wrap', wordBreak: 'break-word', margin: `${tokens.spacingVerticalXXS} 0 0 0`, maxHeight: '6em', overflowY: 'auto' },
  downloads: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center', marginBottom: tokens.spacingVerticalS },
});

interface OpenFile {
  readonly id: number;
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly host: FileHost;
}

export interface StandaloneAppProps {
  readonly lang: Lang;
  /** Loads the reader/annotator chunk (dynamic import in the app, a fake in tests). */
  readonly loadXlsx: () => Promise<XlsxModule>;
  /** Where the sample workbook is served. */
  readonly sampleUrl: string;
  /** Fetches the sample (window.fetch; injected for tests). */
  readonly fetchSample?: (url: string) => Promise<Uint8Array | null>;
  /** Saves a download (an <a download> click; injected for tests). */
  readonly save?: (name: string, data: Uint8Array | string, type: string) => void;
  readonly storage?: Storage | undefined;
}

async function defaultFetchSample(url: string): Promise<Uint8Array | null> {
  try {
    const r = await fetch(url);
    if (!r.ok) return null;
    return new Uint8Array(await r.arrayBuffer());
  } catch {
    return null;
  }
}

function baseName(name: string): string {
  return name.replace(/\.xlsx$/i, '');
}

/** The pane in a plain browser: open a workbook, check it, download the annotated copy. */
export function StandaloneApp(props: StandaloneAppProps) {
  const { lang } = props;
  const t = strings(lang);
  const s = useStyles();
  const [file, setFile] = useState<OpenFile | null>(null);
  const [error, setError] = useState<string | undefined>();
  const [loading, setLoading] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [selected, setSelected] = useState<{ sheet: string; cell: string; text: string | null } | null>(null);
  const [withFixes, setWithFixes] = useState(false);
  const [downloading, setDownloading] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const nextId = useRef(1);
  const save = props.save ?? saveFile;

  const open = useCallback(async (name: string, getBytes: () => Promise<Uint8Array | null>) => {
    setLoading(true);
    setError(undefined);
    setSelected(null);
    try {
      if (!/\.xlsx$/i.test(name)) {
        setFile(null);
        setError(t.notXlsx);
        return;
      }
      const bytes = await getBytes();
      if (!bytes) {
        setFile(null);
        setError(t.sampleMissing);
        return;
      }
      let mod: XlsxModule;
      try {
        mod = await props.loadXlsx();
      } catch {
        setFile(null);
        setError(t.readerFailed);
        return;
      }
      const out = await mod.read(bytes, lang);
      if (!out.ok) {
        setFile(null);
        setError(out.message);
        return;
      }
      const host = createFileHost(out.snapshot, (sheet, cell, text) => setSelected({ sheet, cell, text }));
      setFile({ id: nextId.current++, name, bytes, host });
    } catch {
      setFile(null);
      setError(t.unexpected);
    } finally {
      setLoading(false);
    }
  }, [lang, props, t]);

  const openFile = (f: File) => void open(f.name, async () => new Uint8Array(await f.arrayBuffer()));
  const openSample = () => {
    const name = props.sampleUrl.split('/').pop() ?? 'sample.xlsx';
    void open(name, () => (props.fetchSample ?? defaultFetchSample)(props.sampleUrl));
  };

  const readRegistry = useMemo(() => async (f: File) => {
    try {
      const mod = await props.loadXlsx();
      return await mod.read(new Uint8Array(await f.arrayBuffer()), lang);
    } catch {
      return { ok: false as const, message: t.readerFailed };
    }
  }, [props, lang, t.readerFailed]);

  const download = async (result: CheckResult) => {
    if (!file) return;
    setDownloading(true);
    try {
      const mod = await props.loadXlsx();
      // fixes written in the page: their findings are gone from the re-check, so they travel
      // on the finding that proposed them (the copy flags and fills that cell)
      const filled = file.host.writtenFixes().map(({ fix, finding }) =>
        finding ? { ...finding, fix } : { rule: 'fill', severity: 'info' as const, message: '', messageId: 'fill', sheet: fix.sheet, cell: fix.cell, row: 0, col: 0, key: `fill|${fix.sheet}!${fix.cell}`, fix });
      const current = result.findings.map((f) => {
        if (withFixes || !f.fix) return f;
        const { fix: _drop, ...rest } = f;
        return rest;
      });
      const out = await mod.annotate(file.bytes, [...current, ...filled], { explanations: file.host.explanations(), lang });
      if (out.ok) save(`${baseName(file.name)}.标注.xlsx`, out.bytes, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      else setError(out.message);
    } catch {
      setError(t.unexpected);
    } finally {
      setDownloading(false);
    }
  };

  const exportCsv = (result: CheckResult) => {
    if (!file) return;
    const csv = renderCsv([{ file: file.name, summary: result.summary, findings: result.findings }], lang);
    save(`${baseName(file.name)}.检查结果.csv`, csv, 'text/csv;charset=utf-8');
  };

  const header = (
    <div
      className={`${s.drop} ${dragging ? s.dropActive : ''}`}
      onDragOver={(e) => { e.preventDefault(); setDragging(true); }}
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
        <Button appearance={file ? 'secondary' : 'primary'} onClick={() => inputRef.current?.click()} disabled={loading}>{t.openWorkbook}</Button>
        <Button onClick={openSample} disabled={loading}>{t.sample}</Button>
        <input ref={inputRef} className={s.hidden} type="file" tabIndex={-1} aria-hidden="true" data-testid="file-input"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) openFile(f);
            e.target.value = '';
          }} />
      </div>
      <p className={s.small}>{t.dropHint}</p>
      {loading && <Spinner size="tiny" label={t.loadingFile} />}
      {file && <p className={s.file}>{t.fileLabel(file.name)}</p>}
      <p className={s.small}>{t.privacy}</p>
    </div>
  );

  const extra = (result: CheckResult) => (
    <>
      <div className={s.downloads}>
        <Button disabled={downloading} onClick={() => void download(result)}>{t.downloadAnnotated}</Button>
        <Button onClick={() => exportCsv(result)}>{t.exportCsv}</Button>
        {result.findings.some((f) => f.fix) && (
          <Checkbox checked={withFixes} onChange={(_, d) => setWithFixes(d.checked === true)} label={t.downloadWithFixes} />
        )}
      </div>
      {selected && (
        <section className={s.preview} aria-label={t.preview} aria-live="polite" data-testid="preview">
          <span className={s.previewPlace}>{selected.sheet}!{selected.cell}</span>
          <p className={s.previewText}>{selected.text === null || selected.text === '' ? t.previewEmpty : selected.text}</p>
        </section>
      )}
    </>
  );

  return (
    <Pane
      key={file?.id ?? 0}
      host={file?.host ?? null}
      lang={lang}
      storage={props.storage}
      header={header}
      extra={extra}
      readRegistry={readRegistry}
      error={error}
      autoCheck
      save={save}
      workbookName={() => (file ? workbookBaseName(file.name) : null)}
    />
  );
}
