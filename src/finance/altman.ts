import { describeType, InvalidArgumentError } from '../errors/index.js';
import { checkEnum, checkOptions } from '../options/index.js';
import { type EmRating, emRatingEquivalent } from './em-rating.js';

/**
 * Which Altman model to score:
 * - `'original'`: Z (Altman 1968), public manufacturers, market value of equity.
 * - `'z_prime'`: Z′ (Altman 1983), private manufacturers, book value of equity.
 * - `'z_double_prime'`: Z″ (Altman 1983), non-manufacturers, book equity, no sales ratio.
 * - `'z_double_prime_em'`: the emerging-market score Z″ + 3.25 (Altman, Hartzell & Peck 1995;
 *   Altman 2005), with a bond-rating equivalent.
 */
export type AltmanVariant = 'original' | 'z_prime' | 'z_double_prime' | 'z_double_prime_em';

/** Altman's three zones: above the upper cut-off, between the cut-offs, below the lower one. */
export type AltmanZone = 'safe' | 'grey' | 'distress';

/**
 * The coefficient of X5 (sales / total assets) in the original Z. Altman (1968) printed it as
 * 0.999 (his 0.012, 0.014, 0.033, 0.006, 0.999 on ratios in percent); many textbooks round it to
 * 1.0, and the AWS JumpStart notebook uses 0.99.
 */
export type SalesCoefficient = 0.999 | 1 | 0.99;

/**
 * Financial statement amounts, all in the same currency unit. Negative working capital, retained
 * earnings, EBIT and book equity are valid. Give either `currentAssets` and `currentLiabilities`,
 * or `workingCapital`. `null` or a missing field means "not known".
 */
export interface AltmanInputs {
  /** Total current assets. */
  readonly currentAssets?: number | null;
  /** Total current liabilities. */
  readonly currentLiabilities?: number | null;
  /** Working capital (current assets − current liabilities), when the two are not given. */
  readonly workingCapital?: number | null;
  /** Total assets; must be > 0 for a score. */
  readonly totalAssets?: number | null;
  /** Total liabilities; must be > 0 for a score. */
  readonly totalLiabilities?: number | null;
  /** Retained earnings (accumulated deficit when negative). */
  readonly retainedEarnings?: number | null;
  /** Earnings before interest and taxes (operating income is the usual proxy). */
  readonly ebit?: number | null;
  /** Net sales (revenue) for the year; needed by `'original'` and `'z_prime'`. */
  readonly netSales?: number | null;
  /** Market value of equity (shares outstanding × price); needed by `'original'`. */
  readonly marketValueEquity?: number | null;
  /** Book value of equity; needed by `'z_prime'`, `'z_double_prime'` and `'z_double_prime_em'`. */
  readonly bookValueEquity?: number | null;
}

/** The ratio names, each with its JumpStart letter alias where there is one. */
export type AltmanRatioName = 'wc_ta' | 're_ta' | 'ebit_ta' | 'mve_tl' | 'bve_tl' | 'sales_ta';

/**
 * Altman's ratios by name, `null` when an input is missing or a denominator is not positive.
 * The letters are the AWS JumpStart aliases (a different order from Altman's X1–X5):
 * `A` = EBIT/TA, `B` = Sales/TA, `C` = MVE/TL, `D` = WC/TA, `E` = RE/TA.
 */
export interface AltmanRatios {
  /** X1: working capital / total assets. */
  readonly wc_ta: number | null;
  /** X2: retained earnings / total assets. */
  readonly re_ta: number | null;
  /** X3: EBIT / total assets. */
  readonly ebit_ta: number | null;
  /** X4 of Z: market value of equity / total liabilities. */
  readonly mve_tl: number | null;
  /** X4 of Z′ and Z″: book value of equity / total liabilities. */
  readonly bve_tl: number | null;
  /** X5: net sales / total assets. */
  readonly sales_ta: number | null;
  /** JumpStart alias of `ebit_ta`. */
  readonly A: number | null;
  /** JumpStart alias of `sales_ta`. */
  readonly B: number | null;
  /** JumpStart alias of `mve_tl`. */
  readonly C: number | null;
  /** JumpStart alias of `wc_ta`. */
  readonly D: number | null;
  /** JumpStart alias of `re_ta`. */
  readonly E: number | null;
}

