// Extractor benchmark: extractMdna over every real filing fixture (10-K, 10-Q, HTML, inline XBRL,
// plain-text SGML), measured in MB of input HTML per second on one core, plus documentToText alone.
// Run: npx tsx bench/extract.ts
import { documentToText, extractMdna } from '../src/extract/index.js';
import { filingFixtureNames, readFixture } from '../test/support/fixtures.js';

const ROUNDS = 5;

const docs = filingFixtureNames().map((name) => {
  const form = /_(10-[KQ])_/.exec(name)?.[1] ?? '10-K';
  const input = readFixture(`filings/${name}`);
  return { name, form, input, bytes: Buffer.byteLength(input, 'utf8') };
});
const totalBytes = docs.reduce((sum, d) => sum + d.bytes, 0);

function time(run: () => void): number {
  run(); // warm-up
  const start = process.hrtime.bigint();
  for (let r = 0; r < ROUNDS; r++) run();
  return Number(process.hrtime.bigint() - start) / 1e9 / ROUNDS;
}

let found = 0;
const mdnaSeconds = time(() => {
  found = 0;
  for (const d of docs) if (extractMdna(d.input, { form: d.form }).status !== 'not-found') found++;
});
const textSeconds = time(() => {
  for (const d of docs) documentToText(d.input);
});

const mb = totalBytes / 1e6;
const rss = process.resourceUsage().maxRSS / 1024;
const row = (what: string, seconds: number): string =>
  `| ${what} | ${docs.length} | ${mb.toFixed(1)} | ${(mb / seconds).toFixed(1)} | ${(docs.length / seconds).toFixed(1)} |`;
console.log(`Node ${process.version}, ${ROUNDS} rounds after a warm-up, one core\n`);
console.log('| function | documents | MB of input | MB/s | docs/s |');
console.log('|---|---:|---:|---:|---:|');
console.log(row('extractMdna', mdnaSeconds));
console.log(row('documentToText', textSeconds));
console.log(`\nMD&A located (found or incorporated by reference): ${found}/${docs.length}`);
console.log(`Peak RSS: ${rss.toFixed(0)} MB`);
