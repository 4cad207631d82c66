import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { addAbortSignal, PassThrough, pipeline, Readable, type Transform } from 'node:stream';
import { pipeline as pipelineAsync } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { CsvError, parse } from 'csv-parse';
import { stringify } from 'csv-stringify';
import { describeType, InvalidArgumentError } from '../errors/index.js';
import { checkBoolean, checkOptions } from '../options/index.js';
import { type ColumnarFormat, type ColumnarTarget, columnarFormatOf } from './columnar.js';
import { writeColumnar } from './columnar-write.js';
import { RecordsFormatError } from './errors.js';
import { splitLines } from './lines.js';
import { defaultReadRecordsOptions } from './options.js';
import { castNumber, escapeFormula, own, type RecordValue, setField, toRecordValue } from './values.js';

/** A records file format: comma-separated values with a header row, or one JSON object per line. */
export type RecordFormat = 'csv' | 'jsonl';

/** Where {@link readRecords} reads from: a file path, a Node readable stream, or chunks of text/bytes. */
export type RecordInput = string | NodeJS.ReadableStream | AsyncIterable<string | Uint8Array>;

/** Options of {@link readRecords}. */
export interface ReadRecordsOptions {
  /**
   * The format. Required for streams; for a path it is detected from the extension
   * (`.csv`, `.jsonl`, `.ndjson`, each optionally followed by `.gz`).
   * @default undefined (detected from the path)
   */
  readonly format?: RecordFormat;
  /**
   * CSV only: turn cells that are canonical decimal numbers (`-12`, `3.5`, `1e-3`, but not `007`
   * or `+1`) into numbers. Off by default so zero-padded CIKs and accession numbers stay strings.
   * @default false
   */
  readonly castNumbers?: boolean;
  /** Stops reading; the iteration then throws the signal's reason. @default undefined */
  readonly signal?: AbortSignal;
}

/** Options of {@link writeRecords}. */
export interface WriteRecordsOptions {
  /**
   * The format; detected from the path's extension when not given (`.parquet` and `.arrow` too).
   * @default undefined (detected from the path)
   */
  readonly format?: RecordFormat | ColumnarFormat;
  /**
   * Parquet/Arrow only: the type of named columns. Others take the pipeline's type for a
   * pipeline column, else the type of their values (all-null columns are strings).
   * @default undefined
   */
  readonly columnTypes?: Readonly<Record<string, 'string' | 'int32' | 'float64' | 'boolean'>>;
  /**
   * The output columns, in order. Rows missing one get `null`; other keys are dropped. Without
   * it the columns are the keys of the first row, and a later row with a key not among them is
   * an error (records must be column-stable).
   * @default undefined (keys of the first row)
   */
  readonly columns?: readonly string[];
  /**
   * CSV only: guard against CSV (formula) injection with the OWASP rule. A text cell starting with
   * `=`, `+`, `-`, `@`, a tab or a carriage return gets a `'` prefix, so a spreadsheet shows it as
   * text instead of evaluating it (`=HYPERLINK(...)` from a company name). Numbers, and text cells
   * that are canonical numbers such as `-12`, are never changed. The prefix is not removed on
   * reading: turn this off for files that only programs read and that must round-trip exactly.
   * @default true
   */
  readonly escapeFormulas?: boolean;
  /** Stops writing; the temporary file is removed and the promise rejects with the signal's reason. @default undefined */
  readonly signal?: AbortSignal;
}

const READ_KEYS = ['format', 'castNumbers', 'signal'] as const;
// `columnTypes` belongs to the Parquet/Arrow writers (src/records/parquet.ts, arrow.ts); it is
// accepted here so one options object serves every format.
const WRITE_KEYS = ['format', 'columns', 'escapeFormulas', 'signal', 'columnTypes'] as const;

/** What {@link writeRecords} wrote. */
export interface WriteRecordsResult {
  /** The output path. */
  readonly path: string;
  /** The format written. */
  readonly format: RecordFormat | ColumnarFormat;
  /** The columns written, in order. */
  readonly columns: readonly string[];
  /** Number of rows written (not counting the CSV header). */
  readonly rows: number;
}