/** Ratios given directly to {@link altmanZFromRatios}, by name or by JumpStart letter. */
export type AltmanRatioInputs = Partial<Record<AltmanRatioName | 'A' | 'B' | 'C' | 'D' | 'E', number | null>>;

/** Each term of the score: coefficient × ratio, plus `constant` (3.25) for the EM score. */
export type AltmanContributions = Readonly<Partial<Record<AltmanRatioName | 'constant', number>>>;

/** Options of {@link altmanZ} and {@link altmanZFromRatios}. */
export interface AltmanOptions {
  /**
   * The model to score.
   * @default 'original'
   */
  readonly variant?: AltmanVariant;
  /**
   * Coefficient of sales / total assets in the original Z (ignored, with a warning, by the others).
   * @default 0.999
   */
  readonly salesCoefficient?: SalesCoefficient;
}

/** The result of {@link altmanZ}. Every field is always present; `null` means "not available". */
export interface AltmanResult {
  /** The score, or `null` when it cannot be computed (see `reason`). Never `NaN` or `Infinity`. */
  readonly z: number | null;
  /** The zone for this variant's cut-offs (see {@link altmanModels}), or `null` with `z`. */
  readonly zone: AltmanZone | null;
  /** The variant scored. */
  readonly variant: AltmanVariant;
  /** Every ratio that could be computed, by name and JumpStart letter. */
  readonly ratios: AltmanRatios;
  /** coefficient × ratio for each term of the variant; `null` when `z` is `null`. */
  readonly contributions: AltmanContributions | null;
  /** Bond-rating equivalent for `'z_double_prime_em'` (Altman 2005); `null` for other variants. */
  readonly rating: EmRating | null;
  /** Why `z` is `null`; `null` when there is a score. */
  readonly reason: string | null;
  /** Things worth knowing about the inputs (the score is still computed). */
  readonly warnings: readonly string[];
}

/** One model of the Altman family: its coefficients and zone cut-offs. */
export interface AltmanModel {
  /** Coefficient per ratio name. For `'original'` the `sales_ta` entry is the 0.999 default. */
  readonly coefficients: Readonly<Partial<Record<AltmanRatioName, number>>>;
  /** Added to the weighted sum (3.25 for the EM score, else 0). */
  readonly constant: number;
  /** `z > safeAbove` is `'safe'`. */
  readonly safeAbove: number;
  /** `z < distressBelow` is `'distress'`; scores from `distressBelow` to `safeAbove` inclusive are `'grey'`. */
  readonly distressBelow: number;
  /** Where the coefficients and cut-offs come from. */
  readonly source: string;
}

/**
 * The coefficients and zone cut-offs of each variant (frozen). Zones: `safe` when z is above
 * `safeAbove`, `distress` when below `distressBelow`, `grey` from `distressBelow` to `safeAbove`
 * inclusive (Altman's "zone of ignorance" includes its end points).
 *
 * @example
 * ```ts
 * import { altmanModels } from 'fin-tabtext/finance';
 * altmanModels.z_prime.safeAbove; // 2.9
 * ```
 */
