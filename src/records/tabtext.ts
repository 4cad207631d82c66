import { describeType, InvalidArgumentError } from '../errors/index.js';
import { checkEnum, checkOptions } from '../options/index.js';
import { recordColumns } from './columns.js';
import { type DateBucket, defaultBuildTabTextOptions, type TabTextMatch } from './options.js';
import { type FlatRecord, own, setField, toIsoDate, toRecordValue } from './values.js';

/** Join key columns: one name or several, shared by both tables, or named per table. */
export type JoinKeys =
  | string
  | readonly string[]
  | { readonly text: string | readonly string[]; readonly tabular: string | readonly string[] };

/** Options of {@link buildTabText}. */
export interface BuildTabTextOptions {
  /** The key column(s) both tables are joined on, e.g. `'cik'` or `{ text: 'cik', tabular: 'CIK' }`. Required. */
  readonly on: JoinKeys;
  /**
   * The date column of each table (values `YYYY-MM-DD`, `YYYYMMDD`, ISO date-times or `Date`s).
   * @default { text: 'date', tabular: 'date' }
   */
  readonly dateColumns?: { readonly text?: string; readonly tabular?: string };
  /**
   * `'asof'`: each tabular row gets the latest text row of its key dated on or before the tabular
   * date (no look-ahead). `'bucket'`: the latest text row of its key in the same calendar bucket.
   * @default 'asof'
   */
  readonly match?: TabTextMatch;
  /** The calendar bucket of `match: 'bucket'`; weeks are ISO-8601 weeks. @default 'day' */
  readonly bucket?: DateBucket;
  /** `'left'` keeps every tabular row (text columns `null` when unmatched); `'inner'` drops unmatched rows. @default 'left' */
  readonly how?: 'left' | 'inner';
  /** Added to a text column whose name is also a tabular column (e.g. both have `date`). @default '_text' */
  readonly suffix?: string;
  /** `match: 'asof'` only: ignore text rows more than this many days older than the tabular date. @default null (no limit) */
  readonly maxAgeDays?: number | null;
}

const DAY_MS = 86_400_000;
const BUCKETS = ['day', 'week', 'month', 'quarter', 'year'] as const satisfies readonly DateBucket[];

