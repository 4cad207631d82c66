import { describeType, InvalidArgumentError } from '../errors/index.js';
import type { XbrlFact } from '../finance/index.js';
import { parseAccession, parseCik } from '../identifiers/index.js';
import { checkOptions, isIsoDate } from '../options/index.js';
import { type InlineXbrlFact, scanInlineXbrl } from './inline-facts.js';

/** Options of {@link companyFactsFromInlineXbrl}: the filing's identity, which the document itself does not carry. */
export interface InlineXbrlCompanyFactsOptions {
  /** Accession number of the filing (`'0001326380-24-000012'`, dashes optional). Required. */
  readonly accessionNumber: string;
  /** Form type (`'10-K'`, `'10-Q'`, `'10-K/A'`…). Required. */
  readonly formType: string;
  /** Filing date, `YYYY-MM-DD`. Required. */
  readonly filingDate: string;
  /**
   * The company's CIK (any form `normalizeCik` accepts: `1326380`, `'0001326380'`).
   * @default the document's `dei:EntityCentralIndexKey`, else its contexts' entity identifier
   */
  readonly cik?: string | number;
  /**
   * The company's name.
   * @default the document's `dei:EntityRegistrantName`
   */
  readonly entityName?: string;
}

/** One concept of {@link InlineXbrlCompanyFacts}: facts by unit, as in SEC's company facts (no labels offline). */
export interface InlineXbrlConcept {
  /** Always `null`: labels live in the taxonomy, not in the filing. */
  readonly label: null;
  /** Always `null`, likewise. */
  readonly description: null;
  /** Facts by unit (`USD`, `shares`, `USD/shares`), ordered by `end`, then `start`. */
  readonly units: Readonly<Record<string, readonly XbrlFact[]>>;
}

/**
 * The facts of one inline XBRL filing in the shape of SEC's XBRL company-facts JSON, so that
 * `altmanInputsFromCompanyFacts` (and anything else written for that JSON) reads it unchanged.
 */
export interface InlineXbrlCompanyFacts {
  /** The CIK as a number, as SEC sends it; absent when neither the options nor the document give it. */
  readonly cik?: number;
  /** The company name; absent when unknown. */
  readonly entityName?: string;
  /** Concepts by taxonomy key (`us-gaap`, `dei`, `ifrs-full`, `srt`, a filer's prefix) and local name. */
  readonly facts: Readonly<Record<string, Readonly<Record<string, InlineXbrlConcept>>>>;
  /** Facts that could not be read, conflicting duplicates, summed share classes, in words. */
  readonly warnings: readonly string[];
}

const fn = 'companyFactsFromInlineXbrl';
const example = `${fn}(html, { accessionNumber: '0001326380-24-000012', formType: '10-K', filingDate: '2024-03-26' })`;
const SHARES_OUTSTANDING = 'EntityCommonStockSharesOutstanding';

interface Resolved {
  readonly accessionNumber: string;
  readonly formType: string;
  readonly filingDate: string;
  readonly cik: number | undefined;
  readonly entityName: string | undefined;
}

const KEYS = ['accessionNumber', 'formType', 'filingDate', 'cik', 'entityName'] as const;

function resolveOptions(options: InlineXbrlCompanyFactsOptions): Resolved {
  if (options === undefined) {
    throw new InvalidArgumentError(
      'options',
      `${fn}(html, options) needs options { accessionNumber, formType, filingDate }; e.g. ${example}`,
    );
  }
  checkOptions(fn, options, KEYS, 'options', example);
  const accessionNumber = parseAccession(options.accessionNumber);
  if (accessionNumber === null) {
    throw new InvalidArgumentError(
      'options.accessionNumber',
      `${fn}: options.accessionNumber must be an accession number like '0001326380-24-000012' (dashes optional), got ${JSON.stringify(options.accessionNumber)}; e.g. ${example}`,
    );
  }
  if (typeof options.formType !== 'string' || options.formType.trim() === '') {
    throw new InvalidArgumentError(
      'options.formType',
      `${fn}: options.formType must be the form type such as '10-K', got ${JSON.stringify(options.formType)}; e.g. ${example}`,
    );
  }
  if (typeof options.filingDate !== 'string' || !isIsoDate(options.filingDate)) {
    throw new InvalidArgumentError(
      'options.filingDate',
      `${fn}: options.filingDate must be the filing date 'YYYY-MM-DD', got ${JSON.stringify(options.filingDate)}; e.g. ${example}`,
    );
  }
  let cik: number | undefined;
  if (options.cik !== undefined) {
    const padded = parseCik(options.cik);
    if (padded === null) {
      throw new InvalidArgumentError(
        'options.cik',
        `${fn}: options.cik must be a CIK such as 1326380 or '0001326380', got ${JSON.stringify(options.cik)}`,
      );
    }
    cik = Number(padded);
  }
  if (options.entityName !== undefined && typeof options.entityName !== 'string') {
    throw new InvalidArgumentError(
      'options.entityName',
      `${fn}: options.entityName must be a string such as 'GameStop Corp.', got ${describeType(options.entityName)}`,
    );
  }
  return {
    accessionNumber,
    formType: options.formType.trim(),
    filingDate: options.filingDate,
    cik,
    entityName: options.entityName,
  };
}