export const altmanModels: Readonly<Record<AltmanVariant, AltmanModel>> = Object.freeze({
  // Altman (1968), "Financial ratios, discriminant analysis and the prediction of corporate
  // bankruptcy", Journal of Finance 23(4), 589–609: Z = .012X1 + .014X2 + .033X3 + .006X4 + .999X5
  // with X1–X4 in percent, i.e. 1.2, 1.4, 3.3, 0.6, 0.999 on plain ratios; cut-offs 2.99 and 1.81.
  original: Object.freeze({
    coefficients: Object.freeze({ wc_ta: 1.2, re_ta: 1.4, ebit_ta: 3.3, mve_tl: 0.6, sales_ta: 0.999 }),
    constant: 0,
    safeAbove: 2.99,
    distressBelow: 1.81,
    source: 'Altman (1968), Journal of Finance 23(4)',
  }),
  // Altman (1983), Corporate Financial Distress (Wiley), re-estimated for private firms with book
  // equity; restated in Altman (2000), "Predicting financial distress of companies: revisiting the
  // Z-score and ZETA models": cut-offs 2.90 and 1.23.
  z_prime: Object.freeze({
    coefficients: Object.freeze({
      wc_ta: 0.717,
      re_ta: 0.847,
      ebit_ta: 3.107,
      bve_tl: 0.42,
      sales_ta: 0.998,
    }),
    constant: 0,
    safeAbove: 2.9,
    distressBelow: 1.23,
    source: 'Altman (1983) Corporate Financial Distress; Altman (2000)',
  }),
  // Altman (1983); Altman (2000): the four-variable model without sales / total assets, for
  // non-manufacturers; cut-offs 2.60 and 1.10.
  z_double_prime: Object.freeze({
    coefficients: Object.freeze({ wc_ta: 6.56, re_ta: 3.26, ebit_ta: 6.72, bve_tl: 1.05 }),
    constant: 0,
    safeAbove: 2.6,
    distressBelow: 1.1,
    source: 'Altman (1983) Corporate Financial Distress; Altman (2000)',
  }),
  // Altman, Hartzell & Peck (1995); Altman (2005), Emerging Markets Review 6(4): EM score =
  // Z″ + 3.25, so a score of 0 matches a D rating. The zones are Z″'s cut-offs plus 3.25 (5.85 and
  // 4.35); the finer reading is the bond-rating equivalent (emRatingTable).
  z_double_prime_em: Object.freeze({
    coefficients: Object.freeze({ wc_ta: 6.56, re_ta: 3.26, ebit_ta: 6.72, bve_tl: 1.05 }),
    constant: 3.25,
    safeAbove: 5.85,
    distressBelow: 4.35,
    source: 'Altman, Hartzell & Peck (1995); Altman (2005), Emerging Markets Review 6(4)',
  }),
});

/** The variant names, in the order of {@link altmanModels}. */
export const altmanVariants: readonly AltmanVariant[] = Object.freeze([
  'original',
  'z_prime',
  'z_double_prime',
  'z_double_prime_em',
]);

/** The allowed sales coefficients of the original Z. */
export const salesCoefficients: readonly SalesCoefficient[] = Object.freeze([0.999, 1, 0.99]);

/** Defaults of {@link AltmanOptions} (frozen). */
export const defaultAltmanOptions: Readonly<Required<AltmanOptions>> = Object.freeze({
  variant: 'original',
  salesCoefficient: 0.999,
});

const ratioNames: readonly AltmanRatioName[] = ['wc_ta', 're_ta', 'ebit_ta', 'mve_tl', 'bve_tl', 'sales_ta'];
const letterOf: Readonly<Partial<Record<AltmanRatioName, 'A' | 'B' | 'C' | 'D' | 'E'>>> = {
  ebit_ta: 'A',
  sales_ta: 'B',
  mve_tl: 'C',
  wc_ta: 'D',
  re_ta: 'E',
};
const inputFields: readonly (keyof AltmanInputs)[] = [
  'currentAssets',
  'currentLiabilities',
  'workingCapital',
  'totalAssets',
  'totalLiabilities',
  'retainedEarnings',
  'ebit',
  'netSales',
  'marketValueEquity',
  'bookValueEquity',
];
/** Which input each ratio's numerator needs (working capital stands for CA − CL). */
const numeratorOf: Readonly<Record<AltmanRatioName, keyof AltmanInputs>> = {
  wc_ta: 'workingCapital',
  re_ta: 'retainedEarnings',
  ebit_ta: 'ebit',
  mve_tl: 'marketValueEquity',
  bve_tl: 'bookValueEquity',
  sales_ta: 'netSales',
};

interface ResolvedOptions {
  readonly variant: AltmanVariant;
  readonly salesCoefficient: SalesCoefficient;
  readonly warnings: string[];
}

/** Merge options over {@link defaultAltmanOptions} and validate them. */
/** The option names of {@link AltmanOptions}. @internal */
export const ALTMAN_OPTION_KEYS: readonly string[] = Object.freeze(['variant', 'salesCoefficient']);

