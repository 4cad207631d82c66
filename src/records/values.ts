import { describeType, InvalidArgumentError } from '../errors/index.js';

// The one CIK and accession-number rules live in src/identifiers; records re-exports them.
export { normalizeAccession, normalizeCik } from '../identifiers/index.js';

/** A value allowed in a flat record: what CSV, JSONL and every DataFrame library can hold. */
export type RecordValue = string | number | boolean | null;

/** A flat record: column name to value. Rows of one table share the same keys in the same order. */
export type FlatRecord = Record<string, RecordValue>;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;

function isMissing(value: unknown): value is null | undefined | '' {
  return value === null || value === undefined || value === '';
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** Days in a month of the proleptic Gregorian calendar (month 1..12). */
function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Normalize a date to `YYYY-MM-DD`. Accepts a `Date` (its UTC calendar day), an ISO date or
 * date-time string (the calendar date as written, without time-zone conversion, so
 * `'2024-01-01T23:00:00-05:00'` is `'2024-01-01'`), and the compact `'YYYYMMDD'`. Missing values
 * give `null`. Numbers are refused because they are ambiguous (epoch milliseconds or `20240101`).
 *
 * @param value - The date.
 * @param field - The field name used in the error message.
 * @default field 'date'
 * @returns The date as `YYYY-MM-DD`, or `null` when missing.
 * @throws {InvalidArgumentError} When the value is not a real calendar date.
 * @example
 * ```ts
 * toIsoDate('20020328'); // '2002-03-28'
 * toIsoDate(new Date(Date.UTC(2024, 11, 30))); // '2024-12-30'
 * ```
 */
export function toIsoDate(value: string | Date, field?: string): string;
export function toIsoDate(value: string | Date | null | undefined, field?: string): string | null;
export function toIsoDate(value: unknown, field = 'date'): string | null {
  if (isMissing(value)) return null;
  if (value instanceof Date) {
    if (!Number.isNaN(value.getTime())) {
      const year = value.getUTCFullYear();
      if (year >= 0 && year <= 9999) {
        return `${pad(year, 4)}-${pad(value.getUTCMonth() + 1, 2)}-${pad(value.getUTCDate(), 2)}`;
      }
    }
  } else if (typeof value === 'string') {
    const text = value.trim();
    const match = ISO_DATE.exec(text) ?? COMPACT_DATE.exec(text);
    if (match) {
      const year = Number(match[1]);
      const month = Number(match[2]);
      const day = Number(match[3]);
      if (month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)) {
        return `${match[1]}-${match[2]}-${match[3]}`;
      }
    }
  }
  throw new InvalidArgumentError(
    field,
    `${field} must be a date such as '2002-03-28', '20020328' or a Date, got ` +
      `${typeof value === 'string' ? JSON.stringify(value) : describeType(value)}. ` +
      "Call it as toIsoDate('2002-03-28').",
  );
}

/**
 * Turn any value into a {@link RecordValue}: `undefined`, `NaN` and ±Infinity become `null`, a
 * `Date` becomes `YYYY-MM-DD` at UTC midnight and a full ISO string otherwise, a `bigint` becomes a
 * number when safe and a string when not. Nested objects and arrays are refused.
 *
 * @param value - Any value.
 * @param field - Where the value came from, for the error message.
 * @returns The flat value.
 * @throws {InvalidArgumentError} For objects, arrays, functions and symbols.
 */
export function toRecordValue(value: unknown, field: string): RecordValue {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : null;
    case 'undefined':
      return null;
    case 'bigint':
      return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
    default:
      if (value === null) return null;
      if (value instanceof Date) {
        if (Number.isNaN(value.getTime())) return null;
        const iso = value.toISOString();
        return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
      }
      throw new InvalidArgumentError(
        field,
        `${field} must be a string, number, boolean, Date or null (records are flat), got ${describeType(value)}. ` +
          'Flatten it first, for example { ...row, meta: JSON.stringify(row.meta) }.',
      );
  }
}

/**
 * Set `row[key] = value` as an own, enumerable data property, so that a column named `__proto__`
 * is kept as a column instead of replacing the row's prototype.
 *
 * @param row - The record being built.
 * @param key - The column name, any string.
 * @param value - The cell.
 * @example
 * ```ts
 * const row = {};
 * setField(row, '__proto__', 'x');
 * Object.keys(row); // ['__proto__']
 * ```
 */
export function setField(row: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(row, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    row[key] = value;
  }
}

const CANONICAL_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/**
 * True when a text cell is a canonical decimal number (`-12`, `3.5`, `1e-3`; not `007`, `+1`).
 *
 * @param text - A cell.
 * @returns Whether {@link castNumber} may turn it into a number.
 * @example
 * ```ts
 * isCanonicalNumber('-1.5e3'); // true
 * ```
 */
export function isCanonicalNumber(text: string): boolean {
  return CANONICAL_NUMBER.test(text);
}

/**
 * A text cell as a number when that is lossless: a canonical decimal number that is finite and,
 * when written without an exponent, has an integer part within `Number.MAX_SAFE_INTEGER`. Anything
 * else (`1e400`, `12345678901234567890`, `007`) stays the string it was, so no cell becomes
 * `Infinity` or silently changes its digits.
 *
 * @param text - A cell.
 * @returns The number, or `text` unchanged.
 * @example
 * ```ts
 * castNumber('3.5'); // 3.5
 * castNumber('12345678901234567890'); // '12345678901234567890'
 * castNumber('1e400'); // '1e400'
 * ```
 */
export function castNumber(text: string): string | number {
  if (!CANONICAL_NUMBER.test(text)) return text;
  const value = Number(text);
  if (!Number.isFinite(value)) return text;
  if (!/[eE]/.test(text) && Math.abs(value) > Number.MAX_SAFE_INTEGER) return text;
  return value;
}

/**
 * The OWASP rule against CSV (formula) injection: a text cell that starts with `=`, `+`, `-`,
 * `@`, a tab or a carriage return is prefixed with `'`, so spreadsheets show it as text instead
 * of running it. Cells that are numbers (or canonical number strings such as `-12`) are left alone.
 *
 * @param text - A text cell.
 * @returns The cell, escaped when needed.
 * @example
 * ```ts
 * escapeFormula('=HYPERLINK("http://x")'); // "'=HYPERLINK(\"http://x\")"
 * escapeFormula('-12'); // '-12'
 * ```
 */
export function escapeFormula(text: string): string {
  if (text === '') return text;
  const first = text.charCodeAt(0);
  // = + - @ TAB CR
  const risky = first === 61 || first === 43 || first === 45 || first === 64 || first === 9 || first === 13;
  if (!risky || CANONICAL_NUMBER.test(text)) return text;
  return `'${text}`;
}

/**
 * `row[key]` when it is the row's own field, else `undefined`: a column named `__proto__` or
 * `constructor` that a row lacks must read as missing, not as `Object.prototype`'s member.
 *
 * @param row - A record.
 * @param key - The column name.
 * @returns The cell, or `undefined`.
 * @example
 * ```ts
 * own({}, 'constructor'); // undefined
 * ```
 */
export function own(row: object, key: string): unknown {
  return Object.hasOwn(row, key) ? (row as Record<string, unknown>)[key] : undefined;
}
