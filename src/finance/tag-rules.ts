/** The amounts {@link altmanInputsFromCompanyFacts} reads from XBRL company facts. */
export type AltmanFactField =
  | 'totalAssets'
  | 'totalLiabilities'
  | 'currentAssets'
  | 'currentLiabilities'
  | 'retainedEarnings'
  | 'ebit'
  | 'netSales'
  | 'bookValueEquity'
  | 'sharesOutstanding';

/** One term of a tag rule: the first of `tags` found is used, with `sign`. */
export interface TagTerm {
  /** Qualified concept names (`'us-gaap:Liabilities'`), tried in order. */
  readonly tags: readonly string[];
  /** `1` to add, `-1` to subtract. */
  readonly sign: 1 | -1;
  /** When `true`, the rule still applies without this term (its absence is recorded). */
  readonly optional?: boolean;
}

/** One way to obtain an amount: the sum of its terms, all from the same report and period. */
export interface TagRule {
  /** The terms; every non-optional one must be found for the rule to apply. */
  readonly terms: readonly TagTerm[];
  /** Why this rule exists, shown in the provenance when it is used. */
  readonly note?: string;
  /** Overrides the field's {@link FieldRules.period} for this rule. */
  readonly period?: FactPeriod;
}

/** How a field's facts are dated: at the balance-sheet date, over the fiscal year, or on the cover page. */
export type FactPeriod = 'instant' | 'year' | 'cover';

/** The ordered rules for one field. */
export interface FieldRules {
  /** How the facts are dated. */
  readonly period: FactPeriod;
  /** The XBRL unit family: `'money'` (the chosen currency) or `'shares'`. */
  readonly unit: 'money' | 'shares';
  /** Rules in order of preference; the first that applies wins. */
  readonly rules: readonly TagRule[];
}

const one = (...tags: string[]): TagRule => ({ terms: [{ tags, sign: 1 }] });

const totalEquity = [
  'us-gaap:StockholdersEquityIncludingPortionAttributableToNoncontrollingInterest',
  'us-gaap:StockholdersEquity',
];
const temporaryEquity = [
  'us-gaap:TemporaryEquityCarryingAmountIncludingPortionAttributableToNoncontrollingInterest',
  'us-gaap:TemporaryEquityCarryingAmountAttributableToParent',
];
const preTaxIncome = [
  'us-gaap:IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest',
  'us-gaap:IncomeLossFromContinuingOperationsBeforeIncomeTaxesMinorityInterestAndIncomeLossFromEquityMethodInvestments',
  'us-gaap:IncomeLossBeforeIncomeTaxes',
];
const interestExpense = [
  'us-gaap:InterestExpense',
  'us-gaap:InterestExpenseNonoperating',
  'us-gaap:InterestExpenseDebt',
  'us-gaap:InterestAndDebtExpense',
];

/**
 * The ordered tag fallbacks for each Altman input (frozen). US GAAP concepts come first, then
 * IFRS (`ifrs-full`) ones for foreign private issuers. Within a rule, every term is read from the
 * same report, the same unit and the same period, never from another filing.
 *
 * @example
 * ```ts
 * import { altmanTagRules } from 'fin-tabtext/finance';
 * altmanTagRules.totalLiabilities.rules[0]; // { terms: [{ tags: ['us-gaap:Liabilities'], sign: 1 }] }
 * ```
 */