function resolveOptions(
  fn: string,
  options: AltmanOptions | undefined,
  known: readonly string[] = ALTMAN_OPTION_KEYS,
): ResolvedOptions {
  const example = `${fn}(inputs, { variant: 'z_double_prime' })`;
  checkOptions(fn, options, known, 'options', example);
  const variant =
    checkEnum(fn, 'options.variant', options?.variant, altmanVariants, example) ??
    defaultAltmanOptions.variant;
  const salesCoefficient = options?.salesCoefficient ?? defaultAltmanOptions.salesCoefficient;
  if (!salesCoefficients.includes(salesCoefficient)) {
    throw new InvalidArgumentError(
      'options.salesCoefficient',
      `${fn}: options.salesCoefficient must be 0.999 (Altman 1968), 1 or 0.99 (JumpStart), got ${String(salesCoefficient)}; e.g. ${fn}(inputs, { salesCoefficient: 1 })`,
    );
  }
  const warnings: string[] = [];
  if (options?.salesCoefficient !== undefined && variant !== 'original') {
    warnings.push(`salesCoefficient applies only to the 'original' variant; ignored for '${variant}'`);
  }
  return { variant, salesCoefficient, warnings };
}

/** Read one optional numeric field: `null` when absent, an error when present but not a finite number. */
function readNumber(fn: string, field: string, value: unknown, example: string): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    const shown =
      typeof value === 'number' ? String(value) : `${describeType(value)} ${JSON.stringify(value)}`;
    throw new InvalidArgumentError(
      field,
      `${fn}: ${field} must be a finite number (or null when unknown), got ${shown}; e.g. ${example}`,
    );
  }
  return value;
}

type Values = Record<keyof AltmanInputs, number | null>;

/** Validate every input field and derive working capital; collects warnings. */
function readInputs(fn: string, inputs: unknown, warnings: string[]): Values {
  if (inputs === null || typeof inputs !== 'object' || Array.isArray(inputs)) {
    throw new InvalidArgumentError(
      'inputs',
      `${fn}(inputs) needs an object of amounts, got ${describeType(inputs)}; e.g. ${fn}({ currentAssets: 120, currentLiabilities: 80, totalAssets: 500, totalLiabilities: 300, retainedEarnings: 90, ebit: 40, netSales: 600, marketValueEquity: 350 })`,
    );
  }
  const record = inputs as Record<string, unknown>;
  const values = {} as Values;
  for (const key of inputFields) {
    values[key] = readNumber(fn, `inputs.${key}`, record[key], `${fn}({ ...inputs, ${key}: 1250 })`);
  }
  const { currentAssets: ca, currentLiabilities: cl, workingCapital: wc } = values;
  if (ca !== null && cl !== null) {
    const derived = ca - cl;
    if (wc !== null && Math.abs(wc - derived) > 1e-9 * Math.max(1, Math.abs(wc), Math.abs(derived))) {
      warnings.push(
        `workingCapital (${wc}) differs from currentAssets − currentLiabilities (${derived}); used the latter`,
      );
    }
    values.workingCapital = derived;
    if (ca === 0 && cl === 0) {
      warnings.push(
        'current assets and current liabilities are both 0: an unclassified balance sheet (banks, insurers, broker-dealers); Altman Z is not designed for financial companies',
      );
    }
  } else if (wc === null && (ca !== null || cl !== null)) {
    const missing = ca === null ? 'currentAssets' : 'currentLiabilities';
    warnings.push(`${missing} is missing, so working capital is unknown (or pass workingCapital)`);
  }
  const ta = values.totalAssets;
  if (ta !== null && ta > 0 && values.workingCapital !== null && values.workingCapital > ta) {
    warnings.push('working capital exceeds total assets: check the inputs and their units');
  }
  if (values.marketValueEquity !== null && values.marketValueEquity < 0) {
    warnings.push('marketValueEquity is negative, which a market price cannot produce: check the input');
  }
  if (values.netSales !== null && values.netSales < 0) warnings.push('netSales is negative: check the input');
  return values;
}

function ratio(numerator: number | null, denominator: number | null): number | null {
  if (numerator === null || denominator === null || !(denominator > 0)) return null;
  const value = numerator / denominator;
  return Number.isFinite(value) ? value : null;
}

function ratiosFromValues(v: Values): AltmanRatios {
  const ta = v.totalAssets;
  const tl = v.totalLiabilities;
  const byName: Record<AltmanRatioName, number | null> = {
    wc_ta: ratio(v.workingCapital, ta),
    re_ta: ratio(v.retainedEarnings, ta),
    ebit_ta: ratio(v.ebit, ta),
    mve_tl: ratio(v.marketValueEquity, tl),
    bve_tl: ratio(v.bookValueEquity, tl),
    sales_ta: ratio(v.netSales, ta),
  };
  return withLetters(byName);
}

