import { describeType, InvalidArgumentError } from '../errors/index.js';

/**
 * Edit distance (Levenshtein) between two short strings, for "did you mean" hints.
 * Case is ignored so that `fogmode` finds `fogMode`.
 */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  if (s === t) return 0;
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const current = [i];
    for (let j = 1; j <= t.length; j++) {
      const cost = s.charCodeAt(i - 1) === t.charCodeAt(j - 1) ? 0 : 1;
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost));
    }
    previous = current;
  }
  return previous[t.length]!;
}

/**
 * The closest candidate to `name`, when it is close enough to be a likely typo
 * (distance at most 2, or at most a third of the name's length for long names).
 *
 * @param name - What the caller wrote.
 * @param candidates - The names that exist.
 * @returns The best candidate, or `undefined` when none is close.
 * @example
 * ```ts
 * didYouMean('fromat', ['format', 'form']); // 'format'
 * ```
 */
export function didYouMean(name: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const distance = editDistance(name, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const limit = Math.max(2, Math.floor(name.length / 3));
  return bestDistance <= limit ? best : undefined;
}

/**
 * Option names that were renamed, old to new: passing an old name where its new one is known
 * suggests the new one, even when edit distance would not find it (`filed` → `filingDate`).
 * @internal
 */
export const RENAMED_OPTIONS: Readonly<Record<string, string>> = Object.freeze({
  accession: 'accessionNumber',
  form: 'formType',
  filed: 'filingDate',
});

/**
 * The new name of a renamed option, when `known` holds it: `renamedOption('form', ['formType'])`
 * is `'formType'`; `undefined` for a name that was never renamed or whose new name is not known here.
 * @internal
 * @example
 * ```ts
 * renamedOption('form', ['formType', 'format']); // 'formType'
 * renamedOption('fromat', ['formType', 'format']); // undefined
 * ```
 */
export function renamedOption(name: string, known: readonly string[]): string | undefined {
  const renamed = Object.hasOwn(RENAMED_OPTIONS, name) ? RENAMED_OPTIONS[name] : undefined;
  return renamed !== undefined && known.includes(renamed) ? renamed : undefined;
}

/** A hint sentence for an unknown name: `Did you mean 'format'?` or the list of known names. */
function hint(name: string, known: readonly string[]): string {
  const renamed = renamedOption(name, known);
  if (renamed !== undefined) {
    return `Did you mean '${renamed}'? (it was called '${name}' before fin-tabtext 0.2.0)`;
  }
  const guess = didYouMean(name, known);
  if (guess !== undefined) return `Did you mean '${guess}'?`;
  return known.length === 0 ? 'It takes no options.' : `Known options: ${known.join(', ')}.`;
}

/**
 * The one options checker every public function uses: `options` must be `undefined` or a
 * plain object (not an array, not `null`), and every key must be one the function knows.
 * An unknown key is an {@link InvalidArgumentError} naming the function and the field, with a
 * "did you mean" from edit distance. Keys whose value is `undefined` are still checked, since a
 * misspelled key is a mistake whatever its value.
 *
 * @param fn - The public function's name, for the message (`'scoreText'`).
 * @param options - What the caller passed.
 * @param known - The option names the function accepts.
 * @param field - How the options argument is named in messages.
 * @param example - A correct call, shown after the problem (`"scoreText(text, { fogMode: 'gunning' })"`).
 * @default field `'options'`
 * @returns `options`, or a frozen empty object when it was `undefined`.
 * @throws {@link InvalidArgumentError} on a non-object or an unknown key.
 * @example
 * ```ts
 * checkOptions('scoreText', { fogmode: 'gunning' }, ['fogMode', 'attributes']);
 * // InvalidArgumentError: scoreText: unknown option 'options.fogmode'. Did you mean 'fogMode'?
 * ```
 */
export function checkOptions<T extends object>(
  fn: string,
  options: T | undefined,
  known: readonly string[],
  field = 'options',
  example?: string,
): T {
  if (options === undefined) return EMPTY as T;
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new InvalidArgumentError(
      field,
      `${fn}: ${field} must be an object, got ${describeType(options)}. Call it as ${
        example ?? `${fn}(..., { ${known[0] ?? ''}${known.length > 0 ? ': ...' : ''} }) or leave it out`
      }.`,
    );
  }
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      throw new InvalidArgumentError(
        `${field}.${key}`,
        `${fn}: unknown option '${field}.${key}'. ${hint(key, known)}${callAs(example)}`,
      );
    }
  }
  return options;
}

/** ` Call it as <example>.` when an example is given. */
function callAs(example: string | undefined): string {
  return example === undefined ? '' : ` Call it as ${example}.`;
}

const EMPTY = Object.freeze({});