/** Called by the internal reader with the CSV header, and with the raw bytes read so far. */
export interface ReadHooks {
  readonly onHeader?: (columns: readonly string[]) => void;
  readonly onBytes?: (bytes: number) => void;
}

/**
 * The records format of a path from its extension: `.csv` is CSV, `.jsonl` and `.ndjson` are
 * JSONL, each optionally gzip-compressed (`.csv.gz`).
 *
 * @param path - A file path.
 * @returns The format, or `undefined` for another extension.
 * @example
 * ```ts
 * detectRecordFormat('scores.jsonl.gz'); // 'jsonl'
 * ```
 */
export function detectRecordFormat(path: string): RecordFormat | undefined {
  const name = path.toLowerCase().replace(/\.gz$/, '');
  if (name.endsWith('.csv')) return 'csv';
  if (name.endsWith('.jsonl') || name.endsWith('.ndjson')) return 'jsonl';
  return undefined;
}

/** Validate `options.format` or detect it from `path`; `fn` and `example` shape the error message. */
export function resolveFormat(
  fn: string,
  format: unknown,
  path: string | undefined,
  example: string,
): RecordFormat {
  if (format !== undefined) {
    if (format === 'csv' || format === 'jsonl') return format;
    throw new InvalidArgumentError(
      'options.format',
      `${fn}: options.format must be 'csv' or 'jsonl', got ${JSON.stringify(format) ?? describeType(format)}. Call it as ${example}.`,
    );
  }
  const detected = path === undefined ? undefined : detectRecordFormat(path);
  if (detected === undefined) {
    throw new InvalidArgumentError(
      'options.format',
      path === undefined
        ? `${fn}: options.format is required when reading a stream. Call it as ${example}.`
        : `${fn}: cannot tell the format of ${JSON.stringify(path)} from its extension (use .csv, .jsonl or .ndjson, ` +
            `optionally .gz), so pass options.format. Call it as ${example}.`,
    );
  }
  return detected;
}

function isReadableStream(value: unknown): value is NodeJS.ReadableStream {
  return (
    value !== null && typeof value === 'object' && typeof (value as { pipe?: unknown }).pipe === 'function'
  );
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] === 'function'
  );
}

function checkInput(fn: string, input: unknown): void {
  if (!(typeof input === 'string' && input !== '') && !isReadableStream(input) && !isAsyncIterable(input)) {
    throw new InvalidArgumentError(
      'input',
      `${fn}: input must be a file path or a readable stream, got ${describeType(input)}. ` +
        `Call it as ${fn}('filings.csv') or ${fn}(process.stdin, { format: 'jsonl' }).`,
    );
  }
}

/** Bytes counted as they pass, so callers can report progress against the file size. */
function byteCounter(onBytes: (bytes: number) => void): Transform {
  let total = 0;
  const counter = new PassThrough();
  counter.on('data', (chunk: Buffer) => {
    total += chunk.length;
    onBytes(total);
  });
  return counter;
}

/** Open `input` as a stream of decompressed bytes, destroyed by `signal`. */
function openBytes(
  input: RecordInput,
  hooks: ReadHooks,
  signal: AbortSignal | undefined,
): NodeJS.ReadableStream {
  const raw: NodeJS.ReadableStream =
    typeof input === 'string'
      ? createReadStream(input, { highWaterMark: 1 << 18 })
      : isReadableStream(input)
        ? input
        : Readable.from(input as AsyncIterable<string | Uint8Array>, { objectMode: false });
  const stages: NodeJS.ReadWriteStream[] = [];
  if (hooks.onBytes) stages.push(byteCounter(hooks.onBytes));
  if (typeof input === 'string' && input.toLowerCase().endsWith('.gz')) stages.push(createGunzip());
  let out: NodeJS.ReadableStream = raw;
  if (stages.length > 0) {
    out = (pipeline as unknown as (...streams: unknown[]) => NodeJS.ReadableStream)(raw, ...stages, () => {});
  }
  if (signal) addAbortSignal(signal, out as Readable);
  return out;
}

