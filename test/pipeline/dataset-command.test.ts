import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { pipelineColumns } from '../../src/index.js';
import { capture } from '../support/cli.js';
import { type EdgarTestServer, startEdgarServer } from '../support/edgar-server.js';

let server: EdgarTestServer;
beforeAll(async () => {
  server = await startEdgarServer();
});
afterAll(() => server.close());

describe('fin-tabtext dataset against the local SEC server', () => {
  it('writes a Parquet file DuckDB reads, with every pipeline column, and resumes from the cache', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ftt-dataset-'));
    const env = {
      FIN_TABTEXT_SEC_WWW_URL: server.baseUrls.www,
      FIN_TABTEXT_SEC_DATA_URL: server.baseUrls.data,
    };
    const args = [
      'dataset',
      '--ciks',
      '1326380,37996',
      '--forms',
      '10-K,10-Q',
      '--from',
      '2000-01-01',
      '--to',
      '2025-12-31',
      '--user-agent',
      'fin-tabtext tests tests@example.com',
      '--cache-dir',
      'cache',
      '--workers',
      '1',
      '--out',
      'out/tabtext.parquet',
    ];
    const first = capture(dir, env);
    expect(await runCli(args, first.io)).toBe(0);
    expect(first.out()).toBe('');
    expect(first.err()).toMatch(/dataset: wrote 3 rows \(0 failed\)/);

    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const path = join(dir, 'out', 'tabtext.parquet');
    const schema = (
      await connection.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${path}')`)
    ).getRowObjectsJS();
    expect(schema.map((c) => c.column_name)).toEqual(pipelineColumns());
    expect(Object.fromEntries(schema.map((c) => [c.column_name, c.column_type]))).toMatchObject({
      cik: 'VARCHAR',
      word_count: 'INTEGER',
      readability: 'DOUBLE',
      altman_z: 'DOUBLE',
    });
    const rows = (
      await connection.runAndReadAll(
        `SELECT cik, form_type, mdna_status, altman_zone FROM read_parquet('${path}') ORDER BY accession_number`,
      )
    ).getRowObjectsJS();
    expect(rows).toEqual([
      { cik: '0000037996', form_type: '10-K', mdna_status: 'found', altman_zone: null },
      { cik: '0001326380', form_type: '10-Q', mdna_status: 'found', altman_zone: null },
      { cik: '0001326380', form_type: '10-K', mdna_status: 'found', altman_zone: 'safe' },
    ]);
    connection.closeSync();
    instance.closeSync();

    // A second run is served from the cache: no filing document is requested again.
    server.clearRequests();
    const second = capture(dir, env);
    expect(await runCli([...args.slice(0, -1), 'out/again.parquet'], second.io)).toBe(0);
    expect(server.requests.filter((r) => r.path.startsWith('/Archives/'))).toEqual([]);
  }, 120_000);

  it('writes Parquet to stdout with --out - (a real process, binary stdout)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ftt-dataset-'));
    const cli = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        cli,
        'dataset',
        '--ciks',
        '1326380',
        '--forms',
        '10-K',
        '--from',
        '2024-01-01',
        '--to',
        '2024-12-31',
        '--user-agent',
        'fin-tabtext tests tests@example.com',
        '--cache-dir',
        join(dir, 'cache'),
        '--workers',
        '0',
        '--out',
        '-',
      ],
      {
        env: {
          ...process.env,
          FIN_TABTEXT_SEC_WWW_URL: server.baseUrls.www,
          FIN_TABTEXT_SEC_DATA_URL: server.baseUrls.data,
        },
      },
    );
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += String(chunk);
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect([code, stderr]).toEqual([0, expect.stringMatching(/wrote 1 rows \(0 failed\) to stdout/)]);
    const path = join(dir, 'stdout.parquet');
    writeFileSync(path, Buffer.concat(chunks));
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const rows = (
      await connection.runAndReadAll(`SELECT cik, altman_zone FROM read_parquet('${path}')`)
    ).getRowObjectsJS();
    connection.closeSync();
    instance.closeSync();
    expect(rows).toEqual([{ cik: '0001326380', altman_zone: 'safe' }]);
  }, 120_000);

  it('refuses an output it cannot type with a usage error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ftt-dataset-'));
    const { io, err } = capture(dir);
    expect(
      await runCli(['dataset', '--ciks', '1326380', '--user-agent', 'a b@c.d', '--out', 'x.xlsx'], io),
    ).toBe(2);
    expect(err()).toMatch(/--out must end in \.parquet/);
  });
});
