/**
 * Progress of long work (a check of a large workbook, the annotated copy, the Word file): the
 * phase in words (正在读取文件… / 正在检查… / …), "step i of n" and a bar of one segment per
 * step — the steps done filled, the current one moving. Shared by the pane (both hosts) and
 * the standalone page.
 */
import { Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Lang } from '../core/rules/types';
import type { CheckPhase, PaneHost } from './host';
import { strings } from './i18n';

/** What the standalone page's worker does: read and check, the annotated copy, the Word file. */
export type WorkPhase = 'read' | 'check' | 'annotate' | 'export';
export type Phase = CheckPhase | WorkPhase;

const PHASE_TEXT: Readonly<Record<Lang, Readonly<Record<Phase, string>>>> = {
  zh: {
    read: '正在读取文件…',
    check: '正在检查…',
    flag: '正在标记单元格…',
    annotate: '正在生成标注副本…',
    export: '正在生成 Word 文件…',
  },
  en: {
    read: 'Reading the file…',
    check: 'Checking…',
    flag: 'Flagging the cells…',
    annotate: 'Writing the annotated copy…',
    export: 'Writing the Word file…',
  },
};

const STEP_TEXT: Readonly<Record<Lang, (i: number, n: number) => string>> = {
  zh: (i, n) => `第 ${i} 步，共 ${n} 步`,
  en: (i, n) => `Step ${i} of ${n}`,
};

export function phaseText(phase: Phase, lang: Lang): string {
  return PHASE_TEXT[lang][phase];
}

/** The phases a host's check goes through: Excel reads, checks and flags; the page's worker already holds the workbook. */
export function checkSteps(kind: PaneHost['kind']): readonly CheckPhase[] {
  return kind === 'excel' ? ['read', 'check', 'flag'] : ['check'];
}

/** Where a piece of work is: its steps and the one running. */
export interface ProgressState {
  readonly steps: readonly Phase[];
  readonly phase: Phase;
}

/**
 * Resolves after the browser has painted (a frame, then a task), so a phase shown before
 * synchronous work is on screen while the work runs. Never waits more than a moment: a hidden
 * pane gets no frames.
 */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      resolve();
    };
    const fallback = setTimeout(finish, 100);
    if (typeof requestAnimationFrame === 'function') {
      requestAnimationFrame(() =>
        setTimeout(() => {
          clearTimeout(fallback);
          finish();
        }, 0),
      );
    }
  });
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, padding: `${tokens.spacingVerticalS} 0` },
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  phase: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground1 },
  step: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, flexGrow: 1 },
  bar: { display: 'flex', gap: '3px', height: '6px' },
  segment: {
    flexGrow: 1,
    flexBasis: 0,
    borderRadius: tokens.borderRadiusSmall,
    backgroundColor: tokens.colorNeutralBackground5,
    overflow: 'hidden',
    position: 'relative',
  },
  done: { backgroundColor: tokens.colorBrandBackground },
  moving: {
    position: 'absolute',
    top: 0,
    bottom: 0,
    width: '40%',
    backgroundColor: tokens.colorBrandBackground,
    animationName: { from: { transform: 'translateX(-100%)' }, to: { transform: 'translateX(250%)' } },
    animationDuration: '1.4s',
    animationTimingFunction: 'ease-in-out',
    animationIterationCount: 'infinite',
    '@media (prefers-reduced-motion: reduce)': { animationName: 'none', width: '50%' },
  },
});

export interface ProgressProps {
  readonly progress: ProgressState;
  readonly lang: Lang;
  /** Shown as a 取消 button when the work can be stopped. */
  readonly onCancel?: (() => void) | undefined;
}

export function Progress({ progress, lang, onCancel }: ProgressProps) {
  const s = useStyles();
  const { steps, phase } = progress;
  const index = Math.max(0, steps.indexOf(phase));
  const text = phaseText(phase, lang);
  const step = steps.length > 1 ? STEP_TEXT[lang](index + 1, steps.length) : '';
  return (
    <div className={s.root} role="status" aria-live="polite" data-testid="progress" data-phase={phase}>
      <div className={s.row}>
        <span className={s.phase} data-testid="progress-phase">
          {text}
        </span>
        <span className={s.step}>{step}</span>
        {onCancel && (
          <Button size="small" onClick={onCancel}>
            {strings(lang).cancel}
          </Button>
        )}
      </div>
      <div
        className={s.bar}
        role="progressbar"
        aria-label={text}
        aria-valuemin={0}
        aria-valuemax={steps.length}
        aria-valuenow={index}
        aria-valuetext={step ? `${text} ${step}` : text}
      >
        {steps.map((p, i) => (
          <div key={p} className={mergeClasses(s.segment, i < index && s.done)} data-done={i < index}>
            {i === index && <div className={s.moving} />}
          </div>
        ))}
      </div>
    </div>
  );
}
