import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors/index.js';
import { buildTabText, dateBucket, normalizeCik } from '../../src/records/index.js';
import { manifestFilings } from './support.js';

const DAY = 86_400_000;
const iso = (time: number): string => new Date(time).toISOString().slice(0, 10);

/** Week 1 of ISO year `year` starts on the Monday of the week holding 4 January. */
function isoWeekOneStart(year: number): number {
  const jan4 = Date.UTC(year, 0, 4);
  const weekday = (new Date(jan4).getUTCDay() + 6) % 7; // Monday 0
  return jan4 - weekday * DAY;
}

/** An independent ISO week: find the ISO year whose week 1 starts on or before the date. */
function referenceWeek(time: number): string {
  let year = new Date(time).getUTCFullYear() + 1;
  while (isoWeekOneStart(year) > time) year--;
  const week = Math.floor((time - isoWeekOneStart(year)) / (7 * DAY)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

function deepFreeze<T>(rows: T[]): T[] {
  for (const row of rows) Object.freeze(row);
  return Object.freeze(rows) as T[];
}

/** Text rows: one per manifest filing, with a number derived from the filing. */
function filingRows() {
  return manifestFilings().map((f) => ({
    cik: normalizeCik(f.cik),
    filing_date: f.date,
    form: f.form,
    company: f.company,
    name_length: f.company.length,
  }));
}

describe('dateBucket', () => {
  it('labels ISO weeks correctly at year ends', () => {
    expect(dateBucket('2024-12-30', 'week')).toBe('2025-W01');
    expect(dateBucket('2021-01-03', 'week')).toBe('2020-W53');
    expect(dateBucket('2021-01-04', 'week')).toBe('2021-W01');
    expect(dateBucket('2020-12-31', 'week')).toBe('2020-W53');
    expect(dateBucket('2016-01-03', 'week')).toBe('2015-W53');
    expect(dateBucket('2019-12-30', 'week')).toBe('2020-W01');
    // Southwest Iowa Renewable Energy signed its 10-K on Monday 2008-12-29: ISO week 1 of 2009.
    expect(dateBucket('2008-12-29', 'week')).toBe('2009-W01');
  });

  it('agrees with an independent ISO-week computation on every day from 1999 to 2031', () => {
    for (let t = Date.UTC(1999, 0, 1); t <= Date.UTC(2031, 11, 31); t += DAY) {
      expect(dateBucket(iso(t), 'week')).toBe(referenceWeek(t));
    }
  });

  it('labels days, months, quarters and years', () => {
    expect(['day', 'month', 'quarter', 'year'].map((b) => dateBucket('2002-03-28', b as 'day'))).toEqual([
      '2002-03-28',
      '2002-03',
      '2002-Q1',
      '2002',
    ]);
    expect(dateBucket('2023-10-01', 'quarter')).toBe('2023-Q4');
    expect(() => dateBucket('2002-03-28', 'decade' as 'day')).toThrow(/bucket must be one of/);
  });
});

describe('buildTabText asof', () => {
  it('picks the latest filing on or before each tabular date, as a brute-force scan does', () => {
    const texts = filingRows();
    const ciks = [...new Set(texts.map((t) => t.cik))];
    const tabular: { cik: string | null; date: string; close: number }[] = [];
    for (const cik of ciks) {
      for (let t = Date.UTC(2001, 0, 5); t <= Date.UTC(2025, 11, 31); t += 29 * DAY) {
        tabular.push({ cik, date: iso(t), close: tabular.length });
      }
    }
    const table = buildTabText(texts, tabular, {
      on: 'cik',
      dateColumns: { text: 'filing_date', tabular: 'date' },
    });
    expect(table).toHaveLength(tabular.length);
    const columns = ['cik', 'date', 'close', 'filing_date', 'form', 'company', 'name_length'];
    let matched = 0;
    table.forEach((row, i) => {
      expect(Object.keys(row)).toEqual(columns);
      const tab = tabular[i]!;
      let best: (typeof texts)[number] | undefined;
      for (const text of texts) {
        if (
          text.cik === tab.cik &&
          text.filing_date <= tab.date &&
          (!best || text.filing_date >= best.filing_date)
        )
          best = text;
      }
      expect(row.filing_date).toBe(best?.filing_date ?? null);
      expect(row.form).toBe(best?.form ?? null);
      if (best) matched++;
    });
    expect(matched).toBeGreaterThan(100);
    expect(matched).toBeLessThan(table.length);
  });

  it("matches Texas Instruments' 10-Q and 10-K by date, inclusively, with an optional age limit", () => {
    const texts = filingRows().filter((t) => t.cik === '0000097476');
    expect(texts.map((t) => `${t.form} ${t.filing_date}`).sort()).toEqual([
      '10-K 2024-02-02',
      '10-Q 2023-07-26',
    ]);
    const tabular = ['2023-06-30', '2023-07-26', '2023-12-29', '2024-02-02', '2024-12-31'].map((date) => ({
      cik: '0000097476',
      date,
    }));
    const forms = (rows: Record<string, unknown>[]) => rows.map((r) => r.form);
    const on = { on: 'cik', dateColumns: { text: 'filing_date', tabular: 'date' } } as const;
    expect(forms(buildTabText(texts, tabular, on))).toEqual([null, '10-Q', '10-Q', '10-K', '10-K']);
    expect(forms(buildTabText(texts, tabular, { ...on, maxAgeDays: 200 }))).toEqual([
      null,
      '10-Q',
      '10-Q',
      '10-K',
      null,
    ]);
    expect(forms(buildTabText(texts, tabular, { ...on, how: 'inner' }))).toEqual([
      '10-Q',
      '10-Q',
      '10-K',
      '10-K',
    ]);
  });

  it('never mutates its inputs, suffixes clashing names and normalizes dates', () => {
    const texts = deepFreeze(
      filingRows().map((t) => ({ cik: t.cik, date: t.filing_date.replaceAll('-', ''), form: t.form })),
    );
    const tabular = deepFreeze([
      { CIK: 37996, date: new Date(Date.UTC(2002, 11, 31)) as unknown as string, form_count: 1 },
      { CIK: null, date: '2002-12-31', form_count: 2 },
      { CIK: 37996, date: null, form_count: 3 },
    ]);
    const before = structuredClone({ texts, tabular });
    const table = buildTabText(texts, tabular, { on: { text: 'cik', tabular: 'CIK' } });
    expect({ texts, tabular }).toEqual(before);
    // Keys compare as strings: the numeric 37996 does not match the padded '0000037996'.
    expect(table[0]).toEqual({ CIK: 37996, date: '2002-12-31', form_count: 1, date_text: null, form: null });
    const padded = buildTabText(texts, [{ CIK: '0000037996', date: '2002-12-31' }], {
      on: { text: 'cik', tabular: 'CIK' },
    });
    expect(padded).toEqual([
      { CIK: '0000037996', date: '2002-12-31', date_text: '2002-03-28', form: '10-K' },
    ]);
    expect(table.slice(1).map((r) => r.form)).toEqual([null, null]);
  });
});

describe('buildTabText bucket', () => {
  const texts = [
    { cik: '0001424844', date: '2008-12-29', doc: 'sire 10-K' },
    { cik: '0000037996', date: '2024-12-30', doc: 'monday' },
    { cik: '0000037996', date: '2021-01-03', doc: 'sunday' },
    { cik: '0000037996', date: '2021-01-02', doc: 'saturday' },
  ];

  it('joins within ISO weeks across the year end', () => {
    const tabular = [
      { cik: '0000037996', date: '2025-01-03' },
      { cik: '0000037996', date: '2020-12-28' },
      { cik: '0000037996', date: '2021-01-04' },
      { cik: '0001424844', date: '2009-01-02' },
      { cik: '0001424844', date: '2008-12-28' },
    ];
    const table = buildTabText(texts, tabular, { on: 'cik', match: 'bucket', bucket: 'week' });
    // Sunday and Saturday share 2020-W53: the later one wins. 2021-01-04 opens 2021-W01.
    expect(table.map((r) => r.doc)).toEqual(['monday', 'sunday', null, 'sire 10-K', null]);
    expect(table.map((r) => r.date_text)).toEqual(['2024-12-30', '2021-01-03', null, '2008-12-29', null]);
    const years = buildTabText(texts, tabular, { on: 'cik', match: 'bucket', bucket: 'year' });
    expect(years.map((r) => r.doc)).toEqual([null, null, 'sunday', null, 'sire 10-K']);
  });

  it('joins on the day by default and on quarters and months', () => {
    const tabular = [
      { cik: '0000037996', date: '2024-12-30' },
      { cik: '0000037996', date: '2024-10-01' },
    ];
    expect(buildTabText(texts, tabular, { on: 'cik', match: 'bucket' }).map((r) => r.doc)).toEqual([
      'monday',
      null,
    ]);
    expect(
      buildTabText(texts, tabular, { on: 'cik', match: 'bucket', bucket: 'quarter' }).map((r) => r.doc),
    ).toEqual(['monday', 'monday']);
    expect(
      buildTabText(texts, tabular, { on: 'cik', match: 'bucket', bucket: 'month' }).map((r) => r.doc),
    ).toEqual(['monday', null]);
  });
});

describe('buildTabText arguments', () => {
  const texts = [{ cik: '1', date: '2024-01-01', x: 1 }];
  const tabular = [{ cik: '1', date: '2024-01-02' }];
  const field = (call: () => unknown): string => {
    try {
      call();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidArgumentError);
      return (error as InvalidArgumentError).field;
    }
    throw new Error('expected an InvalidArgumentError');
  };

  it('names the bad option or cell', () => {
    expect(field(() => buildTabText(texts, tabular, { on: 'ticker' }))).toBe('options.on');
    expect(field(() => buildTabText(texts, tabular, { on: [] }))).toBe('options.on');
    expect(
      field(() => buildTabText(texts, tabular, { on: { text: ['cik'], tabular: ['cik', 'date'] } })),
    ).toBe('options.on');
    expect(field(() => buildTabText(texts, tabular, { on: 'cik', dateColumns: { text: 'filed' } }))).toBe(
      'options.dateColumns.text',
    );
    expect(field(() => buildTabText(texts, tabular, { on: 'cik', match: 'nearest' as 'asof' }))).toBe(
      'options.match',
    );
    expect(field(() => buildTabText(texts, tabular, { on: 'cik', bucket: 'week' }))).toBe('options.bucket');
    expect(field(() => buildTabText(texts, tabular, { on: 'cik', match: 'bucket', maxAgeDays: 3 }))).toBe(
      'options.maxAgeDays',
    );
    expect(field(() => buildTabText(texts, tabular, { on: 'cik', suffix: '' }))).toBe('options.suffix');
    expect(
      field(() => buildTabText([...texts, { cik: '1', date: '2024-02-30', x: 2 }], tabular, { on: 'cik' })),
    ).toBe('textRows[1].date');
    expect(field(() => buildTabText(texts, [{ cik: '1', date: 'soon' }], { on: 'cik' }))).toBe(
      'tabularRows[0].date',
    );
    expect(field(() => buildTabText(texts, 'rows' as unknown as [], { on: 'cik' }))).toBe('tabularRows');
    expect(
      field(() =>
        buildTabText(
          [{ cik: '1', date: '2024-01-01', x_text: 1, x: 2 }],
          [{ cik: '1', date: '2024-01-01', x: 0 }],
          { on: 'cik' },
        ),
      ),
    ).toBe('options.suffix');
  });

  it('handles empty tables', () => {
    expect(buildTabText([], tabular, { on: 'cik' })).toEqual([{ cik: '1', date: '2024-01-02' }]);
    expect(buildTabText(texts, [], { on: 'cik' })).toEqual([]);
  });
});
