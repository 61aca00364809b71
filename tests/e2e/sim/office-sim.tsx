/**
 * The simulated Office host page (end-to-end tests only): the real task pane over engineer #6's
 * fake Excel object model, holding the sample workbook (or `?book=`). `window.__sim` lets the test look at the
 * fake workbook (selection, cells, a canonical dump to compare before/after).
 */
import { createRoot } from 'react-dom/client';
import { FluentProvider } from '@fluentui/react-components';
import { theme } from '../../../src/taskpane/boot';
import { Pane } from '../../../src/taskpane/App';
import { detectLang } from '../../../src/taskpane/i18n';
import { FakeExcel } from '../../../src/hosts/excel/fake/index';
import { createExcelHost } from '../../../src/hosts/excel/host';
import { readXlsx } from '../../../src/hosts/xlsx/read';

interface Sim {
  dump(): string;
  selection(): { sheet: string; address: string } | null;
  cellText(sheet: string, a1: string): string | null;
}

async function main(): Promise<void> {
  const lang = detectLang({ navigatorLanguage: navigator.language, search: location.search });
  // `?book=<file>`: another workbook served next to the page (the large-workbook test writes one)
  const book = new URLSearchParams(location.search).get('book') ?? 'seeds/jiangchuan-2023.xlsx';
  const res = await fetch(book);
  const read = readXlsx(new Uint8Array(await res.arrayBuffer()));
  if (!read.ok) throw new Error(read.error.message);
  const fake = FakeExcel.fromSnapshot(read.snapshot);
  const host = createExcelHost({ run: fake.run, requirements: fake.requirements, lang });
  const sim: Sim = {
    dump: () => JSON.stringify(fake.dump()),
    selection: () => fake.selection,
    cellText: (sheet, a1) => {
      const c = fake.cell(sheet, a1);
      return c ? String(c.value ?? '') : null;
    },
  };
  (window as unknown as { __sim: Sim }).__sim = sim;
  const el = document.getElementById('root');
  if (el)
    createRoot(el).render(
      <FluentProvider theme={theme}>
        <Pane host={host} lang={lang} workbookName={() => 'jiangchuan-2023'} />
      </FluentProvider>,
    );
}

void main();
