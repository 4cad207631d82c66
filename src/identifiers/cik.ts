import { describeType, InvalidArgumentError } from '../errors/index.js';

const CIK_TEXT = /^(?:CIK)?(\d{1,10})$/i;

/**
 * The one CIK rule, without throwing: the Central Index Key as the 10-digit zero-padded string
 * EDGAR uses in URLs and file names, or `null` when `value` is not a CIK.
 *
 * A CIK is a positive whole number of at most 10 digits, given as a number (`320193`) or as a
 * string of digits with or without leading zeros and an optional `CIK` prefix in any case
 * (`'320193'`, `'0000320193'`, `'CIK0000320193'`). Whitespace around a string is ignored.
 * Everything else is not a CIK: zero, negative or fractional numbers, more than 10 digits, signs,
 * inner spaces, `null`, `undefined` and `''`.
 *
 * Parsers of SEC's own files use it to skip a malformed row, and callers that take "a ticker or
 * a CIK" use it to tell the two apart; {@link normalizeCik} applies it to user input.
 *
 * @param value - Anything.
 * @returns The 10-digit CIK, or `null`.
 * @internal
 */
export function parseCik(value: unknown): string | null {
  let digits: string | undefined;
  if (typeof value === 'number') {
    if (Number.isSafeInteger(value) && value > 0) digits = String(value);
  } else if (typeof value === 'string') {
    digits = CIK_TEXT.exec(value.trim())?.[1];
  }
  if (digits === undefined || digits.length > 10 || /^0+$/.test(digits)) return null;
  return digits.padStart(10, '0');
}

/**
 * Normalize a Central Index Key to the 10-digit zero-padded string EDGAR uses in URLs and file
 * names. This is the library's only CIK rule (every module that reads a CIK uses it):
 *
 * - accepted: a number (`320193`), a digit string with or without leading zeros (`'320193'`,
 *   `'0000320193'`), a `CIK` prefix in any case (`'CIK0000320193'`), whitespace around a string;
 * - missing (`null`, `undefined`, `''`): `null`, so a column with gaps normalizes cell by cell;
 * - rejected with an {@link InvalidArgumentError} whose `field` is `field`: zero, negative or
 *   fractional numbers, more than 10 digits, signs, inner spaces, other types.
 *
 * @param value - The CIK as found in a data set or given by a caller.
 * @param field - The field name used in the error (and as its `field`).
 * @default field 'cik'
 * @returns The CIK as 10 digits, or `null` when missing.
 * @throws {InvalidArgumentError} When the value is present but not a CIK.
 * @example
 * ```ts
 * import { normalizeCik } from 'fin-tabtext/records';
 * normalizeCik(320193); // '0000320193'
 * normalizeCik(' CIK37996 '); // '0000037996'
 * normalizeCik(null); // null
 * normalizeCik('12 34', 'rows[3].cik'); // throws InvalidArgumentError, field 'rows[3].cik'
 * ```
 */
export function normalizeCik(value: string | number, field?: string): string;
export function normalizeCik(value: string | number | null | undefined, field?: string): string | null;
export function normalizeCik(value: unknown, field = 'cik'): string | null {
  if (value === null || value === undefined || value === '') return null;
  const cik = parseCik(value);
  if (cik !== null) return cik;
  throw new InvalidArgumentError(
    field,
    `${field} must be a CIK: a positive whole number of at most 10 digits (leading zeros and a 'CIK' prefix allowed), got ` +
      `${typeof value === 'string' || typeof value === 'number' ? JSON.stringify(value) : describeType(value)}. ` +
      "Call it as normalizeCik('320193'), normalizeCik('0000320193') or normalizeCik(320193).",
  );
}
