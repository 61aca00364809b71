// @vitest-environment jsdom
/**
 * An Excel that claims ExcelApi 1.18 yet refuses notes: the pane shows the one sentence saying the
 * notes were left out, and the list it points to holds every finding's message.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { FakeExcel } from '../../src/hosts/excel/fake';
import { createExcelHost } from '../../src/hosts/excel/host';
import { FLAG_COLORS } from '../../src/hosts/excel/flags';
import { readXlsx } from '../../src/hosts/xlsx/read';
import { checkWorkbook } from '../../src/core/check';
import { Pane } from '../../src/taskpane/App';

afterEach(cleanup);

const SENTENCE = {
  zh: 'Excel 拒绝写批注（虽声明支持 ExcelApi 1.18）：只用底色标记，问题说明见本面板的检查结果列表。',
  en: 'Excel refused notes (though it claims ExcelApi 1.18): cells are flagged by colour only; the messages are in the list of findings in this pane.',
} as const;

function sample() {
  const r = readXlsx(new Uint8Array(readFileSync('seeds/jiangchuan-2023.xlsx')));
  if (!r.ok) throw new Error('sample unreadable');
  return r.snapshot;
}

describe('notes refused: the pane says what was left out', () => {
  for (const lang of ['zh', 'en'] as const) {
    it(`${lang}: the sentence once, the findings listed, the cells filled`, async () => {
      const fake = FakeExcel.fromSnapshot(sample(), { features: { notesRefused: true } });
      const host = createExcelHost({ run: fake.run, requirements: fake.requirements, lang });
      render(
        <FluentProvider theme={webLightTheme}>
          <Pane host={host} lang={lang} />
        </FluentProvider>,
      );
      fireEvent.click(screen.getByRole('button', { name: lang === 'zh' ? '检查' : 'Check' }));
      const bar = await screen.findByText(SENTENCE[lang], {}, { timeout: 20_000 });
      expect(bar).toBeTruthy();
      expect(screen.getAllByText(SENTENCE[lang])).toHaveLength(1);
      // no sentence cell by cell
      expect(screen.queryByText(/Excel 拒绝在单元格|Excel refused a note on cell/)).toBeNull();
      // the list it points to: every finding flagged in the workbook is listed with its message
      const flagged = host.lastFlags;
      expect(flagged?.flagged).toBeGreaterThan(0);
      expect(flagged?.notesRefused).toBe(true);
      const sheets = fake.save().sheets;
      const filled = sheets.flatMap((s) => Object.values(s.cells)).filter((c) => c.fill?.color === FLAG_COLORS.error);
      expect(filled.length).toBeGreaterThan(0);
      expect(sheets.every((s) => Object.keys(s.notes).length === 0)).toBe(true);
      expect(document.querySelector('[data-state="findings"]')).not.toBeNull();
      const errors = checkWorkbook({ snapshot: sample(), config: {}, lang }).findings.filter((f) => f.severity === 'error');
      expect(errors.length).toBeGreaterThan(0);
      for (const f of errors) expect(screen.getAllByText(f.message).length).toBeGreaterThan(0);
    });
  }
});
