import { describeType, InvalidArgumentError } from '../errors/index.js';
import { parseAccession, parseCik } from '../identifiers/index.js';
import { checkOptions, isIsoDate } from '../options/index.js';
import type { AltmanVariant } from './altman.js';
import { CompanyFactsError } from './errors.js';
import { type AltmanFactField, altmanTagRules, type FactPeriod, type TagRule } from './tag-rules.js';

/** One fact of SEC's company-facts JSON (`data.sec.gov/api/xbrl/companyfacts/CIK##########.json`). */
export interface XbrlFact {
  /** Start of a duration (absent for an instant). */
  readonly start?: string;
  /** End of the duration, or the instant. */
  readonly end: string;
  /** The value, in the unit it is listed under. */
  readonly val: number;
  /** Accession number of the filing that reported it (`0001640147-25-000052`). */
  readonly accn: string;
  /** Fiscal year **of the filing**, not of the fact: a 10-K's prior-year comparatives carry the same `fy`. */
  readonly fy?: number | null;
  /** Fiscal period of the filing (`FY`, `Q1`…), likewise. */
  readonly fp?: string | null;
  /** Form type of the filing (`10-K`, `10-K/A`, `20-F`…). */
  readonly form: string;
  /** Filing date, `YYYY-MM-DD`. */
  readonly filed: string;
  /** SEC's calendar frame, set on one fact per period across filings. */
  readonly frame?: string;
}

/**
 * SEC's company-facts JSON, as `EdgarClient.companyFacts()` returns it or as parsed from a file:
 * concepts by taxonomy (`us-gaap`, `ifrs-full`, `dei`) and name, each with facts by unit. The facts
 * are read as {@link XbrlFact}; entries without a numeric `val`, an `end` and an `accn` are ignored.
 */
export interface CompanyFactsInput {
  /** The company's CIK (a number in SEC's JSON). */
  readonly cik?: number | string;
  /** The company's name. */
  readonly entityName?: string;
  /** Concepts by taxonomy and name; each concept's `units` maps a unit to its facts. */
  readonly facts: Readonly<
    Record<string, Readonly<Record<string, { readonly units: Readonly<Record<string, readonly unknown[]>> }>>>
  >;
}

/** Options of {@link altmanInputsFromCompanyFacts}. Give at most one of `accessionNumber` and `periodEnd`. */
export interface CompanyFactsOptions {
  /**
   * Accession number of the annual report to read (`'0001640147-25-000052'`, dashes optional).
   * @default undefined (the latest annual report filed)
   */
  readonly accessionNumber?: string;
  /**
   * Fiscal-year end (balance-sheet date) of the annual report to read, `YYYY-MM-DD`. When several
   * reports have it (an original and its amendment), the latest filed is read.
   * @default undefined (the latest annual report filed)
   */
  readonly periodEnd?: string;
  /**
   * Form types that count as annual reports.
   * @default ['10-K', '10-K/A', '20-F', '20-F/A', '40-F', '40-F/A']
   */
  readonly forms?: readonly string[];
  /**
   * The XBRL unit of money amounts.
   * @default 'USD'
   */
  readonly currency?: string;
  /**
   * Share price in `currency` per share; market value of equity = shares outstanding × price.
   * XBRL carries no market price, so without it the original Z cannot be scored.
   * @default undefined
   */
  readonly price?: number;
  /**
   * Market value of equity, when you have it already (overrides shares × `price`).
   * @default undefined
   */
  readonly marketValueEquity?: number;
  /**
   * Durations, in days between `start` and `end`, accepted as "one fiscal year" for income items
   * (52/53-week years run 363–371 days).
   * @default [350, 380]
   */
  readonly annualDurationDays?: readonly [number, number];
}

/** Defaults of {@link CompanyFactsOptions} (frozen). */
export const defaultCompanyFactsOptions: Readonly<{
  forms: readonly string[];
  currency: string;
  annualDurationDays: readonly [number, number];
}> = Object.freeze({
  forms: Object.freeze(['10-K', '10-K/A', '20-F', '20-F/A', '40-F', '40-F/A']),
  currency: 'USD',
  annualDurationDays: Object.freeze([350, 380] as const),
});

