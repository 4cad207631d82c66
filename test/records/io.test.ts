import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors/index.js';
import {
  detectRecordFormat,
  normalizeCik,
  RecordsFormatError,
  readRecords,
  writeRecords,
} from '../../src/records/index.js';
import { collect, fordParagraphs, manifestFilings, tempDir } from './support.js';

/** Rows of real Ford MD&A paragraphs (quotes, commas, line breaks), a 1 MB cell, null and ''. */
function textRows(): Record<string, string | null>[] {
  const paragraphs = fordParagraphs();
  const quoted = paragraphs.filter((p) => p.includes('"'));
  expect(quoted.length).toBeGreaterThan(5);
  let big = '';
  for (let i = 0; big.length < 1_048_576; i++) big += `${paragraphs[i % paragraphs.length]}\r\n\n`;
  const rows: Record<string, string | null>[] = [...quoted.slice(0, 20), ...paragraphs.slice(0, 40)].map(
    (text, i) => ({
      cik: normalizeCik(37996),
      paragraph: String(i),
      text,
      note: i % 3 === 0 ? null : i % 3 === 1 ? '' : ' padded, "quoted" ',
    }),
  );
  rows.push({ cik: '0000037996', paragraph: 'all', text: big, note: 'x'.repeat(10) });
  return rows;
}

