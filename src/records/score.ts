import { stat } from 'node:fs/promises';
import { describeType, InvalidArgumentError } from '../errors/index.js';
import { checkNumber, checkOptions } from '../options/index.js';
import { createPipelinePool } from '../pipeline/pool.js';
import { scoreInPool } from '../pipeline/score-rows.js';
import type { ScoreOptions } from '../score/index.js';
import { alignRecords, recordColumns } from './columns.js';
import { openRecords, type RecordFormat, type RecordInput, resolveFormat, writeRecords } from './io.js';
import { defaultScoreRecordsOptions } from './options.js';
import { defaultScorer, SCORE_OPTION_KEYS, type TextScorer } from './scorer.js';
import { type FlatRecord, type RecordValue, toRecordValue } from './values.js';

export type { TextScorer } from './scorer.js';

/**
 * Options of {@link scoreRecords}: the {@link ScoreOptions} of `scoreText` (`attributes`,
 * `wordLists`, `fogMode`, `matchCounts`), passed to the scorer, plus the fields below.
 */
export interface ScoreRecordsOptions extends ScoreOptions {
  /** The column holding the text to score. Required. */
  readonly textColumn: string;
  /**
   * Put before every score column name, to score several text columns of one table
   * (`{ textColumn: 'mdna', prefix: 'mdna_' }`).
   * @default ''
   */
  readonly prefix?: string;
  /**
   * The scorer: text in, flat record of scores out. Swap it to score with your own function.
   * @default scoreText
   */
  readonly scorer?: TextScorer;
}

/** Progress of {@link scoreFile}. */
export interface ScoreFileProgress {
  /** Rows scored so far. */
  readonly rows: number;
  /** Bytes of the input file read so far (compressed bytes for `.gz`). */
  readonly bytesRead: number;
  /** Size of the input file, or `null` when reading a stream. */
  readonly totalBytes: number | null;
}

/** Options of {@link scoreFile}: those of {@link scoreRecords} plus the fields below. */
export interface ScoreFileOptions extends ScoreRecordsOptions {
  /** Format of the input; detected from its extension when it is a path. @default undefined */
  readonly format?: RecordFormat;
  /** Format of the output; detected from its extension. @default undefined */
  readonly outputFormat?: RecordFormat;
  /** Called every `progressEvery` rows and once at the end. @default undefined */
  readonly onProgress?: (progress: ScoreFileProgress) => void;
  /** Rows between two `onProgress` calls. @default 100 */
  readonly progressEvery?: number;
  /** Stops the run; no output file is left behind and the promise rejects with the signal's reason. @default undefined */
  readonly signal?: AbortSignal;
  /** CSV output: the OWASP formula guard of writeRecords (`escapeFormulas`). @default true */
  readonly escapeFormulas?: boolean;
  /**
   * Worker threads scoring batches of rows (the pipeline's pool); `0` scores in this thread.
   * Needs the default scorer (a custom function cannot cross threads). Row order is kept.
   * @default 0
   */
  readonly workers?: number;
}

/** What {@link scoreFile} wrote. */
export interface ScoreFileResult {
  /** The output path. */
  readonly path: string;
  /** The output columns: the input's, then the score columns. */
  readonly columns: readonly string[];
  /** Rows scored. */
  readonly rows: number;
}

const RECORD_KEYS = ['textColumn', 'prefix', 'scorer'] as const;
const FILE_KEYS = [
  'format',
  'outputFormat',
  'onProgress',
  'progressEvery',
  'signal',
  'escapeFormulas',
  'workers',
] as const;

interface ResolvedScoring {
  readonly textColumn: string;
  readonly scorer: TextScorer;
  readonly scoreOptions: Readonly<Record<string, unknown>>;
  readonly scoreColumns: readonly string[];
  readonly rawColumns: readonly string[];
}