/** The annual report the inputs were read from. */
export interface AnnualReport {
  /** Accession number, `##########-##-######`. */
  readonly accessionNumber: string;
  /** Form type, e.g. `10-K`. */
  readonly formType: string;
  /** Filing date, `YYYY-MM-DD`. */
  readonly filingDate: string;
  /** Balance-sheet date: the latest `end` of the report's total-assets facts, `YYYY-MM-DD`. */
  readonly periodEnd: string;
  /** The filing's own `fy` (informational only; it is never used to pick facts). */
  readonly fiscalYear: number | null;
  /** The filing's own `fp`. */
  readonly fiscalPeriod: string | null;
}

/** One raw fact behind an input. */
export interface FactSource {
  /** Qualified concept name, e.g. `us-gaap:Liabilities`. */
  readonly tag: string;
  /** The fact's value. */
  readonly value: number;
  /** Its unit, e.g. `USD`. */
  readonly unit: string;
  /** Period start (`null` for an instant). */
  readonly start: string | null;
  /** Period end or instant. */
  readonly end: string;
  /** Accession number of the filing. */
  readonly accessionNumber: string;
  /** Form type of the filing. */
  readonly formType: string;
  /** Filing date. */
  readonly filingDate: string;
  /** The filing's `fy`, as SEC lists it (describes the filing, not the fact). */
  readonly fy: number | null;
  /** The filing's `fp`, as SEC lists it. */
  readonly fp: string | null;
  /** SEC's calendar frame, or `null`. */
  readonly frame: string | null;
}

/** Where one input came from. */
export interface InputProvenance {
  /** The input field, e.g. `totalLiabilities`. */
  readonly field: AltmanFactField | 'marketValueEquity';
  /** The input's value. */
  readonly value: number;
  /**
   * The concept used, or the expression for a derived value, e.g.
   * `us-gaap:LiabilitiesAndStockholdersEquity − us-gaap:StockholdersEquity`.
   */
  readonly tag: string;
  /** Index of the rule used in {@link altmanTagRules} for the field (`-1` for caller-supplied values). */
  readonly rule: number;
  /** `true` when a preferred rule of the same taxonomy did not apply and a later one was used. */
  readonly fallbackUsed: boolean;
  /** Why the rule exists or how the value was formed; `null` for the preferred tag. */
  readonly note: string | null;
  /** Unit of the value (`USD`, `shares`). */
  readonly unit: string;
  /** Period start of the (first) fact, `null` for an instant. */
  readonly start: string | null;
  /** Period end or instant of the (first) fact. */
  readonly end: string | null;
  /** Accession number of the report. */
  readonly accessionNumber: string;
  /** Form type of the report. */
  readonly formType: string;
  /** Filing date of the report. */
  readonly filingDate: string;
  /** Every raw fact that went into the value. */
  readonly facts: readonly FactSource[];
  /** Optional terms of the rule that were not found (e.g. no interest expense tagged). */
  readonly missingOptional: readonly string[];
}

/** The inputs read from company facts (amounts in `currency`, shares in shares); `null` when not found. */
export interface CompanyFactsValues {
  readonly totalAssets: number | null;
  readonly totalLiabilities: number | null;
  readonly currentAssets: number | null;
  readonly currentLiabilities: number | null;
  readonly retainedEarnings: number | null;
  readonly ebit: number | null;
  readonly netSales: number | null;
  readonly bookValueEquity: number | null;
  readonly sharesOutstanding: number | null;
  /** The caller's price, echoed. */
  readonly price: number | null;
  /** shares × price, or the caller's `marketValueEquity`; `null` without a price. */
  readonly marketValueEquity: number | null;
}

/** The result of {@link altmanInputsFromCompanyFacts}. */
export interface CompanyFactsAltmanInputs {
  /** CIK, zero-padded to 10 digits, or `null` when the JSON has none. */
  readonly cik: string | null;
  /** The company name in the JSON, or `null`. */
  readonly entityName: string | null;
  /** The annual report read. */
  readonly report: AnnualReport;
  /** The amounts; pass them straight to `altmanZ`. */
  readonly inputs: CompanyFactsValues;
  /** Where each amount came from; `null` when it was not found. */
  readonly provenance: Readonly<Record<AltmanFactField | 'marketValueEquity', InputProvenance | null>>;
  /** What is missing or unusual, in words. */
  readonly warnings: readonly string[];
  /** `'original'` when market value of equity is known, else `'z_double_prime'` (book equity). */
  readonly suggestedVariant: AltmanVariant;
}