/** `decimals` as a number for comparisons: `INF` is the most precise, a missing one the least. */
function precision(decimals: number | 'INF' | null): number {
  if (decimals === 'INF') return Number.POSITIVE_INFINITY;
  return decimals ?? Number.NEGATIVE_INFINITY;
}

/**
 * Whether `other` is consistent with `kept` at `other`'s own precision (XBRL 2.1 §4.10 duplicates:
 * 5,873.3 million shown as "5.9 billion" elsewhere is the same fact, rounded).
 */
function consistent(kept: InlineXbrlFact, other: InlineXbrlFact): boolean {
  if (kept.value === other.value) return true;
  const d = precision(other.decimals);
  if (!Number.isFinite(d)) return false;
  const half = 0.5 * 10 ** -d;
  return Math.abs(kept.value - other.value) <= half * (1 + 1e-9);
}

function periodLabel(fact: InlineXbrlFact): string {
  return fact.start === undefined ? fact.end : `${fact.start}..${fact.end}`;
}

/** The most precise of a group of same-concept, same-period, same-unit facts, warning about conflicts. */
function pick(group: readonly InlineXbrlFact[], warnings: string[]): InlineXbrlFact {
  let kept = group[0]!;
  for (const fact of group) if (precision(fact.decimals) > precision(kept.decimals)) kept = fact;
  const conflicting = group.filter((f) => !consistent(kept, f));
  if (conflicting.length > 0) {
    const values = [...new Set(group.map((f) => f.value))].join(', ');
    warnings.push(
      `${kept.concept} (${kept.unit}, ${periodLabel(kept)}) has conflicting values ${values}; kept ${kept.value} (decimals ${kept.decimals ?? 'none'}${kept.id === null ? '' : `, fact ${kept.id}`})`,
    );
  }
  return kept;
}

/**
 * `dei:EntityCommonStockSharesOutstanding` by share class only (e.g. Alphabet's classes A, B, C):
 * the total per date and unit, from facts with a single dimension (the class-of-stock axis when present).
 */
function sumShareClasses(dimensional: readonly InlineXbrlFact[], warnings: string[]): InlineXbrlFact[] {
  const single = dimensional.filter((f) => f.dimensions.length === 1);
  const onClassAxis = single.filter((f) => f.dimensions[0]!.dimension.endsWith(':StatementClassOfStockAxis'));
  const used = onClassAxis.length > 0 ? onClassAxis : single;
  const byDate = new Map<string, Map<string, InlineXbrlFact[]>>();
  for (const fact of used) {
    const key = `${fact.unit}\u0000${fact.end}`;
    const members = byDate.get(key) ?? new Map<string, InlineXbrlFact[]>();
    const member = fact.dimensions[0]!.member;
    members.set(member, [...(members.get(member) ?? []), fact]);
    byDate.set(key, members);
  }
  const totals: InlineXbrlFact[] = [];
  for (const members of byDate.values()) {
    const picked = [...members.values()].map((group) => pick(group, warnings));
    const first = picked[0]!;
    const total = picked.reduce((sum, f) => sum + f.value, 0);
    const least = picked.reduce<number | 'INF' | null>(
      (d, f) => (precision(f.decimals) < precision(d) ? f.decimals : d),
      'INF',
    );
    warnings.push(
      `dei:${SHARES_OUTSTANDING} is reported by class only; summed ${picked.length} (${picked
        .map((f) => `${f.dimensions[0]!.member} ${f.value}`)
        .join(' + ')}) = ${total} ${first.unit} as of ${first.end}`,
    );
    totals.push({
      ...first,
      value: total,
      decimals: least,
      dimensional: false,
      dimensions: [],
      contextId: picked.map((f) => f.contextId).join('+'),
      id: null,
    });
  }
  return totals;
}

function toXbrlFact(fact: InlineXbrlFact, o: Resolved, fy: number | null, fp: string | null): XbrlFact {
  return {
    ...(fact.start === undefined ? {} : { start: fact.start }),
    end: fact.end,
    val: fact.value,
    accn: o.accessionNumber,
    fy,
    fp,
    form: o.formType,
    filed: o.filingDate,
  };
}

