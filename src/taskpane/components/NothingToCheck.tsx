/**
 * The pane's state when a workbook holds nothing to check: never a pass (SPEC §2). Says what was
 * looked for, lists every sheet looked at and why it gave nothing (document.skipped), and offers
 * 对应标题 when a sheet has headings that name no standard section.
 */
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { nothingToCheckText } from '../../core/disclosure/skipped';
import type { SkippedSheet } from '../../core/model';
import type { HeadingMapOffer, Lang } from '../../core/rules/types';
import { HEADING_MAP_TEXT } from './headingMapStrings';

const useStyles = makeStyles({
  root: { padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalS}`, color: tokens.colorNeutralForeground2 },
  title: {
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
    margin: `0 0 ${tokens.spacingVerticalS} 0`,
    color: tokens.colorNeutralForeground1,
  },
  list: { margin: `${tokens.spacingVerticalXS} 0`, paddingLeft: tokens.spacingHorizontalL },
  item: { marginBottom: tokens.spacingVerticalXXS, wordBreak: 'break-word' },
});

/** The headings of the skipped sheets, as an offer to map one of them to any of the eight sections. */
export function skippedHeadingOffer(skipped: readonly SkippedSheet[]): HeadingMapOffer | null {
  const headings = skipped.flatMap((s) => (s.headings ?? []).map((text) => ({ text, label: text, sheet: s.sheet, cell: 'A1' })));
  return headings.length > 0 ? { headings, sections: [] } : null;
}

export interface NothingToCheckProps {
  readonly skipped: readonly SkippedSheet[];
  readonly lang: Lang;
  readonly busy?: boolean;
  /** Opens the mapping dialog; absent: no button (e.g. a host that cannot store). */
  readonly onMapHeadings?: (offer: HeadingMapOffer) => void;
}

export function NothingToCheck(props: NothingToCheckProps) {
  const s = useStyles();
  const text = nothingToCheckText(props.skipped, props.lang, 'pane');
  const offer = skippedHeadingOffer(props.skipped);
  return (
    <div className={s.root} role="status" data-state="nothing-to-check">
      <p className={s.title}>{text.summary}</p>
      <p>{text.sheetsTitle}</p>
      <ul className={s.list}>
        {text.sheets.map((line) => (
          <li key={line} className={s.item}>
            {line}
          </li>
        ))}
      </ul>
      <p>{text.hint}</p>
      {offer && props.onMapHeadings && (
        <Button disabled={props.busy === true} onClick={() => props.onMapHeadings!(offer)}>
          {HEADING_MAP_TEXT[props.lang].open}
        </Button>
      )}
    </div>
  );
}