const factFields: readonly AltmanFactField[] = [
  'totalAssets',
  'totalLiabilities',
  'currentAssets',
  'currentLiabilities',
  'retainedEarnings',
  'ebit',
  'netSales',
  'bookValueEquity',
  'sharesOutstanding',
];

/** Concepts whose latest instant in a filing is its balance-sheet date. */
const balanceSheetAnchors = [
  'us-gaap:Assets',
  'ifrs-full:Assets',
  'us-gaap:LiabilitiesAndStockholdersEquity',
  'ifrs-full:EquityAndLiabilities',
];

const DAY_MS = 86_400_000;

interface Resolved {
  readonly accessionNumber: string | undefined;
  readonly periodEnd: string | undefined;
  readonly forms: readonly string[];
  readonly currency: string;
  readonly price: number | null;
  readonly marketValueEquity: number | null;
  readonly minDays: number;
  readonly maxDays: number;
}

const fn = 'altmanInputsFromCompanyFacts';

/** The option names of {@link CompanyFactsOptions}. @internal */
export const COMPANY_FACTS_OPTION_KEYS: readonly string[] = Object.freeze([
  'accessionNumber',
  'periodEnd',
  'forms',
  'currency',
  'price',
  'marketValueEquity',
  'annualDurationDays',
]);

function resolveOptions(
  options: CompanyFactsOptions | undefined,
  known: readonly string[] = COMPANY_FACTS_OPTION_KEYS,
  caller: string = fn,
): Resolved {
  const o = checkOptions(
    caller,
    options,
    known,
    'options',
    `${caller}(facts, { accessionNumber: '0001640147-25-000052', price: 150 })`,
  );
  let accessionNumber: string | undefined;
  if (o.accessionNumber !== undefined) {
    const normal = parseAccession(o.accessionNumber);
    if (normal === null) {
      throw new InvalidArgumentError(
        'options.accessionNumber',
        `${fn}: options.accessionNumber must be an accession number like '0001640147-25-000052' (dashes optional), got ${JSON.stringify(o.accessionNumber)}; e.g. ${fn}(facts, { accessionNumber: '0001640147-25-000052' })`,
      );
    }
    accessionNumber = normal;
  }
  if (o.periodEnd !== undefined && (typeof o.periodEnd !== 'string' || !isIsoDate(o.periodEnd))) {
    throw new InvalidArgumentError(
      'options.periodEnd',
      `${fn}: options.periodEnd must be a fiscal-year end date 'YYYY-MM-DD', got ${JSON.stringify(o.periodEnd)}; e.g. ${fn}(facts, { periodEnd: '2025-01-31' })`,
    );
  }
  if (accessionNumber !== undefined && o.periodEnd !== undefined) {
    throw new InvalidArgumentError(
      'options.periodEnd',
      `${fn}: give options.accessionNumber or options.periodEnd, not both; e.g. ${fn}(facts, { periodEnd: '2025-01-31' })`,
    );
  }
  const forms = o.forms ?? defaultCompanyFactsOptions.forms;
  if (!Array.isArray(forms) || forms.length === 0 || forms.some((f) => typeof f !== 'string')) {
    throw new InvalidArgumentError(
      'options.forms',
      `${fn}: options.forms must be a non-empty array of form types, got ${JSON.stringify(o.forms)}; e.g. ${fn}(facts, { forms: ['10-K', '10-K/A'] })`,
    );
  }
  const currency = o.currency ?? defaultCompanyFactsOptions.currency;
  if (typeof currency !== 'string' || currency.trim() === '') {
    throw new InvalidArgumentError(
      'options.currency',
      `${fn}: options.currency must be an XBRL unit such as 'USD', got ${JSON.stringify(o.currency)}`,
    );
  }
  const positive = (field: 'price' | 'marketValueEquity', example: string): number | null => {
    const value = o[field];
    if (value === undefined || value === null) return null;
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
      throw new InvalidArgumentError(
        `options.${field}`,
        `${fn}: options.${field} must be a positive finite number, got ${JSON.stringify(value)}; e.g. ${fn}(facts, { ${field}: ${example} })`,
      );
    }
    return value;
  };
  const price = positive('price', '150.25');
  const marketValueEquity = positive('marketValueEquity', '5.0e10');
  const days = o.annualDurationDays ?? defaultCompanyFactsOptions.annualDurationDays;
  if (
    !Array.isArray(days) ||
    days.length !== 2 ||
    !days.every((d) => typeof d === 'number' && Number.isFinite(d)) ||
    days[0] > days[1]
  ) {
    throw new InvalidArgumentError(
      'options.annualDurationDays',
      `${fn}: options.annualDurationDays must be [min, max] days with min <= max, got ${JSON.stringify(o.annualDurationDays)}; e.g. ${fn}(facts, { annualDurationDays: [350, 380] })`,
    );
  }
  return {
    accessionNumber,
    periodEnd: o.periodEnd,
    forms,
    currency,
    price,
    marketValueEquity,
    minDays: days[0],
    maxDays: days[1],
  };
}

