/** The standalone page's worker: 导出公开文本 with the Word template the page sends. */
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { createWorkSession } from '../../../src/taskpane/standalone/session';
import type { ToWorker, WorkKind, WorkResult, WorkArgs } from '../../../src/taskpane/standalone/protocol';
import { minimalTemplate } from '../../helpers/docx-template';

const SAMPLE = readFileSync('seeds/jiangchuan-2023.xlsx');
let nextId = 1;

async function call<K extends WorkKind>(session: ReturnType<typeof createWorkSession>, kind: K, args: WorkArgs<K>): Promise<WorkResult<K>> {
  const out = await session.handle({ id: nextId++, kind, lang: 'zh', args } as ToWorker, () => undefined);
  return structuredClone(out.value) as WorkResult<K>;
}

describe('the worker exports in the template sent', () => {
  it('with a template: its margins and footer, our text; without: the built-in form', async () => {
    const session = createWorkSession();
    const opened = await call(session, 'open', { file: new Blob([SAMPLE]), name: 'a.xlsx', request: { config: {}, lang: 'zh' } });
    if (!opened.ok || !opened.outcome.ok) throw new Error('not opened');
    const word = await call(session, 'exportDocx', { seq: opened.seq, template: minimalTemplate() });
    if (!word.ok) throw new Error('not exported');
    const files = unzipSync(word.bytes);
    const doc = strFromU8(files['word/document.xml']!);
    expect(doc).toMatch(/<w:pgMar [^>]*w:left="2268"/);
    expect(doc).toContain('<w:footerReference w:type="default" r:id="rId2"/>');
    expect(doc).toContain('江川区教育体育局2023年预算重点领域财政项目文本公开');
    expect(strFromU8(files['word/styles.xml']!)).toContain('DejaVu Sans');
    const plain = await call(session, 'exportDocx', { seq: opened.seq });
    if (!plain.ok) throw new Error('not exported');
    expect(strFromU8(unzipSync(plain.bytes)['word/document.xml']!)).toMatch(/<w:pgMar [^>]*w:left="1587"/);
  });
});
