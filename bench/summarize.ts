// Benchmark of the extractive summarizers on a 3,000-sentence document of real MD&A text.
// Run: npx tsx bench/summarize.ts
import { readFileSync } from 'node:fs';
import { stemmer } from 'stemmer';
import { summarizeJaccard, summarizeKMedoids } from '../src/summarize/index.js';
import { splitSentences, words } from '../src/text/index.js';
import { readFixture } from '../test/support/fixtures.js';

const TARGET_SENTENCES = 3000;

// Bench-only HTML to text (enough to get prose out of the fixtures; the library's extractor lives
// in src/extract): drop hidden iXBRL headers, scripts and styles, break lines at block tags.
function htmlToText(html: string): string {
  return html
    .replace(/<ix:header>[\s\S]*?<\/ix:header>/gi, ' ')
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<\/?(p|div|br|tr|li|h\d|table)\b[^>]*>/gi, '\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;|&#160;|&#xa0;/gi, ' ')
    .replace(/&amp;/gi, '&')
    .replace(/&#8217;|&rsquo;/gi, '\u2019')
    .replace(/&#8220;|&#8221;|&ldquo;|&rdquo;/gi, '"')
    .replace(/&#\d+;|&[a-z]+;/gi, ' ');
}

/** Text from the MD&A heading (the last "Item 7/Item 2. Management's Discussion" match) on. */
function mdnaOf(text: string): string {
  const headings = [...text.matchAll(/Item\s*[27]\.?\s*Management.s\s+Discussion/gi)];
  const at = headings.at(-1)?.index ?? 0;
  return text.slice(at, at + 200_000);
}

function buildDocument(): string {
  const sources = [
    'filings/ford_10-K_2002-03.txt',
    'filings/wmt_10-K_2024-03-15.htm',
    'filings/txn_10-K_2024-02-02.htm',
    'filings/mcd_10-K_2024-02-22.htm',
    'filings/low_10-K_2024-03-25.htm',
    'filings/googl_10-K_2024-01-30.htm',
    'filings/dell_10-K_2006-03.htm',
    'filings/vulcan_10-K_2013-02.htm',
  ];
  let document = '';
  for (const name of sources) {
    const raw = readFixture(name);
    document += `${mdnaOf(name.endsWith('.htm') ? htmlToText(raw) : raw)}\n\n`;
    const sentences = splitSentences(document);
    if (sentences.length >= TARGET_SENTENCES) return document.slice(0, sentences[TARGET_SENTENCES - 1]!.end);
  }
  throw new Error(`the fixtures gave fewer than ${TARGET_SENTENCES} sentences`);
}

/** Jaccard straight from the definition (Set intersection for every pair), for the ratio. */
function naiveJaccardTop(text: string, k: number): number[] {
  const stop = new Set(
    readFileSync(new URL('../data/stopwords/english.txt', import.meta.url), 'utf8').split('\n'),
  );
  const term = (w: string) =>
    stemmer(w.endsWith("'s") ? w.slice(0, -2) : w.endsWith("'") ? w.slice(0, -1) : w);
  const sets = splitSentences(text).map(
    (s) =>
      new Set(
        words(s.text)
          .filter((w) => !stop.has(w))
          .map(term),
      ),
  );
  const scores = sets.map((a, i) => {
    let sum = 0;
    for (let j = 0; j < sets.length; j++) {
      if (j === i) continue;
      const b = sets[j]!;
      let inter = 0;
      for (const x of a) if (b.has(x)) inter++;
      const union = a.size + b.size - inter;
      if (union > 0) sum += inter / union;
    }
    return sum;
  });
  return scores
    .map((s, i) => [s, i] as const)
    .sort((x, y) => y[0] - x[0] || x[1] - y[1])
    .slice(0, k)
    .map((x) => x[1]);
}

function time<T>(run: () => T, repeats: number): { ms: number; result: T } {
  run(); // warm-up
  let best = Number.POSITIVE_INFINITY;
  let result!: T;
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now();
    result = run();
    best = Math.min(best, performance.now() - t0);
  }
  return { ms: best, result };
}

const document = buildDocument();
const megabytes = Buffer.byteLength(document, 'utf8') / 1e6;
const sentenceCount = splitSentences(document).length;

const rows: [string, number][] = [];
const jaccard = time(() => summarizeJaccard(document, { summarySize: 10 }), 5);
rows.push(['summarizeJaccard, summarySize 10', jaccard.ms]);
rows.push([
  'summarizeJaccard, vocabulary of 8 words',
  time(
    () =>
      summarizeJaccard(document, {
        summarySize: 10,
        vocabulary: ['revenue', 'sales', 'margin', 'cash', 'debt', 'cost', 'growth', 'decline'],
      }),
    5,
  ).ms,
]);
for (const init of ['k-medoids++', 'build', 'random'] as const) {
  const run = time(() => summarizeKMedoids(document, { summarySize: 10, init }), 3);
  rows.push([`summarizeKMedoids, summarySize 10, init ${init} (${run.result.iterations} rounds)`, run.ms]);
}
const naive = time(() => naiveJaccardTop(document, 10), 1);
rows.push(['naive all-pairs Jaccard (Set intersection), for reference', naive.ms]);

console.log(
  `\nSummaries: ${sentenceCount} sentences, ${megabytes.toFixed(2)} MB of real MD&A text ` +
    `(Node ${process.versions.node}, one core, best of runs)\n`,
);
console.log('| task | ms | MB/s | sentences/s |');
console.log('|---|---:|---:|---:|');
for (const [task, ms] of rows) {
  console.log(
    `| ${task} | ${ms.toFixed(0)} | ${(megabytes / (ms / 1000)).toFixed(2)} | ${Math.round(sentenceCount / (ms / 1000))} |`,
  );
}
const agrees =
  JSON.stringify(naive.result.sort((a, b) => a - b)) ===
  JSON.stringify(jaccard.result.sentences.map((s) => s.index));
console.log(
  `\nInverted index vs all pairs: ${(naive.ms / jaccard.ms).toFixed(1)}x faster` +
    ` (same top 10: ${agrees ? 'yes' : 'no'}).`,
);
console.log(`Peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB\n`);
