// Deno: use fin-tabtext from a Deno script.
// In this repository (offline, after `npm run build`):
//   npx deno run --allow-read examples/deno.ts
// Deno reads the repository's package.json and resolves the bare name 'fin-tabtext' to the local
// package through its `exports` (self-reference), exactly as Node does.
// In your own project: `import { scoreText } from 'npm:fin-tabtext';` (Deno downloads it).
import { altmanZ, extractMdna, scoreText } from 'fin-tabtext';

// Real filing bundled in examples/data/: Texas Instruments' 10-K for 2023 (filed 2024-02-02).
const gz = await Deno.readFile(new URL('./data/filings/txn_10-K_2024-02-02.htm.gz', import.meta.url));
const html = await new Response(new Blob([gz]).stream().pipeThrough(new DecompressionStream('gzip'))).text();

const mdna = extractMdna(html, { formType: '10-K' });
const s = scoreText(mdna.text);
console.log(`Texas Instruments 10-K 2023 MD&A: status ${mdna.status}, ${s.word_count} words`);
console.log(
  `polarity ${s.polarity?.toFixed(3)}, sentiment ${s.sentiment?.toFixed(3)}, fog ${s.readability?.toFixed(2)}`,
);

// Altman Z on Sears Holdings' FY2011 figures (USD millions; published Z = 2.30, Santos 2012).
const z = altmanZ({
  currentAssets: 10244,
  currentLiabilities: 9212,
  totalAssets: 21381,
  totalLiabilities: 17040,
  retainedEarnings: 1865,
  ebit: -852,
  netSales: 41567,
  marketValueEquity: 8783,
});
console.log(`Sears FY2011 Altman Z ${z.z?.toFixed(2)}, zone ${z.zone}`);
