import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { addAbortSignal, PassThrough, pipeline, Readable, type Transform } from 'node:stream';
import { pipeline as pipelineAsync } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip, createGzip } from 'node:zlib';
import { CsvError, parse } from 'csv-parse';
import { stringify } from 'csv-stringify';
import { describeType, InvalidArgumentError } from '../errors/index.js';
import { type ColumnarFormat, type ColumnarTarget, columnarFormatOf } from './columnar.js';
import { writeColumnar } from './columnar-write.js';
import { RecordsFormatError } from './errors.js';
import { defaultReadRecordsOptions } from './options.js';
import { checkOptionsObject, type RecordValue, toRecordValue } from './values.js';

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
  /** Stops writing; the temporary file is removed and the promise rejects with the signal's reason. @default undefined */
  readonly signal?: AbortSignal;
}

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

const CANONICAL_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

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
  // so null and '' both survive a round trip through writeRecords.
  const parser = parse({
    bom: true,
    skip_empty_lines: true,
    cast: (value, context) => (context.quoting || value !== '' ? value : null),
  });
  const chain = (pipeline as unknown as (...streams: unknown[]) => Readable)(bytes, parser, () => {});
  let header: string[] | undefined;
  try {
    for await (const cells of chain as AsyncIterable<(string | null)[]>) {
      signal?.throwIfAborted();
      if (header === undefined) {
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
      const row: Record<string, RecordValue> = {};
      for (let i = 0; i < header.length; i++) {
        const cell = cells[i] ?? null;
        row[header[i]!] = castNumbers && cell !== null && CANONICAL_NUMBER.test(cell) ? Number(cell) : cell;
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
  const decoder = new StringDecoder('utf8');
  let rest = '';
  let line = 0;
  let first = true;
  const take = (text: string): Record<string, unknown> | undefined => {
    line++;
    if (first) {
      first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    const trimmed = text.endsWith('\r') ? text.slice(0, -1) : text;
    return trimmed.trim() === '' ? undefined : parseJsonLine(trimmed, line);
  };
  try {
    for await (const chunk of bytes as AsyncIterable<Buffer | string>) {
      signal?.throwIfAborted();
      rest += typeof chunk === 'string' ? chunk : decoder.write(chunk);
      let start = 0;
      let end = rest.indexOf('\n', start);
      while (end !== -1) {
        const row = take(rest.slice(start, end));
        if (row) yield row;
        start = end + 1;
        end = rest.indexOf('\n', start);
      }
      rest = rest.slice(start);
    }
    rest += decoder.end();
    if (rest !== '') {
      const row = take(rest);
      if (row) yield row;
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
  checkOptionsObject(fn, options);
  const format = resolveFormat(
    fn,
    options.format,
    typeof input === 'string' ? input : undefined,
    `${fn}('filings.csv') or ${fn}(stream, { format: 'csv' })`,
  );
  const castNumbers = options.castNumbers ?? defaultReadRecordsOptions.castNumbers;
  if (typeof castNumbers !== 'boolean') {
    throw new InvalidArgumentError(
      'options.castNumbers',
      `${fn}: options.castNumbers must be a boolean, got ${describeType(castNumbers)}. Call it as ${fn}('a.csv', { castNumbers: true }).`,
    );
  }
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
  checkOptionsObject(fn, options);
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
        yield columns.map((column) => toRecordValue(row[column], `rows[${count}].${column}`));
      } else {
        const out: Record<string, unknown> = {};
        for (const column of columns) out[column] = toJsonValue(row[column], `rows[${count}].${column}`);
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
