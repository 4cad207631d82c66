import type { ColumnType } from '../pipeline/columns.js';
import {
  type ColumnarOptions,
  type ColumnarTarget,
  type ColumnBatch,
  columnBatches,
  withTarget,
  writeChunk,
} from './columnar.js';

const PARQUET_TYPES = { string: 'STRING', int32: 'INT32', float64: 'DOUBLE', boolean: 'BOOLEAN' } as const;

/** Rows per Parquet row group, and the text that closes one early (long MD&A columns). */
const GROUP_ROWS = 10_000;
const GROUP_CHARS = 64 << 20;

function columnData(
  batch: ColumnBatch,
): { name: string; data: unknown[]; type: (typeof PARQUET_TYPES)[ColumnType]; nullable: true }[] {
  return batch.columns.map((name, c) => ({
    name,
    data: batch.values[c]!,
    type: PARQUET_TYPES[batch.types[c]!],
    nullable: true,
  }));
}

/**
 * Write rows as Apache Parquet (hyparquet-writer, Snappy-compressed), one row group per
 * 10,000 rows (or 64 M characters of text), to a file or a stream. Every column is nullable;
 * strings stay strings (CIKs keep their zeros), counts are INT32, scores DOUBLE.
 *
 * @param target - A path (written atomically) or a writable stream.
 * @param rows - Records, any (async) iterable.
 * @param options - Columns, column types, signal.
 * @returns The columns written and the row count.
 */
export async function writeParquet(
  target: ColumnarTarget,
  rows: Iterable<Readonly<Record<string, unknown>>> | AsyncIterable<Readonly<Record<string, unknown>>>,
  options: ColumnarOptions,
): Promise<{ columns: readonly string[]; rows: number }> {
  const { ByteWriter, ParquetWriter, schemaFromColumnData } = await import('hyparquet-writer');
  return withTarget(target, async (stream) => {
    const writer = new ByteWriter(1 << 20);
    // Each row group is handed to the stream as soon as it is encoded, so memory holds one group.
    const flush = (): Promise<void> | undefined => {
      const bytes = new Uint8Array(writer.buffer.slice(0, writer.index));
      writer.index = 0;
      return writeChunk(stream, bytes);
    };
    Object.assign(writer, { flush, finish: flush });
    let parquet: InstanceType<typeof ParquetWriter> | undefined;
    let columns: readonly string[] = [];
    let count = 0;
    for await (const batch of columnBatches(rows, options, GROUP_ROWS, GROUP_CHARS)) {
      const data = columnData(batch) as Parameters<typeof schemaFromColumnData>[0]['columnData'];
      parquet ??= new ParquetWriter({
        writer,
        schema: schemaFromColumnData({ columnData: data }),
        createdBy: 'fin-tabtext (hyparquet-writer)',
      });
      columns = batch.columns;
      if (batch.length > 0) await parquet.write({ columnData: data, rowGroupSize: batch.length });
      count += batch.length;
    }
    await parquet?.finish();
    return { columns, rows: count };
  });
}