function readCompanyFacts(companyFacts: unknown): CompanyFactsInput {
  let value = companyFacts;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch (error) {
      throw new InvalidArgumentError(
        'companyFacts',
        `${fn}(companyFacts): the string is not valid JSON; pass the parsed company-facts object, e.g. ${fn}(JSON.parse(text))`,
        { cause: error },
      );
    }
  }
  const facts = (value as { facts?: unknown } | null)?.facts;
  if (value === null || typeof value !== 'object' || facts === null || typeof facts !== 'object') {
    throw new InvalidArgumentError(
      'companyFacts',
      `${fn}(companyFacts) needs SEC's company-facts JSON (an object with a "facts" object), got ${describeType(value)}; e.g. ${fn}(await client.companyFacts('0001640147'))`,
    );
  }
  return value as CompanyFactsInput;
}

/** Facts of a qualified concept (`us-gaap:Assets`) in one unit; `[]` when absent or malformed. */
function factsOf(companyFacts: CompanyFactsInput, tag: string, unit: string): readonly XbrlFact[] {
  const colon = tag.indexOf(':');
  const concept = companyFacts.facts[tag.slice(0, colon)]?.[tag.slice(colon + 1)];
  const list: unknown = concept?.units?.[unit];
  return Array.isArray(list) ? list.filter(isFact) : [];
}

function isFact(fact: unknown): fact is XbrlFact {
  const f = fact as XbrlFact | null;
  return (
    f !== null &&
    typeof f === 'object' &&
    typeof f.val === 'number' &&
    Number.isFinite(f.val) &&
    typeof f.end === 'string' &&
    typeof f.accn === 'string'
  );
}

