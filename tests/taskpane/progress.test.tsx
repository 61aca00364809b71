// @vitest-environment jsdom
/**
 * Progress of a check (issue 14, large workbooks): the Excel host announces read → check → flag
 * and waits for the pane before each; the pane shows each phase (in the page before the host
 * goes on) with "step i of n" and a bar; the bar component itself.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { FakeExcel } from '../../src/hosts/excel/fake';
import { createExcelHost } from '../../src/hosts/excel/host';
import { readXlsx } from '../../src/hosts/xlsx/read';
import { Pane } from '../../src/taskpane/App';
import { Progress } from '../../src/taskpane/progress';
import type { CheckPhase, PaneHost } from '../../src/taskpane/host';
import { resultOf } from './fixtures';

afterEach(cleanup);

function sampleExcel(): FakeExcel {
  const r = readXlsx(new Uint8Array(readFileSync('seeds/jiangchuan-2023.xlsx')));
  if (!r.ok) throw new Error('sample unreadable');
  return FakeExcel.fromSnapshot(r.snapshot);
}

describe('the Excel host announces its phases and waits for the pane before each', () => {
  it('read → check → flag, each awaited before its work starts', async () => {
    const fake = sampleExcel();
    const events: string[] = [];
    const run: typeof fake.run = (batch) => {
      events.push('excel');
      return fake.run(batch);
    };
    const host = createExcelHost({ run, requirements: fake.requirements });
    const out = await host.check({
      config: {},
      lang: 'zh',
      onPhase: (phase) => {
        events.push(phase);
        // resolved a task later: the host must not go on before
        return new Promise<void>((resolve) =>
          setTimeout(() => {
            events.push(`${phase} painted`);
            resolve();
          }, 0),
        );
      },
    });
    expect(out.ok).toBe(true);
    expect(events).toEqual(['read', 'read painted', 'excel', 'check', 'check painted', 'flag', 'flag painted', 'excel']);
  });

  it('without onPhase the check runs as before', async () => {
    const host = createExcelHost({ run: sampleExcel().run, requirements: sampleExcel().requirements });
    const out = await host.check({ config: {}, lang: 'zh' });
    expect(out.ok && out.result.summary.errors).toBeGreaterThan(0);
  });
});

describe('the pane shows each phase before the host goes on', () => {
  it('in Excel: 正在读取文件… / 正在检查… / 正在标记单元格…, step i of 3, on screen when the host continues', async () => {
    const seen: string[] = [];
    const host: PaneHost = {
      kind: 'excel',
      async check(request) {
        for (const phase of ['read', 'check', 'flag'] as CheckPhase[]) {
          await request.onPhase?.(phase);
          // what the page shows now, as the phase's work would start
          const bar = document.querySelector('[role=progressbar]');
          seen.push(`${document.querySelector('[data-testid=progress-phase]')?.textContent} | ${bar?.getAttribute('aria-valuetext')}`);
        }
        return { ok: true, result: resultOf([]) };
      },
      select: async () => undefined,
      applyFixes: async () => ({ written: [], skipped: [] }),
      clearFlags: async () => undefined,
      explain: async () => undefined,
    };
    render(
      <FluentProvider theme={webLightTheme}>
        <Pane host={host} lang="zh" />
      </FluentProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: '检查' }));
    await screen.findByText('未发现问题', {}, { timeout: 10_000 });
    expect(seen).toEqual([
      '正在读取文件… | 正在读取文件… 第 1 步，共 3 步',
      '正在检查… | 正在检查… 第 2 步，共 3 步',
      '正在标记单元格… | 正在标记单元格… 第 3 步，共 3 步',
    ]);
    // done: the progress is gone
    expect(screen.queryByTestId('progress')).toBeNull();
  });

  it('重新检查 keeps the list and shows the progress above it', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let calls = 0;
    const host: PaneHost = {
      kind: 'file',
      async check(request) {
        calls += 1;
        if (calls > 1) {
          await request.onPhase?.('check');
          await gate;
        }
        return { ok: true, result: resultOf([]) };
      },
      select: async () => undefined,
      applyFixes: async () => ({ written: [], skipped: [] }),
      clearFlags: async () => undefined,
      explain: async () => undefined,
    };
    render(
      <FluentProvider theme={webLightTheme}>
        <Pane host={host} lang="en" />
      </FluentProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Check' }));
    await screen.findByText('No problems found', {}, { timeout: 10_000 });
    fireEvent.click(screen.getByRole('button', { name: 'Check again' }));
    const phase = await screen.findByTestId('progress-phase', {}, { timeout: 10_000 });
    expect(phase.textContent).toBe('Checking…');
    // one step: no "step i of n"
    expect(screen.getByRole('progressbar').getAttribute('aria-valuetext')).toBe('Checking…');
    expect(screen.getByText('No problems found')).toBeTruthy();
    release();
    await waitFor(() => expect(screen.queryByTestId('progress')).toBeNull());
  });
});

describe('Progress', () => {
  it('fills the steps done and moves the current one; 取消 when the work can stop', () => {
    let cancelled = 0;
    render(
      <FluentProvider theme={webLightTheme}>
        <Progress
          progress={{ steps: ['read', 'check'], phase: 'check' }}
          lang="zh"
          onCancel={() => {
            cancelled++;
          }}
        />
      </FluentProvider>,
    );
    const bar = screen.getByRole('progressbar');
    expect(bar.getAttribute('aria-valuenow')).toBe('1');
    expect(bar.getAttribute('aria-valuemax')).toBe('2');
    expect(bar.children).toHaveLength(2);
    // the current step holds the moving part; the one done does not
    expect(bar.children[0]!.children).toHaveLength(0);
    expect(bar.children[1]!.children).toHaveLength(1);
    expect([...bar.children].map((c) => c.getAttribute('data-done'))).toEqual(['true', 'false']);
    fireEvent.click(screen.getByRole('button', { name: '取消' }));
    expect(cancelled).toBe(1);
  });
});
