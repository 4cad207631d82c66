import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors/index.js';
import { applyNormalization, type NormalizationParams, normalizeColumns } from '../../src/records/index.js';
import { fordParagraphs } from './support.js';

/** Per-paragraph numbers of Ford's 10-K: characters, words, dollar figures (null when none). */
function paragraphRows(): {
  paragraph: number;
  chars: number;
  words: number;
  dollars: number | null;
  constant: number;
}[] {
  return fordParagraphs().map((text, paragraph) => {
    const dollars = (text.match(/\$/g) ?? []).length;
    return {
      paragraph,
      chars: text.length,
      words: text.split(/\s+/).length,
      dollars: dollars === 0 ? null : dollars,
      constant: 0.1,
    };
  });
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const std = (xs: number[]) => Math.sqrt(mean(xs.map((x) => (x - mean(xs)) ** 2)));

describe('normalizeColumns', () => {
  it('z-scores real columns to mean 0 and population sd 1, leaving nulls and other columns alone', () => {
    const rows = paragraphRows();
    const before = structuredClone(rows);
    const { rows: out, params } = normalizeColumns(rows, ['chars', 'words', 'dollars']);
    expect(rows).toEqual(before);
    expect(params.method).toBe('zscore');
    for (const column of ['chars', 'words', 'dollars'] as const) {
      const raw = rows.map((r) => r[column]).filter((x): x is number => x !== null);
      const z = out.map((r) => r[column]).filter((x): x is number => x !== null);
      expect(z).toHaveLength(raw.length);
      expect(params.columns[column]).toEqual({ count: raw.length, center: mean(raw), scale: std(raw) });
      expect(Math.abs(mean(z))).toBeLessThan(1e-12);
      expect(std(z)).toBeCloseTo(1, 12);
    }
    const nullRows = rows.flatMap((r, i) => (r.dollars === null ? [i] : []));
    expect(nullRows.length).toBeGreaterThan(10);
    for (const i of nullRows) expect(out[i]!.dollars).toBeNull();
    out.forEach((row, i) => {
      expect(Object.keys(row)).toEqual(Object.keys(rows[i]!));
      expect(row.paragraph).toBe(i);
    });
  });

  it('min-max scales the training rows into [0, 1]', () => {
    const { rows: out, params } = normalizeColumns(paragraphRows(), ['chars'], { method: 'minmax' });
    const values = out.map((r) => r.chars as number);
    expect(Math.min(...values)).toBe(0);
    expect(Math.max(...values)).toBe(1);
    expect(params.columns.chars!.center).toBe(Math.min(...paragraphRows().map((r) => r.chars)));
  });

  it('maps a constant column to 0 instead of dividing rounding noise, and an empty column to null', () => {
    const rows = paragraphRows().map((r) => ({ ...r, empty: null }));
    const z = normalizeColumns(rows, ['constant', 'empty']);
    expect(z.rows.every((r) => r.constant === 0 && r.empty === null)).toBe(true);
    expect(z.params.columns.constant!.scale).toBe(1);
    expect(z.params.columns.empty).toEqual({ count: 0, center: null, scale: null });
    expect(applyNormalization([{ constant: 0.35, empty: 4 }], z.params)[0]!.constant).toBeCloseTo(0.25, 12);
    const m = normalizeColumns(rows, ['constant'], { method: 'minmax' });
    expect(m.rows.every((r) => r.constant === 0)).toBe(true);
  });

  it('accepts numeric strings as read from CSV, and NaN and infinities as missing', () => {
    const cells = [{ x: '1' }, { x: ' 3.0 ' }, { x: '' }, { x: Number.NaN }, { x: '5e0' }, { x: -Infinity }];
    const { rows } = normalizeColumns(cells, ['x']);
    expect(rows.map((r) => r.x)).toEqual([-Math.sqrt(1.5), 0, null, null, Math.sqrt(1.5), null]);
  });
});

describe('applyNormalization', () => {
  it('applies training parameters to test rows without refitting (no leakage)', () => {
    const all = paragraphRows();
    const train = all.slice(0, Math.floor(all.length * 0.7));
    const test = all.slice(train.length);
    const fitted = normalizeColumns(train, ['chars', 'words']);
    expect(applyNormalization(train, fitted.params)).toEqual(fitted.rows);
    const applied = applyNormalization(test, fitted.params);
    const trainChars = train.map((r) => r.chars);
    applied.forEach((row, i) => {
      expect(row.chars).toBeCloseTo((test[i]!.chars - mean(trainChars)) / std(trainChars), 12);
    });
    const refit = normalizeColumns(test, ['chars', 'words']);
    expect(applied).not.toEqual(refit.rows);
  });

  it('works with parameters read back from JSON', () => {
    const rows = paragraphRows();
    const { params } = normalizeColumns(rows, ['words'], { method: 'minmax' });
    const restored = JSON.parse(JSON.stringify(params)) as NormalizationParams;
    expect(applyNormalization(rows, restored)).toEqual(
      normalizeColumns(rows, ['words'], { method: 'minmax' }).rows,
    );
  });

  it('names bad arguments', () => {
    const rows = paragraphRows();
    const { params } = normalizeColumns(rows, ['chars']);
    expect(() => normalizeColumns(rows, ['chars'], { method: 'robust' as 'zscore' })).toThrow(
      /options\.method/,
    );
    expect(() => normalizeColumns(rows, ['revenue'])).toThrow(/no row has the column "revenue"/);
    expect(() => normalizeColumns(rows, [])).toThrow(InvalidArgumentError);
    expect(() => normalizeColumns([{ x: 1 }, { x: 'ten' }], ['x'])).toThrow(
      /rows\[1\]\.x must be a finite number/,
    );
    expect(() => normalizeColumns([{ x: true }], ['x'])).toThrow(/rows\[0\]\.x/);
    expect(() => applyNormalization(rows, { method: 'zscore' } as NormalizationParams)).toThrow(
      /params\.columns/,
    );
    expect(() =>
      applyNormalization(rows, { method: 'zscore', columns: { chars: { count: 1, center: 1, scale: 0 } } }),
    ).toThrow(/scale > 0/);
    expect(() => applyNormalization([{ words: 1 }], params)).toThrow(/no row has the column "chars"/);
  });
});
