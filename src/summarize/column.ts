import { describeType, InvalidArgumentError } from '../errors/index.js';
import { checkEnum, checkOptions } from '../options/index.js';
import { setField } from '../records/values.js';
import { summarizeJaccard } from './jaccard.js';
import { summarizeKMedoids } from './kmedoids.js';
import {
  type JaccardOptions,
  type KMedoidsOptions,
  resolveJaccardOptions,
  resolveKMedoidsOptions,
  SUMMARIZER_OPTION_KEYS,
} from './options.js';

/** Column fields of {@link summarizeColumn}, shared by both methods. */
export interface SummarizeColumnFields {
  /** The column holding the text to summarize, for example `'mdna'`. */
  readonly textColumn: string;
  /**
   * The column to write the summary text to, placed right after `textColumn`.
   * @default 'summary'
   */
  readonly outputColumn?: string;
  /** Called after each row with the number of rows done and the total. @default undefined */
  readonly onProgress?: (done: number, total: number) => void;
  /** Stops the work between rows (throws the signal's reason). @default undefined */
  readonly signal?: AbortSignal;
}

/** Options of {@link summarizeColumn}: the column fields plus the chosen summarizer's options. */
export type SummarizeColumnOptions =
  | (SummarizeColumnFields & JaccardOptions & { readonly method?: 'jaccard' })
  | (SummarizeColumnFields & KMedoidsOptions & { readonly method: 'kmedoids' });

/** Defaults of {@link SummarizeColumnOptions}. */
export const defaultSummarizeColumnOptions: Readonly<{ outputColumn: string; method: 'jaccard' }> =
  Object.freeze({ outputColumn: 'summary', method: 'jaccard' });

/**
 * Records step: add a summary column next to a text column. Returns new rows (the input rows are
 * not changed) with the same keys in the same order, plus `outputColumn` right after
 * `textColumn` (moved there if it already existed). A row whose text is not a string (for example
 * `null` for a filing without MD&A) gets `null`.
 *
 * @param rows - Records, for example TabText rows with an `mdna` column.
 * @param options - `textColumn`, optional `outputColumn`, `method` (`'jaccard'`, the default, or
 *   `'kmedoids'`) and that method's options (see {@link summarizeJaccard}, {@link summarizeKMedoids}).
 * @returns New rows with the summary column.
 * @throws {InvalidArgumentError} When `rows` is not an array, a row lacks `textColumn`, or the
 *   summarizer options are bad. Throws the signal's reason when aborted.
 * @example
 * ```ts
 * import { summarizeColumn } from 'fin-tabtext';
 * const rows = [{ cik: '0000037996', mdna: 'Sales rose. Costs fell. Sales and costs matter.' }];
 * summarizeColumn(rows, { textColumn: 'mdna', summarySize: 1 });
 * // [{ cik: '0000037996', mdna: '...', summary: 'Sales and costs matter.' }]
 * summarizeColumn(rows, { textColumn: 'mdna', method: 'kmedoids', summarySize: 2, seed: 1 });
 * ```
 */
export function summarizeColumn(
  rows: readonly Readonly<Record<string, unknown>>[],
  options: SummarizeColumnOptions,
): Record<string, unknown>[] {
  const example = "summarizeColumn(rows, { textColumn: 'mdna', summarySize: 5 })";
  if (!Array.isArray(rows)) {
    throw new InvalidArgumentError(
      'rows',
      `summarizeColumn(rows, options) needs an array of records, got ${describeType(rows)}. Call it as ${example}.`,
    );
  }
  if (options === undefined) {
    throw new InvalidArgumentError(
      'options',
      `summarizeColumn(rows, options) needs options. Call it as ${example}.`,
    );
  }
  checkOptions(
    'summarizeColumn',
    options,
    ['textColumn', 'outputColumn', 'method', 'onProgress', 'signal', ...SUMMARIZER_OPTION_KEYS],
    'options',
    example,
  );
  const {
    textColumn,
    outputColumn = defaultSummarizeColumnOptions.outputColumn,
    method = defaultSummarizeColumnOptions.method,
    onProgress,
    signal,
    ...summarizerOptions
  } = options;
  if (typeof textColumn !== 'string' || textColumn === '') {
    throw new InvalidArgumentError(
      'options.textColumn',
      `summarizeColumn: options.textColumn must name the text column, got ${describeType(textColumn)}. ` +
        `Call it as ${example}.`,
    );
  }
  if (typeof outputColumn !== 'string' || outputColumn === '' || outputColumn === textColumn) {
    throw new InvalidArgumentError(
      'options.outputColumn',
      'summarizeColumn: options.outputColumn must be a column name other than textColumn. ' +
        "Call it as summarizeColumn(rows, { textColumn: 'mdna', outputColumn: 'mdna_summary', summarySize: 5 }).",
    );
  }
  let summarize: (text: string) => string;
  const chosen = checkEnum(
    'summarizeColumn',
    'options.method',
    method,
    ['jaccard', 'kmedoids'] as const,
    "summarizeColumn(rows, { textColumn: 'mdna', method: 'kmedoids', summarySize: 5 })",
  );
  if (chosen === 'kmedoids') {
    resolveKMedoidsOptions(summarizerOptions);
    summarize = (text) => summarizeKMedoids(text, summarizerOptions as KMedoidsOptions).summary;
  } else {
    resolveJaccardOptions(summarizerOptions);
    summarize = (text) => summarizeJaccard(text, summarizerOptions as JaccardOptions).summary;
  }
  return rows.map((row, r) => {
    signal?.throwIfAborted();
    if (row === null || typeof row !== 'object' || !Object.hasOwn(row, textColumn)) {
      throw new InvalidArgumentError(
        'options.textColumn',
        `summarizeColumn: row ${r} has no column '${textColumn}'. Call it as ${example} on rows that have it.`,
      );
    }
    const text = row[textColumn];
    const summary = typeof text === 'string' ? summarize(text) : null;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(row)) {
      if (key === outputColumn) continue;
      setField(out, key, value);
      if (key === textColumn) setField(out, outputColumn, summary);
    }
    onProgress?.(r + 1, rows.length);
    return out;
  });
}
