/**
 * The findings list from WINDOW_FROM findings on (issue 14, large workbooks): one windowed list
 * whose rows are findings, each with its project's and rule's headings when it is their first.
 * Its own chunk (with VirtualList): the pane's initial JS stays within its budget.
 */
import { useMemo, type ReactElement, type ReactNode } from 'react';
import type { Finding } from '../../core/rules/types';
import { groupFindings } from './findingOrder';
import { VirtualList, type RowProps } from './VirtualList';

interface Row {
  readonly f: Finding;
  readonly project?: { readonly name: string; readonly count: number } | undefined;
  readonly rule?: string | undefined;
  readonly key: string;
}

/** The findings in the list's order (projects, errors first), the headings on each group's first. */
export function flatten(findings: readonly Finding[]): Row[] {
  const rows: Row[] = [];
  for (const g of groupFindings(findings)) {
    g.rules.forEach((r, ri) => {
      r.findings.forEach((f, fi) => {
        rows.push({
          f,
          key: f.key + f.message,
          project: ri === 0 && fi === 0 ? { name: g.project, count: g.count } : undefined,
          rule: fi === 0 ? r.rule : undefined,
        });
      });
    });
  }
  return rows;
}

/** A row's height before it is measured: the finding, plus its headings. */
const ROW_ESTIMATE = 104;
const PROJECT_ESTIMATE = 40;
const RULE_ESTIMATE = 28;

export interface WindowedFindingsProps {
  readonly findings: readonly Finding[];
  readonly selectedKey?: string | undefined;
  readonly label: (n: number) => string;
  readonly projectClass: string;
  readonly projectTitle: (name: string, count: number) => ReactNode;
  readonly ruleTitle: (rule: string) => ReactNode;
  readonly item: (f: Finding, row: RowProps, before: ReactNode) => ReactElement;
}

export default function WindowedFindings(props: WindowedFindingsProps): ReactElement {
  const rows = useMemo(() => flatten(props.findings), [props.findings]);
  const selected = props.selectedKey === undefined ? -1 : rows.findIndex((r) => r.f.key === props.selectedKey);
  return (
    <VirtualList
      count={rows.length}
      rowKey={(i) => rows[i]!.key}
      estimate={(i) => ROW_ESTIMATE + (rows[i]!.project ? PROJECT_ESTIMATE : 0) + (rows[i]!.rule ? RULE_ESTIMATE : 0)}
      keep={selected >= 0 ? selected : undefined}
      aria-label={props.label(rows.length)}
      renderRow={(i, row) => {
        const r = rows[i]!;
        return props.item(
          r.f,
          row,
          (r.project !== undefined || r.rule !== undefined) && (
            <>
              {r.project && <div className={props.projectClass}>{props.projectTitle(r.project.name, r.project.count)}</div>}
              {r.rule !== undefined && props.ruleTitle(r.rule)}
            </>
          ),
        );
      }}
    />
  );
}
