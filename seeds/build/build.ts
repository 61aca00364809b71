/**
 * `npm run seeds`: builds the seed workbooks from the seed text.
 *   seeds/jiangchuan-2023.xlsx              a sheet per project (the default sample)
 *   seeds/jiangchuan-2023-two-column.xlsx   label | content form, table on 学校明细表
 *   seeds/jiangchuan-2023-one-sheet.xlsx    all projects on one sheet
 * Deterministic: rebuilding gives the same bytes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { oneSheetBook, perSheetBook, twoColumnBook, type SeedBook } from './layouts';
import { parseSeed } from './parse';
import { bookToXlsx } from './xlsx';

export const SEEDS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
export const SEED_TEXT = join(SEEDS_DIR, 'jiangchuan-edu-2023-key-projects.txt');

export const OUTPUTS: readonly { file: string; book: (text: string) => SeedBook }[] = [
  { file: 'jiangchuan-2023.xlsx', book: (t) => perSheetBook(parseSeed(t)) },
  { file: 'jiangchuan-2023-two-column.xlsx', book: (t) => twoColumnBook(parseSeed(t)) },
  { file: 'jiangchuan-2023-one-sheet.xlsx', book: (t) => oneSheetBook(parseSeed(t)) },
];

async function main(): Promise<void> {
  const text = readFileSync(SEED_TEXT, 'utf8');
  for (const o of OUTPUTS) {
    const bytes = await bookToXlsx(o.book(text));
    writeFileSync(join(SEEDS_DIR, o.file), bytes);
    console.log(`${o.file}: ${bytes.length} bytes`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
