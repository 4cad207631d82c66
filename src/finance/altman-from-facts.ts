import { checkOptions } from '../options/index.js';
import {
  ALTMAN_OPTION_KEYS,
  type AltmanOptions,
  type AltmanResult,
  altmanNullResult,
  altmanRatios,
  altmanRequiredInputs,
  altmanZ,
  resolveAltmanOptions,
} from './altman.js';
import {
  type AnnualReport,
  altmanInputsFromCompanyFacts,
  COMPANY_FACTS_OPTION_KEYS,
  type CompanyFactsAltmanInputs,
  type CompanyFactsInput,
  type CompanyFactsOptions,
  type CompanyFactsValues,
  type InputProvenance,
} from './company-facts.js';
import type { AltmanFactField } from './tag-rules.js';

/** Options of {@link altmanFromCompanyFacts}: which report and price, and which variant. */
export interface AltmanFromCompanyFactsOptions extends CompanyFactsOptions, AltmanOptions {}

/** An Altman result together with the report, inputs and provenance it was computed from. */
export interface CompanyFactsAltmanResult extends AltmanResult {
  /** CIK, zero-padded to 10 digits, or `null`. */
  readonly cik: string | null;
  /** Company name, or `null`. */
  readonly entityName: string | null;
  /** The annual report read. */
  readonly report: AnnualReport;
  /** The amounts read (and market value of equity, when a price was given). */
  readonly inputs: CompanyFactsValues;
  /** Where each amount came from. */
  readonly provenance: Readonly<Record<AltmanFactField | 'marketValueEquity', InputProvenance | null>>;
}

/**
 * Read one annual report's inputs from company facts ({@link altmanInputsFromCompanyFacts}) and
 * score them ({@link altmanZ}). Instead of throwing when an input was not found, it returns
 * `z: null` with a `reason`; without a `price`, the original Z's reason says so and points to
 * `{ variant: 'z_double_prime' }`, which scores book equity.
 *
 * @param companyFacts - The parsed company-facts JSON (or its text).
 * @param options - Report selection and price ({@link CompanyFactsOptions}) plus `variant` and
 *   `salesCoefficient` ({@link AltmanOptions}; default `'original'`, `0.999`).
 * @returns The score with its report, inputs, provenance and all warnings.
 * @throws {InvalidArgumentError} When the JSON or an option is invalid.
 * @throws {CompanyFactsError} When no report matches.
 * @example
 * ```ts
 * import { altmanFromCompanyFacts } from 'fin-tabtext';
 * const r = altmanFromCompanyFacts(facts, { periodEnd: '2025-01-31', price: 150 });
 * r.z; r.zone; r.provenance.totalLiabilities?.tag; // 'us-gaap:Liabilities'
 * altmanFromCompanyFacts(facts, { variant: 'z_double_prime' }).z; // no price needed
 * ```
 */
export function altmanFromCompanyFacts(
  companyFacts: CompanyFactsInput | string,
  options?: AltmanFromCompanyFactsOptions,
): CompanyFactsAltmanResult {
  const fn = 'altmanFromCompanyFacts';
  const known = [...COMPANY_FACTS_OPTION_KEYS, ...ALTMAN_OPTION_KEYS];
  checkOptions(fn, options, known, 'options', `${fn}(facts, { periodEnd: '2025-01-31', price: 150 })`);
  const { variant } = resolveAltmanOptions(fn, options, known);
  // Each half of the options goes to the function that knows it.
  const factsOptions: Record<string, unknown> = {};
  for (const key of COMPANY_FACTS_OPTION_KEYS) {
    const value = (options as Record<string, unknown> | undefined)?.[key];
    if (value !== undefined) factsOptions[key] = value;
  }
  const picked: CompanyFactsAltmanInputs = altmanInputsFromCompanyFacts(
    companyFacts,
    factsOptions as CompanyFactsOptions,
  );
  // The price warning only matters to a variant that needs market value of equity.
  const extractionWarnings = altmanRequiredInputs(variant).includes('marketValueEquity')
    ? picked.warnings
    : picked.warnings.filter((w) => !w.startsWith('no share price'));
  const context = {
    cik: picked.cik,
    entityName: picked.entityName,
    report: picked.report,
    inputs: picked.inputs,
    provenance: picked.provenance,
  };
  const { inputs } = picked;
  const missing = altmanRequiredInputs(variant).filter((field) =>
    field === 'workingCapital'
      ? inputs.currentAssets === null || inputs.currentLiabilities === null
      : inputs[field as keyof CompanyFactsValues] === null,
  );
  if (missing.length > 0) {
    const reasons = missing.map((field) =>
      field === 'marketValueEquity'
        ? "marketValueEquity: no share price, and XBRL carries none; pass { price } (per share), or use { variant: 'z_double_prime' } to score book equity"
        : field === 'workingCapital'
          ? 'working capital: current assets or current liabilities not found (an unclassified balance sheet?)'
          : `${field}: not found in ${picked.report.formType} ${picked.report.accessionNumber}`,
    );
    const reason = `cannot score '${variant}': ${reasons.join('; ')}`;
    return { ...altmanNullResult(variant, altmanRatios(inputs), reason, extractionWarnings), ...context };
  }
  const scoreOptions: AltmanOptions =
    options?.salesCoefficient === undefined
      ? { variant }
      : { variant, salesCoefficient: options.salesCoefficient };
  const result = altmanZ(inputs, scoreOptions);
  return { ...result, warnings: [...extractionWarnings, ...result.warnings], ...context };
}