/**
 * Read the inline XBRL facts of a 10-K/10-Q primary document into the shape of SEC's XBRL
 * company-facts JSON (`facts[taxonomy][concept].units[unit][]` with `start`, `end`, `val`, `accn`,
 * `fy`, `fp`, `form`, `filed`), so `altmanInputsFromCompanyFacts(result, { accessionNumber })` scores a
 * filing on disk with no network and no company-facts download.
 *
 * As SEC does, only non-dimensional facts are kept (a fact about a segment or a share class is not
 * the company's total). Facts repeated in the document become one; when the same concept, period and
 * unit carries values that disagree beyond rounding, the most precise `decimals` wins and `warnings`
 * says so. When `dei:EntityCommonStockSharesOutstanding` is only given per share class, the classes
 * are summed (with a warning) so shares × price can give market value of equity. `fy` and `fp` come
 * from `dei:DocumentFiscalYearFocus` / `DocumentFiscalPeriodFocus` (`null` when absent); SEC's `frame`
 * needs other filings and is never set.
 *
 * A document without inline XBRL (a pre-2019 HTML or text filing) gives `facts: {}` and a warning,
 * not an error.
 *
 * @param html - The primary document's text.
 * @param options - The filing's `accessionNumber`, `formType` and `filingDate`; optional `cik`, `entityName`.
 * @returns The company-facts object with `warnings`.
 * @throws {InvalidArgumentError} When `html` is not a string or an option is invalid.
 * @throws {InlineXbrlError} Only on an unexpected internal failure; malformed markup never throws.
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * import { altmanInputsFromCompanyFacts } from 'fin-tabtext/finance';
 * import { altmanZ, companyFactsFromInlineXbrl } from 'fin-tabtext';
 * const html = readFileSync('gme-20240203.htm', 'utf8');
 * const accessionNumber = '0001326380-24-000012';
 * const facts = companyFactsFromInlineXbrl(html, { accessionNumber, formType: '10-K', filingDate: '2024-03-26' });
 * facts.facts['us-gaap']?.Assets?.units.USD; // [{ end: '2023-01-28', val: 3113400000, … }, { end: '2024-02-03', val: 2709000000, … }]
 * const { inputs } = altmanInputsFromCompanyFacts(facts, { accessionNumber });
 * altmanZ(inputs, { variant: 'z_double_prime' }).z;
 * ```
 */
export function companyFactsFromInlineXbrl(
  html: string,
  options: InlineXbrlCompanyFactsOptions,
): InlineXbrlCompanyFacts {
  if (typeof html !== 'string') {
    throw new InvalidArgumentError(
      'html',
      `${fn}(html, options) needs the document text as a string, got ${describeType(html)}; e.g. ${example}`,
    );
  }
  const o = resolveOptions(options);
  const scan = scanInlineXbrl(html);
  const warnings = [...scan.warnings];
  if (!scan.inline)
    warnings.push('the document has no inline XBRL markup (ix:nonFraction, ix:header); no facts');

  const fyText = scan.cover.fiscalYearFocus;
  const fy = fyText !== null && /^\d{4}$/.test(fyText) ? Number(fyText) : null;
  const fp = scan.cover.fiscalPeriodFocus;
  const documentType = scan.cover.documentType;
  if (documentType !== null && documentType !== o.formType) {
    warnings.push(
      `the document says it is a ${documentType} (dei:DocumentType) but options.formType is ${o.formType}`,
    );
  }

  // Group by concept, unit and period, keeping document order of first appearance.
  const groups = new Map<string, InlineXbrlFact[]>();
  const sharesByClass: InlineXbrlFact[] = [];
  for (const fact of scan.facts) {
    if (fact.dimensional) {
      if (fact.taxonomy === 'dei' && fact.name === SHARES_OUTSTANDING) sharesByClass.push(fact);
      continue;
    }
    const key = `${fact.concept}\u0000${fact.unit}\u0000${fact.start ?? ''}\u0000${fact.end}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [fact]);
    else group.push(fact);
  }
  const kept = [...groups.values()].map((group) => pick(group, warnings));
  if (sharesByClass.length > 0 && !kept.some((f) => f.taxonomy === 'dei' && f.name === SHARES_OUTSTANDING)) {
    kept.push(...sumShareClasses(sharesByClass, warnings));
  }

  const facts: Record<
    string,
    Record<string, { label: null; description: null; units: Record<string, XbrlFact[]> }>
  > = {};
  const ordered = kept.sort(
    (a, b) =>
      (a.end < b.end ? -1 : a.end > b.end ? 1 : 0) || (a.start ?? '').localeCompare(b.start ?? '') || 0,
  );
  for (const fact of ordered) {
    const taxonomy = facts[fact.taxonomy] ?? {};
    facts[fact.taxonomy] = taxonomy;
    const concept = taxonomy[fact.name] ?? { label: null, description: null, units: {} };
    taxonomy[fact.name] = concept;
    const list = concept.units[fact.unit] ?? [];
    concept.units[fact.unit] = list;
    list.push(toXbrlFact(fact, o, fy, fp));
  }

  const cikText = o.cik ?? scan.cover.centralIndexKey ?? scan.identifier;
  const padded = parseCik(cikText);
  const cik = padded === null ? undefined : Number(padded);
  const entityName = o.entityName ?? scan.cover.registrantName ?? undefined;
  return {
    ...(cik === undefined ? {} : { cik }),
    ...(entityName === undefined ? {} : { entityName }),
    facts,
    warnings,
  };
}