function resolveScoring(fn: string, options: unknown, fileKeys: readonly string[]): ResolvedScoring {
  const example = `${fn}(${fn === 'scoreFile' ? "'in.csv', 'out.csv'" : 'rows'}, { textColumn: 'mdna' })`;
  if (options === undefined) {
    throw new InvalidArgumentError(
      'options',
      `${fn} needs an options object with textColumn. Call it as ${example}.`,
    );
  }
  const given = options as Record<string, unknown>;
  const custom = given !== null && typeof given === 'object' && given.scorer !== undefined;
  // A custom scorer may take any option; scoreText's are known, so a typo is caught here.
  const o = checkOptions(
    fn,
    given,
    custom ? Object.keys(given) : [...RECORD_KEYS, ...fileKeys, ...SCORE_OPTION_KEYS],
    'options',
    example,
  );
  if (typeof o.textColumn !== 'string' || o.textColumn === '') {
    throw new InvalidArgumentError(
      'options.textColumn',
      `${fn}: options.textColumn must name the text column, got ${describeType(o.textColumn)}. Call it as ${example}.`,
    );
  }
  const prefix = o.prefix ?? defaultScoreRecordsOptions.prefix;
  if (typeof prefix !== 'string') {
    throw new InvalidArgumentError(
      'options.prefix',
      `${fn}: options.prefix must be a string, got ${describeType(prefix)}. Call it as ${example.replace(' })', ", prefix: 'mdna_' })")}.`,
    );
  }
  const scorer = o.scorer ?? defaultScorer;
  if (typeof scorer !== 'function') {
    throw new InvalidArgumentError(
      'options.scorer',
      `${fn}: options.scorer must be a function (text, options) => scores, got ${describeType(scorer)}. ` +
        `Call it as ${example.replace(' })', ', scorer: scoreText })')}.`,
    );
  }
  const scoreOptions: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(o)) {
    if ((RECORD_KEYS as readonly string[]).includes(key) || fileKeys.includes(key)) continue;
    scoreOptions[key] = value;
  }
  // The scorer's own column order, read from the empty text, so even an empty input gets every column.
  const rawColumns = Object.keys((scorer as TextScorer)('', scoreOptions));
  return {
    textColumn: o.textColumn,
    scorer: scorer as TextScorer,
    scoreOptions,
    rawColumns,
    scoreColumns: rawColumns.map((c) => prefix + c),
  };
}

function checkCollisions(fn: string, inputColumns: readonly string[], scoreColumns: readonly string[]): void {
  for (const column of scoreColumns) {
    if (inputColumns.includes(column)) {
      throw new InvalidArgumentError(
        'options.prefix',
        `${fn}: the input already has a column ${JSON.stringify(column)}, which scoring would overwrite. ` +
          `Pass a prefix: ${fn}(..., { textColumn: '...', prefix: 'score_' }).`,
      );
    }
  }
}

function textOf(
  row: Readonly<Record<string, unknown>>,
  textColumn: string,
  index: number,
  fn: string,
): string {
  const text = row[textColumn];
  if (text === null || text === undefined) return '';
  if (typeof text !== 'string') {
    throw new InvalidArgumentError(
      `rows[${index}].${textColumn}`,
      `${fn}: rows[${index}].${textColumn} must be a string (or null), got ${describeType(text)}.`,
    );
  }
  return text;
}

function scoreRow(
  row: Readonly<Record<string, unknown>>,
  index: number,
  fn: string,
  s: ResolvedScoring,
): Record<string, RecordValue> {
  return scoreColumns(s.scorer(textOf(row, s.textColumn, index, fn), s.scoreOptions), s);
}

/** A scorer's record as the output's score columns (prefixed, flat values). */
function scoreColumns(
  scores: Readonly<Record<string, unknown>>,
  s: ResolvedScoring,
): Record<string, RecordValue> {
  const out: Record<string, RecordValue> = {};
  s.rawColumns.forEach((raw, i) => {
    out[s.scoreColumns[i]!] = toRecordValue(scores[raw], `scores.${raw}`);
  });
  return out;
}