function withLetters(byName: Record<AltmanRatioName, number | null>): AltmanRatios {
  return {
    ...byName,
    A: byName.ebit_ta,
    B: byName.sales_ta,
    C: byName.mve_tl,
    D: byName.wc_ta,
    E: byName.re_ta,
  };
}

/**
 * Altman's ratios from financial statement amounts: each by name (`wc_ta`, `re_ta`, `ebit_ta`,
 * `mve_tl`, `bve_tl`, `sales_ta`) and by JumpStart letter (`A` = EBIT/TA, `B` = Sales/TA,
 * `C` = MVE/TL, `D` = WC/TA, `E` = RE/TA). A ratio is `null` when an input is missing or its
 * denominator (total assets or total liabilities) is not positive, never `NaN` or `Infinity`.
 *
 * @param inputs - The amounts, see {@link AltmanInputs}; missing fields give `null` ratios.
 * @returns The ratios.
 * @throws {InvalidArgumentError} When `inputs` is not an object or a field is present but not a finite number
 *   (the error's `field` names it, e.g. `'inputs.ebit'`).
 * @example
 * ```ts
 * import { altmanRatios } from 'fin-tabtext/finance';
 * const r = altmanRatios({ workingCapital: 100, totalAssets: 1000, totalLiabilities: 700,
 *   retainedEarnings: 400, ebit: 50, netSales: 1500, marketValueEquity: 600 });
 * r.wc_ta; // 0.1
 * r.A; // 0.05 (EBIT / total assets)
 * ```
 */
export function altmanRatios(inputs: AltmanInputs): AltmanRatios {
  return ratiosFromValues(readInputs('altmanRatios', inputs, []));
}

/** The ratio names a variant uses, in Altman's X1–X5 order. */
function termsOf(variant: AltmanVariant): AltmanRatioName[] {
  return ratioNames.filter((name) => altmanModels[variant].coefficients[name] !== undefined);
}

function zoneOf(variant: AltmanVariant, z: number): AltmanZone {
  const model = altmanModels[variant];
  if (z > model.safeAbove) return 'safe';
  if (z < model.distressBelow) return 'distress';
  return 'grey';
}

/** Weighted sum over the variant's terms; assumes every needed ratio is a number. */
function score(
  variant: AltmanVariant,
  salesCoefficient: SalesCoefficient,
  ratios: AltmanRatios,
  warnings: readonly string[],
): AltmanResult {
  const model = altmanModels[variant];
  // Amounts near the double range (or a tiny positive denominator) can overflow a ratio;
  // a score must never be Infinity or NaN, so such inputs give z: null with the reason.
  const overflow = termsOf(variant).find((name) => !Number.isFinite(ratios[name]));
  if (overflow !== undefined) {
    const finite = Object.fromEntries(
      Object.entries(ratios).map(([k, v]) => [k, typeof v === 'number' && !Number.isFinite(v) ? null : v]),
    ) as unknown as AltmanRatios;
    return nullResult(
      variant,
      finite,
      `the ratio ${overflow} is not a finite number for these amounts`,
      warnings,
    );
  }
  const contributions: Partial<Record<AltmanRatioName | 'constant', number>> = {};
  let z = model.constant;
  for (const name of termsOf(variant)) {
    const coefficient =
      variant === 'original' && name === 'sales_ta' ? salesCoefficient : model.coefficients[name]!;
    const term = coefficient * ratios[name]!;
    contributions[name] = term;
    z += term;
  }
  if (model.constant !== 0) contributions.constant = model.constant;
  if (!Number.isFinite(z)) {
    return nullResult(variant, ratios, 'the weighted sum of the ratios is not a finite number', warnings);
  }
  return {
    z,
    zone: zoneOf(variant, z),
    variant,
    ratios,
    contributions,
    rating: variant === 'z_double_prime_em' ? emRatingEquivalent(z) : null,
    reason: null,
    warnings,
  };
}

function nullResult(
  variant: AltmanVariant,
  ratios: AltmanRatios,
  reason: string,
  warnings: readonly string[],
): AltmanResult {
  return { z: null, zone: null, variant, ratios, contributions: null, rating: null, reason, warnings };
}