async function* readCsv(
  bytes: NodeJS.ReadableStream,
  castNumbers: boolean,
  hooks: ReadHooks,
  signal: AbortSignal | undefined,
): AsyncGenerator<Record<string, RecordValue>> {
  // Unquoted empty cells are missing values (null); quoted empty cells ("") are empty strings,
  // so null and '' both survive a round trip through writeRecords. Blank lines are kept so that
  // a one-column table keeps its null rows (written as empty lines); wider tables skip them.
  const parser = parse({
    bom: true,
    skip_empty_lines: false,
    relax_column_count: true,
    info: true,
    cast: (value, context) => (context.quoting || value !== '' ? value : null),
  });
  const chain = (pipeline as unknown as (...streams: unknown[]) => Readable)(bytes, parser, () => {});
  let header: string[] | undefined;
  try {
    for await (const item of chain as AsyncIterable<{
      record: (string | null)[];
      info: { lines: number };
    }>) {
      signal?.throwIfAborted();
      const cells = item.record;
      if (header === undefined) {
        if (cells.length === 1 && cells[0] === null) continue;
        header = cells.map((cell) => cell ?? '');
        const seen = new Set<string>();
        for (const name of header) {
          if (seen.has(name)) {
            throw new RecordsFormatError(
              `CSV header repeats the column ${JSON.stringify(name)}; column names must be distinct.`,
              {
                line: 1,
              },
            );
          }
          seen.add(name);
        }
        hooks.onHeader?.(header);
        continue;
      }
      if (cells.length !== header.length) {
        if (cells.length === 1 && cells[0] === null) continue;
        throw new RecordsFormatError(
          `Malformed CSV at line ${item.info.lines}: ${cells.length} cells where the header has ${header.length}.`,
          { line: item.info.lines },
        );
      }
      const row: Record<string, RecordValue> = {};
      for (let i = 0; i < header.length; i++) {
        const cell = cells[i] ?? null;
        setField(row, header[i]!, castNumbers && cell !== null ? castNumber(cell) : cell);
      }
      yield row;
    }
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines;
      throw new RecordsFormatError(
        `Malformed CSV${line === undefined ? '' : ` at line ${line}`}: ${error.message}`,
        {
          line: line ?? null,
          cause: error,
        },
      );
    }
    throw error;
  } finally {
    chain.destroy();
  }
  if (header === undefined) hooks.onHeader?.([]);
}

function parseJsonLine(text: string, line: number): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new RecordsFormatError(`JSONL line ${line} is not valid JSON: ${(error as Error).message}`, {
      line,
      cause: error,
    });
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new RecordsFormatError(`JSONL line ${line} must hold a JSON object, got ${describeType(value)}.`, {
      line,
    });
  }
  return value as Record<string, unknown>;
}

async function* readJsonl(
  bytes: NodeJS.ReadableStream,
  signal: AbortSignal | undefined,
): AsyncGenerator<Record<string, unknown>> {
  let line = 0;
  try {
    for await (const raw of splitLines(bytes as AsyncIterable<Buffer | string>)) {
      signal?.throwIfAborted();
      line++;
      let text = line === 1 && raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
      if (text.endsWith('\r')) text = text.slice(0, -1);
      if (text.trim() !== '') yield parseJsonLine(text, line);
    }
  } finally {
    (bytes as Readable).destroy?.();
  }
}

/** The reader behind {@link readRecords}, with hooks for header and byte progress. */
export function openRecords(
  fn: string,
  input: RecordInput,
  options: ReadRecordsOptions,
  hooks: ReadHooks = {},
): AsyncGenerator<Record<string, unknown>> {
  checkInput(fn, input);
  checkOptions(fn, options, READ_KEYS);
  const format = resolveFormat(
    fn,
    options.format,
    typeof input === 'string' ? input : undefined,
    `${fn}('filings.csv') or ${fn}(stream, { format: 'csv' })`,
  );
  const castNumbers =
    checkBoolean(fn, 'options.castNumbers', options.castNumbers) ?? defaultReadRecordsOptions.castNumbers;
  const signal = options.signal;
  return (async function* records() {
    signal?.throwIfAborted();
    const bytes = openBytes(input, hooks, signal);
    if (format === 'csv') yield* readCsv(bytes, castNumbers, hooks, signal);
    else yield* readJsonl(bytes, signal);
  })();
}

