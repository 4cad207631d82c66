import { InvalidArgumentError } from '../errors/index.js';
import { type FilingRowOptions, resolveFilingRowOptions } from './options.js';

/** Filing identity columns, first on every row. */
export const IDENTITY_COLUMNS: readonly string[] = Object.freeze([
  'ticker',
  'cik',
  'company',
  'form_type',
  'filing_date',
  'report_date',
  'accession_number',
  'url',
]);

/** Where the scored text came from, and its length. */
export const TEXT_STATUS_COLUMNS: readonly string[] = Object.freeze([
  'mdna_status',
  'text_source',
  'mdna_chars',
]);

/** The Altman inputs, amounts in US dollars, in the order of the Altman block. @internal */
export const ALTMAN_INPUT_COLUMNS: readonly string[] = Object.freeze([
  'total_assets',
  'total_liabilities',
  'current_assets',
  'current_liabilities',
  'retained_earnings',
  'ebit',
  'net_sales',
  'book_value_equity',
  'market_value_equity',
]);

/** The Altman block, flattened: source, model, inputs, ratios, score, provenance. */
export const ALTMAN_COLUMNS: readonly string[] = Object.freeze([
  'altman_source',
  'altman_variant',
  'altman_period_end',
  ...ALTMAN_INPUT_COLUMNS,
  'wc_ta',
  're_ta',
  'ebit_ta',
  'mve_tl',
  'bve_tl',
  'sales_ta',
  'altman_z',
  'altman_zone',
  'altman_provenance',
  'altman_fallbacks',
  'altman_note',
]);

/** Columns holding whole counts (written as int32 in Parquet and Arrow). */
export const INTEGER_COLUMNS: ReadonlySet<string> = new Set(['mdna_chars', 'word_count', 'sentence_count']);

/**
 * The columns of a pipeline row for these options, in order: identity, `mdna_status`,
 * `text_source`, `mdna_chars`, then `mdna` (with `includeText`) and `summary` (with `summary`),
 * the score columns (`word_count`, `sentence_count`, the 11 scores, then one per custom word
 * list and `<list>_count` with `matchCounts`), `items` (8-K item numbers), the Altman block and
 * `error`. Every row of {@link filingRow} and `buildDataset` has exactly these keys, in this order.
 *
 * @param options - The same {@link FilingRowOptions} given to `filingRow`/`buildDataset`.
 * @returns The column names.
 * @throws {InvalidArgumentError} For a bad option (naming it).
 * @example
 * ```ts
 * import { pipelineColumns } from 'fin-tabtext';
 * pipelineColumns().slice(0, 3); // ['ticker', 'cik', 'company']
 * pipelineColumns({ includeText: true }).includes('mdna'); // true
 * ```
 */
export function pipelineColumns(options?: FilingRowOptions): string[] {
  const r = resolveFilingRowOptions('pipelineColumns', options);
  const fixed = new Set([
    ...IDENTITY_COLUMNS,
    ...TEXT_STATUS_COLUMNS,
    'mdna',
    'summary',
    'items',
    ...ALTMAN_COLUMNS,
    'error',
  ]);
  const clash = r.scoreColumns.find((column) => fixed.has(column));
  if (clash !== undefined) {
    throw new InvalidArgumentError(
      'options.scores.wordLists',
      `pipelineColumns: the word list ${JSON.stringify(clash)} would overwrite the pipeline column of that name; ` +
        "rename it, e.g. { scores: { wordLists: { esg_terms: ['emissions'] } } }.",
    );
  }
  return [
    ...IDENTITY_COLUMNS,
    ...TEXT_STATUS_COLUMNS,
    ...(r.includeText ? ['mdna'] : []),
    ...(r.summary === false ? [] : ['summary']),
    ...r.scoreColumns,
    'items',
    ...ALTMAN_COLUMNS,
    'error',
  ];
}

/** The type of a column in Parquet and Arrow output. */
export type ColumnType = 'string' | 'int32' | 'float64' | 'boolean';

const STRING_COLUMNS = new Set([
  ...IDENTITY_COLUMNS,
  'mdna_status',
  'text_source',
  'mdna',
  'summary',
  'items',
  'altman_source',
  'altman_variant',
  'altman_period_end',
  'altman_zone',
  'altman_provenance',
  'altman_fallbacks',
  'altman_note',
  'error',
]);

/**
 * The type of a pipeline column: strings for ids, dates and text; int32 for counts
 * (`word_count`, `sentence_count`, `mdna_chars`, `<list>_count`); float64 for scores, Altman
 * inputs, ratios and Z. `undefined` for a name the pipeline does not write.
 *
 * @param column - A column name.
 * @returns Its type, or `undefined`.
 * @example
 * ```ts
 * pipelineColumnType('cik'); // 'string'
 * pipelineColumnType('word_count'); // 'int32'
 * ```
 */
export function pipelineColumnType(column: string): ColumnType | undefined {
  if (STRING_COLUMNS.has(column)) return 'string';
  if (INTEGER_COLUMNS.has(column) || column.endsWith('_count')) return 'int32';
  if (ALTMAN_COLUMNS.includes(column) || SCORE_NAMES.has(column)) return 'float64';
  return undefined;
}

const SCORE_NAMES = new Set([
  'negative',
  'positive',
  'certainty',
  'uncertainty',
  'risk',
  'safe',
  'fraud',
  'litigious',
  'polarity',
  'sentiment',
  'readability',
]);
