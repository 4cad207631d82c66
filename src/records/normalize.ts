import { describeType, InvalidArgumentError } from '../errors/index.js';
import { checkEnum, checkOptions } from '../options/index.js';
import { alignRecords, recordColumns } from './columns.js';
import { defaultNormalizeOptions, type NormalizeMethod } from './options.js';
import type { FlatRecord } from './values.js';

/** Options of {@link normalizeColumns}. */
export interface NormalizeOptions {
  /**
   * `'zscore'`: `(x - mean) / std` with the population standard deviation (as scikit-learn's
   * `StandardScaler`). `'minmax'`: `(x - min) / (max - min)`, into `[0, 1]` on the fitted rows.
   * @default 'zscore'
   */
  readonly method?: NormalizeMethod;
}

/** Fitted parameters of one column; `null` statistics when the column had no values. */
export interface ColumnNormalization {
  /** Number of non-null values the parameters were fitted on. */
  readonly count: number;
  /** What is subtracted: the mean (`zscore`) or the minimum (`minmax`). */
  readonly center: number | null;
  /** What the difference is divided by: the standard deviation or `max - min`; `1` when that is zero. */
  readonly scale: number | null;
}

/** Parameters fitted by {@link normalizeColumns}: plain JSON, safe to save next to a model. */
export interface NormalizationParams {
  /** The method. */
  readonly method: NormalizeMethod;
  /** Parameters per column, in the order given. */
  readonly columns: Readonly<Record<string, ColumnNormalization>>;
}

/** What {@link normalizeColumns} returns. */
export interface NormalizeResult {
  /** New rows, column-stable, with the listed columns normalized. */
  readonly rows: FlatRecord[];
  /** The fitted parameters, for {@link applyNormalization} on held-out rows. */
  readonly params: NormalizationParams;
}

const NUMBER_TEXT = /^\s*[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?\s*$/;

/** A cell as a number, `null` when missing; numeric strings (as read from CSV) are accepted. */
function numeric(value: unknown, field: string, fn: string): number | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return null;
    if (Number.isFinite(value)) return value;
  } else if (typeof value === 'string' && NUMBER_TEXT.test(value)) {
    return Number(value);
  }
  throw new InvalidArgumentError(
    field,
    `${fn}: ${field} must be a finite number, a numeric string or null, got ` +
      `${typeof value === 'string' || typeof value === 'number' ? (JSON.stringify(value) ?? String(value)) : describeType(value)}.`,
  );
}

function checkColumnsArg(
  fn: string,
  rows: readonly Readonly<Record<string, unknown>>[],
  columns: unknown,
): readonly string[] {
  if (
    !Array.isArray(columns) ||
    columns.length === 0 ||
    columns.some((c) => typeof c !== 'string') ||
    new Set(columns).size !== columns.length
  ) {
    throw new InvalidArgumentError(
      'columns',
      `${fn}: columns must be a non-empty array of distinct column names, got ${describeType(columns)}. ` +
        "Call it as normalizeColumns(rows, ['polarity', 'fog'], { method: 'zscore' }).",
    );
  }
  const present = recordColumns(rows);
  if (rows.length > 0) {
    for (const column of columns as string[]) {
      if (!present.includes(column)) {
        throw new InvalidArgumentError(
          'columns',
          `${fn}: no row has the column ${JSON.stringify(column)}; the columns are ${present.join(', ')}.`,
        );
      }
    }
  }
  return columns as string[];
}

function fitColumn(values: readonly number[], method: NormalizeMethod): ColumnNormalization {
  const count = values.length;
  if (count === 0) return { count, center: null, scale: null };
  let spread: number;
  let center: number;
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (method === 'minmax') {
    center = min;
    spread = max - min;
  } else {
    let sum = 0;
    for (const v of values) sum += v;
    center = sum / count;
    let squares = 0;
    for (const v of values) squares += (v - center) ** 2;
    spread = Math.sqrt(squares / count);
  }
  // A constant column (every value equal) has zero spread, but its mean carries rounding noise
  // (the mean of three 0.1s is not exactly 0.1), so it is centered on the constant itself and
  // divided by 1, as scikit-learn divides by 1: fitted rows become exactly 0 and new rows their
  // distance to the constant.
  if (min === max) return { count, center: min, scale: 1 };
  // Differences so small that their squares underflow to 0 cannot be scaled either.
  return { count, center, scale: spread > 0 ? spread : 1 };
}

function transform(
  rows: readonly Readonly<Record<string, unknown>>[],
  params: NormalizationParams,
  fn: string,
): FlatRecord[] {
  const aligned = alignRecords(rows);
  aligned.forEach((row, i) => {
    for (const [column, p] of Object.entries(params.columns)) {
      const x = numeric(row[column], `rows[${i}].${column}`, fn);
      row[column] = x === null || p.center === null || p.scale === null ? null : (x - p.center) / p.scale;
    }
  });
  return aligned;
}

