/**
 * The page's side of the workbook worker: calls answered in order with their phases, the pane's
 * host over the worker, a dead worker's one sentence, a cancelled open.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { WorkError, WorkbookWorker, createWorkerHost, exportInWorker, registryReader } from '../../../src/taskpane/standalone/workerClient';
import type { Edits } from '../../../src/taskpane/standalone/protocol';
import { inProcessWorker, type InProcessWorker } from './inProcessWorker';

const SAMPLE = readFileSync('seeds/jiangchuan-2023.xlsx');

async function opened(w: InProcessWorker) {
  const worker = new WorkbookWorker(() => w, 'zh');
  const phases: string[] = [];
  const out = await worker.call('open', { file: new Blob([SAMPLE]), name: 's.xlsx', request: { config: {}, lang: 'zh' } }, (p) =>
    phases.push(p),
  );
  if (!out.ok || !out.outcome.ok) throw new Error('not opened');
  return { worker, out, outcome: out.outcome, phases };
}

describe('workbook worker client', () => {
  it("open reports its phases; the host re-checks with the pane's phases and posts no callbacks", async () => {
    const w = inProcessWorker();
    const { worker, phases, outcome } = await opened(w);
    expect(phases).toEqual(['read', 'check']);
    const edits: Edits[] = [];
    const host = createWorkerHost(worker, { onEdits: (e) => edits.push(e), onSelect: () => undefined });
    const seen: string[] = [];
    const again = await host.check({ config: {}, lang: 'zh', onPhase: (p) => void seen.push(p) });
    expect(seen).toEqual(['check']);
    expect(again.ok && again.result.summary).toEqual(outcome.result.summary);
    // a function cannot cross to a worker: the request went without onPhase
    expect(Object.keys(w.posted.at(-1)!.args)).toEqual(['request']);
    expect(Object.keys((w.posted.at(-1)!.args as { request: object }).request)).toEqual(['config', 'lang']);
  });

  it("fills and 说明 through the host report the page's edits; select gives the cell's text", async () => {
    const w = inProcessWorker();
    const { worker, outcome } = await opened(w);
    const edits: Edits[] = [];
    const selected: (string | null)[] = [];
    const host = createWorkerHost(worker, { onEdits: (e) => edits.push(e), onSelect: (_s, _c, text) => selected.push(text) });
    const f = outcome.result.findings.find((x) => x.fix)!;
    await host.applyFixes([f.fix!], { overwrite: false });
    await host.explain(outcome.result.findings[0]!, '有依据。');
    expect(edits).toEqual([
      { fills: 1, explanations: 0, version: 1 },
      { fills: 1, explanations: 1, version: 2 },
    ]);
    await host.select(f.fix!.sheet, f.fix!.cell);
    expect(selected).toEqual([String(f.fix!.value)]);
  });

  it('the Word file is made in the worker from the kept document, without sending it', async () => {
    const w = inProcessWorker();
    const { worker, out, outcome } = await opened(w);
    const host = createWorkerHost(worker, { onEdits: () => undefined, onSelect: () => undefined });
    host.noteDocument(outcome.result.document, out.seq);
    const word = await host.exportDocx(outcome.result.document);
    expect(word.bytes.length).toBeGreaterThan(1000);
    const last = w.posted.at(-1)!;
    expect(last.kind).toBe('exportDocx');
    expect(last.args).toEqual({ seq: out.seq });
  });

  it("a worker that dies fails its calls with one sentence; the host turns it into the pane's error", async () => {
    const w = inProcessWorker();
    const { worker } = await opened(w);
    const host = createWorkerHost(worker, { onEdits: () => undefined, onSelect: () => undefined });
    w.hold();
    const pending = host.check({ config: {}, lang: 'zh' });
    w.crash();
    const out = await pending;
    expect(out).toEqual({ ok: false, message: '读取或检查中断：浏览器内存不足或文件异常。请关闭其他标签页后重试，或用命令行工具检查。' });
    await expect(worker.call('cellText', { sheet: 'a', cell: 'A1' })).rejects.toBeInstanceOf(WorkError);
  });

  it('terminate ends the worker; its pending call fails as cancelled', async () => {
    const w = inProcessWorker();
    const worker = new WorkbookWorker(() => w, 'zh');
    w.hold();
    const pending = worker.call('open', { file: new Blob([SAMPLE]), name: 's.xlsx', request: { config: {}, lang: 'zh' } });
    worker.terminate();
    expect(w.terminated).toBe(true);
    await expect(pending).rejects.toMatchObject({ cancelled: true });
  });

  it('the registry reader uses a worker of its own and ends it', async () => {
    const spawned: InProcessWorker[] = [];
    const read = registryReader(() => {
      const w = inProcessWorker();
      spawned.push(w);
      return w;
    }, 'en');
    const bad = await read(new File(['nope'], 'registry.xlsx'));
    expect(bad).toEqual({ ok: false, message: 'the registry registry.xlsx cannot be read: not an Excel workbook (.xlsx) file' });
    const good = await read(new File([SAMPLE], 'r.xlsm'));
    expect(good.ok).toBe(true);
    expect(spawned.map((w) => w.terminated)).toEqual([true, true]);
  });

  it('the pane in Excel writes the Word file in a worker of its own, sending the document, and ends it', async () => {
    const { outcome } = await opened(inProcessWorker());
    const w = inProcessWorker();
    const word = await exportInWorker(() => w, 'zh', outcome.result.document);
    expect(word.bytes.length).toBeGreaterThan(1000);
    expect(w.posted.map((m) => m.kind)).toEqual(['exportDocx']);
    expect(w.terminated).toBe(true);
  });
});
