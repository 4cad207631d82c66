// Benchmark of the inline XBRL reader on the real iXBRL filings in test/fixtures/filings.
// Run: npx tsx bench/xbrl.ts
// Side by side: building a DOM of the same documents with parse5 (when installed; a DOM reader
// would still have to walk the tree afterwards, so this is a lower bound on its cost).
import { companyFactsFromInlineXbrl, readInlineXbrlFacts } from '../src/xbrl/index.js';
import { filingFixtureNames, readFixture } from '../test/support/fixtures.js';

const ROUNDS = 5;

const documents = filingFixtureNames()
  .filter((name) => name.endsWith('.htm'))
  .map((name) => ({ name, html: readFixture(`filings/${name}`) }))
  .filter((d) => d.html.includes('<ix:nonFraction'));
const totalChars = documents.reduce((sum, d) => sum + d.html.length, 0);
const totalMb = documents.reduce((sum, d) => sum + Buffer.byteLength(d.html, 'utf8'), 0) / 1e6;

function time(run: () => void): number {
  run(); // warm-up
  const start = performance.now();
  for (let round = 0; round < ROUNDS; round++) run();
  return (performance.now() - start) / 1000 / ROUNDS;
}

const options = { accessionNumber: '0000000000-00-000000', formType: '10-K', filingDate: '2024-01-01' };
let facts = 0;
const readSeconds = time(() => {
  facts = 0;
  for (const d of documents) facts += readInlineXbrlFacts(d.html).length;
});
const companySeconds = time(() => {
  for (const d of documents) companyFactsFromInlineXbrl(d.html, options);
});

let parse5Seconds: number | null = null;
try {
  // A transitive dev dependency, not ours: imported by a computed name so it stays optional.
  const moduleName = 'parse5';
  const parse5 = (await import(moduleName)) as { parse: (html: string) => unknown };
  parse5Seconds = time(() => {
    for (const d of documents) parse5.parse(d.html);
  });
} catch {
  parse5Seconds = null;
}

const row = (label: string, seconds: number): string =>
  `| ${label} | ${(totalMb / seconds).toFixed(1)} | ${(documents.length / seconds).toFixed(1)} | ${(facts / seconds / 1000).toFixed(0)}k |`;

console.log(
  `${documents.length} iXBRL filings, ${totalMb.toFixed(1)} MB (${(totalChars / 1e6).toFixed(1)} M chars), ${facts} numeric facts; Node ${process.version}, mean of ${ROUNDS} rounds\n`,
);
console.log('| step | MB/s | docs/s | facts/s |');
console.log('| --- | ---: | ---: | ---: |');
console.log(row('readInlineXbrlFacts', readSeconds));
console.log(row('companyFactsFromInlineXbrl', companySeconds));
if (parse5Seconds !== null) {
  console.log(row('parse5.parse (DOM only, no facts)', parse5Seconds));
  console.log(
    `\nreadInlineXbrlFacts is ${(parse5Seconds / readSeconds).toFixed(1)}× faster than building a parse5 DOM.`,
  );
}
console.log(`\npeak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
