// VADER benchmark: our port against the npm `vader-sentiment@1.1.3` on the same real filing
// sentences, plus how often `vader-sentiment` disagrees with canonical VADER on the golden set.
// Run: npx tsx bench/vader.ts   (vader-sentiment is a dev dependency of the benchmark only)
import { createRequire } from 'node:module';
import { vaderCompoundOfTokens, vaderScores } from '../src/score/vader.js';
import { splitWhitespace as splitPythonWhitespace } from '../src/text/index.js';
import { filingFixtureNames, readFixture, readJsonl } from '../test/support/fixtures.js';

interface Scores {
  readonly neg: number;
  readonly neu: number;
  readonly pos: number;
  readonly compound: number;
}
type PolarityScores = (text: string) => Scores;

function loadVaderSentiment(): PolarityScores | undefined {
  try {
    const require = createRequire(import.meta.url);
    const mod = require('vader-sentiment') as {
      SentimentIntensityAnalyzer: { polarity_scores: PolarityScores };
    };
    return (text) => mod.SentimentIntensityAnalyzer.polarity_scores(text);
  } catch {
    return undefined;
  }
}

/** Rough HTML to text: enough to get real prose sentences for timing. */
function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&#160;|&nbsp;/g, '\u00a0')
    .replace(/&#8217;|&rsquo;/g, '\u2019')
    .replace(/&#8220;|&#8221;|&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/&#\d+;/g, ' ');
}

function filingSentences(): string[] {
  const out: string[] = [];
  for (const name of filingFixtureNames()) {
    const raw = readFixture(`filings/${name}`);
    const text = (name.endsWith('.txt') ? raw : htmlToText(raw)).replace(/\s+/g, ' ');
    for (const s of text.split(/(?<=[.!?])\s+(?=[A-Z])/)) if (/[a-z]/.test(s)) out.push(s);
  }
  return out;
}

function count(text: string, code: number): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === code) n++;
  return n;
}

/** Best of `runs` timings of `fn` over all items, in seconds. */
function time<T>(items: readonly T[], fn: (item: T) => unknown, runs = 3): number {
  let best = Number.POSITIVE_INFINITY;
  for (let r = 0; r < runs; r++) {
    const start = process.hrtime.bigint();
    for (const item of items) fn(item);
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e9);
  }
  return best;
}

const sentences = filingSentences();
const bytes = sentences.reduce((sum, s) => sum + Buffer.byteLength(s, 'utf8'), 0);
const polarity = loadVaderSentiment();

const rows: [string, number][] = [];
vaderScores('warm up the lexicon');
rows.push(['fin-tabtext `vaderScores` (text)', time(sentences, vaderScores)]);
const tokenized = sentences.map((s) => [splitPythonWhitespace(s), count(s, 0x21), count(s, 0x3f)] as const);
rows.push([
  'fin-tabtext `vaderCompoundOfTokens` (pre-split)',
  time(tokenized, ([tokens, bangs, questions]) => vaderCompoundOfTokens(tokens, bangs, questions)),
]);
if (polarity) rows.push(['vader-sentiment@1.1.3 `polarity_scores`', time(sentences, polarity)]);

const mb = bytes / 1e6;
const ours = rows[0]![1];
console.log(
  `VADER on ${sentences.length} sentences (${mb.toFixed(1)} MB) from ${filingFixtureNames().length} filings`,
);
console.log(`Node ${process.version}, ${process.platform}/${process.arch}, one core\n`);
console.log('| scorer | sentences/s | MB/s | time vs `vaderScores` |');
console.log('|---|---:|---:|---:|');
for (const [name, seconds] of rows) {
  console.log(
    `| ${name} | ${Math.round(sentences.length / seconds).toLocaleString('en-US')} | ${(mb / seconds).toFixed(1)} | ${(seconds / ours).toFixed(2)}x |`,
  );
}

if (polarity) {
  interface GoldenRow extends Scores {
    readonly text: string;
  }
  const golden = readJsonl<GoldenRow>('golden/vader.jsonl');
  const fields = ['neg', 'neu', 'pos', 'compound'] as const;
  const differs = (a: Scores, b: Scores): boolean => fields.some((f) => a[f] !== b[f]);
  const goldenDiff = golden.filter((row) => differs(polarity(row.text), row)).length;
  const goldenCompoundDiff = golden.filter((row) => polarity(row.text).compound !== row.compound).length;
  const oursDiff = golden.filter((row) => differs(vaderScores(row.text), row)).length;
  const filingDiff = sentences.filter((s) => differs(polarity(s), vaderScores(s))).length;
  const filingCompoundDiff = sentences.filter((s) => polarity(s).compound !== vaderScores(s).compound).length;
  const pct = (n: number, d: number): string => `${((100 * n) / d).toFixed(1)}%`;
  console.log('\n| disagreement with canonical VADER | rows | share |');
  console.log('|---|---:|---:|');
  console.log(
    `| fin-tabtext, golden set (any rounded field) | ${oursDiff}/${golden.length} | ${pct(oursDiff, golden.length)} |`,
  );
  console.log(
    `| vader-sentiment, golden set (any rounded field) | ${goldenDiff}/${golden.length} | ${pct(goldenDiff, golden.length)} |`,
  );
  console.log(
    `| vader-sentiment, golden set (compound) | ${goldenCompoundDiff}/${golden.length} | ${pct(goldenCompoundDiff, golden.length)} |`,
  );
  console.log(
    `| vader-sentiment vs fin-tabtext, filing sentences (any field) | ${filingDiff}/${sentences.length} | ${pct(filingDiff, sentences.length)} |`,
  );
  console.log(
    `| vader-sentiment vs fin-tabtext, filing sentences (compound) | ${filingCompoundDiff}/${sentences.length} | ${pct(filingCompoundDiff, sentences.length)} |`,
  );
} else {
  console.log('\n(vader-sentiment is not installed: npm install --no-save vader-sentiment@1.1.3)');
}
console.log(`\nPeak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
