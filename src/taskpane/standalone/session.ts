/**
 * What the workbook worker does (workbook.worker.ts is only its message loop, so this runs in
 * Node for the tests): it holds one opened workbook — its bytes, the file host over its snapshot
 * (the fills and 说明 made in the page), the last check — and answers the page's calls.
 *
 * Files are read with the CLI's limits and sentences: the size is checked before the bytes are
 * loaded, and every file is read by its content whatever its name: a Compound File (an .xls, by
 * its signature) by the .xls reader, loaded on demand (its own chunk), anything else by the .xlsx
 * reader, so a file that is not a workbook gets the reader's one sentence. An .xls is checked
 * only: nothing is written into it (no annotated copy, table or sheet), which one sentence says.
 */
import type { CheckResult } from '../../core/check';
import type { Finding, Lang } from '../../core/rules/types';
import type { WorkbookSnapshot } from '../../core/snapshot/types';
import type { DisclosureDocument } from '../../core/model';
import { M, say, type Bilingual } from '../../cli/messages';
import { documentKind, readDocument, type DocumentKind } from '../../hosts/document/read';
import type { DocumentPlaces } from '../../core/report/places';
import { DEFAULT_LIMITS, readXlsx } from '../../hosts/xlsx/read';
import { isXlsBytes } from '../../hosts/xls/sniff';
import { AnnotateError, annotate, writeExplanations } from '../../hosts/xlsx/annotate';
import { Package } from '../../hosts/xlsx/annotate-package';
import { insertRows, refusalText } from '../../hosts/xlsx/annotate-insert';
import { addTemplateSheet, TargetNotEmpty, writeTemplateInto } from '../../hosts/xlsx/add-sheet';
import { planSchoolTable, previewOf, type ListSource } from '../../core/schools/from-list';
import { templateToSheet } from '../../core/schools/template';
import type { StoredExplanation } from '../../core/snapshot/types';
import type { CheckOutcome } from '../host';
import type { WorkPhase } from '../progress';
import { cellText, createFileHost, type FileHost } from './fileHost';
import type { Edits, FromWorker, NumberedOutcome, PlainCheckRequest, ToWorker, WorkKind, WorkResult } from './protocol';
import { workFailure } from './strings';

/** A file with its bytes and snapshot, or the one sentence (without the file's name) saying why not. */
type Loaded =
  | {
      ok: true;
      bytes: Uint8Array;
      snapshot: WorkbookSnapshot;
      xls: boolean;
      /** A Word document or a text file (read as the CLI reads one), with where each row is in it. */
      document?: { readonly kind: DocumentKind; readonly places: DocumentPlaces };
    }
  | { ok: false; why: string };

/**
 * Reads a chosen file as the CLI reads a path: the size first (a package larger than the
 * unpacked-size limit cannot be read within it), then the bytes, then the reader. With `documents`
 * (opening, not the registry), a Word document (known by its bytes) or a .txt file is read by the
 * document reader, as the CLI reads one: checked as written, never written.
 */
export async function loadWorkbookFile(file: Blob, name: string, lang: Lang, documents = false): Promise<Loaded> {
  const max = DEFAULT_LIMITS.maxUncompressedBytes;
  if (file.size > max) return { ok: false, why: say(M.tooLarge(file.size, max), lang) };
  const bytes = new Uint8Array(await file.arrayBuffer());
  const kind = documents ? documentKind(bytes, name) : undefined;
  if (kind !== undefined) {
    const read = readDocument(bytes, kind);
    if (!read.ok) return { ok: false, why: read.error.messageFor(lang) };
    return { ok: true, bytes, snapshot: read.snapshot, xls: false, document: { kind, places: read.places } };
  }
  const xls = isXlsBytes(bytes);
  const read = xls ? (await import(/* webpackChunkName: "xls" */ '../../hosts/xls/read')).readXls(bytes) : readXlsx(bytes);
  return read.ok ? { ok: true, bytes, snapshot: read.snapshot, xls } : { ok: false, why: read.error.messageFor(lang) };
}

