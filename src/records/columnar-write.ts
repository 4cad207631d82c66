import { describeType, InvalidArgumentError } from '../errors/index.js';
import { checkOptions } from '../options/index.js';
import { writeArrow } from './arrow.js';
import type { ColumnarFormat, ColumnarTarget } from './columnar.js';
import type { WriteRecordsOptions, WriteRecordsResult } from './io.js';
import { writeParquet } from './parquet.js';

const KEYS = ['format', 'columns', 'columnTypes', 'signal'];

function isWritable(value: unknown): value is NodeJS.WritableStream {
  return (
    value !== null && typeof value === 'object' && typeof (value as { write?: unknown }).write === 'function'
  );
}

/**
 * `writeRecords` for Parquet and Arrow IPC: checks the arguments, then streams typed batches to
 * a path (atomically) or a writable stream.
 */
export async function writeColumnar(
  target: ColumnarTarget,
  rows: Iterable<Readonly<Record<string, unknown>>> | AsyncIterable<Readonly<Record<string, unknown>>>,
  options: WriteRecordsOptions,
  format: ColumnarFormat,
): Promise<WriteRecordsResult> {
  const fn = 'writeRecords';
  if (!(typeof target === 'string' && target !== '') && !isWritable(target)) {
    throw new InvalidArgumentError(
      'path',
      `${fn}(path, rows) needs a file path or a writable stream, got ${describeType(target)}. ` +
        `Call it as ${fn}('tabtext.parquet', rows) or ${fn}(process.stdout, rows, { format: 'parquet' }).`,
    );
  }
  const o = checkOptions(fn, options, KEYS);
  const iterable =
    rows !== null && typeof rows === 'object' && (Symbol.iterator in rows || Symbol.asyncIterator in rows);
  if (!iterable) {
    throw new InvalidArgumentError(
      'rows',
      `${fn}(path, rows) needs an array or (async) iterable of objects, got ${describeType(rows)}.`,
    );
  }
  if (
    o.columns !== undefined &&
    (!Array.isArray(o.columns) || o.columns.some((c) => typeof c !== 'string'))
  ) {
    throw new InvalidArgumentError(
      'options.columns',
      `${fn}: options.columns must be an array of column names, got ${describeType(o.columns)}.`,
    );
  }
  o.signal?.throwIfAborted();
  const write = format === 'parquet' ? writeParquet : writeArrow;
  try {
    const written = await write(target, rows, o);
    return {
      path: typeof target === 'string' ? target : '-',
      format,
      columns: written.columns,
      rows: written.rows,
    };
  } catch (error) {
    throw o.signal?.aborted ? o.signal.reason : error;
  }
}
