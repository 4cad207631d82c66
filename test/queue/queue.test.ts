// fin-tabtext/queue end to end: a real Redis, the local SEC server in a process of its own (its
// timestamps are the rate measurement), and worker processes (test/queue/worker-process.ts and
// the real `fin-tabtext queue work` CLI) computing the real fixture filings.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { buildDataset } from '../../src/pipeline/index.js';
import { enqueueDataset, exportDataset, queueStatus } from '../../src/queue/index.js';
import { capture } from '../support/cli.js';
import { fixtureFilings, maxPerSecondWindow, startEdgarServer } from '../support/edgar-server.js';
import { type EdgarServerProcess, startEdgarServerProcess } from '../support/edgar-server-process.js';
import { redisSkipReason, startRedis, type TestRedis } from '../support/redis.js';

const skip = redisSkipReason();
if (skip !== null) console.warn(`test/queue/queue.test.ts skipped: ${skip}`);

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WORKER = fileURLToPath(new URL('./worker-process.ts', import.meta.url));
const CLI = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
const PRODUCER = 'fin-tabtext tests producer tests@example.com';
const CIKS = [...new Set(fixtureFilings().map((f) => f.cik))];
const ACCESSIONS = fixtureFilings()
  .map((f) => f.accession)
  .sort();

interface WorkerEvent {
  readonly type: string;
  readonly worker: string;
  readonly time: number;
  readonly accessionNumber?: string;
  readonly computed?: boolean;
  readonly pauseMs?: number;
}

interface RunningWorker {
  readonly name: string;
  readonly child: ChildProcess;
  readonly events: WorkerEvent[];
  readonly exited: Promise<number | null>;
  output(): string;
}

const running: RunningWorker[] = [];

function watch(name: string, child: ChildProcess): RunningWorker {
  const events: WorkerEvent[] = [];
  let output = '';
  let partial = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    partial += chunk.toString('utf8');
    const lines = partial.split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      if (line.startsWith('{')) events.push(JSON.parse(line) as WorkerEvent);
      else output += `${line}\n`;
    }
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const worker = { name, child, events, exited, output: () => output };
  running.push(worker);
  return worker;
}

function startWorkerProcess(name: string, args: Record<string, unknown>): RunningWorker {
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER, JSON.stringify({ name, ...args })], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return watch(name, child);
}

