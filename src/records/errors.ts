import { FinTabTextError } from '../errors/index.js';

/**
 * A records file that cannot be read: malformed CSV (unclosed quote, a row with the wrong
 * number of cells, a duplicate header) or a JSONL line that is not a JSON object. `line` is
 * the 1-based line of the input where it was found, when known.
 *
 * @example
 * ```ts
 * import { readRecords, RecordsFormatError } from 'fin-tabtext';
 * try {
 *   for await (const row of readRecords('broken.jsonl')) void row;
 * } catch (error) {
 *   if (error instanceof RecordsFormatError) console.error(`line ${error.line}: ${error.message}`);
 * }
 * ```
 */
export class RecordsFormatError extends FinTabTextError {
  static override readonly errorName: string = 'RecordsFormatError';

  /** The 1-based input line where the problem was found, or `null` when unknown. */
  readonly line: number | null;

  /**
   * @param message - What is wrong and where.
   * @param options - `line` (1-based) and the underlying `cause`.
   */
  constructor(message: string, options: { readonly line?: number | null; readonly cause?: unknown } = {}) {
    super(message, { code: 'RECORDS_FORMAT', cause: options.cause });
    this.line = options.line ?? null;
  }
}
