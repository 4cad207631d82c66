// DataFrame hand-off: toColumns turns flat records into { column: values[] }, the shape Arquero's
// aq.table, nodejs-polars' pl.DataFrame, Apache Arrow's tableFromArrays and danfo all accept.
// Run after `npm run build` (Arquero is a dev dependency of this repository; elsewhere
// `npm install arquero`):  node examples/dataframe-handoff.mjs
import * as aq from 'arquero';
import { extractMdna, scoreTexts, toColumns } from 'fin-tabtext';
import { FILINGS, readBundled } from './bundled.mjs';

// One record per MD&A paragraph (longer than 200 characters) of every bundled filing with an MD&A.
const meta = [];
const texts = [];
for (const f of FILINGS) {
  const mdna = extractMdna(readBundled(`filings/${f.file}`), { formType: f.form_type });
  const breaks = f.file.endsWith('.txt') ? /\n\s*\n/ : /\n/; // plain text wraps lines at 80 columns
  for (const p of mdna.text.split(breaks)) {
    const text = p.replace(/\s+/g, ' ').trim();
    if (text.length > 200) {
      meta.push({ company: f.company, form_type: f.form_type, filing_date: f.filing_date });
      texts.push(text);
    }
  }
}
const scores = scoreTexts(texts, { attributes: ['negative', 'uncertainty', 'sentiment', 'readability'] });
const rows = scores.map((s, i) => ({ ...meta[i], ...s }));

// Columns in, DataFrame out.
const dt = aq.table(toColumns(rows));
console.log(`${dt.numRows()} paragraphs x ${dt.numCols()} columns: ${dt.columnNames().join(', ')}`);

// Per-filing summary: paragraph count and mean scores, most uncertain MD&A first.
dt.groupby('company', 'form_type', 'filing_date')
  .rollup({
    paragraphs: aq.op.count(),
    negative: aq.op.mean('negative'),
    uncertainty: aq.op.mean('uncertainty'),
    sentiment: aq.op.mean('sentiment'),
    fog: aq.op.mean('readability'),
  })
  .derive({
    negative: (d) => aq.op.round(d.negative * 1000) / 1000,
    uncertainty: (d) => aq.op.round(d.uncertainty * 1000) / 1000,
    sentiment: (d) => aq.op.round(d.sentiment * 100) / 100,
    fog: (d) => aq.op.round(d.fog * 10) / 10,
  })
  .orderby(aq.desc('uncertainty'))
  .print();
