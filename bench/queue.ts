// Benchmark of fin-tabtext/queue: filings per second with 1, 2 and 4 worker processes on a real
// Redis against the local SEC test server (test/support/edgar-server-process.ts, a process of its
// own), and the SEC request rate the shared Redis limiter holds with 4 processes.
//
// Throughput runs lift the cap: the local server has no rate limit, so the workers get a limiter
// that grants at once (the `limiter` seam of startWorker); against SEC the cap, not the workers,
// bounds a back-fill (see docs/scaling-out.md). Each round serves the fixture filings
// BENCH_QUEUE_COPIES times (default 4) under fresh accession numbers, so nothing is cached;
// rounds (BENCH_QUEUE_ROUNDS, default 3) interleave 1, 2 and 4 workers. Worker start-up (process,
// pool thread, lexicons) is not timed: the queue is paused until every worker is ready.
// Run: npm run bench -- queue
import { type ChildProcess, spawn } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import type { FilingRef } from '../src/edgar/index.js';
import { enqueueDataset } from '../src/queue/index.js';
import {
  buildFilingIndex,
  filingRefOf,
  fixtureFilings,
  folderOf,
  maxPerSecondWindow,
} from '../test/support/edgar-server.js';
import { startEdgarServerProcess } from '../test/support/edgar-server-process.js';
import { startRedis } from '../test/support/redis.js';

const COPIES = Number(process.env.BENCH_QUEUE_COPIES ?? 4);
const ROUNDS = Number(process.env.BENCH_QUEUE_ROUNDS ?? 3);
const COUNTS = [1, 2, 4];
const USER_AGENT = 'fin-tabtext bench bench@example.com';
const WORKER = fileURLToPath(new URL('../test/queue/worker-process.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../', import.meta.url));

const redis = await startRedis();
const server = await startEdgarServerProcess();
const client = new Redis(redis.url);

// Fresh accession numbers for every copy: the same real documents, served under new folders.
const fixtures = fixtureFilings();
let copySerial = 0;
async function freshFilings(): Promise<FilingRef[]> {
  const refs: FilingRef[] = [];
  for (let c = 0; c < COPIES; c++) {
    const serial = String(copySerial++).padStart(4, '0');
    for (const [i, f] of fixtures.entries()) {
      const accession = `${f.cik}-${serial.slice(0, 2)}-${serial.slice(2)}${String(i).padStart(4, '0')}`;
      const folder = folderOf(f.cik, accession);
      await server.route('www', `${folder}/${f.primaryDocument}`, { fixture: `${f.file}.gz` });
      await server.route('www', `${folder}/index.json`, {
        body: JSON.stringify(buildFilingIndex(f.cik, accession, [f.primaryDocument])),
      });
      refs.push(filingRefOf(f, { accessionNumber: accession }));
    }
  }
  return refs;
}

interface Worker {
  readonly child: ChildProcess;
  readonly lines: Record<string, unknown>[];
}

function startWorkers(n: number, prefix: string, uncapped: boolean): Worker[] {
  return Array.from({ length: n }, (_, i) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        WORKER,
        JSON.stringify({
          name: `w${i}`,
          redisUrl: redis.url,
          prefix,
          baseUrls: server.baseUrls,
          concurrency: 4,
          uncapped,
          noCache: true,
        }),
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const lines: Record<string, unknown>[] = [];
    let partial = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      partial += chunk.toString('utf8');
      const parts = partial.split('\n');
      partial = parts.pop() ?? '';
      for (const line of parts)
        if (line.startsWith('{')) lines.push(JSON.parse(line) as Record<string, unknown>);
    });
    return { child, lines };
  });
}