interface Open {
  readonly host: FileHost;
  /** The package the copy is made from: the file's, with the sheets generated in the page. */
  bytes: Uint8Array;
  /**
   * Why nothing can be written into this file (an .xls, a Word document, a text file): checked only, no copy,
   * no generated sheet, no inserted row. Null for an .xlsx.
   */
  readonly readOnly: Bilingual | null;
  /** A Word document or a text file: its fills are not offered (nothing can be written into it). */
  readonly document: boolean;
}

/** Answers the page's calls over one opened workbook. `phase` reports the phase entered. */
export interface WorkSession {
  handle(message: ToWorker, phase: (p: WorkPhase) => void): Promise<{ value: unknown; transfer: Transferable[] }>;
}

export function createWorkSession(): WorkSession {
  let open: Open | null = null;
  let last: { seq: number; document: DisclosureDocument; result: CheckResult } | null = null;
  let seq = 0;
  let version = 0;
  const explained = new Set<string>();

  const edits = (): Edits => ({ fills: open?.host.writtenFixes().length ?? 0, explanations: explained.size, version });

  const check = async (request: PlainCheckRequest, phase: (p: WorkPhase) => void): Promise<NumberedOutcome> => {
    if (!open) throw new Error('no workbook is open');
    phase('check');
    const checked: CheckOutcome = await open.host.check(request);
    // a document is checked as written: no fill is offered, as nothing can be written into it (the CLI's --fix neither)
    const outcome: CheckOutcome =
      checked.ok && open.document
        ? { ...checked, result: { ...checked.result, findings: checked.result.findings.map(withoutFix) } }
        : checked;
    seq += 1;
    last = outcome.ok ? { seq, document: outcome.result.document, result: outcome.result } : null;
    return { outcome, seq };
  };

  const answer = <K extends WorkKind>(value: WorkResult<K>, transfer: Transferable[] = []) => ({ value, transfer });

  return {
    async handle(message, phase) {
      switch (message.kind) {
        case 'open': {
          const { file, name, request } = message.args;
          phase('read');
          const loaded = await loadWorkbookFile(file, name, request.lang, true);
          if (!loaded.ok) return answer<'open'>({ ok: false, message: say(M.fileError(name, loaded.why), request.lang) });
          const opened: Open = {
            host: createFileHost(
              loaded.snapshot,
              () => undefined,
              (sheet, row) => {
                if (opened.readOnly) return opened.readOnly;
                // the CLI's --fix insert, on the package the download annotates
                const pkg = new Package(opened.bytes);
                const done = insertRows(pkg, [{ sheet, row }]);
                const why = done.refused.get(sheet);
                if (why !== undefined || !done.inserted.has(sheet)) return refusalText(why ?? 'not-worksheet', sheet);
                opened.bytes = pkg.toBytes();
                return null;
              },
            ),
            bytes: loaded.bytes,
            readOnly: loaded.document ? M.documentReadOnly(loaded.document.kind) : loaded.xls ? M.xlsReadOnly : null,
            document: loaded.document !== undefined,
          };
          open = opened;
          version = 0;
          explained.clear();
          const document = loaded.document && { kind: loaded.document.kind, places: loaded.document.places };
          return answer<'open'>({ ok: true, ...(await check(request, phase)), ...(document && { document }) });
        }
        case 'check':
          return answer<'check'>(await check(message.args.request, phase));
        case 'applyFixes': {
          if (!open) throw new Error('no workbook is open');
          const outcome = await open.host.applyFixes(message.args.fixes, { overwrite: message.args.overwrite });
          if (outcome.written.length > 0) version += 1;
          return answer<'applyFixes'>({ outcome, edits: edits() });
        }
        case 'explain': {
          if (!open) throw new Error('no workbook is open');
          const { finding, text } = message.args;
          await open.host.explain(finding, text);
          explained.add(explanationOf(finding));
          version += 1;
          return answer<'explain'>(edits());
        }
        case 'cellText': {
          if (!open) return answer<'cellText'>(null);
          return answer<'cellText'>(cellText(open.host.snapshot(), message.args.sheet, message.args.cell));
        }
        case 'annotate': {
          if (!open || !last) throw new Error('no checked workbook');
          if (open.readOnly) return answer<'annotate'>({ ok: false, message: say(open.readOnly, message.args.lang) });
          phase('annotate');
          const out = annotatedCopy(
            open.bytes,
            copyFindings(open.host, last.result, message.args.withFixes),
            open.host.explanations(),
            message.args.lang,
            open.host.writtenFixes().flatMap((w) => (w.inserted ? [`${w.fix.sheet}!${w.fix.cell}`] : [])),
          );
          if (!out.ok) return answer<'annotate'>(out);
          return answer<'annotate'>({ ok: true, bytes: out.bytes, edits: edits() }, [out.bytes.buffer]);
        }
        case 'exportDocx': {
          const document = last?.seq === message.args.seq ? last.document : message.args.document;
          if (!document) return answer<'exportDocx'>({ ok: false, stale: true });
          phase('export');
          const { exportDocxWithModel } = await import(/* webpackChunkName: "docx" */ '../../hosts/docx/write');
          const { template } = message.args;
          let options = {};
          if (template !== undefined) {
            const { readDocxTemplate } = await import(/* webpackChunkName: "docx" */ '../../hosts/docx/template');
            options = { template: readDocxTemplate(template) };
          }
          const out = await exportDocxWithModel(document, options);
          return answer<'exportDocx'>({ ok: true, bytes: out.bytes, normalisations: out.model.normalisations }, [out.bytes.buffer]);
        }
        case 'sheetNames':
          return answer<'sheetNames'>(
            open
              ? open.host
                  .snapshot()
                  .sheets.filter((x) => x.visibility === 'visible')
                  .map((x) => x.name)
              : [],
          );
        case 'schoolTablePreview': {
          if (!open) throw new Error('no workbook is open');
          const planned = plan(open, message.args.source, message.args.request, message.args.into);
          return answer<'schoolTablePreview'>(
            planned.ok
              ? { ok: true, preview: previewOf(planned.plan) }
              : { ok: false, message: say(planned.message, message.args.request.lang) },
          );
        }
        case 'schoolTableWrite': {
          if (!open) throw new Error('no workbook is open');
          const { lang } = message.args.request;
          const planned = plan(open, message.args.source, message.args.request, message.args.into);
          if (!planned.ok) return answer<'schoolTableWrite'>({ ok: false, message: say(planned.message, lang) });
          const { sheetName, template, into } = planned.plan;
          if (open.readOnly) return answer<'schoolTableWrite'>({ ok: false, message: say(open.readOnly, lang) });
          try {
            open.bytes = into
              ? writeTemplateInto(open.bytes, into.sheet, template)
              : addTemplateSheet(open.bytes, { name: sheetName, ...template });
          } catch (e) {
            const message = e instanceof AnnotateError || e instanceof TargetNotEmpty ? e.messageIn(lang) : String(e);
            return answer<'schoolTableWrite'>({ ok: false, message });
          }
          if (into) open.host.writeInto(into.sheet, templateToSheet({ name: sheetName, ...template }));
          else open.host.addSheet(templateToSheet({ name: sheetName, ...template }));
          version += 1;
          return answer<'schoolTableWrite'>({ ok: true, sheet: sheetName, edits: edits() });
        }
        case 'addProjectSheet': {
          if (!open) throw new Error('no workbook is open');
          const { template, lang } = message.args;
          const refused = (): WorkResult<'addProjectSheet'> => ({
            ok: false,
            message:
              lang === 'zh'
                ? `无法新建工作表“${template.name}”：该名称已被占用或无效`
                : `The sheet "${template.name}" could not be added: the name is taken or not valid`,
          });
          if (open.readOnly) return answer<'addProjectSheet'>({ ok: false, message: say(open.readOnly, lang) });
          if (open.host.snapshot().sheets.some((x) => x.name.toLowerCase() === template.name.toLowerCase()))
            return answer<'addProjectSheet'>(refused());
          try {
            open.bytes = addTemplateSheet(open.bytes, { ...template, frame: false });
          } catch {
            return answer<'addProjectSheet'>(refused());
          }
          open.host.addSheet(templateToSheet(template));
          version += 1;
          return answer<'addProjectSheet'>({ ok: true, sheet: template.name, edits: edits() });
        }
        case 'readRegistry': {
          const { file, name, lang } = message.args;
          phase('read');
          const loaded = await loadWorkbookFile(file, name, lang);
          if (!loaded.ok) return answer<'readRegistry'>({ ok: false, message: say(M.registryUnreadable(name, loaded.why), lang) });
          return answer<'readRegistry'>({ ok: true, snapshot: loaded.snapshot });
        }
      }
    },
  };
}