/**
 * Read a CSV or JSONL file (or stream) one record at a time, in constant memory. CSV needs a
 * header row; cells are strings, unquoted empty cells are `null` and quoted empty cells (`""`) are
 * `''`. JSONL lines are parsed with `JSON.parse` (blank lines are skipped). A UTF-8 byte order mark
 * is ignored and `.gz` files are decompressed.
 *
 * @param input - A file path, a Node readable stream, or an async iterable of text/byte chunks.
 * @param options - {@link ReadRecordsOptions}.
 * @returns An async iterable of records.
 * @throws {InvalidArgumentError} Immediately, for a bad input or option.
 * @throws {RecordsFormatError} While iterating, for malformed CSV or a JSONL line that is not an object.
 * @example
 * ```ts
 * for await (const row of readRecords('filings.csv')) console.log(row.cik);
 * ```
 */
export function readRecords(
  input: RecordInput,
  options: ReadRecordsOptions = {},
): AsyncIterable<Record<string, unknown>> {
  return openRecords('readRecords', input, options);
}

function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
}

function toJsonValue(value: unknown, field: string): unknown {
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) return value;
  return toRecordValue(value, field);
}

/**
 * Write records to a CSV or JSONL file in constant memory. The output is written to a temporary
 * file in the same directory and renamed over `path` only when every row is written, so a failure
 * or an abort never leaves a half-written output (the temporary file is removed). Missing values
 * and `undefined`/`NaN`/±Infinity are written as empty CSV cells (JSON `null`); empty strings as
 * `""`; `Date`s as `YYYY-MM-DD`. A `.gz` path is gzip-compressed. Parent folders are created.
 *
 * @param path - The output file.
 * @param rows - Records, as an array, any iterable or an async iterable.
 * @param options - {@link WriteRecordsOptions}.
 * @returns What was written.
 * @throws {InvalidArgumentError} For a bad argument, a non-object row, a nested CSV value, or a row
 *   with a column that the first row lacks (name given as `rows[i].column`).
 * @example
 * ```ts
 * await writeRecords('out/scores.csv', [{ cik: '0000037996', fog: 18.2 }]);
 * ```
 */
