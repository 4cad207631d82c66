/**
 * Records benchmark: stream a generated 50,000-row CSV of real Ford 10-K paragraphs through
 * scoreFile (plumbing only, then with scoreText), and report rows/s, MB/s and memory.
 * Memory is sampled while streaming: a flat RSS from 10% to 100% of the rows shows constant memory.
 * Then reads JSONL files with one 8, 32 and 64 MB line to show the reader is linear in line length.
 * Run: npx tsx bench/records.ts [rows]
 */
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { readRecords, scoreFile, writeRecords } from '../src/records/index.js';
import { readFixture } from '../test/support/fixtures.js';

const ROWS = Number(process.argv[2] ?? 50_000);
const MB = 1024 * 1024;
const paragraphs = readFixture('filings/ford_10-K_2002-03.txt')
  .split(/\n\s*\n/)
  .map((p) => p.trim())
  .filter((p) => p.length >= 200);

const rssMb = (): number => process.memoryUsage().rss / MB;

interface Row {
  readonly step: string;
  readonly seconds: number;
  readonly rowsPerSecond: number;
  readonly mbPerSecond: number;
  readonly rssAt10: number;
  readonly rssAtEnd: number;
}

async function timed(
  step: string,
  bytes: number,
  run: (sample: (rows: number) => void) => Promise<unknown>,
): Promise<Row> {
  let rssAt10 = Number.NaN;
  const sample = (rows: number): void => {
    if (Number.isNaN(rssAt10) && rows >= ROWS / 10) rssAt10 = rssMb();
  };
  const start = performance.now();
  await run(sample);
  const seconds = (performance.now() - start) / 1000;
  return {
    step,
    seconds,
    rowsPerSecond: ROWS / seconds,
    mbPerSecond: bytes / MB / seconds,
    rssAt10,
    rssAtEnd: rssMb(),
  };
}

const dir = await mkdtemp(join(tmpdir(), 'fin-tabtext-bench-records-'));
try {
  const input = join(dir, 'mdna.csv');
  const results: Row[] = [];
  results.push(
    await timed('writeRecords (generate CSV)', 0, async (sample) => {
      async function* rows() {
        for (let i = 0; i < ROWS; i++) {
          sample(i);
          yield {
            cik: '0000037996',
            paragraph: i,
            filing_date: '2002-03-28',
            mdna: paragraphs[i % paragraphs.length],
          };
        }
      }
      await writeRecords(input, rows());
    }),
  );
  const bytes = (await stat(input)).size;
  results[0] = { ...results[0]!, mbPerSecond: bytes / MB / results[0]!.seconds };

  results.push(
    await timed('readRecords (CSV)', bytes, async (sample) => {
      let n = 0;
      for await (const _ of readRecords(input)) sample(++n);
    }),
  );
  results.push(
    await timed('scoreFile, trivial scorer (plumbing)', bytes, async (sample) => {
      await scoreFile(input, join(dir, 'plumbing.csv'), {
        textColumn: 'mdna',
        scorer: (text) => ({ chars: text.length }),
        progressEvery: 1000,
        onProgress: ({ rows }) => sample(rows),
      });
    }),
  );
  results.push(
    await timed('scoreFile, scoreText (all 11 attributes)', bytes, async (sample) => {
      await scoreFile(input, join(dir, 'scores.csv'), {
        textColumn: 'mdna',
        progressEvery: 1000,
        onProgress: ({ rows }) => sample(rows),
      });
    }),
  );

  const fmt = (x: number, d = 1): string => (Number.isNaN(x) ? 'n/a' : x.toFixed(d));
  console.log(
    `\nRecords: ${ROWS.toLocaleString('en-US')} rows, ${fmt(bytes / MB)} MB CSV of Ford 10-K paragraphs`,
  );
  console.log(`Node ${process.version}, ${process.platform} ${process.arch}\n`);
  console.log('| step | s | rows/s | MB/s | RSS at 10% (MB) | RSS at end (MB) |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const r of results) {
    console.log(
      `| ${r.step} | ${fmt(r.seconds, 2)} | ${Math.round(r.rowsPerSecond).toLocaleString('en-US')} | ${fmt(r.mbPerSecond)} | ${fmt(r.rssAt10)} | ${fmt(r.rssAtEnd)} |`,
    );
  }
  console.log(
    `\nPeak RSS of the whole run: ${fmt(process.resourceUsage().maxRSS / 1024)} MB (input file ${fmt(bytes / MB)} MB)`,
  );

  // JSONL lines of growing length: linear reading means seconds grow with the line, not its square.
  const text = paragraphs.join(' ');
  console.log('\nJSONL: one long line (real Ford text) between two short ones, read with readRecords');
  console.log('(3 rounds each, interleaved; CPU and wall time; linear when s/MB stays flat)\n');
  const sizes = [8, 32, 64];
  const timings = new Map<number, { wall: number[]; cpu: number[] }>();
  for (const size of sizes) {
    const path = join(dir, `long-${size}.jsonl`);
    const long = text.repeat(Math.ceil((size * MB) / text.length)).slice(0, size * MB);
    await writeFile(path, `{"i":0}\n${JSON.stringify({ i: 1, text: long })}\n{"i":2}\n`);
    timings.set(size, { wall: [], cpu: [] });
  }
  for (let round = 0; round < 3; round++) {
    for (const size of sizes) {
      const cpu = process.cpuUsage();
      const start = performance.now();
      let n = 0;
      for await (const _ of readRecords(join(dir, `long-${size}.jsonl`))) n++;
      if (n !== 3) throw new Error(`expected 3 rows, got ${n}`);
      const used = process.cpuUsage(cpu);
      timings.get(size)!.wall.push((performance.now() - start) / 1000);
      timings.get(size)!.cpu.push((used.user + used.system) / 1e6);
    }
  }
  const stats = (xs: number[]): string => {
    const sorted = [...xs].sort((a, b) => a - b);
    return `${fmt(sorted[0]!, 2)} / ${fmt(sorted[Math.floor(sorted.length / 2)]!, 2)} / ${fmt(sorted.at(-1)!, 2)}`;
  };
  console.log('| line | wall s min/median/max | CPU s min/median/max | median wall s per MB |');
  console.log('|---|---:|---:|---:|');
  for (const size of sizes) {
    const t = timings.get(size)!;
    const median = [...t.wall].sort((a, b) => a - b)[1]!;
    console.log(`| ${size} MB | ${stats(t.wall)} | ${stats(t.cpu)} | ${fmt(median / size, 4)} |`);
  }
  console.log(
    `\nLoad average at the end: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(', ')}`,
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}