/** The worker's global scope, as far as the message loop needs it. */
export interface WorkerScope {
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
}

/**
 * The worker's message loop: one call at a time, in the order they came (a check never sees a
 * half-written fill); each answered with its phases, then its value or one sentence.
 */
export function serveSession(scope: WorkerScope, session: WorkSession = createWorkSession()): void {
  let queue: Promise<void> = Promise.resolve();
  scope.onmessage = (event) => {
    const message = event.data;
    queue = queue.then(async () => {
      try {
        const out = await session.handle(message, (phase) => scope.postMessage({ id: message.id, type: 'phase', phase }));
        scope.postMessage({ id: message.id, type: 'done', value: out.value }, out.transfer);
      } catch {
        scope.postMessage({ id: message.id, type: 'failed', message: workFailure(message.lang) });
      }
    });
  };
}

function withoutFix(f: Finding): Finding {
  if (!f.fix) return f;
  const { fix: _fix, ...rest } = f;
  return rest;
}

function explanationOf(f: Finding): string {
  return f.key || `${f.rule}|${f.sheet}!${f.cell}`;
}

/**
 * The findings the annotated copy flags: the last check's (their fixes written only when asked)
 * and the fills already made in the page — their findings are gone from the re-check, so they
 * travel on the finding that proposed them (the copy flags and fills that cell).
 */
