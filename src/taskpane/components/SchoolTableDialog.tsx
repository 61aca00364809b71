/**
 * 生成学校表 (issue 15): the user picks the list (the selection in Excel, or a sheet and an optional
 * range), sees the table it makes — every row with its code and standard name, and what could not be
 * matched — and only then writes it on a new sheet. The host does the reading and the writing.
 */
import { useEffect, useState } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { Lang } from '../../core/rules/types';
import type { ListSource, SchoolTablePreview } from '../../core/schools/from-list';
import { rangeFromA1, rangeToA1 } from '../../core/snapshot/a1';
import type { CheckRequest, SchoolTableHost } from '../host';

const useStyles = makeStyles({
  table: { borderCollapse: 'collapse', width: '100%', marginTop: tokens.spacingVerticalS, fontSize: tokens.fontSizeBase200 },
  cell: {
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    textAlign: 'left',
    wordBreak: 'break-all',
  },
  unmatched: { backgroundColor: tokens.colorPaletteRedBackground1 },
  scroll: { maxHeight: '40vh', overflowY: 'auto' },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-end', flexWrap: 'wrap' },
  list: { margin: `${tokens.spacingVerticalXS} 0`, paddingLeft: tokens.spacingHorizontalL },
});

const STRINGS = {
  zh: {
    title: '生成学校表',
    intro:
      '从学校名单（校名、数量、金额，可含资金来源）生成标准学校明细表：代码从学校名册按名称精确匹配填入，校名写成“市+县+乡+校名”，小计、合计为求和公式，金额换算为万元。',
    source: '名单所在',
    selection: '当前选择的区域',
    range: '区域（可不填，如 A1:D40）',
    badRange: '区域应写成 A1:D40 的形式',
    preview: '预览',
    write: (sheet: string) => `生成到新工作表“${sheet}”`,
    place: '写到',
    newSheet: '新工作表',
    below: (sheet: string) => `“${sheet}”的正文下方`,
    writeInto: (sheet: string, row: number) => `写入“${sheet}”第 ${row} 行起`,
    cancel: '取消',
    listed: '名单中的校名',
    name: '学校名称（市+县+乡+校名）',
    code: '学校代码',
    count: '数量',
    subtotal: '小计（万元）',
    noCode: '（未匹配）',
    unmatched: '未能匹配、不填代码的学校：',
    problems: '名单中的问题：',
    more: (n: number) => `……另有 ${n} 行`,
  },
  en: {
    title: 'Make the school table',
    intro:
      'Makes the standard school table from a plain list of schools (name, count, amount, maybe the source split): codes from the registry by exact name only, names as 市+县+乡+校名, 小计 and 合计 as SUM formulas, amounts in 万元.',
    source: 'The list is in',
    selection: 'the selected range',
    range: 'Range (optional, e.g. A1:D40)',
    badRange: 'Write the range as A1:D40',
    preview: 'Preview',
    write: (sheet: string) => `Write it on the new sheet "${sheet}"`,
    place: 'Write it',
    newSheet: 'on a new sheet',
    below: (sheet: string) => `below the text of "${sheet}"`,
    writeInto: (sheet: string, row: number) => `Write it into "${sheet}" from row ${row}`,
    cancel: 'Cancel',
    listed: 'Name in the list',
    name: 'School (市+县+乡+校名)',
    code: 'Code',
    count: 'Count',
    subtotal: '小计 (万元)',
    noCode: '(not matched)',
    unmatched: 'Not matched, left without a code:',
    problems: 'In the list:',
    more: (n: number) => `… ${n} more rows`,
  },
} as const;

const SELECTION = '\u0000selection';
const SHOWN = 200;

export interface SchoolTableDialogProps {
  readonly open: boolean;
  readonly host: SchoolTableHost;
  readonly lang: Lang;
  readonly request: Omit<CheckRequest, 'onPhase'>;
  /** The projects' sheets: the table may go below one's text instead of on a new sheet. */
  readonly projectSheets?: readonly string[];
  readonly onClose: () => void;
  /** The table was written on `sheet` (`into`: below its text): the pane checks again. */
  onWritten(sheet: string, into: boolean): void;
}

