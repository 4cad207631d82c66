/**
 * Pipeline benchmark: buildDataset over the fixture filings (served offline from a seeded EDGAR
 * cache) with workers 0, 1 and 2. Every (workers, round) runs in its own process, rounds
 * interleaved, so each run reports its own peak RSS and none inherits another's warm JIT.
 * The pool is started and warmed before the clock starts (its start-up is reported apart);
 * CPU time is the whole process (main thread + worker threads).
 * Each thread compiles the extraction and scoring code for itself: in a fresh thread the first
 * pass over the 22 filings costs about four times a warm pass (about 2 s of CPU), so a single pass
 * measures mostly that warm-up, paid once per thread. By default the list is run 8 times
 * (176 filings) so the figures show throughput; pass 1 as the copies to see the short-run case.
 * Run: npx tsx bench/pipeline.ts [rounds] [copies of the filing list, default 8]
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { createFileCache, type FilingRef, SEC_BASE_URLS } from '../src/edgar/index.js';
import { buildDataset, EdgarClient } from '../src/index.js';
import { createPipelinePool } from '../src/pipeline/index.js';
import { filingRefOf, fixtureFilings, folderOf } from '../test/support/edgar-server.js';
import { fixturePath } from '../test/support/fixtures.js';

const WORKERS = [0, 1, 2];
const MB = 1e6;

interface Result {
  readonly workers: number;
  readonly filings: number;
  readonly bytes: number;
  readonly startMs: number;
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly maxRssMb: number;
  readonly errors: number;
}

function refs(copies: number): FilingRef[] {
  const out: FilingRef[] = [];
  for (let copy = 0; copy < copies; copy++) {
    for (const f of fixtureFilings()) {
      out.push(filingRefOf(f));
    }
  }
  return out;
}

/** One measured run, in this process. */
async function child(workers: number, cacheDir: string, copies: number): Promise<void> {
  const client = new EdgarClient({
    userAgent: 'fin-tabtext bench bench@example.com',
    offline: true,
    cacheDir,
  });
  const t0 = performance.now();
  const pool = await createPipelinePool({ workers });
  // Wait for every thread to be up and warm (word lists, lexicon, CMUdict) before timing.
  await Promise.all(
    Array.from({ length: Math.max(1, workers) }, () =>
      pool.run({ kind: 'scores', texts: ['Warm up.'], options: undefined }),
    ),
  );
  const startMs = performance.now() - t0;
  const cpu0 = process.cpuUsage();
  const w0 = performance.now();
  let filings = 0;
  let bytes = 0;
  let errors = 0;
  for await (const row of buildDataset({
    filings: refs(copies),
    client,
    pool,
    altman: 'auto',
    onProgress: (p) => {
      bytes = p.bytes;
    },
  })) {
    filings++;
    if (row.error !== null) errors++;
  }
  const wallMs = performance.now() - w0;
  const cpu = process.cpuUsage(cpu0);
  await pool.close();
  const result: Result = {
    workers,
    filings,
    bytes,
    startMs,
    wallMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    errors,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

async function main(): Promise<void> {
  const rounds = Number(process.argv[2] ?? 3);
  const copies = Number(process.argv[3] ?? 8);
  const dir = await mkdtemp(join(tmpdir(), 'fin-tabtext-bench-pipeline-'));
  try {
    const cacheDir = join(dir, 'cache');
    const cache = createFileCache(cacheDir);
    for (const f of fixtureFilings()) {
      await cache.set({
        url: `${SEC_BASE_URLS.www}${folderOf(f.cik, f.accession)}/${f.primaryDocument}`,
        storedAt: Date.now(),
        body: gunzipSync(readFileSync(fixturePath(`${f.file}.gz`))),
      });
    }
    const load0 = loadavg();
    const results: Result[] = [];
    for (let round = 0; round < rounds; round++) {
      for (const workers of WORKERS) {
        const run = spawnSync(
          process.execPath,
          [
            '--import',
            'tsx',
            fileURLToPath(import.meta.url),
            '--child',
            String(workers),
            cacheDir,
            String(copies),
          ],
          { encoding: 'utf8', maxBuffer: 1 << 24 },
        );
        if (run.status !== 0) throw new Error(`workers ${workers} failed:\n${run.stderr}`);
        results.push(JSON.parse(run.stdout.trim().split('\n').at(-1)!) as Result);
      }
    }
    const load1 = loadavg();
    const stats = (values: number[]): string => {
      const s = [...values].sort((a, b) => a - b);
      const f = (x: number): string => (x >= 100 ? x.toFixed(0) : x.toFixed(2));
      return `${f(s[0]!)} / ${f(s[Math.floor(s.length / 2)]!)} / ${f(s.at(-1)!)}`;
    };
    const first = results[0]!;
    console.log(
      `Pipeline: buildDataset over ${first.filings} fixture filings (${(first.bytes / MB).toFixed(1)} MB of documents), offline from a seeded cache`,
    );
    console.log(
      `Machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), Node ${process.version}; ${rounds} rounds per setting, interleaved, one process per run`,
    );
    console.log(
      `Load average (1/5/15 min) before: ${load0.map((x) => x.toFixed(2)).join(' ')}, after: ${load1.map((x) => x.toFixed(2)).join(' ')}\n`,
    );
    console.log(
      '| workers | filings/s (min / median / max) | MB/s (median) | wall s (min / median / max) | CPU ms per filing (min / median / max) | pool start ms (median) | peak RSS MB (max) | errors |',
    );
    console.log('|---:|---:|---:|---:|---:|---:|---:|---:|');
    const medianWall: Record<number, number> = {};
    const medianCpu: Record<number, number> = {};
    for (const workers of WORKERS) {
      const mine = results.filter((r) => r.workers === workers);
      const walls = mine.map((r) => r.wallMs / 1000);
      const sortedWalls = [...walls].sort((a, b) => a - b);
      const median = sortedWalls[Math.floor(sortedWalls.length / 2)]!;
      medianWall[workers] = median;
      const cpuPer = mine.map((r) => r.cpuMs / r.filings);
      medianCpu[workers] = [...cpuPer].sort((a, b) => a - b)[Math.floor(cpuPer.length / 2)]!;
      const starts = mine.map((r) => r.startMs).sort((a, b) => a - b);
      console.log(
        `| ${workers} | ${stats(mine.map((r) => r.filings / (r.wallMs / 1000)))} | ${(first.bytes / MB / median).toFixed(2)} | ${stats(walls)} | ${stats(cpuPer)} | ${starts[Math.floor(starts.length / 2)]!.toFixed(0)} | ${Math.max(...mine.map((r) => r.maxRssMb)).toFixed(0)} | ${mine.reduce((n, r) => n + r.errors, 0)} |`,
      );
    }
    console.log(
      `\nSpeed-up, 2 workers over 1 (median wall): ${(medianWall[1]! / medianWall[2]!).toFixed(2)}x; over in-process: ${(medianWall[0]! / medianWall[2]!).toFixed(2)}x`,
    );
    console.log(
      `CPU per filing, 2 workers vs 1: ${((medianCpu[2]! / medianCpu[1]! - 1) * 100).toFixed(1)}%; 1 worker vs in-process: ${((medianCpu[1]! / medianCpu[0]! - 1) * 100).toFixed(1)}%`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') {
  await child(Number(process.argv[3]), process.argv[4]!, Number(process.argv[5] ?? 1));
} else {
  await main();
}
