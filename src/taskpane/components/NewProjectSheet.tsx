/**
 * 新建项目表: a new sheet with 项目N and the eight headings in the bureau's style (detected from the
 * workbook's projects by core `newProjectSheet`). The dialog shows the sheet's name and headings
 * first; 新建 adds it through the host, and the pane checks again (the new project's sections then
 * show as empty until filled).
 */
import { useState } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { DisclosureDocument } from '../../core/model';
import type { Lang } from '../../core/rules/types';
import type { NewProjectSheet } from '../../core/schools/project-style';
import type { SheetTemplate } from '../../core/schools/template';

export const NEW_PROJECT_TEXT = {
  zh: {
    button: '新建项目表',
    title: (sheet: string) => `新建工作表“${sheet}”`,
    intro: '按本工作簿现有项目的写法（标题编号、部分名称、版式）新建项目表，各部分留空待填：',
    beside: '各部分的内容填在标题右侧一列。',
    below: '各部分的内容填在标题下一行。',
    create: '新建',
    cancel: '取消',
    done: (sheet: string) => `已新建工作表“${sheet}”，请在各部分下填写内容；填写前检查会提示这些部分为空。`,
  },
  en: {
    button: 'New project sheet',
    title: (sheet: string) => `Add the sheet "${sheet}"`,
    intro:
      "A new project sheet written as this workbook's projects are (heading numbering, section names, layout), each section left to fill in:",
    beside: 'Each section is filled in the column right of its heading.',
    below: 'Each section is filled in the row under its heading.',
    create: 'Add',
    cancel: 'Cancel',
    done: (sheet: string) => `The sheet "${sheet}" was added; fill in each section (until then the check shows them as empty).`,
  },
} as const;

const useStyles = makeStyles({
  // the headings are shown as they will be written (with their own numbering, or none): no list markers
  list: {
    margin: `${tokens.spacingVerticalS} 0`,
    paddingLeft: tokens.spacingHorizontalXL,
    listStyleType: 'none',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
  },
  title: { fontWeight: tokens.fontWeightSemibold, listStyleType: 'none', marginLeft: `calc(-1 * ${tokens.spacingHorizontalL})` },
});

export interface NewProjectSheetProps {
  readonly document: DisclosureDocument;
  readonly lang: Lang;
  readonly disabled: boolean;
  readonly onCreate: (template: SheetTemplate) => void | Promise<void>;
}

export function NewProjectSheetButton(props: NewProjectSheetProps) {
  const T = NEW_PROJECT_TEXT[props.lang];
  const s = useStyles();
  const [made, setMade] = useState<NewProjectSheet | null>(null);
  const headings = made ? made.template.cells.filter((c) => c.bold && c.row > 0 && c.col === 0).map((c) => String(c.value)) : [];
  return (
    <>
      <Button
        disabled={props.disabled}
        onClick={() => {
          // the style detection is a lazy chunk: it is needed only when a sheet is made
          void import(/* webpackChunkName: "project-style" */ '../../core/schools/project-style').then((m) =>
            setMade(m.newProjectSheet(props.document)),
          );
        }}
        data-testid="new-project-sheet"
      >
        {T.button}
      </Button>
      <Dialog
        open={made !== null}
        onOpenChange={(_, d) => {
          if (!d.open) setMade(null);
        }}
      >
        <DialogSurface aria-describedby="new-project-intro">
          <DialogBody>
            <DialogTitle>{made ? T.title(made.template.name) : ''}</DialogTitle>
            <DialogContent>
              <p id="new-project-intro">{T.intro}</p>
              <ul className={s.list} data-testid="new-project-headings">
                <li className={s.title}>{made?.title}</li>
                {headings.map((h) => (
                  <li key={h}>{h}</li>
                ))}
              </ul>
              <p>{made?.style.layout === 'beside' ? T.beside : T.below}</p>
            </DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                onClick={() => {
                  const m = made;
                  setMade(null);
                  if (m) void props.onCreate(m.template);
                }}
              >
                {T.create}
              </Button>
              <Button onClick={() => setMade(null)}>{T.cancel}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </>
  );
}