export function SchoolTableDialog(props: SchoolTableDialogProps) {
  const { host, lang } = props;
  const t = STRINGS[lang];
  const s = useStyles();
  const [sheets, setSheets] = useState<readonly string[]>([]);
  const [selection, setSelection] = useState<ListSource | null>(null);
  const [choice, setChoice] = useState('');
  const [range, setRange] = useState('');
  const [into, setInto] = useState('');
  const [preview, setPreview] = useState<SchoolTablePreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // each opening starts without a preview or an error
  const [opened, setOpened] = useState({ open: props.open, host });
  if (opened.open !== props.open || opened.host !== host) {
    setOpened({ open: props.open, host });
    if (props.open) {
      setPreview(null);
      setError(null);
    }
  }

  useEffect(() => {
    if (!props.open) return;
    let live = true;
    void (async () => {
      const [list, sel] = await Promise.all([host.sheets(), host.selection ? host.selection() : Promise.resolve(null)]);
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- `live` is cleared by the cleanup while this awaits
      if (!live) return;
      setSheets(list);
      setSelection(sel);
      setChoice(sel ? SELECTION : (list[0] ?? ''));
    })();
    return () => {
      live = false;
    };
  }, [props.open, host]);

  const source = (): ListSource | string => {
    if (choice === SELECTION && selection) return selection;
    const r = range.trim();
    if (r === '') return { sheet: choice };
    const parsed = rangeFromA1(r.toUpperCase());
    return parsed ? { sheet: choice, range: parsed } : t.badRange;
  };

  const onPreview = async () => {
    const src = source();
    if (typeof src === 'string') {
      setError(src);
      return;
    }
    setBusy(true);
    setError(null);
    const out = await host.preview(src, props.request, into === '' ? {} : { into });
    setBusy(false);
    if (out.ok) setPreview(out.preview);
    else {
      setPreview(null);
      setError(out.message);
    }
  };

  const onWrite = async () => {
    const src = source();
    if (typeof src === 'string') {
      setError(src);
      return;
    }
    setBusy(true);
    const out = await host.write(src, props.request, into === '' ? {} : { into });
    setBusy(false);
    if (out.ok) props.onWritten(out.sheet, into !== '');
    else setError(out.message);
  };

  const selectionLabel = selection ? `${t.selection}（${selection.sheet}${selection.range ? `!${rangeToA1(selection.range)}` : ''}）` : '';
  return (
    <Dialog
      open={props.open}
      onOpenChange={(_, d) => {
        if (!d.open) props.onClose();
      }}
    >
      <DialogSurface aria-describedby="school-table-intro" data-testid="school-table-dialog">
        <DialogBody>
          <DialogTitle>{t.title}</DialogTitle>
          <DialogContent>
            <p id="school-table-intro">{t.intro}</p>
            <div className={s.row}>
              <Field label={t.source}>
                <Select
                  value={choice}
                  onChange={(_, d) => {
                    setChoice(d.value);
                    setPreview(null);
                  }}
                >
                  {selection && <option value={SELECTION}>{selectionLabel}</option>}
                  {sheets.map((n) => (
                    <option key={n} value={n}>
                      {n}
                    </option>
                  ))}
                </Select>
              </Field>
              {choice !== SELECTION && (
                <Field label={t.range}>
                  <Input
                    value={range}
                    onChange={(_, d) => {
                      setRange(d.value);
                      setPreview(null);
                    }}
                    placeholder="A1:D40"
                  />
                </Field>
              )}
              {(props.projectSheets?.length ?? 0) > 0 && (
                <Field label={t.place}>
                  <Select
                    value={into}
                    data-testid="school-table-place"
                    onChange={(_, d) => {
                      setInto(d.value);
                      setPreview(null);
                    }}
                  >
                    <option value="">{t.newSheet}</option>
                    {props.projectSheets!.map((n) => (
                      <option key={n} value={n}>
                        {t.below(n)}
                      </option>
                    ))}
                  </Select>
                </Field>
              )}
              <Button disabled={busy || choice === ''} onClick={() => void onPreview()}>
                {t.preview}
              </Button>
            </div>
            {error && (
              <MessageBar intent="error" layout="multiline" role="alert">
                <MessageBarBody>{error}</MessageBarBody>
              </MessageBar>
            )}
            {preview && (
              <div data-testid="school-table-preview">
                <p role="status">{preview.summary[lang]}</p>
                {preview.unresolved.length > 0 && (
                  <>
                    <p>{t.unmatched}</p>
                    <ul className={s.list}>
                      {preview.unresolved.map((u) => (
                        <li key={u.name}>{u.message[lang]}</li>
                      ))}
                    </ul>
                  </>
                )}
                {preview.problems.length > 0 && (
                  <>
                    <p>{t.problems}</p>
                    <ul className={s.list}>
                      {preview.problems.map((p, i) => (
                        <li key={i}>{p.message[lang]}</li>
                      ))}
                    </ul>
                  </>
                )}
                <div className={s.scroll}>
                  <table className={s.table}>
                    <thead>
                      <tr>
                        {[t.listed, t.code, t.name, t.count, t.subtotal].map((h) => (
                          <th key={h} className={s.cell} scope="col">
                            {h}
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {preview.rows.slice(0, SHOWN).map((r, i) => (
                        <tr key={i} className={r.matched ? undefined : s.unmatched}>
                          <td className={s.cell}>{r.listed}</td>
                          <td className={s.cell}>{r.code === '' ? t.noCode : r.code}</td>
                          <td className={s.cell}>{r.name}</td>
                          <td className={s.cell}>{r.count ?? ''}</td>
                          <td className={s.cell}>{r.subtotal ?? ''}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                  {preview.rows.length > SHOWN && <p>{t.more(preview.rows.length - SHOWN)}</p>}
                </div>
              </div>
            )}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={busy || !preview} onClick={() => void onWrite()}>
              {preview?.into ? t.writeInto(preview.into.sheet, preview.into.row + 1) : t.write(preview?.sheetName ?? '学校明细表')}
            </Button>
            <Button onClick={props.onClose}>{t.cancel}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

export default SchoolTableDialog;