/**
 * Score the text column of every row: new rows with the input's columns (column-stable, `null`
 * for missing) followed by the score columns. A `null` or missing text scores as empty text.
 *
 * @param rows - Objects holding a text column (not mutated).
 * @param options - {@link ScoreRecordsOptions}: `textColumn`, `prefix`, `scorer` and score options.
 * @returns New flat rows.
 * @throws {InvalidArgumentError} When `textColumn` is missing from the rows, a text is not a string,
 *   or a score column would overwrite an input column.
 * @example
 * ```ts
 * const rows = scoreRecords([{ cik: '0000037996', mdna: 'Our losses increased.' }], { textColumn: 'mdna' });
 * rows[0].negative; // share of negative words
 * ```
 */
export function scoreRecords(
  rows: readonly Readonly<Record<string, unknown>>[],
  options: ScoreRecordsOptions,
): FlatRecord[] {
  const fn = 'scoreRecords';
  const s = resolveScoring(fn, options, []);
  if (!Array.isArray(rows)) {
    throw new InvalidArgumentError(
      'rows',
      `${fn}(rows, options) needs an array of objects, got ${describeType(rows)}.`,
    );
  }
  if (rows.length === 0) return [];
  const aligned = alignRecords(rows);
  const columns = recordColumns(rows);
  if (!columns.includes(s.textColumn)) {
    throw new InvalidArgumentError(
      'options.textColumn',
      `${fn}: no row has the text column ${JSON.stringify(s.textColumn)}; the columns are ${columns.join(', ')}.`,
    );
  }
  checkCollisions(fn, columns, s.scoreColumns);
  return aligned.map((row, i) => Object.assign(row, scoreRow(row, i, fn, s)));
}

/**
 * Score the text column of a CSV or JSONL file and write the rows with their score columns to
 * another CSV or JSONL file, one row at a time (constant memory, any file size). The output is
 * written to a temporary file and renamed on success, so a failure or an abort leaves no output.
 *
 * @param input - Input path (`.csv`, `.jsonl`, `.ndjson`, optionally `.gz`) or a readable stream with `options.format`.
 * @param output - Output path; its extension picks the format unless `options.outputFormat` is given.
 * @param options - {@link ScoreFileOptions}.
 * @returns What was written.
 * @throws {InvalidArgumentError} For bad options, a text column absent from the input, or a score
 *   column that would overwrite an input column.
 * @throws {RecordsFormatError} For malformed input.
 * @example
 * ```ts
 * await scoreFile('mdna.csv', 'mdna-scores.csv', {
 *   textColumn: 'mdna',
 *   onProgress: ({ rows }) => console.log(`${rows} rows`),
 * });
 * ```
 */