/**
 * Which inputs a variant needs before it can be scored (working capital may come as
 * `currentAssets` and `currentLiabilities`).
 *
 * @param variant - The variant.
 * @returns The input field names, `workingCapital` standing for CA − CL.
 * @example
 * ```ts
 * import { altmanRequiredInputs } from 'fin-tabtext/finance';
 * altmanRequiredInputs('z_double_prime');
 * // ['totalAssets', 'totalLiabilities', 'workingCapital', 'retainedEarnings', 'ebit', 'bookValueEquity']
 * ```
 */
export function altmanRequiredInputs(variant: AltmanVariant): (keyof AltmanInputs)[] {
  return ['totalAssets', 'totalLiabilities', ...termsOf(variant).map((name) => numeratorOf[name])];
}

/**
 * Score the Altman Z family from financial statement amounts.
 *
 * Original Z (Altman 1968): 1.2·X1 + 1.4·X2 + 3.3·X3 + 0.6·X4 + 0.999·X5 with X1 = WC/TA,
 * X2 = RE/TA, X3 = EBIT/TA, X4 = MVE/TL, X5 = Sales/TA; Z′ and Z″ use book equity for X4
 * (coefficients and cut-offs in {@link altmanModels}); the EM score is Z″ + 3.25 with a
 * bond-rating equivalent ({@link fin-tabtext/finance!emRatingTable | emRatingTable}).
 *
 * Total assets or total liabilities of zero or less give `z: null` with a `reason` (never
 * `Infinity` or `NaN`); negative equity, EBIT, working capital and retained earnings are scored.
 *
 * @param inputs - The amounts, see {@link AltmanInputs}.
 * @param options - `variant` (default `'original'`) and `salesCoefficient` (default `0.999`).
 * @returns `{ z, zone, variant, ratios, contributions, rating, reason, warnings }`.
 * @throws {InvalidArgumentError} When an input is not a finite number, an input the variant needs is
 *   missing (the error's `field` names it, e.g. `'inputs.marketValueEquity'`), or an option is invalid.
 * @example
 * ```ts
 * import { altmanZ } from 'fin-tabtext';
 * const sears = { currentAssets: 10244, currentLiabilities: 9212, totalAssets: 21381,
 *   retainedEarnings: 1865, ebit: -852, marketValueEquity: 8783, totalLiabilities: 17040,
 *   netSales: 41567 };
 * altmanZ(sears); // { z: 2.30…, zone: 'grey', variant: 'original', … }
 * altmanZ({ ...sears, bookValueEquity: 4341 }, { variant: 'z_double_prime' }).zone;
 * ```
 */
export function altmanZ(inputs: AltmanInputs, options?: AltmanOptions): AltmanResult {
  const fn = 'altmanZ';
  const { variant, salesCoefficient, warnings } = resolveOptions(fn, options);
  const values = readInputs(fn, inputs, warnings);
  for (const field of altmanRequiredInputs(variant)) {
    if (values[field] !== null) continue;
    throw new InvalidArgumentError(`inputs.${field}`, missingMessage(fn, variant, field));
  }
  const ratios = ratiosFromValues(values);
  const ta = values.totalAssets!;
  const tl = values.totalLiabilities!;
  if (!(ta > 0)) {
    return nullResult(variant, ratios, `total assets must be > 0 to scale the ratios, got ${ta}`, warnings);
  }
  if (!(tl > 0)) {
    const x4 = variant === 'original' ? 'market value of equity' : 'book value of equity';
    return nullResult(
      variant,
      ratios,
      `total liabilities must be > 0: X4 = ${x4} / total liabilities is undefined for ${tl}`,
      warnings,
    );
  }
  return score(variant, salesCoefficient, ratios, warnings);
}

