import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors/index.js';
import { summarizeColumn, summarizeJaccard, summarizeKMedoids } from '../../src/summarize/index.js';
import { fordMdna } from './support.js';

describe('summarizeColumn', () => {
  const mdna = fordMdna();
  const half = mdna.slice(0, Math.floor(mdna.length / 2));
  const rows = [
    { cik: '0000037996', form: '10-K', mdna, filed: '2002-03-28' },
    { cik: '0000037996', form: '10-K', mdna: null, filed: '2001-03-30' },
    { cik: '0000037996', form: '10-K', mdna: half, filed: '2000-03-30' },
  ];

  it('adds the summary right after the text column, leaving the input rows unchanged', () => {
    const before = JSON.stringify(rows);
    const out = summarizeColumn(rows, { textColumn: 'mdna', summarySize: 3 });
    expect(JSON.stringify(rows)).toBe(before);
    expect(out.map((r) => Object.keys(r))).toEqual(
      rows.map(() => ['cik', 'form', 'mdna', 'summary', 'filed']),
    );
    expect(out[0]!.summary).toBe(summarizeJaccard(mdna, { summarySize: 3 }).summary);
    expect(out[1]!.summary).toBeNull();
    expect(out[2]!.summary).toBe(summarizeJaccard(half, { summarySize: 3 }).summary);
  });

  it('runs k-medoids with its options into a named column, reporting progress', () => {
    const progress: [number, number][] = [];
    const out = summarizeColumn(rows, {
      textColumn: 'mdna',
      outputColumn: 'mdna_summary',
      method: 'kmedoids',
      summarySize: 4,
      seed: 7,
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(Object.keys(out[0]!)).toEqual(['cik', 'form', 'mdna', 'mdna_summary', 'filed']);
    expect(out[0]!.mdna_summary).toBe(summarizeKMedoids(mdna, { summarySize: 4, seed: 7 }).summary);
    expect(progress).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
  });

  it('moves an existing output column next to the text column', () => {
    const out = summarizeColumn([{ summary: 'old', mdna: 'Sales rose. Costs fell.', id: 1 }], {
      textColumn: 'mdna',
      summarySize: 1,
    });
    expect(Object.keys(out[0]!)).toEqual(['mdna', 'summary', 'id']);
    expect(out[0]!.summary).toBe('Sales rose.');
  });

  it('stops when the signal is aborted', () => {
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    expect(() =>
      summarizeColumn(rows, { textColumn: 'mdna', summarySize: 1, signal: controller.signal }),
    ).toThrow('stop');
  });

  it('validates options before touching any row', () => {
    expect(() => summarizeColumn([], { textColumn: 'mdna' } as never)).toThrow(InvalidArgumentError);
    expect(() => summarizeColumn(rows, { textColumn: 'text', summarySize: 1 })).toThrow(
      /has no column 'text'/,
    );
    expect(() =>
      summarizeColumn(rows, { method: 'lsa', textColumn: 'mdna', summarySize: 1 } as never),
    ).toThrow(/must be one of 'jaccard', 'kmedoids', got 'lsa'/);
    expect(() => summarizeColumn('rows' as never, { textColumn: 'mdna', summarySize: 1 })).toThrow(
      InvalidArgumentError,
    );
  });
});
