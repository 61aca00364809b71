import { useEffect, useState } from 'react';
import {
  Button, Checkbox, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, makeStyles, tokens,
} from '@fluentui/react-components';
import type { Fix } from '../../core/rules/types';
import type { Strings } from '../i18n';

const useStyles = makeStyles({
  table: { borderCollapse: 'collapse', width: '100%', marginTop: tokens.spacingVerticalS, fontSize: tokens.fontSizeBase200 },
  cell: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`, textAlign: 'left', wordBreak: 'break-all' },
  scroll: { maxHeight: '40vh', overflowY: 'auto' },
});

export interface FixAllDialogProps {
  readonly open: boolean;
  readonly fixes: readonly Fix[];
  readonly t: Strings;
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
  // each opening starts from its own default
  useEffect(() => {
    if (props.open) setOverwrite(props.defaultOverwrite === true);
  }, [props.open, props.defaultOverwrite]);
  return (
    <Dialog open={props.open} onOpenChange={(_, d) => { if (!d.open) props.onCancel(); }}>
      <DialogSurface aria-describedby="fix-all-intro">
        <DialogBody>
          <DialogTitle>{props.fixes.length === 1 ? t.fill : t.fillAllTitle}</DialogTitle>
          <DialogContent>
            <p id="fix-all-intro">{t.fillAllIntro}</p>
            <div className={s.scroll}>
              <table className={s.table}>
                <thead>
                  <tr><th className={s.cell} scope="col">{t.cellColumn}</th><th className={s.cell} scope="col">{t.valueColumn}</th></tr>
                </thead>
                <tbody>
                  {props.fixes.map((f) => (
                    <tr key={`${f.sheet}!${f.cell}`}>
                      <td className={s.cell}>{f.sheet}!{f.cell}</td>
                      <td className={s.cell}>{String(f.value)}{f.overwrite ? ` ${t.overwriteMark}` : ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Checkbox checked={overwrite} onChange={(_, d) => setOverwrite(d.checked === true)} label={t.overwrite} />
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => props.onConfirm(overwrite)}>{t.fillAllConfirm}</Button>
            <Button onClick={props.onCancel}>{t.cancel}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