/**
 * Fit a normalization on some columns of training rows and apply it: new rows (column-stable,
 * inputs not mutated) and the fitted parameters. `null`, missing and `NaN` values stay `null` and
 * are left out of the fit (so are ±Infinity, which records hold as `null`); numeric strings (as read from CSV) are converted. A constant column
 * (every value equal) is centered on its value and divided by 1, so its fitted
 * values become exactly 0; a column with no values gives
 * `null` parameters and stays `null`. Apply the same parameters to test rows with
 * {@link applyNormalization}, so no test statistics leak into training.
 *
 * @param rows - Training rows.
 * @param columns - The numeric columns to normalize.
 * @param options - {@link NormalizeOptions}.
 * @returns `{ rows, params }`.
 * @throws {InvalidArgumentError} For a bad method, an absent column, or a non-numeric value (naming `rows[i].column`).
 * @example
 * ```ts
 * const { rows, params } = normalizeColumns(train, ['polarity', 'fog'], { method: 'zscore' });
 * const testRows = applyNormalization(test, params);
 * ```
 */
export function normalizeColumns(
  rows: readonly Readonly<Record<string, unknown>>[],
  columns: readonly string[],
  options: NormalizeOptions = {},
): NormalizeResult {
  const fn = 'normalizeColumns';
  if (!Array.isArray(rows)) {
    throw new InvalidArgumentError(
      'rows',
      `${fn}(rows, columns) needs an array of objects, got ${describeType(rows)}.`,
    );
  }
  checkOptions(fn, options, ['method']);
  const method =
    checkEnum(fn, 'options.method', options.method, ['zscore', 'minmax'] as const) ??
    defaultNormalizeOptions.method;
  const aligned = alignRecords(rows);
  const list = checkColumnsArg(fn, rows, columns);
  const fitted: Record<string, ColumnNormalization> = {};
  for (const column of list) {
    const values: number[] = [];
    aligned.forEach((row, i) => {
      const x = numeric(row[column], `rows[${i}].${column}`, fn);
      if (x !== null) values.push(x);
    });
    fitted[column] = Object.freeze(fitColumn(values, method));
  }
  const params: NormalizationParams = Object.freeze({ method, columns: Object.freeze(fitted) });
  return { rows: transform(aligned, params, fn), params };
}

function checkParams(params: unknown): NormalizationParams {
  const bad = (detail: string): never => {
    throw new InvalidArgumentError(
      'params',
      `applyNormalization: ${detail}. Pass the params returned by normalizeColumns: ` +
        "const { params } = normalizeColumns(train, ['fog']); applyNormalization(test, params).",
    );
  };
  if (params === null || typeof params !== 'object')
    return bad(`params must be an object, got ${describeType(params)}`);
  const p = params as { method?: unknown; columns?: unknown };
  if (p.method !== 'zscore' && p.method !== 'minmax')
    return bad(`params.method must be 'zscore' or 'minmax', got ${String(p.method)}`);
  if (p.columns === null || typeof p.columns !== 'object' || Array.isArray(p.columns))
    return bad('params.columns must be an object');
  for (const [column, c] of Object.entries(p.columns as Record<string, unknown>)) {
    const entry = c as { center?: unknown; scale?: unknown } | null;
    const ok =
      entry !== null &&
      typeof entry === 'object' &&
      ((entry.center === null && entry.scale === null) ||
        (typeof entry.center === 'number' &&
          Number.isFinite(entry.center) &&
          typeof entry.scale === 'number' &&
          Number.isFinite(entry.scale) &&
          entry.scale > 0));
    if (!ok)
      return bad(`params.columns.${column} must be { center, scale } with finite numbers and scale > 0`);
  }
  return params as NormalizationParams;
}

/**
 * Apply parameters fitted by {@link normalizeColumns} to other rows (test or live data), without
 * refitting: new column-stable rows; `null` stays `null`; values outside the training range fall
 * outside `[0, 1]` with `minmax`.
 *
 * @param rows - Rows to transform (not mutated).
 * @param params - From {@link normalizeColumns} (or the same object read back from JSON).
 * @returns New rows.
 * @throws {InvalidArgumentError} For malformed params, an absent column, or a non-numeric value.
 * @example
 * ```ts
 * const { params } = normalizeColumns(train, ['fog']);
 * applyNormalization(test, params);
 * ```
 */
export function applyNormalization(
  rows: readonly Readonly<Record<string, unknown>>[],
  params: NormalizationParams,
): FlatRecord[] {
  const fn = 'applyNormalization';
  if (!Array.isArray(rows)) {
    throw new InvalidArgumentError(
      'rows',
      `${fn}(rows, params) needs an array of objects, got ${describeType(rows)}.`,
    );
  }
  const checked = checkParams(params);
  const columns = Object.keys(checked.columns);
  if (columns.length > 0) checkColumnsArg(fn, rows, columns);
  return transform(rows, checked, fn);
}
