import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { finished } from 'node:stream/promises';
import { describeType, InvalidArgumentError } from '../errors/index.js';
import { type ColumnType, pipelineColumnType } from '../pipeline/columns.js';
import { type RecordValue, toRecordValue } from './values.js';

/** A typed columnar file format: Apache Parquet, or the Arrow IPC file format. */
export type ColumnarFormat = 'parquet' | 'arrow';

/** Where a columnar writer writes: a file path, or a writable stream (e.g. `process.stdout`). */
export type ColumnarTarget = string | NodeJS.WritableStream;

/** What the columnar writers need of `writeRecords`' options. */
export interface ColumnarOptions {
  readonly columns?: readonly string[];
  readonly columnTypes?: Readonly<Record<string, ColumnType>>;
  readonly signal?: AbortSignal;
}

/** Rows in, one typed column batch at a time out. */
export interface ColumnBatch {
  readonly columns: readonly string[];
  readonly types: readonly ColumnType[];
  readonly values: readonly RecordValue[][];
  readonly length: number;
}

/**
 * The columnar format of a path from its extension: `.parquet` / `.pq` is Parquet; `.arrow`,
 * `.feather` and `.ipc` are Arrow IPC.
 *
 * @param path - A file path.
 * @returns The format, or `undefined`.
 */
export function detectColumnarFormat(path: string): ColumnarFormat | undefined {
  const name = path.toLowerCase();
  if (name.endsWith('.parquet') || name.endsWith('.pq')) return 'parquet';
  if (name.endsWith('.arrow') || name.endsWith('.feather') || name.endsWith('.ipc')) return 'arrow';
  return undefined;
}

/** `options.format` when it is a columnar format, else the format of the path's extension. */
export function columnarFormatOf(target: unknown, format: unknown): ColumnarFormat | undefined {
  if (format === 'parquet' || format === 'arrow') return format;
  if (format !== undefined) return undefined;
  return typeof target === 'string' ? detectColumnarFormat(target) : undefined;
}

const TYPES: readonly ColumnType[] = ['string', 'int32', 'float64', 'boolean'];

/** The type of a column from its values, for a column the pipeline does not know. */
function inferType(column: string, values: readonly RecordValue[], rowOffset: number): ColumnType {
  let seen: ColumnType | undefined;
  values.forEach((value, i) => {
    if (value === null) return;
    const type: ColumnType =
      typeof value === 'string' ? 'string' : typeof value === 'boolean' ? 'boolean' : 'float64';
    if (seen !== undefined && seen !== type) {
      throw new InvalidArgumentError(
        `rows[${rowOffset + i}].${column}`,
        `writeRecords: rows[${rowOffset + i}].${column}: column ${JSON.stringify(column)} mixes ${seen} and ${type} values; a typed file needs one type per column. ` +
          `Convert them first, or pass { columnTypes: { ${column}: 'string' } }.`,
      );
    }
    seen = type;
  });
  return seen ?? 'string';
}

function checkValue(column: string, type: ColumnType, value: RecordValue, where: string): RecordValue {
  if (value === null) return null;
  const ok =
    type === 'string'
      ? typeof value === 'string'
      : type === 'boolean'
        ? typeof value === 'boolean'
        : typeof value === 'number' &&
          (type === 'float64' || (Number.isInteger(value) && Math.abs(value) < 2 ** 31));
  if (ok) return value;
  if (type === 'string' && (typeof value === 'number' || typeof value === 'boolean')) return String(value);
  throw new InvalidArgumentError(
    where,
    `writeRecords: ${where} is ${describeType(value)} ${JSON.stringify(value)}, but column ${JSON.stringify(column)} is ${type}. ` +
      `Pass { columnTypes: { ${column}: '${typeof value === 'number' ? 'float64' : 'string'}' } }.`,
  );
}

/**
 * Group rows into typed column batches. The columns are `options.columns` or the keys of the
 * first row; the types are `options.columnTypes`, then the pipeline's own column types, then
 * what the first batch holds (all-null columns are strings). Nested values are refused.
 */
