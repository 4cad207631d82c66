// scoreText benchmark: all 11 attributes on real filing text, against the two-package baseline
// (`vader-sentiment@1.1.3` per sentence + `text-readability@1.1.1` gunningFog) on the same text.
// Run: npx tsx bench/score.ts
// The baseline packages are dev dependencies of this benchmark only; without them only our rows
// are printed.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { scoreText } from '../src/score/index.js';
import { iterateSentences } from '../src/text/index.js';
import { filingFixtureNames, readFixture } from '../test/support/fixtures.js';

type ToText = (html: string) => string;

/** Rough HTML to text (tags to spaces or line breaks, common entities), if src/extract is absent. */
function stripTags(html: string): string {
  return html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<\/(p|div|tr|li|h[1-6]|table)\s*>|<br\s*\/?>/gi, '\n')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&#160;|&nbsp;|&#xa0;/gi, ' ')
    .replace(/&#8217;|&rsquo;/g, '\u2019')
    .replace(/&#8220;|&#8221;|&quot;|&[lr]dquo;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/&#\d+;|&[a-z]+;/gi, ' ')
    .replace(/[ \t]+/g, ' ')
    .replace(/\n\s*\n+/g, '\n');
}

async function htmlToText(): Promise<[ToText, string]> {
  const extract = fileURLToPath(new URL('../src/extract/index.ts', import.meta.url));
  if (existsSync(extract)) {
    const mod = (await import('../src/extract/index.js' as string)) as { documentToText?: ToText };
    if (typeof mod.documentToText === 'function') return [mod.documentToText, 'documentToText'];
  }
  return [stripTags, 'tag strip'];
}

const [toText, how] = await htmlToText();
const docs = filingFixtureNames().map((name) => {
  const raw = readFixture(`filings/${name}`);
  return name.endsWith('.txt') ? raw : toText(raw);
});
const bytes = docs.reduce((sum, d) => sum + Buffer.byteLength(d, 'utf8'), 0);

/** Best of `runs` wall-clock timings of `fn` over every document, in seconds. */
function time(fn: (doc: string) => unknown, runs = 3): number {
  let best = Number.POSITIVE_INFINITY;
  for (let r = 0; r < runs; r++) {
    const start = process.hrtime.bigint();
    for (const d of docs) fn(d);
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e9);
  }
  return best;
}

scoreText(docs[0]!); // load lexicons, CMUdict and word lists outside the timing
const ours = time((d) => scoreText(d));
const oursRss = process.resourceUsage().maxRSS / 1024;

// One 20+ MB document (all fixtures concatenated until 20 MB): throughput and memory at scale.
const big = Array.from({ length: Math.ceil(20e6 / bytes) }, () => docs.join('\n\n')).join('\n\n');
const bigStart = process.hrtime.bigint();
scoreText(big);
const bigSeconds = Number(process.hrtime.bigint() - bigStart) / 1e9;
const bigRss = process.resourceUsage().maxRSS / 1024;

interface Baseline {
  readonly polarity: (text: string) => { compound: number };
  readonly fog: (text: string) => number;
}

async function loadBaseline(): Promise<Baseline | undefined> {
  try {
    const require = createRequire(import.meta.url);
    const vader = require('vader-sentiment') as {
      SentimentIntensityAnalyzer: { polarity_scores: (text: string) => { compound: number } };
    };
    const readability = (await import('text-readability' as string)) as {
      default: { gunningFog: (text: string) => number };
    };
    return {
      polarity: (t) => vader.SentimentIntensityAnalyzer.polarity_scores(t),
      fog: (t) => readability.default.gunningFog(t),
    };
  } catch {
    return undefined;
  }
}

const baseline = await loadBaseline();
let theirs: number | undefined;
if (baseline !== undefined) {
  // Sentences from our splitter for both sides, so only the scoring differs.
  theirs = time((d) => {
    let sum = 0;
    let n = 0;
    for (const s of iterateSentences(d)) {
      sum += baseline.polarity(s.text).compound;
      n++;
    }
    return [n === 0 ? 0 : sum / n, baseline.fog(d)];
  }, 1);
}

const mb = bytes / 1e6;
const fmt = (x: number, digits = 1): string => x.toFixed(digits);
const lines = [
  `scoreText, all 11 attributes: ${docs.length} filings (${how}), ${fmt(mb, 2)} MB UTF-8; Node ${process.versions.node}, ${process.arch}`,
  '',
  '| pipeline | MB/s | docs/s | peak RSS (MB) |',
  '|---|---:|---:|---:|',
  `| fin-tabtext \`scoreText\` (11 attributes) | ${fmt(mb / ours)} | ${fmt(docs.length / ours)} | ${fmt(oursRss, 0)} |`,
  `| fin-tabtext \`scoreText\`, one ${fmt(big.length / 1e6, 1)} MB document | ${fmt(Buffer.byteLength(big, 'utf8') / 1e6 / bigSeconds)} | – | ${fmt(bigRss, 0)} |`,
];
if (theirs !== undefined) {
  lines.push(
    `| vader-sentiment@1.1.3 per sentence + text-readability@1.1.1 gunningFog (2 attributes) | ${fmt(mb / theirs, 2)} | ${fmt(docs.length / theirs, 2)} | ${fmt(process.resourceUsage().maxRSS / 1024, 0)} |`,
    '',
    `Speed-up of scoreText over the baseline: ${fmt(theirs / ours)}x (targets: >= 10 MB/s and >= 10x).`,
  );
} else {
  lines.push(
    '',
    'Baseline not installed: npm install --no-save vader-sentiment@1.1.3 text-readability@1.1.1',
  );
}
process.stdout.write(`${lines.join('\n')}\n`);