function missingMessage(fn: string, variant: AltmanVariant, field: keyof AltmanInputs): string {
  const base = `${fn}: inputs.${field} is required by the '${variant}' variant`;
  if (field === 'workingCapital') {
    return `${base}; pass currentAssets and currentLiabilities, or workingCapital, e.g. ${fn}({ ...inputs, currentAssets: 5869, currentLiabilities: 3301 })`;
  }
  if (field === 'marketValueEquity') {
    return `${base} (shares outstanding × share price); pass it, e.g. ${fn}({ ...inputs, marketValueEquity: 334.1e6 * 150 }), or score book equity with ${fn}({ ...inputs, bookValueEquity }, { variant: 'z_double_prime' })`;
  }
  if (field === 'bookValueEquity') {
    return `${base}; pass total stockholders' equity, e.g. ${fn}({ ...inputs, bookValueEquity: 3000 }, { variant: '${variant}' })`;
  }
  return `${base}; e.g. ${fn}({ ...inputs, ${field}: 1250 }, { variant: '${variant}' })`;
}

/**
 * Score the Altman Z family from ratios you already have (by name, or by JumpStart letter:
 * `A` = EBIT/TA, `B` = Sales/TA, `C` = MVE/TL, `D` = WC/TA, `E` = RE/TA). Use it for textbook
 * exercises and notebooks that give ratios rather than amounts.
 *
 * @param ratios - The ratios the variant needs; a name wins over its letter when both are given.
 * @param options - `variant` (default `'original'`) and `salesCoefficient` (default `0.999`).
 * @returns The same shape as {@link altmanZ}.
 * @throws {InvalidArgumentError} When a ratio is not a finite number, or one the variant needs is missing.
 * @example
 * ```ts
 * import { altmanZFromRatios } from 'fin-tabtext/finance';
 * altmanZFromRatios({ wc_ta: 0.34, re_ta: 0.15, ebit_ta: 0, mve_tl: 0.8, sales_ta: 1.6 },
 *   { salesCoefficient: 1 }).z; // 2.698
 * altmanZFromRatios({ A: 0, B: 1.6, C: 0.8, D: 0.34, E: 0.15 }, { salesCoefficient: 1 }).z; // 2.698
 * ```
 */
export function altmanZFromRatios(ratios: AltmanRatioInputs, options?: AltmanOptions): AltmanResult {
  const fn = 'altmanZFromRatios';
  const { variant, salesCoefficient, warnings } = resolveOptions(fn, options);
  if (ratios === null || typeof ratios !== 'object' || Array.isArray(ratios)) {
    throw new InvalidArgumentError(
      'ratios',
      `${fn}(ratios) needs an object of ratios, got ${describeType(ratios)}; e.g. ${fn}({ wc_ta: 0.1, re_ta: 0.4, ebit_ta: 0.05, mve_tl: 0.86, sales_ta: 1.5 })`,
    );
  }
  const record = ratios as Record<string, unknown>;
  const byName = {} as Record<AltmanRatioName, number | null>;
  for (const name of ratioNames) {
    const example = `${fn}({ ...ratios, ${name}: 0.25 })`;
    const named = readNumber(fn, `ratios.${name}`, record[name], example);
    const letter = letterOf[name];
    const lettered =
      letter === undefined ? null : readNumber(fn, `ratios.${letter}`, record[letter], example);
    if (named !== null && lettered !== null && named !== lettered) {
      warnings.push(
        `ratios.${name} (${named}) and its alias ratios.${letter} (${lettered}) differ; used ${name}`,
      );
    }
    byName[name] = named ?? lettered;
  }
  for (const name of termsOf(variant)) {
    if (byName[name] !== null) continue;
    const letter = letterOf[name];
    throw new InvalidArgumentError(
      `ratios.${name}`,
      `${fn}: ratios.${name}${letter === undefined ? '' : ` (or ${letter})`} is required by the '${variant}' variant; e.g. ${fn}({ ...ratios, ${name}: 0.25 }, { variant: '${variant}' })`,
    );
  }
  return score(variant, salesCoefficient, withLetters(byName), warnings);
}

/** @internal Validate {@link AltmanOptions} for another entry point (not re-exported). */
export function resolveAltmanOptions(
  fn: string,
  options: AltmanOptions | undefined,
  known?: readonly string[],
): { variant: AltmanVariant; salesCoefficient: SalesCoefficient; warnings: string[] } {
  return resolveOptions(fn, options, known);
}

/** @internal A result with `z: null` (not re-exported). */
export function altmanNullResult(
  variant: AltmanVariant,
  ratios: AltmanRatios,
  reason: string,
  warnings: readonly string[],
): AltmanResult {
  return nullResult(variant, ratios, reason, warnings);
}
