/** Fake data and a fake host for the pane's component tests. */
import { checkWorkbook, type CheckResult } from '../../src/core/check';
import { summarize } from '../../src/core/report/report';
import type { Finding, Fix } from '../../src/core/rules/types';
import type { CheckOutcome, CheckRequest, FixOutcome, PaneHost } from '../../src/taskpane/host';

export function finding(p: Partial<Finding> & Pick<Finding, 'rule' | 'message' | 'cell'>): Finding {
  return {
    severity: 'error',
    messageId: 'm',
    sheet: '项目',
    row: 0,
    col: 0,
    key: `${p.rule}|${p.sheet ?? '项目'}|${p.cell}`,
    ...p,
  };
}

export const CODE_FIX: Fix = { sheet: '学校', cell: 'B5', value: '5304210001', kind: 'text' };

export const FINDINGS: Finding[] = [
  finding({
    rule: 'total-mismatch',
    project: '项目一',
    cell: 'A7',
    message: '合计 120.00 万元与各项之和 110.00 万元不符',
    expected: '110.00',
    actual: '120.00',
  }),
  finding({ rule: 'section-missing', project: '项目一', cell: 'A1', message: '缺少“项目实施计划”部分' }),
  finding({ rule: 'placeholder-text', project: '项目三', severity: 'warning', cell: 'A9', message: '文本中留有占位符“XX”' }),
  finding({
    rule: 'school-code-missing',
    project: '项目三',
    sheet: '学校',
    cell: 'B5',
    message: '江川区大街中心小学缺少学校代码',
    fix: CODE_FIX,
  }),
  finding({ rule: 'school-name-format', sheet: '学校', severity: 'info', cell: 'A8', message: '校名不是“市+县+乡+校名”格式' }),
];

const EMPTY = checkWorkbook({ snapshot: { sheets: [] } });

export function resultOf(findings: readonly Finding[], nothingToCheck = false): CheckResult {
  return { ...EMPTY, findings: [...findings], summary: summarize(findings), failures: [], nothingToCheck };
}

export interface FakeHost extends PaneHost {
  calls: string[];
  requests: CheckRequest[];
  /** Resolve the pending check (when created with `manual`). */
  release(): void;
  changed(): void;
}

/** A host that answers from a list of findings; explanations and fixes change what it answers. */
export function fakeHost(
  opts: { findings?: Finding[]; outcome?: CheckOutcome; manual?: boolean; kind?: 'excel' | 'file'; throws?: boolean } = {},
): FakeHost {
  let findings = [...(opts.findings ?? FINDINGS)];
  const calls: string[] = [];
  const requests: CheckRequest[] = [];
  let pending: (() => void) | null = null;
  let listener: (() => void) | null = null;
  return {
    kind: opts.kind ?? 'excel',
    calls,
    requests,
    release() {
      pending?.();
    },
    changed() {
      listener?.();
    },
    async check(req) {
      calls.push('check');
      requests.push(req);
      if (opts.throws) throw new Error('boom');
      if (opts.manual) await new Promise<void>((r) => (pending = r));
      return opts.outcome ?? { ok: true, result: resultOf(findings) };
    },
    async select(sheet, cell) {
      calls.push(`select ${sheet}!${cell}`);
    },
    async applyFixes(fixes, { overwrite }): Promise<FixOutcome> {
      calls.push(`fix ${fixes.map((f) => `${f.sheet}!${f.cell}=${f.value}`).join(',')} overwrite=${overwrite}`);
      findings = findings.filter((f) => !fixes.some((x) => x.cell === f.fix?.cell && x.sheet === f.fix.sheet));
      return { written: fixes.map((f) => ({ sheet: f.sheet, cell: f.cell, value: f.value })), skipped: [] };
    },
    async clearFlags() {
      calls.push('clear');
    },
    async explain(f, text) {
      calls.push(`explain ${f.key} ${text}`);
      findings = findings.map((x) =>
        x.key === f.key ? (text ? { ...x, explanation: text } : (({ explanation: _e, ...rest }) => rest)(x)) : x,
      );
    },
    onChanged(l) {
      listener = l;
      return () => {
        listener = null;
      };
    },
  };
}

// jsdom has no ResizeObserver (Fluent's MessageBar uses one); a no-op stands in for it.
if (typeof window !== 'undefined' && !('ResizeObserver' in window)) {
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
    observe(): void {
      // no layout in jsdom: nothing ever resizes
    }
    unobserve(): void {
      // nothing is observed
    }
    disconnect(): void {
      // nothing is observed
    }
  };
}