export const altmanTagRules: Readonly<Record<AltmanFactField, FieldRules>> = deepFreeze({
  totalAssets: { period: 'instant', unit: 'money', rules: [one('us-gaap:Assets'), one('ifrs-full:Assets')] },
  totalLiabilities: {
    period: 'instant',
    unit: 'money',
    rules: [
      one('us-gaap:Liabilities'),
      {
        terms: [
          { tags: ['us-gaap:LiabilitiesAndStockholdersEquity'], sign: 1 },
          { tags: totalEquity, sign: -1 },
          { tags: temporaryEquity, sign: -1, optional: true },
        ],
        note: 'Liabilities is not tagged: total liabilities and equity − total equity − temporary (mezzanine) equity',
      },
      {
        terms: [
          { tags: ['us-gaap:LiabilitiesCurrent'], sign: 1 },
          { tags: ['us-gaap:LiabilitiesNoncurrent'], sign: 1 },
        ],
        note: 'Liabilities is not tagged: current + noncurrent liabilities',
      },
      one('ifrs-full:Liabilities'),
      {
        terms: [
          { tags: ['ifrs-full:EquityAndLiabilities'], sign: 1 },
          { tags: ['ifrs-full:Equity'], sign: -1 },
        ],
        note: 'Liabilities is not tagged: equity and liabilities − equity',
      },
    ],
  },
  currentAssets: {
    period: 'instant',
    unit: 'money',
    rules: [one('us-gaap:AssetsCurrent'), one('ifrs-full:CurrentAssets')],
  },
  currentLiabilities: {
    period: 'instant',
    unit: 'money',
    rules: [one('us-gaap:LiabilitiesCurrent'), one('ifrs-full:CurrentLiabilities')],
  },
  retainedEarnings: {
    period: 'instant',
    unit: 'money',
    rules: [one('us-gaap:RetainedEarningsAccumulatedDeficit'), one('ifrs-full:RetainedEarnings')],
  },
  ebit: {
    period: 'year',
    unit: 'money',
    rules: [
      one('us-gaap:OperatingIncomeLoss'),
      {
        terms: [
          { tags: preTaxIncome, sign: 1 },
          { tags: interestExpense, sign: 1, optional: true },
        ],
        note: 'OperatingIncomeLoss is not tagged: EBIT = pre-tax income + interest expense',
      },
      one('ifrs-full:ProfitLossFromOperatingActivities'),
      {
        terms: [
          { tags: ['ifrs-full:ProfitLossBeforeTax'], sign: 1 },
          { tags: ['ifrs-full:FinanceCosts', 'ifrs-full:InterestExpense'], sign: 1, optional: true },
        ],
        note: 'ProfitLossFromOperatingActivities is not tagged: EBIT = profit before tax + finance costs',
      },
    ],
  },
  netSales: {
    period: 'year',
    unit: 'money',
    rules: [
      one('us-gaap:Revenues'),
      one('us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax'),
      one('us-gaap:RevenueFromContractWithCustomerIncludingAssessedTax'),
      // Pre-2018 (before ASC 606) taxonomies.
      one('us-gaap:SalesRevenueNet'),
      one('us-gaap:SalesRevenueGoodsNet'),
      one('us-gaap:SalesRevenueServicesNet'),
      one('ifrs-full:Revenue'),
      one('ifrs-full:RevenueFromContractsWithCustomers'),
    ],
  },
  bookValueEquity: {
    period: 'instant',
    unit: 'money',
    rules: [
      // Stockholders' equity of the parent first: the same claim that shares × price values.
      one('us-gaap:StockholdersEquity'),
      one('us-gaap:StockholdersEquityIncludingPortionAttributableToNoncontrollingInterest'),
      one('ifrs-full:EquityAttributableToOwnersOfParent'),
      one('ifrs-full:Equity'),
    ],
  },
  sharesOutstanding: {
    period: 'cover',
    unit: 'shares',
    rules: [
      one('dei:EntityCommonStockSharesOutstanding'),
      {
        terms: [{ tags: ['us-gaap:CommonStockSharesOutstanding'], sign: 1 }],
        period: 'instant',
        note: 'no cover-page share count: shares outstanding at the balance-sheet date',
      },
      {
        terms: [{ tags: ['ifrs-full:NumberOfSharesOutstanding'], sign: 1 }],
        period: 'instant',
        note: 'no cover-page share count: shares outstanding at the balance-sheet date',
      },
    ],
  },
} satisfies Record<AltmanFactField, FieldRules>);

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
