import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors/index.js';
import {
  readRecords,
  SCORE_COLUMNS,
  type ScoreFileProgress,
  scoreFile,
  scoreRecords,
  writeRecords,
} from '../../src/records/index.js';
import { SCORE_ATTRIBUTES, scoreText } from '../../src/score/index.js';
import { collect, fordParagraphs, manifestFilings, tempDir } from './support.js';

/** Rows of Ford's 10-K paragraphs, one without text, as a user's CSV would hold them. */
function paragraphRows(count = 40): Record<string, string | null>[] {
  const rows: Record<string, string | null>[] = fordParagraphs()
    .slice(0, count)
    .map((text, i) => ({ cik: '0000037996', paragraph: String(i), mdna: text }));
  rows.splice(3, 0, { cik: '0000037996', paragraph: 'blank', mdna: null });
  return rows;
}

/** A scored row as read back from CSV: numbers as their shortest text, null as null. */
function asCsvText(row: Record<string, unknown>): Record<string, string | null> {
  return Object.fromEntries(
    Object.entries(row).map(([k, v]) => [
      k,
      v === null ? null : typeof v === 'number' ? String(v) : (v as string),
    ]),
  );
}

describe('SCORE_COLUMNS', () => {
  it('lists the counts then the 11 attributes, as scoreText returns them', () => {
    expect(SCORE_COLUMNS).toEqual(['word_count', 'sentence_count', ...SCORE_ATTRIBUTES]);
    expect(SCORE_COLUMNS).toHaveLength(13);
    expect(Object.keys(scoreText(fordParagraphs()[0]!))).toEqual(SCORE_COLUMNS);
  });
});

describe('scoreRecords', () => {
  it('adds the scoreText columns after the input columns on every row', () => {
    const rows = paragraphRows();
    const before = structuredClone(rows);
    const scored = scoreRecords(rows, { textColumn: 'mdna' });
    expect(rows).toEqual(before);
    expect(scored).toHaveLength(rows.length);
    scored.forEach((row, i) => {
      expect(Object.keys(row)).toEqual(['cik', 'paragraph', 'mdna', ...SCORE_COLUMNS]);
      const expected = scoreText(rows[i]!.mdna ?? '');
      for (const column of SCORE_COLUMNS) expect(row[column]).toBe(expected[column as keyof typeof expected]);
    });
    const blank = scored[3]!;
    expect(blank.word_count).toBe(0);
    expect(blank.negative).toBeNull();
    expect(scored.filter((r) => (r.word_count as number) > 0)).toHaveLength(rows.length - 1);
    expect(scored.some((r) => (r.negative as number) > 0)).toBe(true);
  });

  it('passes score options through and prefixes columns', () => {
    const rows = paragraphRows(10);
    const scored = scoreRecords(rows, {
      textColumn: 'mdna',
      prefix: 'mdna_',
      attributes: ['negative', 'readability'],
      wordLists: { vehicles: ['vehicle', 'vehicles', 'truck', 'trucks'] },
    });
    expect(Object.keys(scored[0]!)).toEqual([
      'cik',
      'paragraph',
      'mdna',
      'mdna_word_count',
      'mdna_sentence_count',
      'mdna_negative',
      'mdna_readability',
      'mdna_vehicles',
    ]);
    expect(scored.some((r) => (r.mdna_vehicles as number) > 0)).toBe(true);
  });

  it('scores with an injected scorer, passing its options', () => {
    const seen: unknown[] = [];
    const scored = scoreRecords([{ id: 1, body: 'Net sales rose.' }, { id: 2 }], {
      textColumn: 'body',
      scorer: (text, options) => {
        seen.push(options);
        return { chars: text.length, ratio: text.length === 0 ? Number.NaN : 1 };
      },
      fogMode: 'gunning',
    });
    expect(scored).toEqual([
      { id: 1, body: 'Net sales rose.', chars: 15, ratio: 1 },
      { id: 2, body: null, chars: 0, ratio: null },
    ]);
    expect(seen.every((o) => (o as { fogMode: string }).fogMode === 'gunning')).toBe(true);
  });

  it('names bad arguments', () => {
    const rows = paragraphRows(3);
    const field = (call: () => unknown): string => {
      try {
        call();
      } catch (error) {
        expect(error).toBeInstanceOf(InvalidArgumentError);
        return (error as InvalidArgumentError).field;
      }
      throw new Error('expected an InvalidArgumentError');
    };
    expect(field(() => scoreRecords(rows, { textColumn: 'text' }))).toBe('options.textColumn');
    expect(field(() => scoreRecords(rows, {} as { textColumn: string }))).toBe('options.textColumn');
    expect(
      field(() => scoreRecords(rows, { textColumn: 'mdna', fogmode: 'x' } as { textColumn: string })),
    ).toBe('options.fogmode');
    expect(field(() => scoreRecords([{ mdna: 'a', polarity: 1 }], { textColumn: 'mdna' }))).toBe(
      'options.prefix',
    );
    expect(field(() => scoreRecords([{ mdna: 'a' }, { mdna: 7 }], { textColumn: 'mdna' }))).toBe(
      'rows[1].mdna',
    );
    expect(field(() => scoreRecords(rows, { textColumn: 'mdna', fogMode: 'fast' as 'gunning' }))).toBe(
      'options.fogMode',
    );
    expect(field(() => scoreRecords(rows, { textColumn: 'mdna', scorer: 'scoreText' as never }))).toBe(
      'options.scorer',
    );
    expect(scoreRecords([], { textColumn: 'mdna' })).toEqual([]);
  });
});