describe('writeRecords and readRecords', () => {
  it.each(['rows.csv', 'rows.jsonl', 'rows.ndjson', 'rows.csv.gz', 'rows.jsonl.gz'])(
    'round-trip real text with quotes, line breaks, a 1 MB cell, null and empty strings (%s)',
    async (name) => {
      const dir = await tempDir();
      const path = join(dir, name);
      const rows = textRows();
      expect(rows.at(-1)!.text!.length).toBeGreaterThanOrEqual(1_048_576);
      const result = await writeRecords(path, rows);
      expect(result).toMatchObject({
        path,
        rows: rows.length,
        columns: ['cik', 'paragraph', 'text', 'note'],
      });
      const back = await collect(readRecords(path));
      expect(back).toEqual(rows);
      expect(await readdir(dir)).toEqual([name]);
    },
  );

  it('round-trips numbers and booleans exactly through JSONL and as text (or cast) through CSV', async () => {
    const dir = await tempDir();
    const rows = manifestFilings().map((f, i) => ({
      cik: normalizeCik(f.cik),
      date: f.date,
      words: f.company.length * 1000 + i,
      share: i / 7,
      tiny: -1.5e-12 * (i + 1),
      annual: f.form === '10-K',
      missing: i % 2 === 0 ? Number.NaN : undefined,
    }));
    const expected = rows.map((r) => ({ ...r, missing: null }));
    await writeRecords(join(dir, 'n.jsonl'), rows);
    expect(await collect(readRecords(join(dir, 'n.jsonl')))).toEqual(expected);

    await writeRecords(join(dir, 'n.csv'), rows);
    const asText = await collect(readRecords(join(dir, 'n.csv')));
    expect(asText[1]).toEqual({
      cik: rows[1]!.cik,
      date: rows[1]!.date,
      words: String(rows[1]!.words),
      share: String(rows[1]!.share),
      tiny: String(rows[1]!.tiny),
      annual: String(rows[1]!.annual),
      missing: null,
    });
    const cast = await collect(readRecords(join(dir, 'n.csv'), { castNumbers: true }));
    // Zero-padded CIKs and dates stay strings; numbers come back bit-for-bit.
    expect(cast).toEqual(expected.map((r) => ({ ...r, annual: String(r.annual) })));
  });

  it('reads streams, a byte order mark and CRLF line ends', async () => {
    const csv = '\uFEFFcik,text\r\n0000037996,"line one\r\nline two"\r\n0000320193,""\r\n0000354950,\r\n';
    const rows = await collect(readRecords(Readable.from([Buffer.from(csv)]), { format: 'csv' }));
    expect(rows).toEqual([
      { cik: '0000037996', text: 'line one\r\nline two' },
      { cik: '0000320193', text: '' },
      { cik: '0000354950', text: null },
    ]);
    const jsonl = '\uFEFF{"a":1}\r\n\n{"a":"two\\nlines"}';
    expect(await collect(readRecords(Readable.from([jsonl]), { format: 'jsonl' }))).toEqual([
      { a: 1 },
      { a: 'two\nlines' },
    ]);
  });

  it('writes the explicit columns, a header for no rows, and drops other keys', async () => {
    const dir = await tempDir();
    await writeRecords(join(dir, 'empty.csv'), [], { columns: ['cik', 'text'] });
    expect(await readFile(join(dir, 'empty.csv'), 'utf8')).toBe('cik,text\n');
    await writeRecords(join(dir, 'pick.jsonl'), [{ text: 'a', cik: '1', extra: 2 }], {
      columns: ['cik', 'text'],
    });
    expect(await readFile(join(dir, 'pick.jsonl'), 'utf8')).toBe('{"cik":"1","text":"a"}\n');
    const none = await writeRecords(join(dir, 'none.jsonl'), (async function* () {})());
    expect(none.rows).toBe(0);
    expect(await readFile(join(dir, 'none.jsonl'), 'utf8')).toBe('');
  });

  it('never leaves a half-written output: a failing row keeps the old file and removes the temp file', async () => {
    const dir = await tempDir();
    const path = join(dir, 'out.csv');
    await writeFile(path, 'previous,content\n');
    const paragraphs = fordParagraphs();
    async function* rows() {
      for (let i = 0; i < 5000; i++) {
        yield i === 4000
          ? { cik: '1', text: paragraphs[0], extra: 1 }
          : { cik: '1', text: paragraphs[i % 50] };
      }
    }
    const error = await writeRecords(path, rows()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect((error as InvalidArgumentError).field).toBe('rows[4000].extra');
    expect(await readFile(path, 'utf8')).toBe('previous,content\n');
    expect(await readdir(dir)).toEqual(['out.csv']);
  });

  it('stops on abort without leaving an output', async () => {
    const dir = await tempDir();
    const controller = new AbortController();
    async function* rows() {
      for (let i = 0; i < 10_000; i++) {
        if (i === 100) controller.abort(new Error('stop here'));
        yield { i };
      }
    }
    await expect(writeRecords(join(dir, 'a.jsonl'), rows(), { signal: controller.signal })).rejects.toThrow(
      'stop here',
    );
    expect(await readdir(dir)).toEqual([]);
    const reading = collect(
      readRecords(join(dir, 'a.jsonl'), { signal: AbortSignal.abort(new Error('no read')) }),
    );
    await expect(reading).rejects.toThrow('no read');
  });

  it('reports malformed input with its line', async () => {
    const bad = async (text: string, format: 'csv' | 'jsonl') =>
      collect(readRecords(Readable.from([text]), { format })).catch((e: unknown) => e as RecordsFormatError);
    const ragged = await bad('a,b\n1,2\n3\n', 'csv');
    expect(ragged).toBeInstanceOf(RecordsFormatError);
    expect((ragged as RecordsFormatError).line).toBe(3);
    const dup = await bad('a,a\n1,2\n', 'csv');
    expect((dup as RecordsFormatError).message).toMatch(/repeats the column "a"/);
    const unclosed = await bad('a,b\n1,"never closed\n', 'csv');
    expect(unclosed).toBeInstanceOf(RecordsFormatError);
    const json = await bad('{"a":1}\n{"a":\n', 'jsonl');
    expect((json as RecordsFormatError).line).toBe(2);
    const array = await bad('[1,2]\n', 'jsonl');
    expect((array as RecordsFormatError).message).toMatch(/line 1 must hold a JSON object, got array/);
  });

  it('names bad arguments and surfaces a missing file', async () => {
    expect(detectRecordFormat('a.NDJSON')).toBe('jsonl');
    expect(detectRecordFormat('a.tsv')).toBeUndefined();
    expect(() => readRecords('filings.tsv')).toThrow(/options\.format/);
    expect(() => readRecords(Readable.from(['a']))).toThrow(
      /options\.format is required when reading a stream/,
    );
    expect(() => readRecords('a.csv', { format: 'xlsx' as 'csv' })).toThrow(
      /must be 'csv' or 'jsonl', got "xlsx"/,
    );
    expect(() => readRecords(42 as unknown as string)).toThrow(InvalidArgumentError);
    await expect(writeRecords('out.txt', [])).rejects.toThrow(/options\.format/);
    await expect(writeRecords('out.csv', 'rows' as unknown as [])).rejects.toThrow(/rows/);
    await expect(writeRecords('out.csv', [], { columns: ['a', 'a'] })).rejects.toThrow(/options\.columns/);
    const dir = await tempDir();
    await expect(writeRecords(join(dir, 'n.csv'), [{ meta: { a: 1 } }])).rejects.toThrow(/rows\[0\]\.meta/);
    expect(existsSync(join(dir, 'n.csv'))).toBe(false);
    await expect(collect(readRecords(join(dir, 'missing.csv')))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
