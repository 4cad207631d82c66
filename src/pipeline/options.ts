import { describeType, InvalidArgumentError } from '../errors/index.js';
import { type AltmanVariant, altmanVariants } from '../finance/index.js';
import { checkBoolean, checkEnum, checkNumber, checkOptions } from '../options/index.js';
import { defaultScoreOptions, type ScoreOptions, scoreText } from '../score/index.js';

/** Options of {@link filingRow} (and the row part of `buildDataset`). */
export interface FilingRowOptions {
  /**
   * Add an `mdna` column with the MD&A text (the text that was scored).
   * @default false
   */
  readonly includeText?: boolean;
  /**
   * Add a `summary` column: this many sentences of the MD&A, picked by `summarizeJaccard`.
   * `false` adds no column.
   * @default false
   */
  readonly summary?: number | false;
  /**
   * Options of `scoreText`: `attributes`, custom `wordLists` (one column each), `fogMode`,
   * `matchCounts` (`<list>_count` columns).
   * @default {} (the 11 default scores)
   */
  readonly scores?: ScoreOptions;
  /**
   * `'auto'`: Altman Z of annual reports from the filing's own inline XBRL, else from
   * `meta.companyFacts` when given. `false`: the Altman columns stay `null`.
   * @default 'auto'
   */
  readonly altman?: 'auto' | false;
  /**
   * The Altman model scored. The default needs no share price (book equity, Altman 1983).
   * @default 'z_double_prime'
   */
  readonly altmanVariant?: AltmanVariant;
}

/**
 * The defaults of {@link FilingRowOptions}, frozen.
 *
 * @example
 * ```ts
 * import { defaultFilingRowOptions } from 'fin-tabtext/pipeline';
 * defaultFilingRowOptions.altmanVariant; // 'z_double_prime'
 * ```
 */
export const defaultFilingRowOptions: Readonly<{
  includeText: boolean;
  summary: number | false;
  scores: ScoreOptions;
  altman: 'auto' | false;
  altmanVariant: AltmanVariant;
}> = Object.freeze({
  includeText: false,
  summary: false,
  scores: Object.freeze({}),
  altman: 'auto',
  altmanVariant: 'z_double_prime',
});

/** The option names of {@link FilingRowOptions}. */
export const FILING_ROW_OPTION_KEYS: readonly string[] = Object.freeze(Object.keys(defaultFilingRowOptions));

/** {@link FilingRowOptions} with defaults applied and the score columns worked out once. */
export interface ResolvedFilingRowOptions {
  readonly includeText: boolean;
  readonly summary: number | false;
  readonly scores: ScoreOptions;
  readonly altman: 'auto' | false;
  readonly altmanVariant: AltmanVariant;
  /** The score columns, in `scoreText`'s order for these score options. */
  readonly scoreColumns: readonly string[];
}

const cache = new WeakMap<object, ResolvedFilingRowOptions>();
let resolvedDefaults: ResolvedFilingRowOptions | undefined;

/**
 * Validate {@link FilingRowOptions} and apply defaults (memoized per options object, so a batch
 * of rows with one options object validates once).
 */
export function resolveFilingRowOptions(
  fn: string,
  options: FilingRowOptions | undefined,
  field = 'options',
): ResolvedFilingRowOptions {
  if (options === undefined) {
    resolvedDefaults ??= resolveFilingRowOptions(fn, {}, field);
    return resolvedDefaults;
  }
  const hit = options !== null && typeof options === 'object' ? cache.get(options) : undefined;
  if (hit !== undefined) return hit;
  const o = checkOptions(fn, options, FILING_ROW_OPTION_KEYS, field);
  const d = defaultFilingRowOptions;
  const includeText = checkBoolean(fn, `${field}.includeText`, o.includeText) ?? d.includeText;
  let summary: number | false = d.summary;
  if (o.summary !== undefined && o.summary !== false) {
    summary = checkNumber(fn, `${field}.summary`, o.summary, { min: 1, integer: true }) ?? d.summary;
  }
  const altman =
    o.altman === false ? false : (checkEnum(fn, `${field}.altman`, o.altman, ['auto'] as const) ?? d.altman);
  const altmanVariant =
    checkEnum(fn, `${field}.altmanVariant`, o.altmanVariant, altmanVariants) ?? d.altmanVariant;
  const scores = o.scores ?? d.scores;
  if (scores === null || typeof scores !== 'object' || Array.isArray(scores)) {
    throw new InvalidArgumentError(
      `${field}.scores`,
      `${fn}: ${field}.scores must be scoreText options, got ${describeType(scores)}. ` +
        `Call it as ${fn}(..., { scores: { wordLists: { esg: ['emissions'] } } }).`,
    );
  }
  checkOptions(fn, scores, Object.keys(defaultScoreOptions), `${field}.scores`);
  // scoreText validates its own options; the empty text gives the column order cheaply.
  const scoreColumns = Object.keys(scoreText('', scores));
  const resolved: ResolvedFilingRowOptions = Object.freeze({
    includeText,
    summary,
    scores,
    altman,
    altmanVariant,
    scoreColumns: Object.freeze(scoreColumns),
  });
  cache.set(options, resolved);
  return resolved;
}
