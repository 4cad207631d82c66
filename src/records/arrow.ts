import type { ColumnType } from '../pipeline/columns.js';
import {
  type ColumnarOptions,
  type ColumnarTarget,
  columnBatches,
  withTarget,
  writeChunk,
} from './columnar.js';

/** Rows per Arrow record batch, and the text that closes one early. */
const BATCH_ROWS = 10_000;
const BATCH_CHARS = 64 << 20;

/**
 * Write rows as an Arrow IPC file (apache-arrow), one record batch per 10,000 rows, to a file or
 * a stream. Types are explicit: Utf8 strings (never dictionary-encoded, so free text is not a
 * category), Int32 counts, Float64 scores, Bool; every field nullable.
 *
 * @param target - A path (written atomically) or a writable stream.
 * @param rows - Records, any (async) iterable.
 * @param options - Columns, column types, signal.
 * @returns The columns written and the row count.
 */
export async function writeArrow(
  target: ColumnarTarget,
  rows: Iterable<Readonly<Record<string, unknown>>> | AsyncIterable<Readonly<Record<string, unknown>>>,
  options: ColumnarOptions,
): Promise<{ columns: readonly string[]; rows: number }> {
  const arrow = await import('apache-arrow');
  const typeOf = (type: ColumnType) =>
    type === 'string'
      ? new arrow.Utf8()
      : type === 'int32'
        ? new arrow.Int32()
        : type === 'float64'
          ? new arrow.Float64()
          : new arrow.Bool();
  return withTarget(target, async (stream) => {
    let writer: InstanceType<typeof arrow.RecordBatchFileWriter> | undefined;
    let schema: InstanceType<typeof arrow.Schema> | undefined;
    let columns: readonly string[] = [];
    let count = 0;
    let pump: Promise<void> | undefined;
    for await (const batch of columnBatches(rows, options, BATCH_ROWS, BATCH_CHARS)) {
      columns = batch.columns;
      schema ??= new arrow.Schema(
        batch.columns.map((name, c) => new arrow.Field(name, typeOf(batch.types[c]!), true)),
      );
      if (writer === undefined) {
        writer = new arrow.RecordBatchFileWriter();
        const source = writer;
        // Encoded bytes go to the stream as the writer yields them, waiting when it is full.
        pump = (async () => {
          for await (const chunk of source) await writeChunk(stream, chunk);
        })();
        pump.catch(() => {});
      }
      if (count === 0 && batch.length === 0) writer.reset(undefined, schema);
      if (batch.length > 0) {
        const children = batch.columns.map(
          (_, c) => arrow.vectorFromArray(batch.values[c]!, schema!.fields[c]!.type).data[0]!,
        );
        const data = arrow.makeData({
          type: new arrow.Struct(schema.fields),
          length: batch.length,
          nullCount: 0,
          children,
        });
        writer.write(new arrow.RecordBatch(schema, data));
      }
      count += batch.length;
    }
    if (writer !== undefined) {
      writer.finish();
      await pump;
    }
    return { columns, rows: count };
  });
}
