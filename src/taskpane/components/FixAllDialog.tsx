import { useState } from 'react';
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { Fix } from '../../core/rules/types';
import type { Strings } from '../i18n';

const useStyles = makeStyles({
  table: { borderCollapse: 'collapse', width: '100%', marginTop: tokens.spacingVerticalS, fontSize: tokens.fontSizeBase200 },
  cell: {
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    textAlign: 'left',
    wordBreak: 'break-word',
    verticalAlign: 'top',
  },
  /** A cell address (项目十一!A18) or a code is never broken across lines, even at 320 px. */
  nowrap: { whiteSpace: 'nowrap', wordBreak: 'keep-all' },
  scroll: { maxHeight: '40vh', overflowY: 'auto' },
});

export interface FixAllDialogProps {
  readonly open: boolean;
  readonly fixes: readonly Fix[];
  readonly t: Strings;
  /** The school each fix is for, by `sheet!cell` (school-code fixes), shown as the first column. */
  readonly schools?: ReadonlyMap<string, string> | undefined;
  /** How to undo: Excel's Undo inside Excel; the page says how it is undone there. */
  readonly inExcel?: boolean | undefined;
  /** Start with 覆盖 ticked (a single fix that targets a filled cell). */
  readonly defaultOverwrite?: boolean;
  readonly onCancel: () => void;
  readonly onConfirm: (overwrite: boolean) => void;
}

/** Shows every cell and value that 全部填入 would write, and writes only after the user agrees. */
export function FixAllDialog(props: FixAllDialogProps) {
  const { t } = props;
  const s = useStyles();
  const [overwrite, setOverwrite] = useState(props.defaultOverwrite === true);
  const hasSchools = props.fixes.some((f) => props.schools?.has(`${f.sheet}!${f.cell}`));
  const onlyInserts = props.fixes.length > 0 && props.fixes.every((f) => f.insert !== undefined);
  // each opening starts from its own default
  const [opened, setOpened] = useState({ open: props.open, defaultOverwrite: props.defaultOverwrite });
  if (opened.open !== props.open || opened.defaultOverwrite !== props.defaultOverwrite) {
    setOpened({ open: props.open, defaultOverwrite: props.defaultOverwrite });
    if (props.open) setOverwrite(props.defaultOverwrite === true);
  }
  return (
    <Dialog
      open={props.open}
      onOpenChange={(_, d) => {
        if (!d.open) props.onCancel();
      }}
    >
      <DialogSurface aria-describedby="fix-all-intro">
        <DialogBody>
          <DialogTitle>{props.fixes.length === 1 ? (props.fixes[0]!.insert ? t.insertSection : t.fill) : t.fillAllTitle}</DialogTitle>
          <DialogContent>
            <p id="fix-all-intro">
              {onlyInserts ? t.insertIntro : t.fillAllIntro} {props.inExcel ? t.fillAllUndoExcel : t.fillAllUndoPage}
            </p>
            <div className={s.scroll}>
              <table className={s.table}>
                <thead>
                  <tr>
                    {hasSchools && (
                      <th className={s.cell} scope="col">
                        {t.schoolColumn}
                      </th>
                    )}
                    <th className={s.cell} scope="col">
                      {t.cellColumn}
                    </th>
                    <th className={s.cell} scope="col">
                      {t.valueColumn}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {props.fixes.map((f) => (
                    <tr key={`${f.sheet}!${f.cell}`} data-fix={`${f.sheet}!${f.cell}`}>
                      {hasSchools && <td className={s.cell}>{props.schools?.get(`${f.sheet}!${f.cell}`) ?? ''}</td>}
                      <td className={`${s.cell} ${s.nowrap}`}>
                        {f.sheet}!{f.cell}
                      </td>
                      <td className={s.cell}>
                        <span className={s.nowrap}>{String(f.value)}</span>
                        {f.overwrite ? ` ${t.overwriteMark}` : ''}
                        {f.insert ? ` ${t.insertMark}` : ''}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {/* an insert never overwrites: the choice means nothing when every fix is one */}
            {!onlyInserts && <Checkbox checked={overwrite} onChange={(_, d) => setOverwrite(d.checked === true)} label={t.overwrite} />}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => props.onConfirm(overwrite)}>
              {t.fillAllConfirm}
            </Button>
            <Button onClick={props.onCancel}>{t.cancel}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
