// `npm run bench -- bulk`: reading SEC bulk archives with flat memory. Writes a synthetic
// ~1 GB companyfacts.zip to a temporary folder (each entry a real company-facts file of
// test/fixtures plus ~1 MB of incompressible padding so the archive reaches its real size with
// ~1,100 entries), then reads it twice: every entry (inflate, CRC, JSON.parse each), and only 10
// companies (the others are skipped without inflating). Reports time, MB/s of the archive and
// RSS sampled through the run: flat memory means the last tenth's RSS is near the first tenth's.
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { readBulkArchive } from '../src/edgar/bulk.js';
import { compressEntry, createZipWriter } from '../test/support/zip.js';

const TARGET_BYTES = Number(process.env.BULK_BENCH_BYTES ?? 1024 ** 3);
const dir = await mkdtemp(join(tmpdir(), 'fin-tabtext-bulk-bench-'));
const zipPath = join(dir, 'companyfacts.zip');
try {
  const facts = JSON.parse(
    gunzipSync(
      await readFile(
        join(import.meta.dirname, '../test/fixtures/sec-json/companyfacts_CIK0001640147.json.gz'),
      ),
    ).toString(),
  );
  facts.padding = randomBytes(768 * 1024).toString('base64');
  const entry = compressEntry(Buffer.from(JSON.stringify(facts)));
  const writer = createZipWriter(zipPath);
  let count = 0;
  const t0 = performance.now();
  while ((count + 1) * entry.deflated.length < TARGET_BYTES) {
    await writer.addCompressed(`CIK${String(1_000_000 + count).padStart(10, '0')}.json`, entry);
    count += 1;
  }
  const size = await writer.close();
  process.stdout.write(
    `archive: ${(size / 1e6).toFixed(0)} MB, ${count} entries of ${(entry.size / 1e6).toFixed(2)} MB raw each (written in ${((performance.now() - t0) / 1000).toFixed(1)} s)\n`,
  );
  process.stdout.write(
    `load average before: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}\n\n`,
  );

  const run = async (label: string, ciks?: string[]): Promise<void> => {
    const samples: number[] = [];
    const cpu0 = process.cpuUsage();
    const w0 = performance.now();
    let n = 0;
    for await (const e of readBulkArchive(zipPath, ciks === undefined ? undefined : { ciks })) {
      if ((e.json as { entityName?: string }).entityName === undefined) throw new Error('bad entry');
      n += 1;
      if (n % 10 === 0) samples.push(process.memoryUsage().rss);
    }
    const wall = (performance.now() - w0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const cpuS = (cpu.user + cpu.system) / 1e6;
    const tenth = Math.max(1, Math.floor(samples.length / 10));
    const first = samples.slice(0, tenth);
    const last = samples.slice(-tenth);
    const mb = (v: number): string => `${(v / 2 ** 20).toFixed(0)} MiB`;
    const max = (xs: number[]): number => Math.max(...xs);
    process.stdout.write(
      `${label}: ${n} entries, wall ${wall.toFixed(2)} s (${(size / 1e6 / wall).toFixed(0)} MB/s of archive), CPU ${cpuS.toFixed(2)} s; ` +
        (samples.length > 0
          ? `RSS first tenth max ${mb(max(first))}, last tenth max ${mb(max(last))}, peak ${mb(max(samples))}\n`
          : `peak RSS ${mb(process.memoryUsage().rss)}\n`),
    );
  };
  await run('every entry');
  await run(
    '10 companies',
    Array.from({ length: 10 }, (_, i) => String(1_000_000 + Math.floor((i * count) / 10))),
  );
  process.stdout.write(
    `load average after: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}\n`,
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}