async function until(
  what: string,
  test: () => boolean | Promise<boolean>,
  timeoutMs = 600_000,
): Promise<void> {
  const start = Date.now();
  while (!(await test())) {
    if (Date.now() - start > timeoutMs) throw new Error(`bench/queue.ts: timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function stop(workers: readonly Worker[]): Promise<void> {
  await Promise.all(
    workers.map(
      (w) =>
        new Promise<void>((resolve) => {
          if (w.child.exitCode !== null) resolve();
          else {
            w.child.once('exit', () => resolve());
            w.child.kill('SIGTERM');
          }
        }),
    ),
  );
}

const cpuOf = (w: Worker, type: string): number =>
  Number(w.lines.findLast((l) => l.type === type)?.cpuMs ?? w.lines.findLast(() => true)?.cpuMs ?? 0);

/** One timed run: `n` workers compute a fresh set of filings; wall and CPU (all workers) in ms. */
async function run(n: number, uncapped: boolean, filings: readonly FilingRef[], safetyMargin = 0.05) {
  const prefix = `bench${process.pid}n${n}r${copySerial}${uncapped ? 'u' : 'c'}`;
  const queue = new Queue('tabtext', { connection: { url: redis.url }, prefix });
  await queue.pause();
  const workers = startWorkers(n, prefix, uncapped);
  await until('workers ready', () => workers.every((w) => w.lines.some((l) => l.type === 'ready')));
  await enqueueDataset(
    { filings, userAgent: USER_AGENT, baseUrls: server.baseUrls, maxRequestsPerSecond: 9, safetyMargin },
    { connection: redis.url, prefix, cache: false },
  );
  const cpu0 = workers.map((w) => cpuOf(w, 'ready'));
  await server.clearRequests();
  const start = performance.now();
  await queue.resume();
  await until('every row', async () => (await client.hlen(`${prefix}:tabtext:results`)) === filings.length);
  const wall = performance.now() - start;
  const failed = await queue.getFailedCount();
  if (failed > 0)
    throw new Error(
      `bench/queue.ts: ${failed} jobs failed: ${(await queue.getFailed(0, 0))[0]?.failedReason}`,
    );
  const cpu = workers.reduce((sum, w, i) => sum + cpuOf(w, 'completed') - cpu0[i]!, 0);
  const requests = await server.requests();
  await stop(workers);
  await queue.obliterate({ force: true });
  await queue.close();
  const keys = await client.keys(`${prefix}:*`);
  if (keys.length > 0) await client.del(...keys);
  return { wall, cpu, requests };
}

const stats = (values: readonly number[]): string => {
  const sorted = [...values].sort((a, b) => a - b);
  const f = (v: number): string => v.toFixed(2);
  return `${f(sorted[0]!)} / ${f(sorted[Math.floor(sorted.length / 2)]!)} / ${f(sorted.at(-1)!)}`;
};

const loadBefore = loadavg()[0]!;
const rate: Record<number, number[]> = Object.fromEntries(COUNTS.map((n) => [n, []]));
const cpuPer: Record<number, number[]> = Object.fromEntries(COUNTS.map((n) => [n, []]));
for (let round = 0; round < ROUNDS; round++) {
  for (const n of COUNTS) {
    const filings = await freshFilings();
    const { wall, cpu } = await run(n, true, filings);
    rate[n]!.push((filings.length * 1000) / wall);
    cpuPer[n]!.push(cpu / filings.length);
  }
}
process.stdout.write(
  `Throughput, cap lifted: ${fixtures.length * COPIES} filings per run (the ${fixtures.length} fixture filings ` +
    `x ${COPIES}), ${ROUNDS} rounds interleaved, 4 jobs at once per worker, 1 scoring thread per worker.\n\n` +
    '| worker processes | filings/s min / median / max | x one worker (median) | CPU ms per filing, all workers (min / median / max) |\n' +
    '|---|---|---|---|\n',
);
const median = (values: readonly number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
for (const n of COUNTS) {
  process.stdout.write(
    `| ${n} | ${stats(rate[n]!)} | ${(median(rate[n]!) / median(rate[1]!)).toFixed(2)} | ${stats(cpuPer[n]!)} |\n`,
  );
}

// The cap held: 4 processes sending requests as fast as the shared Redis limiter at 9/s lets
// them (the pipeline's scoring would otherwise bound the rate on this machine), with the default
// head-room and with the head-room an overloaded machine needs (see test/queue/queue.test.ts).
const LIMITER = fileURLToPath(new URL('../test/queue/limiter-process.ts', import.meta.url));
for (const safetyMargin of [0.05, 0.25]) {
  await server.clearRequests();
  const prefix = `bench${process.pid}cap${safetyMargin}`;
  await Promise.all(
    [0, 1, 2, 3].map(
      (i) =>
        new Promise<void>((resolve, reject) => {
          const args = {
            redisUrl: redis.url,
            prefix,
            baseUrls: server.baseUrls,
            count: 40,
            name: `p${i}`,
            safetyMargin,
          };
          const child = spawn(process.execPath, ['--import', 'tsx', LIMITER, JSON.stringify(args)], {
            cwd: ROOT,
            stdio: ['ignore', 'ignore', 'inherit'],
          });
          child.once('exit', (code) =>
            code === 0 ? resolve() : reject(new Error(`limiter process exited ${code}`)),
          );
        }),
    ),
  );
  const times = (await server.requests()).map((r) => r.time).sort((a, b) => a - b);
  const sustained = ((times.length - 1) * 1000) / (times.at(-1)! - times[0]!);
  process.stdout.write(
    `\nCap held, 4 processes, shared Redis limiter at 9/s, safetyMargin ${safetyMargin}: ${times.length} requests ` +
      `at the server, ${sustained.toFixed(2)} req/s sustained (${((100 * sustained) / 9).toFixed(1)}% of the cap; ` +
      `the limiter's ceiling is ${(9 / (1 + safetyMargin)).toFixed(2)}), busiest one-second window ${maxPerSecondWindow(times)} requests.\n`,
  );
}
process.stdout.write(
  `\nMachine: ${cpus().length} cores, ${cpus()[0]?.model ?? 'unknown CPU'}; load average ${loadBefore.toFixed(2)} ` +
    `before, ${loadavg()[0]!.toFixed(2)} after.\n`,
);

await client.quit();
await server.close();
await redis.stop();
