/** Command-line arguments → options, or a usage error in one sentence. */
import type { Lang } from '../core/rules/types';
import { M, type Bilingual } from './messages';
import { parseListSource, type ListSource } from '../core/schools/from-list';

export type Format = 'text' | 'json' | 'csv';

export interface CliOptions {
  readonly inputs: readonly string[];
  readonly format: Format;
  readonly out?: string;
  readonly outDir?: string;
  readonly fix: boolean;
  readonly registry?: string;
  readonly config?: string;
  /** Set only when --lang was given (else the config's, else zh). */
  readonly lang?: Lang;
  readonly jobs?: number;
  readonly exportDocx?: string;
  /** `--docx-template FILE`: the bureau's own Word template for `--export-docx`. */
  readonly docxTemplate?: string;
  /** `--school-table-from SHEET` or `SHEET!A1:D40`: the plain list the standard school table is made from. */
  readonly schoolTableFrom?: ListSource;
  /** `--school-table-to SHEET`: write the table into that (project's) sheet, below its text, not on a new sheet. */
  readonly schoolTableTo?: string;
  /** `--new-project-sheet`: add the next project's sheet (新建项目表) to the copy. */
  readonly newProjectSheet?: boolean;
  readonly force: boolean;
  readonly debug: boolean;
  readonly help: boolean;
}

export type ParseResult = { ok: true; options: CliOptions } | { ok: false; error: Bilingual; lang: Lang };

const VALUED = new Set([
  '--format',
  '--out',
  '--out-dir',
  '--registry',
  '--config',
  '--lang',
  '--jobs',
  '--export-docx',
  '--docx-template',
  '--school-table-from',
  '--school-table-to',
]);
const FLAGS = new Set(['--fix', '--force', '--debug', '--help', '-h', '--new-project-sheet']);

export function parseArgs(argv: readonly string[]): ParseResult {
  const inputs: string[] = [];
  const values = new Map<string, string>();
  const flags = new Set<string>();
  let error: Bilingual | null = null;
  let onlyInputs = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (onlyInputs || !a.startsWith('-') || a === '-') {
      inputs.push(a);
      continue;
    }
    if (a === '--') {
      onlyInputs = true;
      continue;
    }
    const eq = a.indexOf('=');
    const name = a.startsWith('--') && eq > 0 ? a.slice(0, eq) : a;
    if (VALUED.has(name)) {
      let v: string | undefined;
      if (eq > 0 && name !== a) v = a.slice(eq + 1);
      else {
        v = argv[i + 1];
        if (v === undefined || (v.startsWith('--') && v.length > 2)) v = undefined;
        else i++;
      }
      if (v === undefined || v === '') error ??= M.needsValue(name);
      else values.set(name, v);
    } else if (FLAGS.has(a)) {
      flags.add(a === '-h' ? '--help' : a);
    } else {
      error ??= M.unknownOption(a);
    }
  }
  const langRaw = values.get('--lang');
  const lang: Lang | undefined = langRaw === 'zh' || langRaw === 'en' ? langRaw : undefined;
  const errLang: Lang = lang ?? 'zh';
  if (flags.has('--help')) {
    return {
      ok: true,
      options: { inputs, format: 'text', fix: false, force: false, debug: flags.has('--debug'), help: true, ...(lang && { lang }) },
    };
  }
  if (error) return { ok: false, error, lang: errLang };
  if (langRaw !== undefined && lang === undefined) return { ok: false, error: M.badLang(langRaw), lang: errLang };
  const format = values.get('--format') ?? 'text';
  if (format !== 'text' && format !== 'json' && format !== 'csv') return { ok: false, error: M.badFormat(format), lang: errLang };
  let jobs: number | undefined;
  const jobsRaw = values.get('--jobs');
  if (jobsRaw !== undefined) {
    jobs = Number(jobsRaw);
    if (!/^\d+$/.test(jobsRaw) || jobs < 1 || jobs > 64) return { ok: false, error: M.badJobs(jobsRaw), lang: errLang };
  }
  const out = values.get('--out');
  const outDir = values.get('--out-dir');
  if (out !== undefined && outDir !== undefined) return { ok: false, error: M.outAndOutDir, lang: errLang };
  const exportDocx = values.get('--export-docx');
  if (flags.has('--force') && exportDocx === undefined) return { ok: false, error: M.forceWithoutExport, lang: errLang };
  const docxTemplate = values.get('--docx-template');
  if (docxTemplate !== undefined && exportDocx === undefined) return { ok: false, error: M.templateWithoutExport, lang: errLang };
  if (inputs.length === 0) return { ok: false, error: M.noInputs, lang: errLang };
  if (inputs.filter((p) => p === '-').length > 1) return { ok: false, error: M.stdinTwice, lang: errLang };
  const tableRaw = values.get('--school-table-from');
  const schoolTableFrom = tableRaw === undefined ? undefined : parseListSource(tableRaw);
  if (tableRaw !== undefined && schoolTableFrom === null) return { ok: false, error: M.badSchoolTableFrom(tableRaw), lang: errLang };
  if (schoolTableFrom && out === undefined && outDir === undefined) return { ok: false, error: M.schoolTableNeedsOut, lang: errLang };
  const schoolTableTo = values.get('--school-table-to');
  if (schoolTableTo !== undefined && !schoolTableFrom) return { ok: false, error: M.schoolTableToWithoutFrom, lang: errLang };
  const newProjectSheet = flags.has('--new-project-sheet');
  if (newProjectSheet && out === undefined && outDir === undefined) return { ok: false, error: M.newProjectSheetNeedsOut, lang: errLang };
  const registry = values.get('--registry');
  const config = values.get('--config');
  return {
    ok: true,
    options: {
      inputs,
      format,
      fix: flags.has('--fix'),
      force: flags.has('--force'),
      debug: flags.has('--debug'),
      help: false,
      ...(out !== undefined && { out }),
      ...(outDir !== undefined && { outDir }),
      ...(registry !== undefined && { registry }),
      ...(config !== undefined && { config }),
      ...(lang !== undefined && { lang }),
      ...(jobs !== undefined && { jobs }),
      ...(exportDocx !== undefined && { exportDocx }),
      ...(docxTemplate !== undefined && { docxTemplate }),
      ...(schoolTableFrom && { schoolTableFrom }),
      ...(schoolTableTo !== undefined && { schoolTableTo }),
      ...(newProjectSheet && { newProjectSheet }),
    },
  };
}