describe('scoreFile', () => {
  it('scores a CSV of real paragraphs into CSV and JSONL, matching scoreRecords', async () => {
    const dir = await tempDir();
    const input = join(dir, 'mdna.csv');
    const rows = paragraphRows();
    await writeRecords(input, rows);
    const expected = scoreRecords(rows, { textColumn: 'mdna' });
    const progress: ScoreFileProgress[] = [];
    const result = await scoreFile(input, join(dir, 'scores.csv'), {
      textColumn: 'mdna',
      progressEvery: 10,
      onProgress: (p) => progress.push(p),
    });
    expect(result).toEqual({
      path: join(dir, 'scores.csv'),
      columns: ['cik', 'paragraph', 'mdna', ...SCORE_COLUMNS],
      rows: rows.length,
    });
    expect(await collect(readRecords(join(dir, 'scores.csv')))).toEqual(expected.map(asCsvText));
    const size = (await stat(input)).size;
    expect(progress.map((p) => p.rows)).toEqual([10, 20, 30, 40, 41]);
    expect(progress.at(-1)).toEqual({ rows: 41, bytesRead: size, totalBytes: size });
    expect(progress.every((p, i) => i === 0 || p.bytesRead >= progress[i - 1]!.bytesRead)).toBe(true);

    await scoreFile(input, join(dir, 'scores.jsonl'), { textColumn: 'mdna' });
    const jsonl = await collect(readRecords(join(dir, 'scores.jsonl')));
    // CSV cells are text, so the input columns stay strings; the scores are numbers.
    expect(jsonl).toEqual(expected);
  });

  it('scores JSONL (gzip) in and out with prefixed columns', async () => {
    const dir = await tempDir();
    const filings = manifestFilings().slice(0, 5);
    const paragraphs = fordParagraphs();
    const rows = filings.map((f, i) => ({
      cik: f.cik,
      form: f.form,
      text: paragraphs[i * 7]!,
      year: Number(f.date.slice(0, 4)),
    }));
    await writeRecords(join(dir, 'in.jsonl.gz'), rows);
    const result = await scoreFile(join(dir, 'in.jsonl.gz'), join(dir, 'out.ndjson'), {
      textColumn: 'text',
      prefix: 'text_',
      attributes: ['polarity'],
    });
    expect(result.columns).toEqual([
      'cik',
      'form',
      'text',
      'year',
      'text_word_count',
      'text_sentence_count',
      'text_polarity',
    ]);
    expect(await collect(readRecords(join(dir, 'out.ndjson')))).toEqual(
      scoreRecords(rows, { textColumn: 'text', prefix: 'text_', attributes: ['polarity'] }),
    );
  });

  it('writes a header for a CSV with no rows', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'empty.csv'), 'cik,mdna\n');
    const result = await scoreFile(join(dir, 'empty.csv'), join(dir, 'out.csv'), { textColumn: 'mdna' });
    expect(result.rows).toBe(0);
    expect(await readFile(join(dir, 'out.csv'), 'utf8')).toBe(`cik,mdna,${SCORE_COLUMNS.join(',')}\n`);
  });

  it('leaves no output for a missing column, a missing input or an abort', async () => {
    const dir = await tempDir();
    const input = join(dir, 'in.csv');
    await writeRecords(input, paragraphRows());
    const wrong = await scoreFile(input, join(dir, 'out.csv'), { textColumn: 'text' }).catch(
      (e: unknown) => e,
    );
    expect(wrong).toBeInstanceOf(InvalidArgumentError);
    expect((wrong as InvalidArgumentError).message).toMatch(
      /no column "text"; its columns are cik, paragraph, mdna/,
    );
    await expect(
      scoreFile(join(dir, 'nope.csv'), join(dir, 'out.csv'), { textColumn: 'mdna' }),
    ).rejects.toMatchObject({
      code: 'ENOENT',
    });
    const controller = new AbortController();
    const aborted = scoreFile(input, join(dir, 'out.csv'), {
      textColumn: 'mdna',
      progressEvery: 5,
      signal: controller.signal,
      onProgress: ({ rows }) => {
        if (rows === 20) controller.abort(new Error('user stopped'));
      },
    });
    await expect(aborted).rejects.toThrow('user stopped');
    expect(await readdir(dir)).toEqual(['in.csv']);
    // The output path is a folder: the final rename fails and the temporary file is removed.
    await mkdir(join(dir, 'taken.csv'));
    await expect(scoreFile(input, join(dir, 'taken.csv'), { textColumn: 'mdna' })).rejects.toThrow();
    expect((await readdir(dir)).sort()).toEqual(['in.csv', 'taken.csv']);
    expect(existsSync(join(dir, 'out.csv'))).toBe(false);
  });

  it('names bad arguments before touching the disk', async () => {
    await expect(scoreFile('in.csv', 'out.xlsx', { textColumn: 'mdna' })).rejects.toThrow(/options\.format/);
    await expect(scoreFile('in.csv', 'out.csv', { textColumn: 'mdna', progressEvery: 0 })).rejects.toThrow(
      /options\.progressEvery/,
    );
    await expect(scoreFile('in.csv', 'out.csv', { textColumn: '' })).rejects.toThrow(/options\.textColumn/);
  });
});