function daysBetween(start: string, end: string): number {
  return (Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / DAY_MS;
}

/** Every filing with balance-sheet facts, with its balance-sheet date (latest instant of an anchor). */
function listReports(companyFacts: CompanyFactsInput, currency: string): AnnualReport[] {
  const byAccession = new Map<string, AnnualReport>();
  for (const tag of balanceSheetAnchors) {
    for (const fact of factsOf(companyFacts, tag, currency)) {
      if (fact.start !== undefined) continue;
      const known = byAccession.get(fact.accn);
      if (known !== undefined && known.periodEnd >= fact.end) continue;
      byAccession.set(fact.accn, {
        accessionNumber: fact.accn,
        formType: fact.form,
        filingDate: fact.filed,
        periodEnd: fact.end,
        fiscalYear: typeof fact.fy === 'number' ? fact.fy : null,
        fiscalPeriod: typeof fact.fp === 'string' ? fact.fp : null,
      });
    }
  }
  return [...byAccession.values()].sort(
    (a, b) => b.filingDate.localeCompare(a.filingDate) || b.accessionNumber.localeCompare(a.accessionNumber),
  );
}

function chooseReport(companyFacts: CompanyFactsInput, o: Resolved, warnings: string[]): AnnualReport {
  const reports = listReports(companyFacts, o.currency);
  if (reports.length === 0) {
    const units = Object.keys(companyFacts.facts['us-gaap']?.Assets?.units ?? {}).concat(
      Object.keys(companyFacts.facts['ifrs-full']?.Assets?.units ?? {}),
    );
    throw new CompanyFactsError(
      `${fn}: no balance-sheet facts in ${o.currency}${units.length > 0 ? `; total assets are reported in ${units.join(', ')}: pass { currency: '${units[0]}' }` : ''}`,
    );
  }
  const annual = reports.filter((r) => o.forms.includes(r.formType));
  const describe = (list: readonly AnnualReport[]): string =>
    list
      .slice(0, 12)
      .map((r) => `${r.formType} ${r.accessionNumber} (period ${r.periodEnd}, filed ${r.filingDate})`)
      .join('; ');
  if (o.accessionNumber !== undefined) {
    const report = reports.find((r) => r.accessionNumber === o.accessionNumber);
    if (report === undefined) {
      throw new CompanyFactsError(
        `${fn}: accession number ${o.accessionNumber} has no balance-sheet facts in these company facts; annual reports found: ${describe(annual) || 'none'}`,
      );
    }
    if (!o.forms.includes(report.formType)) {
      warnings.push(
        `accession number ${report.accessionNumber} is a ${report.formType}, not one of ${o.forms.join(', ')}: income items need a ~1-year period and may be missing`,
      );
    }
    return report;
  }
  if (annual.length === 0) {
    throw new CompanyFactsError(
      `${fn}: no annual report (${o.forms.join(', ')}) with balance-sheet facts; filings found: ${describe(reports)}`,
    );
  }
  if (o.periodEnd !== undefined) {
    const matching = annual.filter((r) => r.periodEnd === o.periodEnd);
    if (matching.length === 0) {
      const ends = [...new Set(annual.map((r) => r.periodEnd))].sort().join(', ');
      throw new CompanyFactsError(
        `${fn}: no annual report with fiscal-year end ${o.periodEnd}; fiscal-year ends found: ${ends}`,
      );
    }
    if (matching.length > 1) {
      warnings.push(
        `${matching.length} reports end ${o.periodEnd}; read the latest filed, ${matching[0]!.formType} ${matching[0]!.accessionNumber} (others: ${describe(matching.slice(1))})`,
      );
    }
    return matching[0]!;
  }
  return annual[0]!;
}

/** Candidate facts of one concept for the report and period kind. */
function candidates(
  companyFacts: CompanyFactsInput,
  tag: string,
  unit: string,
  period: FactPeriod,
  report: AnnualReport,
  o: Resolved,
): XbrlFact[] {
  const own = factsOf(companyFacts, tag, unit).filter((f) => f.accn === report.accessionNumber);
  if (period === 'instant') return own.filter((f) => f.start === undefined && f.end === report.periodEnd);
  if (period === 'cover') {
    return own.filter((f) => f.start === undefined).sort((a, b) => b.end.localeCompare(a.end));
  }
  return own
    .filter((f) => {
      if (f.start === undefined || f.end !== report.periodEnd) return false;
      const days = daysBetween(f.start, f.end);
      return days >= o.minDays && days <= o.maxDays;
    })
    .sort(
      (a, b) => Math.abs(daysBetween(a.start!, a.end) - 365) - Math.abs(daysBetween(b.start!, b.end) - 365),
    );
}

function source(tag: string, unit: string, fact: XbrlFact): FactSource {
  return {
    tag,
    value: fact.val,
    unit,
    start: fact.start ?? null,
    end: fact.end,
    accessionNumber: fact.accn,
    formType: fact.form,
    filingDate: fact.filed,
    fy: typeof fact.fy === 'number' ? fact.fy : null,
    fp: typeof fact.fp === 'string' ? fact.fp : null,
    frame: typeof fact.frame === 'string' ? fact.frame : null,
  };
}

type RuleGroup = 'us-gaap' | 'ifrs' | 'dei';
function groupOf(rule: TagRule): RuleGroup {
  const tags = rule.terms.flatMap((t) => t.tags);
  if (tags.every((t) => t.startsWith('ifrs-full:'))) return 'ifrs';
  if (tags.every((t) => t.startsWith('dei:'))) return 'dei';
  return 'us-gaap';
}

/** Apply a field's rules in order; the first rule whose required terms are all found wins. */
function readField(
  companyFacts: CompanyFactsInput,
  field: AltmanFactField,
  report: AnnualReport,
  o: Resolved,
  warnings: string[],
): InputProvenance | null {
  const spec = altmanTagRules[field];
  const unit = spec.unit === 'shares' ? 'shares' : o.currency;
  for (const [index, rule] of spec.rules.entries()) {
    const period = rule.period ?? spec.period;
    const used: FactSource[] = [];
    const parts: string[] = [];
    const missingOptional: string[] = [];
    let value = 0;
    let applies = true;
    for (const term of rule.terms) {
      let found: { tag: string; facts: XbrlFact[] } | null = null;
      for (const tag of term.tags) {
        const list = candidates(companyFacts, tag, unit, period, report, o);
        if (list.length > 0) {
          found = { tag, facts: list };
          break;
        }
      }
      if (found === null) {
        if (term.optional === true) {
          missingOptional.push(term.tags.join(' | '));
          continue;
        }
        applies = false;
        break;
      }
      const fact = found.facts[0]!;
      const conflicting = found.facts.filter((f) => f.end === fact.end && f.val !== fact.val);
      if (period !== 'cover' && conflicting.length > 0) {
        warnings.push(
          `${field}: ${found.tag} has ${conflicting.length + 1} different values for ${fact.end} in ${report.accessionNumber}; used ${fact.val}`,
        );
      }
      value += term.sign * fact.val;
      used.push(source(found.tag, unit, fact));
      parts.push(
        parts.length === 0
          ? term.sign === 1
            ? found.tag
            : `−${found.tag}`
          : `${term.sign === 1 ? '+' : '−'} ${found.tag}`,
      );
    }
    if (!applies) continue;
    const group = groupOf(rule);
    const fallbackUsed = spec.rules
      .slice(0, index)
      .some((earlier) => groupOf(earlier) === group || groupOf(earlier) === 'dei');
    const notes = [rule.note, ...missingOptional.map((m) => `not tagged, taken as 0: ${m}`)].filter(
      (n): n is string => n !== undefined,
    );
    if (missingOptional.length > 0) {
      warnings.push(
        `${field}: ${rule.note ?? 'derived'}, but ${missingOptional.join(', ')} not tagged (taken as 0)`,
      );
    }
    const first = used[0]!;
    return {
      field,
      value,
      tag: parts.join(' '),
      rule: index,
      fallbackUsed,
      note: notes.length > 0 ? notes.join('; ') : null,
      unit,
      start: first.start,
      end: first.end,
      accessionNumber: report.accessionNumber,
      formType: report.formType,
      filingDate: report.filingDate,
      facts: used,
      missingOptional,
    };
  }
  const tried = spec.rules.map((r) => r.terms.map((t) => t.tags.join('|')).join(' & ')).join('; ');
  const when =
    spec.period === 'instant'
      ? `at ${report.periodEnd}`
      : spec.period === 'year'
        ? `for a ~1-year period ending ${report.periodEnd}`
        : 'on the cover page';
  warnings.push(
    `${field}: not found in ${report.formType} ${report.accessionNumber} ${when} (tried ${tried})`,
  );
  return null;
}

/**
 * Read the Altman inputs of one annual report from SEC's XBRL company-facts JSON, with the
 * provenance of every number.
 *
 * The report is the one with `accessionNumber`, else the latest filed with fiscal-year end `periodEnd`,
 * else the latest annual report filed (forms in `forms`) that holds balance-sheet facts. Facts are
 * then taken **from that filing only** and chosen by period: balance-sheet items at its
 * balance-sheet date (`end`), income items over a ~1-year duration ending on it, in the unit
 * `currency`. The `fy`/`fp` fields are never used to pick facts: they describe the filing, so a
 * 10-K's prior-year comparatives carry the same `fy` as its current-year figures.
 *
 * Each input tries its ordered tag fallbacks ({@link altmanTagRules}), e.g. `Liabilities`, else
 * `LiabilitiesAndStockholdersEquity` − total equity; `OperatingIncomeLoss`, else pre-tax income +
 * interest expense; `Revenues`, else `RevenueFromContractWithCustomerExcludingAssessedTax`, …,
 * `SalesRevenueNet`. Market value of equity = shares outstanding × your `price` (XBRL has no
 * price); without one, `inputs.marketValueEquity` is `null`, a warning says so, and
 * `suggestedVariant` is `'z_double_prime'` (book equity).
 *
 * @param companyFacts - The parsed company-facts JSON (or its text).
 * @param options - Which report (`accessionNumber` or `periodEnd`), `forms`, `currency`, `price`,
 *   `marketValueEquity`, `annualDurationDays`; see {@link CompanyFactsOptions}.
 * @returns The report, the inputs, their provenance, warnings and a suggested variant.
 * @throws {InvalidArgumentError} When `companyFacts` is not company-facts JSON or an option is invalid.
 * @throws {CompanyFactsError} When no report matches (`code` `'REPORT_NOT_FOUND'`); the message lists what exists.
 * @example
 * ```ts
 * import { altmanZ } from 'fin-tabtext';
 * import { altmanInputsFromCompanyFacts } from 'fin-tabtext/finance';
 * const facts = JSON.parse(text); // companyfacts/CIK0001640147.json
 * const picked = altmanInputsFromCompanyFacts(facts, { accessionNumber: '0001640147-25-000052', price: 150 });
 * picked.inputs.totalAssets; // 9033938000, at 2025-01-31
 * picked.provenance.netSales?.tag; // 'us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax'
 * altmanZ(picked.inputs).z;
 * ```
 */
export function altmanInputsFromCompanyFacts(
  companyFacts: CompanyFactsInput | string,
  options?: CompanyFactsOptions,
): CompanyFactsAltmanInputs {
  const o = resolveOptions(options);
  const data = readCompanyFacts(companyFacts);
  const warnings: string[] = [];
  const report = chooseReport(data, o, warnings);
  const provenance = {} as Record<AltmanFactField | 'marketValueEquity', InputProvenance | null>;
  for (const field of factFields) provenance[field] = readField(data, field, report, o, warnings);
  const value = (field: AltmanFactField): number | null => provenance[field]?.value ?? null;

  if (provenance.currentAssets === null && provenance.currentLiabilities === null) {
    warnings.push(
      'no current assets or current liabilities: an unclassified balance sheet, typical of banks, insurers and broker-dealers; Altman Z is not designed for financial companies',
    );
  }

  const shares = provenance.sharesOutstanding;
  let marketValueEquity: number | null = null;
  if (o.marketValueEquity !== null) {
    marketValueEquity = o.marketValueEquity;
    provenance.marketValueEquity = {
      field: 'marketValueEquity',
      value: marketValueEquity,
      tag: 'options.marketValueEquity',
      rule: -1,
      fallbackUsed: false,
      note: 'supplied by the caller',
      unit: o.currency,
      start: null,
      end: null,
      accessionNumber: report.accessionNumber,
      formType: report.formType,
      filingDate: report.filingDate,
      facts: [],
      missingOptional: [],
    };
  } else if (o.price !== null && shares !== null) {
    marketValueEquity = shares.value * o.price;
    provenance.marketValueEquity = {
      ...shares,
      field: 'marketValueEquity',
      value: marketValueEquity,
      tag: `${shares.tag} × options.price`,
      note: `shares outstanding as of ${shares.end} × price ${o.price} supplied by the caller`,
      unit: o.currency,
    };
  } else {
    provenance.marketValueEquity = null;
    warnings.push(
      o.price === null
        ? "no share price: XBRL carries no market price, so market value of equity (shares × price) is unknown; pass { price } to score the original Z, or score Z″ with book equity: altmanZ(result.inputs, { variant: 'z_double_prime' })"
        : 'a price was given but no shares-outstanding fact was found; pass { marketValueEquity } instead, or score Z″ with book equity',
    );
  }

  const inputs: CompanyFactsValues = {
    totalAssets: value('totalAssets'),
    totalLiabilities: value('totalLiabilities'),
    currentAssets: value('currentAssets'),
    currentLiabilities: value('currentLiabilities'),
    retainedEarnings: value('retainedEarnings'),
    ebit: value('ebit'),
    netSales: value('netSales'),
    bookValueEquity: value('bookValueEquity'),
    sharesOutstanding: value('sharesOutstanding'),
    price: o.price,
    marketValueEquity,
  };
  const cik = parseCik(data.cik);
  return {
    cik,
    entityName: typeof data.entityName === 'string' ? data.entityName : null,
    report,
    inputs,
    provenance,
    warnings,
    suggestedVariant: marketValueEquity === null ? 'z_double_prime' : 'original',
  };
}