export async function scoreFile(
  input: RecordInput,
  output: string,
  options: ScoreFileOptions,
): Promise<ScoreFileResult> {
  const fn = 'scoreFile';
  const s = resolveScoring(fn, options, FILE_KEYS);
  const { onProgress, signal } = options;
  const progressEvery = options.progressEvery ?? defaultScoreRecordsOptions.progressEvery;
  if (!Number.isInteger(progressEvery) || progressEvery < 1) {
    throw new InvalidArgumentError(
      'options.progressEvery',
      `${fn}: options.progressEvery must be a positive integer, got ${String(progressEvery)}. ` +
        `Call it as ${fn}('in.csv', 'out.csv', { textColumn: 'mdna', progressEvery: 1000 }).`,
    );
  }
  if (onProgress !== undefined && typeof onProgress !== 'function') {
    throw new InvalidArgumentError(
      'options.onProgress',
      `${fn}: options.onProgress must be a function, got ${describeType(onProgress)}.`,
    );
  }
  if (typeof output !== 'string' || output === '') {
    throw new InvalidArgumentError(
      'output',
      `${fn}(input, output, options): output must be a file path, got ${describeType(output)}.`,
    );
  }
  const outputFormat = resolveFormat(
    fn,
    options.outputFormat,
    output,
    `${fn}('in.csv', 'out.csv', { textColumn: 'mdna' })`,
  );
  let header: readonly string[] | undefined;
  let bytesRead = 0;
  const rows = openRecords(
    fn,
    input,
    { format: options.format, signal },
    { onHeader: (columns) => (header = columns), onBytes: (bytes) => (bytesRead = bytes) },
  );
  const totalBytes = typeof input === 'string' ? await stat(input).then((st) => st.size) : null;
  let count = 0;
  let inputColumns: readonly string[] | undefined;

  const checkColumns = (columns: readonly string[]): void => {
    if (!columns.includes(s.textColumn)) {
      throw new InvalidArgumentError(
        'options.textColumn',
        `${fn}: the input has no column ${JSON.stringify(s.textColumn)}; its columns are ` +
          `${columns.length === 0 ? '(none)' : columns.join(', ')}. Call it as ${fn}(input, output, { textColumn: '${columns[0] ?? 'text'}' }).`,
      );
    }
    checkCollisions(fn, columns, s.scoreColumns);
  };

  const workers =
    checkNumber(fn, 'options.workers', options.workers, { min: 0, max: 256, integer: true }) ?? 0;
  if (workers > 0 && options.scorer !== undefined) {
    throw new InvalidArgumentError(
      'options.workers',
      `${fn}: options.workers needs the default scorer; a custom scorer function cannot be sent to worker threads. ` +
        `Call it as ${fn}('in.csv', 'out.csv', { textColumn: 'mdna', workers: 2 }).`,
    );
  }

  async function* checkedRows(): AsyncGenerator<Record<string, unknown>> {
    for await (const row of rows) {
      if (inputColumns === undefined) {
        inputColumns = header ?? Object.keys(row);
        checkColumns(inputColumns);
      }
      yield row;
    }
  }
  // Rows with their scores: from the pool, a batch of rows per task, or scored here.
  async function* withScores(): AsyncGenerator<[Record<string, unknown>, Record<string, RecordValue>]> {
    if (workers === 0) {
      let index = 0;
      for await (const row of checkedRows()) yield [row, scoreRow(row, index++, fn, s)];
      return;
    }
    // Started here and closed in finally: also when the input fails or the writer stops early.
    const pool = await createPipelinePool({ workers });
    try {
      const texts = (row: Record<string, unknown>, i: number): string => textOf(row, s.textColumn, i, fn);
      const options = { pool, scoreOptions: s.scoreOptions, batchSize: 64, window: 2 * workers, signal };
      for await (const [row, scores] of scoreInPool(checkedRows(), texts, options)) {
        yield [row, scoreColumns(scores, s)];
      }
    } finally {
      await pool.close();
    }
  }

  async function* scored(): AsyncGenerator<Record<string, unknown>> {
    for await (const [row, scores] of withScores()) {
      const out = { ...row, ...scores };
      count++;
      if (onProgress && count % progressEvery === 0) onProgress({ rows: count, bytesRead, totalBytes });
      yield out;
    }
    if (inputColumns === undefined && header !== undefined) {
      inputColumns = header;
      checkColumns(header);
    }
  }

  // CSV input has its header before the first row: pass the columns explicitly, so the output has
  // a header even for an input with no rows. JSONL columns come from the first row.
  const source = scored();
  const first = await source.next();
  async function* all(): AsyncGenerator<Record<string, unknown>> {
    if (!first.done) yield first.value;
    yield* source;
  }
  const csvHeader = header as readonly string[] | undefined;
  let written: Awaited<ReturnType<typeof writeRecords>>;
  try {
    written = await writeRecords(output, all(), {
      format: outputFormat,
      columns: csvHeader === undefined ? undefined : [...csvHeader, ...s.scoreColumns],
      signal,
      escapeFormulas: options.escapeFormulas,
    });
  } finally {
    // Closes the input if the writer failed before pulling every row (a no-op after a full run).
    await source.return(undefined);
  }
  onProgress?.({ rows: count, bytesRead, totalBytes });
  return { path: written.path, columns: written.columns, rows: count };
}