function copyFindings(host: FileHost, result: CheckResult, withFixes: boolean): Finding[] {
  const filled = host.writtenFixes().map(({ fix, finding }): Finding =>
    finding
      ? { ...finding, fix }
      : {
          rule: 'fill',
          severity: 'info',
          message: '',
          messageId: 'fill',
          sheet: fix.sheet,
          cell: fix.cell,
          row: 0,
          col: 0,
          key: `fill|${fix.sheet}!${fix.cell}`,
          fix,
        },
  );
  const current = result.findings.map((f) => {
    if (withFixes || !f.fix) return f;
    const { fix: _drop, ...rest } = f;
    return rest;
  });
  return [...current, ...filled];
}

/**
 * The annotated copy: every finding flagged, the fixes they carry written, the 说明 stored; the
 * headings of the rows the page inserted say （插入一行） in 已填入, as the CLI's copy does.
 */
function annotatedCopy(
  bytes: Uint8Array,
  findings: readonly Finding[],
  explanations: readonly StoredExplanation[],
  lang: Lang,
  rowsInserted: readonly string[],
): { ok: true; bytes: Uint8Array } | { ok: false; message: string } {
  try {
    const withStored = explanations.length > 0 ? writeExplanations(bytes, explanations) : bytes;
    const fix = findings.some((f) => f.fix !== undefined);
    return { ok: true, bytes: annotate(withStored, findings, { fix, lang, explanations, rowsInserted }) };
  } catch (e) {
    return {
      ok: false,
      message:
        e instanceof AnnotateError ? e.messageIn(lang) : lang === 'zh' ? '无法生成标注副本。' : 'The annotated copy could not be written.',
    };
  }
}

/** 生成学校表 over the workbook as it is in the page (its fills included), with the settings' registry. */
function plan(open: Open, source: ListSource, request: PlainCheckRequest, into: string | undefined) {
  return planSchoolTable(open.host.snapshot(), source, {
    ...(request.registry && { registry: request.registry }),
    ...(into !== undefined && { into }),
  });
}
