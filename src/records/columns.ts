import { describeType, InvalidArgumentError } from '../errors/index.js';
import { checkOptions } from '../options/index.js';
import { type FlatRecord, own, type RecordValue, setField, toRecordValue } from './values.js';

/** A table held column by column: each column name maps to one array, all of one length. */
export type ColumnTable = Record<string, RecordValue[]>;

/** Options of {@link toColumns} and {@link alignRecords}. */
export interface ColumnOptions {
  /**
   * The columns to keep, in this order. Rows missing one get `null`; keys of a row not listed
   * are dropped.
   * @default undefined (every key of every row, in first-seen order)
   */
  readonly columns?: readonly string[];
}

function checkRows(fn: string, rows: unknown): readonly Readonly<Record<string, unknown>>[] {
  if (!Array.isArray(rows)) {
    throw new InvalidArgumentError(
      'rows',
      `${fn}(rows) needs an array of objects, got ${describeType(rows)}. Call it as ${fn}([{ cik: '0000037996' }]).`,
    );
  }
  rows.forEach((row, i) => {
    if (row === null || typeof row !== 'object' || Array.isArray(row)) {
      throw new InvalidArgumentError(
        `rows[${i}]`,
        `${fn}(rows): rows[${i}] must be an object, got ${describeType(row)}. Call it as ${fn}([{ cik: '0000037996' }]).`,
      );
    }
  });
  return rows as readonly Readonly<Record<string, unknown>>[];
}

function checkColumnList(fn: string, columns: unknown): readonly string[] {
  if (
    !Array.isArray(columns) ||
    columns.some((c) => typeof c !== 'string') ||
    new Set(columns).size !== columns.length
  ) {
    throw new InvalidArgumentError(
      'options.columns',
      `${fn}: options.columns must be an array of distinct column names, got ${describeType(columns)}. ` +
        `Call it as ${fn}(rows, { columns: ['cik', 'date'] }).`,
    );
  }
  return columns as readonly string[];
}

/**
 * The columns of a set of rows: every key of every row, in first-seen order.
 *
 * @param rows - Objects.
 * @returns The column names.
 * @throws {InvalidArgumentError} When `rows` is not an array of objects.
 * @example
 * ```ts
 * recordColumns([{ a: 1 }, { b: 2, a: 3 }]); // ['a', 'b']
 * ```
 */
export function recordColumns(rows: readonly Readonly<Record<string, unknown>>[]): string[] {
  const seen = new Set<string>();
  for (const row of checkRows('recordColumns', rows)) for (const key of Object.keys(row)) seen.add(key);
  return [...seen];
}

/**
 * Make rows column-stable: new rows with the same keys in the same order, `null` for missing
 * values, `undefined`/`NaN`/±Infinity turned into `null` and `Date`s into `YYYY-MM-DD`.
 *
 * @param rows - Objects (not mutated).
 * @param options - {@link ColumnOptions}.
 * @returns New flat rows.
 * @throws {InvalidArgumentError} For a non-array, a non-object row or a nested value (naming `rows[i].column`).
 * @example
 * ```ts
 * alignRecords([{ a: 1 }, { b: NaN }]); // [{ a: 1, b: null }, { a: null, b: null }]
 * ```
 */
export function alignRecords(
  rows: readonly Readonly<Record<string, unknown>>[],
  options: ColumnOptions = {},
): FlatRecord[] {
  const list = checkRows('alignRecords', rows);
  checkOptions('alignRecords', options, ['columns']);
  const columns =
    options.columns === undefined ? recordColumns(list) : checkColumnList('alignRecords', options.columns);
  return list.map((row, i) => {
    const out: FlatRecord = {};
    for (const column of columns)
      setField(out, column, toRecordValue(own(row, column), `rows[${i}].${column}`));
    return out;
  });
}

/**
 * Turn rows into a column object `{ column: values[] }`, the shape DataFrame libraries take:
 * Arquero `aq.table(cols)`, nodejs-polars `pl.DataFrame(cols)`, Apache Arrow
 * `tableFromArrays(cols)` and danfo `new DataFrame(cols)`. Missing values are `null`.
 *
 * @param rows - Objects (not mutated).
 * @param options - {@link ColumnOptions}.
 * @returns One array per column, each `rows.length` long.
 * @throws {InvalidArgumentError} For a non-array, a non-object row or a nested value.
 * @example
 * ```ts
 * toColumns([{ cik: '0000037996', fog: 18.2 }, { cik: '0000320193' }]);
 * // { cik: ['0000037996', '0000320193'], fog: [18.2, null] }
 * ```
 */
export function toColumns(
  rows: readonly Readonly<Record<string, unknown>>[],
  options: ColumnOptions = {},
): ColumnTable {
  const list = checkRows('toColumns', rows);
  checkOptions('toColumns', options, ['columns']);
  const columns =
    options.columns === undefined ? recordColumns(list) : checkColumnList('toColumns', options.columns);
  const table: ColumnTable = {};
  for (const column of columns) {
    setField(
      table,
      column,
      list.map((row, i) => toRecordValue(own(row, column), `rows[${i}].${column}`)),
    );
  }
  return table;
}

/**
 * Turn a column object back into rows: the inverse of {@link toColumns}. Every array must have
 * the same length; typed arrays (`Float64Array`, ...) are accepted.
 *
 * @param columns - `{ column: values[] }`.
 * @returns Flat rows with the columns in the object's key order.
 * @throws {InvalidArgumentError} When a column is not an array or the lengths differ (naming the column).
 * @example
 * ```ts
 * fromColumns({ cik: ['0000037996'], fog: [18.2] }); // [{ cik: '0000037996', fog: 18.2 }]
 * ```
 */
export function fromColumns(columns: Readonly<Record<string, ArrayLike<unknown>>>): FlatRecord[] {
  if (columns === null || typeof columns !== 'object' || Array.isArray(columns)) {
    throw new InvalidArgumentError(
      'columns',
      `fromColumns(columns) needs an object of arrays, got ${describeType(columns)}. Call it as fromColumns({ cik: ['0000037996'] }).`,
    );
  }
  const names = Object.keys(columns);
  let length: number | undefined;
  for (const name of names) {
    const values = columns[name];
    const isArrayLike = Array.isArray(values) || ArrayBuffer.isView(values);
    if (!isArrayLike) {
      throw new InvalidArgumentError(
        `columns.${name}`,
        `fromColumns: columns.${name} must be an array, got ${describeType(values)}. Call it as fromColumns({ ${name}: [1, 2] }).`,
      );
    }
    const n = (values as ArrayLike<unknown>).length;
    if (length !== undefined && n !== length) {
      throw new InvalidArgumentError(
        `columns.${name}`,
        `fromColumns: columns.${name} has ${n} values but ${names[0]} has ${length}; every column must have the same length.`,
      );
    }
    length = n;
  }
  const rows: FlatRecord[] = [];
  for (let i = 0; i < (length ?? 0); i++) {
    const row: FlatRecord = {};
    for (const name of names)
      setField(
        row,
        name,
        toRecordValue((own(columns, name) as ArrayLike<unknown>)[i], `columns.${name}[${i}]`),
      );
    rows.push(row);
  }
  return rows;
}
