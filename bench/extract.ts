// Extractor benchmark: extractMdna over every real filing fixture (10-K, 10-Q, HTML, inline XBRL,
// plain-text SGML), measured in MB of input HTML per second on one core, plus documentToText alone.
// Run: npx tsx bench/extract.ts
import os from 'node:os';
import { documentToText, extractMdna } from '../src/extract/index.js';
import { sgmlDocuments } from '../src/extract/sgml.js';
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
  for (const d of docs) if (extractMdna(d.input, { formType: d.form }).status !== 'not-found') found++;
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

// --- SGML growth: `.txt` submissions of 4, 8, 16 and 32 MB built from real documents --------
// Splitting a submission into its documents must be linear in its size: the time may grow at most
// 2.5x per doubling (the old splitter grew about 4x with many small documents). Two series: only
// the small real documents (≤ 6 KB, so thousands of documents), and every real document in turn.
// Sizes are interleaved within each round; CPU time decides the ratio (less noisy under load).
const SGML_SOURCES = [
  'filings/ford_10-K_2002-03.txt',
  'eight-k/aapl_8-K_1999-09-07.txt',
  'eight-k/asta_8-K_2005-03-08.txt',
  'eight-k/pericom_8-K_2006-08-16.txt',
  'eight-k/ford_8-K_2017-10-03.txt',
];
const SGML_SIZES_MB = [4, 8, 16, 32];
const SGML_ROUNDS = 5;
const MAX_GROWTH = 2.5;

const realDocuments = SGML_SOURCES.flatMap((name) => {
  const input = readFixture(name);
  return sgmlDocuments(input).map((d) => {
    // The whole <DOCUMENT>...</DOCUMENT> block around the body.
    const open = input.lastIndexOf('<DOCUMENT>', d.start);
    const close = input.indexOf('</DOCUMENT>', d.end);
    return input.slice(open, close + '</DOCUMENT>'.length);
  });
});
const header = readFixture('eight-k/pericom_8-K_2006-08-16.txt');
const secHeader = header.slice(0, header.indexOf('<DOCUMENT>'));

function submission(blocks: readonly string[], megabytes: number): { input: string; documents: number } {
  const parts = [secHeader];
  let length = secHeader.length;
  let documents = 0;
  while (length < megabytes * 1e6) {
    const block = blocks[documents % blocks.length]!;
    parts.push(block, '\n');
    length += block.length + 1;
    documents++;
  }
  parts.push('</SEC-DOCUMENT>\n');
  return { input: parts.join(''), documents };
}

interface Sample {
  wall: number[];
  cpu: number[];
}
const stats = (xs: readonly number[]): { min: number; median: number; max: number } => {
  const s = [...xs].sort((a, b) => a - b);
  return { min: s[0]!, median: s[Math.floor(s.length / 2)]!, max: s[s.length - 1]! };
};

// Each sample runs the call SGML_CALLS times (the same for every size) and records the time per
// call, so that millisecond calls are not lost in timer and scheduler noise.
const SGML_CALLS = 10;
function measure(run: () => void, sample: Sample): void {
  const cpu0 = process.cpuUsage();
  const wall0 = process.hrtime.bigint();
  for (let c = 0; c < SGML_CALLS; c++) run();
  sample.wall.push(Number(process.hrtime.bigint() - wall0) / 1e9 / SGML_CALLS);
  const cpu = process.cpuUsage(cpu0);
  sample.cpu.push((cpu.user + cpu.system) / 1e6 / SGML_CALLS);
}

const series = [
  { name: 'small documents (≤ 6 KB)', blocks: realDocuments.filter((b) => b.length <= 6500) },
  { name: 'all real documents', blocks: realDocuments },
];
let growthFailed = false;
const fmt = (s: { min: number; median: number; max: number }): string =>
  `${s.min.toFixed(4)} / ${s.median.toFixed(4)} / ${s.max.toFixed(4)}`;
console.log(
  `\nSGML growth: documentToText on synthetic .txt submissions, ${SGML_ROUNDS} rounds of ${SGML_CALLS} calls after a warm-up, sizes interleaved, seconds per call; load average ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}\n`,
);
console.log(
  '| series | MB | documents | wall s min / median / max | CPU s min / median / max | CPU growth |',
);
console.log('|---|---:|---:|---:|---:|---:|');
for (const { name, blocks } of series) {
  const inputs = SGML_SIZES_MB.map((mb) => submission(blocks, mb));
  const samples: Sample[] = inputs.map(() => ({ wall: [], cpu: [] }));
  for (const { input } of inputs) documentToText(input); // warm-up
  for (let r = 0; r < SGML_ROUNDS; r++) {
    inputs.forEach(({ input }, k) => {
      measure(() => documentToText(input), samples[k]!);
    });
  }
  let previous = 0;
  inputs.forEach(({ documents }, k) => {
    const cpu = stats(samples[k]!.cpu);
    const growth = k === 0 ? '' : `${(cpu.min / previous).toFixed(2)}x`;
    if (k > 0 && cpu.min / previous > MAX_GROWTH) growthFailed = true;
    previous = cpu.min;
    console.log(
      `| ${name} | ${SGML_SIZES_MB[k]} | ${documents} | ${fmt(stats(samples[k]!.wall))} | ${fmt(cpu)} | ${growth} |`,
    );
  });
}
console.log(
  `\nSGML growth target (≤ ${MAX_GROWTH}x per doubling, by minimum CPU time): ${growthFailed ? 'FAILED' : 'met'}`,
);
if (growthFailed) process.exitCode = 1;