export async function* columnBatches(
  rows: Iterable<Readonly<Record<string, unknown>>> | AsyncIterable<Readonly<Record<string, unknown>>>,
  options: ColumnarOptions,
  batchRows: number,
  batchChars: number,
): AsyncGenerator<ColumnBatch> {
  let columns: readonly string[] | undefined = options.columns;
  let types: ColumnType[] | undefined;
  let values: RecordValue[][] = [];
  let length = 0;
  let chars = 0;
  let count = 0;
  for (const [name, type] of Object.entries(options.columnTypes ?? {})) {
    if (!TYPES.includes(type)) {
      throw new InvalidArgumentError(
        `options.columnTypes.${name}`,
        `writeRecords: options.columnTypes.${name} must be one of ${TYPES.map((t) => `'${t}'`).join(', ')}, got ${JSON.stringify(type)}.`,
      );
    }
  }
  const flush = (): ColumnBatch => {
    if (types === undefined) {
      types = columns!.map(
        (column, c) =>
          options.columnTypes?.[column] ??
          pipelineColumnType(column) ??
          inferType(column, values[c]!, count - length),
      );
    }
    const batch: ColumnBatch = {
      columns: columns!,
      types,
      values: values.map((column, c) =>
        column.map((value, i) =>
          checkValue(columns![c]!, types![c]!, value, `rows[${count - length + i}].${columns![c]}`),
        ),
      ),
      length,
    };
    values = columns!.map(() => []);
    length = 0;
    chars = 0;
    return batch;
  };
  for await (const row of rows as AsyncIterable<Readonly<Record<string, unknown>>>) {
    options.signal?.throwIfAborted();
    if (row === null || typeof row !== 'object' || Array.isArray(row)) {
      throw new InvalidArgumentError(
        `rows[${count}]`,
        `writeRecords: rows[${count}] must be an object, got ${describeType(row)}.`,
      );
    }
    if (columns === undefined) columns = Object.keys(row);
    if (values.length === 0) values = columns.map(() => []);
    if (options.columns === undefined) {
      for (const key of Object.keys(row)) {
        if (!columns.includes(key)) {
          throw new InvalidArgumentError(
            `rows[${count}].${key}`,
            `writeRecords: rows[${count}] has the column ${JSON.stringify(key)} that the first row lacks; records must be column-stable. ` +
              'Pass every column up front: writeRecords(path, rows, { columns: [...] }).',
          );
        }
      }
    }
    columns.forEach((column, c) => {
      const value = toRecordValue(row[column], `rows[${count}].${column}`);
      if (typeof value === 'string') chars += value.length;
      values[c]!.push(value);
    });
    length++;
    count++;
    if (length >= batchRows || chars >= batchChars) yield flush();
  }
  if (columns === undefined) columns = options.columns ?? [];
  if (values.length === 0) values = columns.map(() => []);
  if (length > 0 || types === undefined) yield flush();
}

/** Write bytes to a stream, waiting when it asks to. */
export function writeChunk(stream: NodeJS.WritableStream, bytes: Uint8Array): Promise<void> | undefined {
  if (stream.write(bytes)) return undefined;
  return new Promise((resolve, reject) => {
    const onDrain = (): void => {
      stream.off('error', onError);
      resolve();
    };
    const onError = (error: unknown): void => {
      stream.off('drain', onDrain);
      reject(error);
    };
    stream.once('drain', onDrain);
    stream.once('error', onError);
  });
}

/**
 * Open the target: a temporary sibling file (renamed over the path on success, removed on
 * failure), or the caller's stream (left open).
 */
export async function withTarget<T>(
  target: ColumnarTarget,
  write: (stream: NodeJS.WritableStream) => Promise<T>,
): Promise<T> {
  if (typeof target !== 'string') return write(target);
  await mkdir(dirname(target), { recursive: true });
  const temp = `${target}.${process.pid}-${Date.now()}.tmp`;
  const stream = createWriteStream(temp, { flags: 'wx' });
  try {
    const result = await write(stream);
    stream.end();
    await finished(stream);
    await rename(temp, target);
    return result;
  } catch (error) {
    stream.destroy();
    await rm(temp, { force: true });
    throw error;
  }
}