/**
 * Check an enumerated option: `value` must be one of `allowed` (or `undefined`, which keeps the default).
 *
 * @param fn - The public function's name.
 * @param field - The full field name (`'options.fogMode'`).
 * @param value - What the caller passed.
 * @param allowed - The accepted values.
 * @param example - A correct call, shown after the problem.
 * @returns The value, typed.
 * @throws {@link InvalidArgumentError} naming the field, the value and the accepted values.
 * @example
 * ```ts
 * checkEnum('scoreText', 'options.fogMode', 'gunning', ['textstat', 'gunning'] as const); // 'gunning'
 * ```
 */
export function checkEnum<const A extends readonly string[]>(
  fn: string,
  field: string,
  value: unknown,
  allowed: A,
  example?: string,
): A[number] | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as A[number];
  const guess = typeof value === 'string' ? didYouMean(value, allowed) : undefined;
  throw new InvalidArgumentError(
    field,
    `${fn}: ${field} must be one of ${allowed.map((a) => `'${a}'`).join(', ')}, got ${
      typeof value === 'string' ? `'${value}'` : describeType(value)
    }.${guess === undefined ? '' : ` Did you mean '${guess}'?`}${callAs(example)}`,
  );
}

/** Bounds for {@link checkNumber}. */
export interface NumberRule {
  /** Smallest accepted value (inclusive). @default -Infinity */
  readonly min?: number;
  /** Largest accepted value (inclusive). @default Infinity */
  readonly max?: number;
  /** Require an integer. @default false */
  readonly integer?: boolean;
}

/**
 * Check a numeric option: a finite number within the bounds (or `undefined`, which keeps the default).
 *
 * @param fn - The public function's name.
 * @param field - The full field name (`'options.maxRequestsPerSecond'`).
 * @param value - What the caller passed.
 * @param rule - Bounds and integrality.
 * @param example - A correct call, shown after the problem.
 * @returns The number, or `undefined`.
 * @throws {@link InvalidArgumentError} naming the field and the rule.
 * @example
 * ```ts
 * checkNumber('EdgarClient', 'options.maxRequestsPerSecond', 5, { min: 0.1, max: 10 }); // 5
 * ```
 */
export function checkNumber(
  fn: string,
  field: string,
  value: unknown,
  rule: NumberRule = {},
  example?: string,
): number | undefined {
  if (value === undefined) return undefined;
  const min = rule.min ?? Number.NEGATIVE_INFINITY;
  const max = rule.max ?? Number.POSITIVE_INFINITY;
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    value >= min &&
    value <= max &&
    (rule.integer !== true || Number.isInteger(value));
  if (ok) return value as number;
  const wanted = [
    rule.integer === true ? 'an integer' : 'a finite number',
    Number.isFinite(min) ? `>= ${min}` : '',
    Number.isFinite(max) ? `<= ${max}` : '',
  ]
    .filter((part) => part !== '')
    .join(' ');
  const got = typeof value === 'number' ? String(value) : describeType(value);
  throw new InvalidArgumentError(field, `${fn}: ${field} must be ${wanted}, got ${got}.${callAs(example)}`);
}

/**
 * Check a boolean option (or `undefined`).
 *
 * @param fn - The public function's name.
 * @param field - The full field name.
 * @param value - What the caller passed.
 * @param example - A correct call, shown after the problem.
 * @returns The boolean, or `undefined`.
 * @throws {@link InvalidArgumentError} when it is not a boolean.
 * @example
 * ```ts
 * checkBoolean('buildDataset', 'config.includeText', true); // true
 * ```
 */
export function checkBoolean(
  fn: string,
  field: string,
  value: unknown,
  example?: string,
): boolean | undefined {
  if (value === undefined || typeof value === 'boolean') return value;
  throw new InvalidArgumentError(
    field,
    `${fn}: ${field} must be true or false, got ${describeType(value)}.${callAs(example)}`,
  );
}

/**
 * True when `text` is a real calendar date written `YYYY-MM-DD` (so `2025-02-30` is not): the one
 * date rule of every option and CLI flag.
 *
 * @param text - The candidate.
 * @returns Whether it is a valid `YYYY-MM-DD` date.
 * @example
 * ```ts
 * isIsoDate('2024-02-29'); // true
 * isIsoDate('2025-02-30'); // false
 * ```
 */
export function isIsoDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match === null) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Check a date option: a string `YYYY-MM-DD` that is a real calendar date (or `undefined`).
 *
 * @param fn - The public function's name.
 * @param field - The full field name (`'options.periodEnd'`).
 * @param value - What the caller passed.
 * @param example - A correct call, shown after the problem.
 * @returns The date string, or `undefined`.
 * @throws {@link InvalidArgumentError} naming the field and the value.
 * @example
 * ```ts
 * checkDate('altmanInputsFromCompanyFacts', 'options.periodEnd', '2025-01-31'); // '2025-01-31'
 * ```
 */
export function checkDate(fn: string, field: string, value: unknown, example?: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && isIsoDate(value)) return value;
  throw new InvalidArgumentError(
    field,
    `${fn}: ${field} must be a calendar date YYYY-MM-DD, got ${
      typeof value === 'string' ? `'${value}'` : describeType(value)
    }.${callAs(example)}`,
  );
}
