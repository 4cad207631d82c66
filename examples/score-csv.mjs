// Score the text column of a CSV: scoreFile streams any size of CSV/JSONL in constant memory and
// writes the input columns followed by the score columns (atomically: no half-written output).
// Run after `npm run build`:  node examples/score-csv.mjs
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractMdna, readRecords, SCORE_COLUMNS, scoreFile, writeRecords } from 'fin-tabtext';
import { FILINGS, readBundled } from './bundled.mjs';

const dir = mkdtempSync(join(tmpdir(), 'fin-tabtext-example-'));
try {
  // 1. Build an input CSV from real MD&A paragraphs: the first three paragraphs of each bundled
  //    filing's MD&A that are longer than 200 characters (headings and table rows are shorter).
  const rows = [];
  for (const f of FILINGS) {
    const mdna = extractMdna(readBundled(`filings/${f.file}`), { formType: f.form_type });
    // Plain-text filings (Ford 2002) wrap lines at 80 columns: there a paragraph ends at a blank line.
    const breaks = f.file.endsWith('.txt') ? /\n\s*\n/ : /\n/;
    const paragraphs = mdna.text
      .split(breaks)
      .map((p) => p.replace(/\s+/g, ' ').trim())
      .filter((p) => p.length > 200);
    paragraphs.slice(0, 3).forEach((text, i) => {
      rows.push({
        company: f.company,
        form_type: f.form_type,
        filing_date: f.filing_date,
        paragraph: i + 1,
        text,
      });
    });
  }
  const input = join(dir, 'mdna-paragraphs.csv');
  await writeRecords(input, rows);

  // 2. Score the `text` column into a new CSV.
  const output = join(dir, 'mdna-scores.csv');
  const result = await scoreFile(input, output, { textColumn: 'text' });
  console.log(`scored ${result.rows} rows into ${result.columns.length} columns`);
  console.log(`score columns: ${SCORE_COLUMNS.join(', ')}`);

  // 3. Read the output back (numbers cast from CSV text) and show the first rows.
  const table = [];
  for await (const r of readRecords(output, { castNumbers: true })) {
    table.push({
      company: r.company,
      paragraph: r.paragraph,
      words: r.word_count,
      negative: r.negative?.toFixed(3) ?? null,
      uncertainty: r.uncertainty?.toFixed(3) ?? null,
      polarity: r.polarity?.toFixed(2) ?? null,
      sentiment: r.sentiment?.toFixed(2) ?? null,
      fog: r.readability?.toFixed(1) ?? null,
    });
  }
  console.table(table.slice(0, 9));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