/** Milliseconds since the epoch of an ISO date at UTC midnight (years 0..99 included). */
function utcTime(iso: string): number {
  const date = new Date(0);
  date.setUTCFullYear(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
  return date.getTime();
}

/**
 * The calendar bucket of a date, as a sortable string: `'2024-12-30'` (day), `'2025-W01'`
 * (ISO-8601 week: Monday to Sunday, week 1 holds the year's first Thursday, so the week-year can
 * differ from the calendar year at year ends), `'2024-12'` (month), `'2024-Q4'` (quarter), `'2024'` (year).
 *
 * @param date - A date accepted by {@link toIsoDate}.
 * @param bucket - The bucket.
 * @returns The bucket label.
 * @throws {InvalidArgumentError} For an invalid date or bucket.
 * @example
 * ```ts
 * dateBucket('2024-12-30', 'week'); // '2025-W01'
 * dateBucket('2021-01-03', 'week'); // '2020-W53'
 * ```
 */
export function dateBucket(date: string | Date, bucket: DateBucket): string {
  const iso = toIsoDate(date, 'date');
  if (iso === null)
    throw new InvalidArgumentError(
      'date',
      "dateBucket(date, bucket) needs a date, got an empty value. Call it as dateBucket('2024-12-30', 'week').",
    );
  switch (bucket) {
    case 'day':
      return iso;
    case 'month':
      return iso.slice(0, 7);
    case 'year':
      return iso.slice(0, 4);
    case 'quarter':
      return `${iso.slice(0, 4)}-Q${Math.ceil(Number(iso.slice(5, 7)) / 3)}`;
    case 'week': {
      const time = utcTime(iso);
      const weekday = ((new Date(time).getUTCDay() + 6) % 7) + 1; // Monday 1 .. Sunday 7
      // ISO 8601: a week belongs to the year of its Thursday.
      const thursday = new Date(time + (4 - weekday) * DAY_MS);
      const year = thursday.getUTCFullYear();
      const jan1 = new Date(0);
      jan1.setUTCFullYear(year, 0, 1);
      const week = Math.floor((thursday.getTime() - jan1.getTime()) / DAY_MS / 7) + 1;
      return `${String(year).padStart(4, '0')}-W${String(week).padStart(2, '0')}`;
    }
    default:
      throw new InvalidArgumentError(
        'bucket',
        `dateBucket: bucket must be one of ${BUCKETS.join(', ')}, got ${JSON.stringify(bucket) ?? describeType(bucket)}. ` +
          "Call it as dateBucket('2024-12-30', 'week').",
      );
  }
}

interface ResolvedTabText {
  readonly textKeys: readonly string[];
  readonly tabularKeys: readonly string[];
  readonly textDate: string;
  readonly tabularDate: string;
  readonly match: TabTextMatch;
  readonly bucket: DateBucket;
  readonly how: 'left' | 'inner';
  readonly suffix: string;
  readonly maxAgeDays: number | null;
}

const EXAMPLE =
  "buildTabText(filings, prices, { on: 'cik', dateColumns: { text: 'filing_date', tabular: 'date' } })";

function keyList(value: unknown, field: string): string[] {
  const list = typeof value === 'string' ? [value] : value;
  if (
    !Array.isArray(list) ||
    list.length === 0 ||
    list.some((k) => typeof k !== 'string' || k === '') ||
    new Set(list).size !== list.length
  ) {
    throw new InvalidArgumentError(
      field,
      `buildTabText: ${field} must be a column name, a non-empty array of distinct names, or { text, tabular }, ` +
        `got ${describeType(value)}. Call it as ${EXAMPLE}.`,
    );
  }
  return list as string[];
}

const FN = 'buildTabText';
const KEYS = ['on', 'dateColumns', 'match', 'bucket', 'how', 'suffix', 'maxAgeDays'] as const;

function resolveOptions(options: unknown): ResolvedTabText {
  if (options === undefined) {
    throw new InvalidArgumentError(
      'options',
      `${FN} needs an options object with on. Call it as ${EXAMPLE}.`,
    );
  }
  const o = checkOptions(FN, options as BuildTabTextOptions, KEYS);
  const d = defaultBuildTabTextOptions;
  let textKeys: string[];
  let tabularKeys: string[];
  if (o.on !== null && typeof o.on === 'object' && !Array.isArray(o.on)) {
    const on = o.on as { text?: unknown; tabular?: unknown };
    textKeys = keyList(on.text, 'options.on.text');
    tabularKeys = keyList(on.tabular, 'options.on.tabular');
    if (textKeys.length !== tabularKeys.length) {
      throw new InvalidArgumentError(
        'options.on',
        `buildTabText: options.on.text has ${textKeys.length} columns but options.on.tabular has ${tabularKeys.length}; ` +
          "they pair up one to one. Call it as buildTabText(a, b, { on: { text: ['cik'], tabular: ['CIK'] } }).",
      );
    }
  } else {
    textKeys = keyList(o.on, 'options.on');
    tabularKeys = textKeys;
  }
  const dates = checkOptions(FN, o.dateColumns ?? d.dateColumns, ['text', 'tabular'], 'options.dateColumns');
  const textDate = dates.text ?? d.dateColumns.text;
  const tabularDate = dates.tabular ?? d.dateColumns.tabular;
  for (const [field, value] of [
    ['options.dateColumns.text', textDate],
    ['options.dateColumns.tabular', tabularDate],
  ] as const) {
    if (typeof value !== 'string' || value === '') {
      throw new InvalidArgumentError(
        field,
        `buildTabText: ${field} must be a column name, got ${describeType(value)}. Call it as ${EXAMPLE}.`,
      );
    }
  }
  const match = checkEnum(FN, 'options.match', o.match, ['asof', 'bucket'] as const) ?? d.match;
  if (o.bucket !== undefined && match !== 'bucket') {
    throw new InvalidArgumentError(
      'options.bucket',
      "buildTabText: options.bucket only applies to match: 'bucket'. Call it as buildTabText(a, b, { on: 'cik', match: 'bucket', bucket: 'week' }).",
    );
  }
  const bucket = checkEnum(FN, 'options.bucket', o.bucket, BUCKETS) ?? d.bucket;
  const how = checkEnum(FN, 'options.how', o.how, ['left', 'inner'] as const) ?? d.how;
  const suffix = o.suffix ?? d.suffix;
  if (typeof suffix !== 'string' || suffix === '') {
    throw new InvalidArgumentError(
      'options.suffix',
      `buildTabText: options.suffix must be a non-empty string, got ${describeType(suffix)}. Call it as buildTabText(a, b, { on: 'cik', suffix: '_filing' }).`,
    );
  }
  const maxAgeDays = o.maxAgeDays ?? d.maxAgeDays;
  if (maxAgeDays !== null) {
    if (typeof maxAgeDays !== 'number' || !(maxAgeDays >= 0)) {
      throw new InvalidArgumentError(
        'options.maxAgeDays',
        `buildTabText: options.maxAgeDays must be a number >= 0 or null, got ${String(maxAgeDays)}. Call it as buildTabText(a, b, { on: 'cik', maxAgeDays: 400 }).`,
      );
    }
    if (match !== 'asof') {
      throw new InvalidArgumentError(
        'options.maxAgeDays',
        "buildTabText: options.maxAgeDays only applies to match: 'asof'. Call it as buildTabText(a, b, { on: 'cik', match: 'asof', maxAgeDays: 400 }).",
      );
    }
  }
  return { textKeys, tabularKeys, textDate, tabularDate, match, bucket, how, suffix, maxAgeDays };
}

function checkTable(name: string, rows: unknown): readonly Readonly<Record<string, unknown>>[] {
  if (!Array.isArray(rows)) {
    throw new InvalidArgumentError(
      name,
      `buildTabText: ${name} must be an array of objects, got ${describeType(rows)}. Call it as ${EXAMPLE}.`,
    );
  }
  rows.forEach((row, i) => {
    if (row === null || typeof row !== 'object' || Array.isArray(row)) {
      throw new InvalidArgumentError(
        `${name}[${i}]`,
        `buildTabText: ${name}[${i}] must be an object, got ${describeType(row)}.`,
      );
    }
  });
  return rows as readonly Readonly<Record<string, unknown>>[];
}

function requireColumns(
  table: string,
  columns: readonly string[],
  wanted: readonly string[],
  field: string,
): void {
  for (const column of wanted) {
    if (!columns.includes(column)) {
      throw new InvalidArgumentError(
        field,
        `buildTabText: ${table} have no column ${JSON.stringify(column)} (named by ${field}); their columns are ${columns.join(', ')}.`,
      );
    }
  }
}

/** The join key of a row, or `null` when a key value is missing. Values compare as strings, so `1` matches `'1'`. */
function rowKey(
  row: Readonly<Record<string, unknown>>,
  keys: readonly string[],
  where: string,
): string | null {
  const parts: string[] = [];
  for (const key of keys) {
    const value = toRecordValue(row[key], `${where}.${key}`);
    if (value === null || value === '') return null;
    parts.push(String(value));
  }
  return parts.join('\u0000');
}

/**
 * Join text rows (one per filing: key, date, scores...) onto tabular rows (key, date, numbers...)
 * into one TabText table: one output row per tabular row, in input order, with the tabular
 * columns followed by the text columns (key columns of the text table dropped; a name clash gets
 * `options.suffix`). Every output row has the same keys in the same order; unmatched text columns
 * are `null`; both date columns are written as `YYYY-MM-DD`. Inputs are never mutated.
 *
 * Which text row a tabular row gets: with `match: 'asof'` the latest text row of the same key dated
 * on or before the tabular date; with `match: 'bucket'` the latest text row of the same key in the
 * same calendar bucket (ISO-8601 weeks for `'week'`). Ties on date go to the later input row. Text
 * rows with a missing key or date never match. Key values compare as strings, so normalize CIKs
 * with {@link fin-tabtext/records!normalizeCik | normalizeCik} on both sides first.
 *
 * @param textRows - Text rows (not mutated).
 * @param tabularRows - Tabular rows (not mutated).
 * @param options - {@link BuildTabTextOptions}.
 * @returns New flat rows.
 * @throws {InvalidArgumentError} For bad options, key or date columns absent from a table, an
 *   invalid date (naming `textRows[i].column`), or output column names that still clash.
 * @example
 * ```ts
 * const table = buildTabText(
 *   [{ cik: '0000037996', filing_date: '2002-03-28', polarity: -0.2 }],
 *   [{ cik: '0000037996', date: '2002-06-28', close: 15.71 }],
 *   { on: 'cik', dateColumns: { text: 'filing_date', tabular: 'date' } },
 * );
 * // [{ cik: '0000037996', date: '2002-06-28', close: 15.71, filing_date: '2002-03-28', polarity: -0.2 }]
 * ```
 */
export function buildTabText(
  textRows: readonly Readonly<Record<string, unknown>>[],
  tabularRows: readonly Readonly<Record<string, unknown>>[],
  options: BuildTabTextOptions,
): FlatRecord[] {
  const texts = checkTable('textRows', textRows);
  const tabular = checkTable('tabularRows', tabularRows);
  const r = resolveOptions(options);
  const textColumns = recordColumns(texts);
  const tabularColumns = recordColumns(tabular);
  if (texts.length > 0) {
    requireColumns('textRows', textColumns, r.textKeys, 'options.on');
    requireColumns('textRows', textColumns, [r.textDate], 'options.dateColumns.text');
  }
  if (tabular.length > 0) {
    requireColumns('tabularRows', tabularColumns, r.tabularKeys, 'options.on');
    requireColumns('tabularRows', tabularColumns, [r.tabularDate], 'options.dateColumns.tabular');
  }

  // Output names of the text columns: key columns come from the tabular side.
  const carried = textColumns.filter((c) => !r.textKeys.includes(c));
  const outNames = carried.map((c) => (tabularColumns.includes(c) ? c + r.suffix : c));
  const allNames = [...tabularColumns, ...outNames];
  const clash = allNames.find((name, i) => allNames.indexOf(name) !== i);
  if (clash !== undefined) {
    throw new InvalidArgumentError(
      'options.suffix',
      `buildTabText: the output would have two columns named ${JSON.stringify(clash)}; choose another suffix, ` +
        "e.g. buildTabText(a, b, { on: 'cik', suffix: '_filing' }).",
    );
  }

  // Index the text rows by key: dates are validated and normalized once, here.
  const byKey = new Map<string, { date: string; index: number }[]>();
  const textDates: (string | null)[] = texts.map((row, i) => {
    const date = toIsoDate(
      row[r.textDate] as string | Date | null | undefined,
      `textRows[${i}].${r.textDate}`,
    );
    const key = rowKey(row, r.textKeys, `textRows[${i}]`);
    if (date !== null && key !== null) {
      const groupKey = r.match === 'bucket' ? `${key}\u0000${dateBucket(date, r.bucket)}` : key;
      const group = byKey.get(groupKey);
      if (group === undefined) byKey.set(groupKey, [{ date, index: i }]);
      else group.push({ date, index: i });
    }
    return date;
  });
  // Stable sort keeps input order among equal dates, so the later input row wins ties.
  for (const group of byKey.values()) group.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

  const out: FlatRecord[] = [];
  tabular.forEach((row, i) => {
    const date = toIsoDate(
      row[r.tabularDate] as string | Date | null | undefined,
      `tabularRows[${i}].${r.tabularDate}`,
    );
    const key = rowKey(row, r.tabularKeys, `tabularRows[${i}]`);
    let matched: number | undefined;
    if (date !== null && key !== null) {
      if (r.match === 'bucket') {
        const group = byKey.get(`${key}\u0000${dateBucket(date, r.bucket)}`);
        matched = group?.[group.length - 1]?.index;
      } else {
        const group = byKey.get(key) ?? [];
        // Upper bound: the first entry dated after the tabular date.
        let lo = 0;
        let hi = group.length;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (group[mid]!.date <= date) lo = mid + 1;
          else hi = mid;
        }
        const candidate = group[lo - 1];
        if (
          candidate &&
          (r.maxAgeDays === null || (utcTime(date) - utcTime(candidate.date)) / DAY_MS <= r.maxAgeDays)
        ) {
          matched = candidate.index;
        }
      }
    }
    if (matched === undefined && r.how === 'inner') return;
    const record: FlatRecord = {};
    for (const column of tabularColumns) {
      setField(
        record,
        column,
        column === r.tabularDate ? date : toRecordValue(own(row, column), `tabularRows[${i}].${column}`),
      );
    }
    const text = matched === undefined ? undefined : texts[matched];
    carried.forEach((column, c) => {
      const name = outNames[c]!;
      setField(
        record,
        name,
        text === undefined
          ? null
          : column === r.textDate
            ? textDates[matched!]!
            : toRecordValue(own(text, column), `textRows[${matched}].${column}`),
      );
    });
    out.push(record);
  });
  return out;
}
