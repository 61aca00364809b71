/**
 * 对应标题: maps one of a project's own headings (that name no standard section) to a standard
 * section, for this workbook. Offered on a section-missing finding that names such headings
 * (finding.mapHeading) and on the nothing-to-check state; the mapping is stored in the workbook
 * (core/disclosure/heading-map.ts) through the host's explain(), then the workbook is checked again.
 */
import { useId, useState } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Select,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { SECTION_KEYS, SECTION_NAMES, type SectionKey } from '../../core/model';
import type { HeadingMapOffer, Lang } from '../../core/rules/types';
import { HEADING_MAP_TEXT } from './headingMapStrings';

export { HEADING_MAP_TEXT };

const useStyles = makeStyles({
  fields: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, marginTop: tokens.spacingVerticalS },
});

export interface HeadingMapChoice {
  readonly heading: HeadingMapOffer['headings'][number];
  readonly section: SectionKey;
}

export interface HeadingMapDialogProps {
  readonly open: boolean;
  readonly lang: Lang;
  /** The headings to choose from and the sections they may be (the missing ones, or all eight). */
  readonly offer: HeadingMapOffer | null;
  readonly busy?: boolean;
  readonly onCancel: () => void;
  readonly onConfirm: (choice: HeadingMapChoice) => void;
}

export function HeadingMapDialog(props: HeadingMapDialogProps) {
  const text = HEADING_MAP_TEXT[props.lang];
  const s = useStyles();
  const id = useId();
  const headings = props.offer?.headings ?? [];
  const sections = props.offer && props.offer.sections.length > 0 ? props.offer.sections : SECTION_KEYS;
  const first = sections[0] ?? 'name';
  const [heading, setHeading] = useState(0);
  const [section, setSection] = useState<SectionKey>(first);
  // each opening starts from the first heading and the first section offered
  const [opened, setOpened] = useState({ open: props.open, first });
  if (opened.open !== props.open || opened.first !== first) {
    setOpened({ open: props.open, first });
    if (props.open) {
      setHeading(0);
      setSection(first);
    }
  }
  const chosen = headings[heading];
  return (
    <Dialog
      open={props.open && headings.length > 0}
      onOpenChange={(_, d) => {
        if (!d.open) props.onCancel();
      }}
    >
      <DialogSurface aria-describedby={`${id}-intro`}>
        <DialogBody>
          <DialogTitle>{text.title}</DialogTitle>
          <DialogContent>
            <p id={`${id}-intro`}>{text.intro}</p>
            <div className={s.fields}>
              <Field label={text.heading}>
                <Select value={String(heading)} onChange={(_, d) => setHeading(Number(d.value))}>
                  {headings.map((h, i) => (
                    <option key={`${h.sheet}!${h.cell}!${h.text}`} value={String(i)}>
                      {h.text}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label={text.section}>
                <Select value={section} onChange={(_, d) => setSection(d.value as SectionKey)}>
                  {sections.map((k) => (
                    <option key={k} value={k}>{`${SECTION_NAMES[k].zh}${props.lang === 'en' ? ` (${SECTION_NAMES[k].en})` : ''}`}</option>
                  ))}
                </Select>
              </Field>
            </div>
          </DialogContent>
          <DialogActions>
            <Button
              appearance="primary"
              disabled={props.busy === true || chosen === undefined}
              onClick={() => chosen && props.onConfirm({ heading: chosen, section })}
            >
              {text.confirm}
            </Button>
            <Button onClick={props.onCancel}>{text.cancel}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
