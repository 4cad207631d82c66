// Benchmark of the EDGAR client against the local SEC test server (test/support/edgar-server.ts),
// run in its own process so request times are taken at the server's side, as SEC counts them:
// sustained requests per second under the rate cap (target >= 95% of the cap, zero one-second
// windows above it) and the cost of a fully cached rerun (target: 0 requests).
// Run: npx tsx bench/edgar.ts   (BENCH_EDGAR_REQUESTS=n to change the request count, default 150)
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { EdgarClient } from '../src/edgar/index.js';
import { fixtureFilings, maxPerSecondWindow, startEdgarServerProcess } from '../test/support/edgar-server.js';

const REQUESTS = Number(process.env.BENCH_EDGAR_REQUESTS ?? 150);
const USER_AGENT = 'fin-tabtext bench bench@example.com';
const INDEX = '/Archives/edgar/data/1648960/000121390024004875/index.json';

const server = await startEdgarServerProcess();
const loadBefore = loadavg();
const rows: string[] = [];

for (const cap of [9, 10]) {
  await server.clearRequests();
  const client = new EdgarClient({
    userAgent: USER_AGENT,
    baseUrls: server.baseUrls,
    cacheDir: false,
    maxRequestsPerSecond: cap,
    concurrency: 4,
  });
  await Promise.all(
    Array.from({ length: REQUESTS }, (_, i) => client.get(`${INDEX}?cap=${cap}&n=${i}`, 'www')),
  );
  const times = (await server.requests()).map((r) => r.time).sort((a, b) => a - b);
  const rate = ((times.length - 1) * 1000) / (times.at(-1)! - times[0]!);
  // windows [t, t + 1 s) starting at each request that hold more than the cap
  let overCap = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (j < times.length && times[j]! < times[i]! + 1000) j++;
    if (j - i > cap) overCap++;
  }
  rows.push(
    `| paced, cap ${cap}/s | ${times.length} | ${rate.toFixed(2)} req/s | ${((100 * rate) / cap).toFixed(1)}% | ` +
      `${maxPerSecondWindow(times)} | ${overCap} |`,
  );
}

// A realistic run: tickers, submissions, every fixture filing and company facts; then the rerun.
const dir = await mkdtemp(join(tmpdir(), 'fin-tabtext-bench-edgar-'));
try {
  const work = async (): Promise<{ ms: number; bytes: number; requests: number }> => {
    await server.clearRequests();
    const client = new EdgarClient({ userAgent: USER_AGENT, baseUrls: server.baseUrls, cacheDir: dir });
    const started = performance.now();
    let bytes = 0;
    const ciks = [...new Set(fixtureFilings().map((f) => f.cik))];
    const refs = await client.listFilings({ tickersOrCiks: ciks, formTypes: ['10-K', '10-Q'] });
    for (const ref of refs) bytes += (await client.fetchDocument(ref)).length;
    bytes += JSON.stringify(await client.companyFacts('SNOW')).length;
    return { ms: performance.now() - started, bytes, requests: (await server.requests()).length };
  };
  const cold = await work();
  const warm = await work();
  for (const [name, run] of [
    ['cold run (fills cache)', cold],
    ['cached rerun', warm],
  ] as const) {
    rows.push(
      `| ${name} | ${run.requests} | ${(run.ms / 1000).toFixed(2)} s | ${(run.bytes / 1e6 / (run.ms / 1000)).toFixed(1)} MB/s | - | - |`,
    );
  }
} finally {
  await rm(dir, { recursive: true, force: true });
  await server.close();
}

process.stdout.write(
  [
    `EDGAR client against the local test server in its own process (Node ${process.versions.node}, ${REQUESTS} paced requests per cap)`,
    `load average (1 min) before: ${loadBefore[0]!.toFixed(2)}, after: ${loadavg()[0]!.toFixed(2)}`,
    '',
    '| run | requests | rate / time | % of cap / throughput | max in any 1 s window | over-cap windows |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    '',
    `peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
    '',
  ].join('\n'),
);
