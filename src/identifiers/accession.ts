import { describeType, InvalidArgumentError } from '../errors/index.js';

const UNDASHED = /^(\d{10})(\d{2})(\d{6})$/;
const DASHED = /^(\d{1,10})-(\d{1,2})-(\d{1,6})$/;

/**
 * The one accession-number rule, without throwing: the accession number as EDGAR writes it,
 * `##########-##-######` (filer id, year, sequence), or `null` when `value` is not one.
 *
 * Accepted: a string, whitespace around it ignored, in the dashed form (`'0000037996-02-000015'`,
 * also with its zeros left out: `'37996-2-15'`) or the 18-digit form of archive paths
 * (`'000003799602000015'`). Everything else is not an accession number: other digit counts,
 * dashes elsewhere, inner spaces, numbers (an 18-digit number cannot be held exactly), `null`,
 * `undefined` and `''`.
 *
 * Parsers of SEC's own files use it to skip a malformed row; {@link normalizeAccession} applies
 * it to user input.
 *
 * @param value - Anything.
 * @returns The dashed, zero-padded accession number, or `null`.
 * @internal
 */
export function parseAccession(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  const undashed = UNDASHED.exec(text);
  if (undashed !== null) return `${undashed[1]}-${undashed[2]}-${undashed[3]}`;
  const dashed = DASHED.exec(text);
  if (dashed === null) return null;
  return `${dashed[1]!.padStart(10, '0')}-${dashed[2]!.padStart(2, '0')}-${dashed[3]!.padStart(6, '0')}`;
}

/**
 * Normalize an EDGAR accession number to `##########-##-######` (filer id, year, sequence).
 * This is the library's only accession-number rule (every module that reads one uses it):
 *
 * - accepted: the dashed form (`'0000037996-02-000015'`, or without its zeros: `'37996-2-15'`),
 *   the 18-digit form used in archive paths (`'000003799602000015'`), whitespace around either;
 * - missing (`null`, `undefined`, `''`): `null`;
 * - rejected with an {@link InvalidArgumentError} whose `field` is `field`: any other string
 *   (wrong digit counts, dashes elsewhere, inner spaces) and every non-string, numbers included
 *   (an 18-digit number cannot be held exactly; pass the string).
 *
 * @param value - The accession number.
 * @param field - The field name used in the error (and as its `field`).
 * @default field 'accessionNumber'
 * @returns The dashed, zero-padded accession number, or `null` when missing.
 * @throws {InvalidArgumentError} When the value is present but not an accession number.
 * @example
 * ```ts
 * import { normalizeAccession } from 'fin-tabtext/records';
 * normalizeAccession('000003799602000015'); // '0000037996-02-000015'
 * normalizeAccession(' 0000037996-02-000015 '); // '0000037996-02-000015'
 * normalizeAccession('0000037996-02000015'); // throws InvalidArgumentError, field 'accessionNumber'
 * ```
 */
export function normalizeAccession(value: string, field?: string): string;
export function normalizeAccession(value: string | null | undefined, field?: string): string | null;
export function normalizeAccession(value: unknown, field = 'accessionNumber'): string | null {
  if (value === null || value === undefined || value === '') return null;
  const accession = parseAccession(value);
  if (accession !== null) return accession;
  throw new InvalidArgumentError(
    field,
    `${field} must be an accession number such as '0000037996-02-000015' or '000003799602000015', got ` +
      `${typeof value === 'string' ? JSON.stringify(value) : describeType(value)}. ` +
      "Call it as normalizeAccession('0000037996-02-000015').",
  );
}