export async function writeRecords(
  path: string | ColumnarTarget,
  rows: Iterable<Readonly<Record<string, unknown>>> | AsyncIterable<Readonly<Record<string, unknown>>>,
  options: WriteRecordsOptions = {},
): Promise<WriteRecordsResult> {
  const fn = 'writeRecords';
  const columnar = columnarFormatOf(path, options?.format);
  if (columnar !== undefined) return writeColumnarRecords(path, rows, options, columnar);
  if (typeof path !== 'string' || path === '') {
    throw new InvalidArgumentError(
      'path',
      `${fn}(path, rows) needs a file path, got ${describeType(path)}. Call it as ${fn}('scores.csv', rows).`,
    );
  }
  const iterable =
    rows !== null && typeof rows === 'object' && (Symbol.iterator in rows || Symbol.asyncIterator in rows);
  if (!iterable) {
    throw new InvalidArgumentError(
      'rows',
      `${fn}(path, rows) needs an array or (async) iterable of objects, got ${describeType(rows)}. ` +
        `Call it as ${fn}('scores.csv', [{ cik: '0000037996' }]).`,
    );
  }
  checkOptions(fn, options, WRITE_KEYS);
  const escapeCells = checkBoolean(fn, 'options.escapeFormulas', options.escapeFormulas) ?? true;
  const format = resolveFormat(
    fn,
    options.format,
    path,
    `${fn}('scores.csv', rows) or ${fn}('out.txt', rows, { format: 'csv' })`,
  );
  const explicit = options.columns;
  if (
    explicit !== undefined &&
    (!Array.isArray(explicit) ||
      explicit.some((c) => typeof c !== 'string') ||
      new Set(explicit).size !== explicit.length)
  ) {
    throw new InvalidArgumentError(
      'options.columns',
      `${fn}: options.columns must be an array of distinct column names, got ${describeType(explicit)}. ` +
        `Call it as ${fn}('scores.csv', rows, { columns: ['cik', 'fog'] }).`,
    );
  }
  const { signal } = options;
  signal?.throwIfAborted();

  let columns: readonly string[] | undefined = explicit === undefined ? undefined : [...explicit];
  let count = 0;
  const csv = format === 'csv';

  async function* cells(): AsyncGenerator<unknown> {
    if (csv && columns !== undefined) yield columns;
    let batch = '';
    for await (const row of rows as AsyncIterable<Readonly<Record<string, unknown>>>) {
      signal?.throwIfAborted();
      if (row === null || typeof row !== 'object' || Array.isArray(row)) {
        throw new InvalidArgumentError(
          `rows[${count}]`,
          `${fn}: rows[${count}] must be an object, got ${describeType(row)}. Call it as ${fn}('a.csv', [{ cik: '0000037996' }]).`,
        );
      }
      if (columns === undefined) {
        columns = Object.keys(row);
        if (csv) yield columns;
      } else if (explicit === undefined) {
        for (const key of Object.keys(row)) {
          if (!columns.includes(key)) {
            throw new InvalidArgumentError(
              `rows[${count}].${key}`,
              `${fn}: rows[${count}] has the column ${JSON.stringify(key)} that the first row lacks; records must be ` +
                `column-stable. Pass every column up front: ${fn}(path, rows, { columns: [${[...columns, key]
                  .map((c) => JSON.stringify(c))
                  .join(', ')}] }).`,
            );
          }
        }
      }
      if (csv) {
        yield columns.map((column) => {
          const value = toRecordValue(own(row, column), `rows[${count}].${column}`);
          return escapeCells && typeof value === 'string' ? escapeFormula(value) : value;
        });
      } else {
        const out: Record<string, unknown> = {};
        for (const column of columns) {
          setField(out, column, toJsonValue(own(row, column), `rows[${count}].${column}`));
        }
        batch += `${JSON.stringify(out)}\n`;
        if (batch.length >= 1 << 16) {
          yield batch;
          batch = '';
        }
      }
      count++;
    }
    if (batch !== '') yield batch;
  }

  await mkdir(dirname(path), { recursive: true });
  const temp = tempPathFor(path);
  const stages: (NodeJS.ReadableStream | NodeJS.WritableStream | NodeJS.ReadWriteStream)[] = [
    Readable.from(cells(), { objectMode: true }),
  ];
  if (csv) {
    stages.push(
      stringify({
        cast: {
          boolean: (value) => String(value),
          string: (value) => (value === '' ? { value: '', quoted_empty: true } : value),
        },
      }),
    );
  }
  if (path.toLowerCase().endsWith('.gz')) stages.push(createGzip());
  stages.push(createWriteStream(temp, { flags: 'wx' }));
  try {
    await (pipelineAsync as unknown as (...args: unknown[]) => Promise<void>)(
      ...stages,
      signal ? { signal } : {},
    );
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw signal?.aborted ? signal.reason : error;
  }
  return { path, format, columns: columns ?? [], rows: count };
}

/** `writeRecords` for Parquet and Arrow IPC (typed columns; a path or a writable stream). */
async function writeColumnarRecords(
  target: ColumnarTarget,
  rows: Iterable<Readonly<Record<string, unknown>>> | AsyncIterable<Readonly<Record<string, unknown>>>,
  options: WriteRecordsOptions,
  format: ColumnarFormat,
): Promise<WriteRecordsResult> {
  return writeColumnar(target, rows, options, format);
}
