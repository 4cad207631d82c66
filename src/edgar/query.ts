import { describeType, InvalidArgumentError } from '../errors/index.js';

/**
 * Form types {@link EdgarClient.listFilings} accepts (amendments as `<form>/A`, or through
 * `includeAmendments`). Periodic reports first: `10-K405`, `10-KSB`, `10-KT` and friends are
 * distinct SEC form types; ask for them by name.
 */
export const KNOWN_FORM_TYPES: readonly string[] = Object.freeze([
  '10-K',
  '10-K405',
  '10-KSB',
  '10-KSB40',
  '10-KT',
  '10-Q',
  '10-QSB',
  '10-QT',
  '20-F',
  '40-F',
  '11-K',
  '8-K',
  '6-K',
  'ARS',
  'NT 10-K',
  'NT 10-Q',
  'NT 20-F',
  'DEF 14A',
  'DEFA14A',
  'DEFM14A',
  'PRE 14A',
  'S-1',
  'S-3',
  'S-4',
  'S-8',
  'F-1',
  'F-3',
  'F-4',
  '424B1',
  '424B2',
  '424B3',
  '424B4',
  '424B5',
  'FWP',
  'SC 13D',
  'SC 13G',
  'SC TO-T',
  '13F-HR',
  '3',
  '4',
  '5',
  '144',
  'SD',
  'N-CSR',
  'N-CSRS',
  'N-Q',
  'N-PORT',
  '8-A12B',
  '15-12G',
  'CORRESP',
  'UPLOAD',
]);

const KNOWN = new Set(KNOWN_FORM_TYPES);
const squash = (form: string): string => form.toUpperCase().replace(/[^A-Z0-9]/g, '');

/**
 * Validate and normalize form types: upper-case, trimmed, each known (see
 * {@link KNOWN_FORM_TYPES}) or a known form with `/A`. With `includeAmendments` every form's
 * `/A` is added.
 *
 * @param formTypes - One form or a list.
 * @param includeAmendments - Add `<form>/A` for each form.
 * @param field - Option name for messages.
 * @returns The normalized, de-duplicated list.
 * @throws {InvalidArgumentError} for an empty list or an unknown form, suggesting the closest one.
 */
export function normalizeFormTypes(
  formTypes: string | readonly string[],
  includeAmendments: boolean,
  field = 'formTypes',
): string[] {
  const list = typeof formTypes === 'string' ? [formTypes] : formTypes;
  if (!Array.isArray(list) || list.length === 0) {
    throw new InvalidArgumentError(
      field,
      `${field} needs at least one form type, got ${Array.isArray(list) ? 'an empty list' : describeType(list)}; ` +
        "e.g. { formTypes: ['10-K', '10-Q'] }.",
    );
  }
  const out: string[] = [];
  for (const raw of list) {
    if (typeof raw !== 'string') {
      throw new InvalidArgumentError(
        field,
        `${field} must hold strings, got ${describeType(raw)}; e.g. ['10-K'].`,
      );
    }
    const form = raw.trim().toUpperCase().replace(/\s+/g, ' ');
    const base = form.endsWith('/A') ? form.slice(0, -2) : form;
    if (!KNOWN.has(base)) {
      const guess = KNOWN_FORM_TYPES.find((known) => squash(known) === squash(base));
      throw new InvalidArgumentError(
        field,
        `${field}: unknown SEC form type '${raw}'${guess === undefined ? '' : ` (did you mean '${guess}'?)`}; ` +
          `e.g. { formTypes: ['10-K', '10-Q'] }. Known forms: ${KNOWN_FORM_TYPES.join(', ')}.`,
      );
    }
    for (const f of includeAmendments && base === form ? [form, `${form}/A`] : [form]) {
      if (!out.includes(f)) out.push(f);
    }
  }
  return out;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Validate a `YYYY-MM-DD` calendar date.
 *
 * @param value - The date string.
 * @param field - Option name for messages.
 * @returns The same string.
 * @throws {InvalidArgumentError} when it is not a real ISO calendar date.
 */
export function validateIsoDate(value: unknown, field: string): string {
  const match = typeof value === 'string' ? ISO_DATE.exec(value) : null;
  if (match !== null) {
    const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const date = new Date(Date.UTC(y, m - 1, d));
    if (date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d) {
      return value as string;
    }
  }
  throw new InvalidArgumentError(
    field,
    `${field} must be an ISO date 'YYYY-MM-DD', got ${typeof value === 'string' ? `'${value}'` : describeType(value)}; ` +
      "e.g. { filingDateStart: '2019-01-01', filingDateEnd: '2023-12-31' }.",
  );
}

/** Today's date in UTC as `YYYY-MM-DD`. */
export function todayIso(now: number = Date.now()): string {
  return new Date(now).toISOString().slice(0, 10);
}

/** The first date EDGAR holds electronic filings for, the default start of a date range. */
export const EDGAR_FIRST_DATE = '1993-01-01';

/**
 * Validate a filing date range; both ends inclusive.
 *
 * @returns `[start, end]`.
 * @throws {InvalidArgumentError} for a malformed date or `start` after `end`.
 */
export function validateDateRange(start: unknown, end: unknown, now?: number): [string, string] {
  const s = start === undefined ? EDGAR_FIRST_DATE : validateIsoDate(start, 'filingDateStart');
  const e = end === undefined ? todayIso(now) : validateIsoDate(end, 'filingDateEnd');
  if (s > e) {
    throw new InvalidArgumentError(
      'filingDateStart',
      `filingDateStart '${s}' is after filingDateEnd '${e}'; e.g. { filingDateStart: '2019-01-01', filingDateEnd: '2023-12-31' }.`,
    );
  }
  return [s, e];
}

/**
 * Normalize `tickersOrCiks` to a non-empty list of trimmed strings.
 *
 * @throws {InvalidArgumentError} for an empty list or a non-string entry.
 */
export function normalizeTickersOrCiks(value: unknown): string[] {
  const list = typeof value === 'string' || typeof value === 'number' ? [value] : value;
  if (!Array.isArray(list) || list.length === 0) {
    throw new InvalidArgumentError(
      'tickersOrCiks',
      `tickersOrCiks needs at least one ticker or CIK, got ${Array.isArray(list) ? 'an empty list' : describeType(list)}; ` +
        "e.g. { tickersOrCiks: ['AAPL', '0000320193'] }.",
    );
  }
  return list.map((item: unknown) => {
    if ((typeof item !== 'string' && typeof item !== 'number') || String(item).trim() === '') {
      throw new InvalidArgumentError(
        'tickersOrCiks',
        `tickersOrCiks must hold tickers or CIKs, got ${describeType(item)}; e.g. { tickersOrCiks: ['AAPL'] }.`,
      );
    }
    return String(item).trim();
  });
}