async function until(
  what: string,
  test: () => boolean | Promise<boolean>,
  timeoutMs = 45_000,
): Promise<void> {
  const start = Date.now();
  while (!(await test())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const ready = (worker: RunningWorker): Promise<void> =>
  until(`${worker.name} ready\n${worker.output()}`, () => worker.events.some((e) => e.type === 'ready'));

async function stopAll(): Promise<void> {
  for (const worker of running.splice(0)) {
    if (worker.child.exitCode === null && worker.child.signalCode === null) worker.child.kill('SIGTERM');
    await worker.exited;
  }
}

/** The rows of a JSONL export, by accession number. */
async function exported(path: string): Promise<Record<string, unknown>[]> {
  const text = await readFile(path, 'utf8');
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe.skipIf(skip !== null)('fin-tabtext/queue: worker processes on a real Redis', () => {
  let redis: TestRedis;
  let client: Redis;
  let server: EdgarServerProcess;
  let dir: string;
  const run = `t${process.pid}q${Math.random().toString(36).slice(2, 8)}`;

  beforeAll(async () => {
    [redis, server, dir] = await Promise.all([
      startRedis(),
      startEdgarServerProcess(),
      mkdtemp(join(tmpdir(), 'fin-tabtext-queue-')),
    ]);
    client = new Redis(redis.url);
  });
  afterAll(async () => {
    await stopAll();
    const keys = [...(await client.keys(`${run}:*`)), ...(await client.keys(`fin-tabtext:${run}*`))];
    if (keys.length > 0) await client.del(...keys);
    await client.quit();
    await Promise.all([server?.close(), redis?.stop(), rm(dir, { recursive: true, force: true })]);
  });

  it('three workers: every row exactly once and equal to buildDataset, at most the cap in any second at the server, a 429 pauses all, re-adding does nothing', async () => {
    const cap = 6;
    // Head-room for the jitter of this shared, heavily loaded 2-core machine: a process (the
    // measuring server's too) may wait 100+ ms for a core, which moves a request into the next
    // second. Any 6 grants span at least 1.25 s here; SEC-side the default of 0.05 covers network jitter.
    const safetyMargin = 0.25;
    const prefix = `${run}a`;
    const workers = ['w1', 'w2', 'w3'].map((name) =>
      startWorkerProcess(name, { redisUrl: redis.url, prefix, baseUrls: server.baseUrls, concurrency: 2 }),
    );
    await Promise.all(workers.map(ready));
    await server.clearRequests();
    const config = {
      tickersOrCiks: CIKS,
      formTypes: ['10-K', '10-Q'],
      userAgent: PRODUCER,
      baseUrls: server.baseUrls,
      maxRequestsPerSecond: cap,
      safetyMargin,
    };
    const added = await enqueueDataset(config, { connection: redis.url, prefix });
    expect(added).toEqual({ listed: ACCESSIONS.length, added: ACCESSIONS.length, skipped: 0, failed: [] });

    // Once a few rows are in, the next document request is answered 429 with Retry-After: 3.
    const events = (): WorkerEvent[] => workers.flatMap((w) => w.events);
    await until('4 rows', () => events().filter((e) => e.type === 'completed').length >= 4);
    await server.inject(
      { kind: 'status', status: 429, headers: { 'Retry-After': '3' } },
      { match: /^\/Archives\/.*\.htm$/ },
    );
    // BullMQ hands no job to any worker during the block: its queue-wide rate limit is set.
    await until('the 429', () => events().some((e) => e.type === 'rate-limited'));
    const bull = new Queue('tabtext', { connection: { url: redis.url }, prefix });
    try {
      expect(await bull.getRateLimitTtl()).toBeGreaterThan(0);
    } finally {
      await bull.close();
    }
    await until(
      'every row',
      async () => (await client.hlen(`${prefix}:tabtext:results`)) === ACCESSIONS.length,
    );

    // Every filing's row exactly once, equal to what buildDataset computes in one process.
    const out = join(dir, 'three.jsonl');
    const result = await exportDataset({ connection: redis.url, prefix, out });
    expect(result).toMatchObject({ rows: ACCESSIONS.length, missing: 0 });
    const rows = await exported(out);
    expect(rows.map((r) => r.accession_number).sort()).toEqual(ACCESSIONS);
    const local = await startEdgarServer();
    try {
      const expected: Record<string, unknown>[] = [];
      for await (const row of buildDataset({
        tickersOrCiks: CIKS,
        formTypes: ['10-K', '10-Q'],
        userAgent: PRODUCER,
        baseUrls: local.baseUrls,
        cacheDir: false,
        workers: 0,
      })) {
        expected.push(JSON.parse(JSON.stringify(row)) as Record<string, unknown>);
      }
      expect(rows).toEqual(expected);
    } finally {
      await local.close();
    }
    expect(rows.filter((r) => r.error !== null)).toEqual([]);
    const completed = events().filter((e) => e.type === 'completed' && e.computed === true);
    expect(completed).toHaveLength(ACCESSIONS.length);
    expect(new Set(completed.map((e) => e.worker)).size).toBe(3);

    // The cap holds at the server over the producer and all three workers together.
    const requests = await server.requests();
    expect(maxPerSecondWindow(requests.map((r) => r.time))).toBeLessThanOrEqual(cap);
    expect(new Set(requests.map((r) => r.userAgent)).size).toBe(4);

    // The 429 paused every worker: no request from anyone until Retry-After had passed, and no
    // worker started a job meanwhile (BullMQ's queue-wide rate limit).
    const blocked = requests.find((r) => r.outcome === 429);
    expect(blocked).toBeDefined();
    const t = blocked!.time;
    const before = requests.filter((r) => r.time < t && r.time > t - 1500 && r.userAgent !== PRODUCER);
    expect(new Set(before.map((r) => r.userAgent)).size).toBeGreaterThanOrEqual(2);
    const after = requests.filter((r) => r.time > t);
    expect(after.length).toBeGreaterThan(0);
    expect(Math.min(...after.map((r) => r.time)) - t).toBeGreaterThanOrEqual(3000 - 50);
    expect(new Set(after.map((r) => r.userAgent)).size).toBeGreaterThanOrEqual(2);
    const startedDuringPause = events().filter(
      (e) => e.type === 'active' && e.time > t + 150 && e.time < t + 2850,
    );
    expect(startedDuringPause).toEqual([]);
    expect(events().filter((e) => e.type === 'rate-limited')).toHaveLength(1);

    // Adding the same query again adds nothing and no worker does anything.
    const seen = requests.length;
    const activeBefore = events().filter((e) => e.type === 'active').length;
    const again = await enqueueDataset(config, { connection: redis.url, prefix });
    expect(again).toEqual({ listed: ACCESSIONS.length, added: 0, skipped: ACCESSIONS.length, failed: [] });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await server.requests()).slice(seen)).toEqual([]);
    expect(events().filter((e) => e.type === 'active')).toHaveLength(activeBefore);
    const status = await queueStatus({ connection: redis.url, prefix });
    expect(status).toMatchObject({
      listed: ACCESSIONS.length,
      done: ACCESSIONS.length,
      errors: 0,
      waiting: 0,
      active: 0,
      workers: 3,
    });
    await stopAll();
  }, 120_000);

  it('a worker killed with SIGKILL mid-job loses nothing: another worker computes its filings (CLI add, work, export)', async () => {
    const queue = `${run}k`;
    const ciks = CIKS.slice(0, 6);
    const listed = fixtureFilings().filter((f) => ciks.includes(f.cik));
    const env = {
      FIN_TABTEXT_SEC_WWW_URL: server.baseUrls.www,
      FIN_TABTEXT_SEC_DATA_URL: server.baseUrls.data,
      FIN_TABTEXT_REDIS_URL: redis.url,
    };
    const doomed = startWorkerProcess('doomed', {
      redisUrl: redis.url,
      queueName: queue,
      baseUrls: server.baseUrls,
      concurrency: 2,
      lockDurationMs: 2000,
      stalledIntervalMs: 1000,
    });
    await ready(doomed);
    await server.clearRequests();
    // The first two documents take 20 s to arrive: the doomed worker is surely mid-job.
    await server.inject({ kind: 'slow', delayMs: 20_000 }, { count: 2, match: /^\/Archives\/.*\.htm$/ });
    const add = capture(ROOT, env);
    const code = await runCli(
      [
        'queue',
        'add',
        '--ciks',
        ciks.join(','),
        '--queue',
        queue,
        '--user-agent',
        PRODUCER,
        '--max-rps',
        '10',
      ],
      add.io,
    );
    expect(add.err()).toContain(
      `${listed.length} filings listed, ${listed.length} queued, 0 already queued or done`,
    );
    expect(code).toBe(0);
    await until(
      'two slow requests',
      async () => (await server.requests()).filter((r) => r.fault === 'slow').length === 2,
    );
    const lost = doomed.events.filter((e) => e.type === 'active').map((e) => e.accessionNumber);
    expect(lost).toHaveLength(2);
    doomed.child.kill('SIGKILL');
    await doomed.exited;

    const rescuer = startWorkerProcess('rescuer', {
      redisUrl: redis.url,
      queueName: queue,
      baseUrls: server.baseUrls,
      concurrency: 2,
      lockDurationMs: 2000,
      stalledIntervalMs: 1000,
    });
    const cli = watch(
      'cli',
      spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          CLI,
          'queue',
          'work',
          '--queue',
          queue,
          '--concurrency',
          '2',
          '--until-empty',
          '--verbose',
        ],
        { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
      ),
    );
    expect(await cli.exited).toBe(0);
    expect(cli.output()).toMatch(/queue work: stored \d+ rows \(0 with errors\)/);
    await until(
      'every row',
      async () => (await client.hlen(`fin-tabtext:${queue}:results`)) === listed.length,
    );
    const rescued = rescuer.events.filter((e) => e.type === 'completed').map((e) => e.accessionNumber);
    const byCli = [...cli.output().matchAll(/queue work: (\S+) done/g)].map((m) => m[1]);
    for (const accession of lost) expect([...rescued, ...byCli]).toContain(accession);
    expect([...rescued, ...byCli].sort()).toEqual(listed.map((f) => f.accession).sort());

    const out = join(dir, 'killed.jsonl');
    const exportIo = capture(ROOT, env);
    expect(await runCli(['queue', 'export', '--queue', queue, '--out', out], exportIo.io)).toBe(0);
    const rows = await exported(out);
    expect(rows.map((r) => r.accession_number).sort()).toEqual(listed.map((f) => f.accession).sort());
    expect(rows.filter((r) => r.error !== null)).toEqual([]);
    const statusIo = capture(ROOT, env);
    expect(await runCli(['queue', 'status', '--queue', queue, '--json'], statusIo.io)).toBe(0);
    expect(JSON.parse(statusIo.out())).toMatchObject({
      listed: listed.length,
      done: listed.length,
      waiting: 0,
      active: 0,
    });
    await stopAll();
  }, 120_000);
});
