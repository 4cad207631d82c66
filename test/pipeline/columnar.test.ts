import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { DuckDBInstance } from '@duckdb/node-api';
import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { pipelineColumns, writeRecords } from '../../src/index.js';
import { fixtureRow, fixtures } from './support.js';

// Real rows: a 10-K with inline XBRL, a 10-Q (Altman columns null), a 2002 plain-text 10-K (no XBRL).
const rows = fixtures('gme_10-K', 'gme_10-Q', 'ford_10-K').map(fixtureRow);
const columns = pipelineColumns();

async function duckdb(sql: string): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    return (await connection.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

describe('writeRecords to Parquet, read back by DuckDB', () => {
  it('keeps cik a zero-padded string, counts int32, scores float64 and every null', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ftt-parquet-'));
    const path = join(dir, 'tabtext.parquet');
    const result = await writeRecords(path, rows);
    expect(result).toMatchObject({ format: 'parquet', rows: 3, columns });

    const schema = await duckdb(`DESCRIBE SELECT * FROM read_parquet('${path}')`);
    const typeOf = Object.fromEntries(schema.map((c) => [c.column_name, c.column_type]));
    expect(Object.keys(typeOf)).toEqual(columns);
    expect(typeOf.cik).toBe('VARCHAR');
    expect(typeOf.accession_number).toBe('VARCHAR');
    expect(typeOf.filing_date).toBe('VARCHAR');
    expect(typeOf.word_count).toBe('INTEGER');
    expect(typeOf.mdna_chars).toBe('INTEGER');
    expect(typeOf.negative).toBe('DOUBLE');
    expect(typeOf.altman_z).toBe('DOUBLE');
    expect(typeOf.total_assets).toBe('DOUBLE');

    const back = await duckdb(`SELECT * FROM read_parquet('${path}')`);
    expect(back).toHaveLength(3);
    back.forEach((row, i) => {
      for (const column of columns) expect([column, row[column]]).toEqual([column, rows[i]![column]]);
    });
    expect(back[0]!.cik).toBe('0001326380');
    // The 10-Q has no Altman score and the Ford filing no inline XBRL: nulls, not zeros or NaN.
    expect(back[1]!.altman_z).toBeNull();
    expect(back[2]!.total_assets).toBeNull();
    const nulls = await duckdb(
      `SELECT count(*) FILTER (WHERE altman_z IS NULL)::INTEGER AS z, count(*) FILTER (WHERE report_date IS NULL)::INTEGER AS r FROM read_parquet('${path}')`,
    );
    expect(nulls[0]).toEqual({
      z: rows.filter((r) => r.altman_z === null).length,
      r: 3,
    });
  });

  it('writes Parquet to a stream with format given', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ftt-parquet-'));
    const stream = new PassThrough();
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    const result = await writeRecords(stream, rows, { format: 'parquet' });
    expect(result.rows).toBe(3);
    const path = join(dir, 'from-stream.parquet');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(path, Buffer.concat(chunks));
    const back = await duckdb(`SELECT cik, word_count FROM read_parquet('${path}')`);
    expect(back.map((r) => r.cik)).toEqual(rows.map((r) => r.cik));
  });
});

describe('writeRecords to Arrow IPC', () => {
  it('types every column (Utf8, never dictionary; Int32 counts; Float64 scores) and keeps nulls', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ftt-arrow-'));
    const path = join(dir, 'tabtext.arrow');
    const result = await writeRecords(path, rows);
    expect(result).toMatchObject({ format: 'arrow', rows: 3 });
    const table = tableFromIPC(readFileSync(path));
    expect(table.schema.fields.map((f) => f.name)).toEqual(columns);
    const typeOf = (name: string): string => String(table.schema.fields.find((f) => f.name === name)!.type);
    expect(typeOf('cik')).toBe('Utf8');
    expect(typeOf('company')).toBe('Utf8');
    expect(typeOf('word_count')).toBe('Int32');
    expect(typeOf('polarity')).toBe('Float64');
    const back = table.toArray().map((row) => row.toJSON());
    back.forEach((row, i) => {
      for (const column of columns) expect([column, row[column]]).toEqual([column, rows[i]![column]]);
    });
  });

  it('refuses a column that mixes types, naming the row and column', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ftt-arrow-'));
    await expect(writeRecords(join(dir, 'x.arrow'), [{ a: 1 }, { a: 'x' }])).rejects.toThrow(/rows\[1\]\.a/);
  });
});
