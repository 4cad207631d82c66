import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, isFinTabTextError } from '../../src/errors/index.js';
import {
  altmanFromCompanyFacts,
  altmanInputsFromCompanyFacts,
  altmanZ,
  CompanyFactsError,
  type CompanyFactsInput,
  type XbrlFact,
} from '../../src/finance/index.js';
import { readFixture } from '../support/fixtures.js';

/** Real SEC company-facts JSON, parsed afresh for each use so tests can edit their copy. */
const snowflake = (): CompanyFactsInput =>
  JSON.parse(readFixture('sec-json/companyfacts_CIK0001640147.json.gz')) as CompanyFactsInput;
const logisticProperties = (): CompanyFactsInput =>
  JSON.parse(readFixture('sec-json/companyfacts_CIK0001997711.json.gz')) as CompanyFactsInput;

/** Remove one concept from a copy of the facts, to exercise a fallback on otherwise real data. */
function without(facts: CompanyFactsInput, ...tags: string[]): CompanyFactsInput {
  const copy = structuredClone(facts) as { facts: Record<string, Record<string, unknown>> };
  for (const tag of tags) {
    const [taxonomy, name] = tag.split(':') as [string, string];
    delete copy.facts[taxonomy]![name];
  }
  return copy as unknown as CompanyFactsInput;
}

/*
 * Expected values: Snowflake Inc. (CIK 0001640147), in USD. Each is the fact the company-facts
 * JSON lists under the named accession for the named period, i.e. the figure printed in that
 * 10-K's consolidated balance sheet (at the fiscal-year end) or statement of operations (for the
 * fiscal year ending then).
 */
const snowflakeFy2025 = {
  // 10-K for the fiscal year ended 2025-01-31, accession 0001640147-25-000052, filed 2025-03-21.
  accessionNumber: '0001640147-25-000052',
  periodEnd: '2025-01-31',
  yearStart: '2024-02-01',
  totalAssets: 9_033_938_000, // us-gaap:Assets, 2025-01-31
  totalLiabilities: 6_027_295_000, // us-gaap:Liabilities, 2025-01-31
  currentAssets: 5_869_372_000, // us-gaap:AssetsCurrent, 2025-01-31
  currentLiabilities: 3_301_183_000, // us-gaap:LiabilitiesCurrent, 2025-01-31
  retainedEarnings: -7_293_575_000, // us-gaap:RetainedEarningsAccumulatedDeficit, 2025-01-31
  ebit: -1_456_010_000, // us-gaap:OperatingIncomeLoss, 2024-02-01..2025-01-31
  netSales: 3_626_396_000, // us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax, same year
  bookValueEquity: 2_999_929_000, // us-gaap:StockholdersEquity, 2025-01-31
  sharesOutstanding: 334_100_000, // dei:EntityCommonStockSharesOutstanding, cover page as of 2025-03-07
};
const snowflakeFy2024 = {
  // 10-K for the fiscal year ended 2024-01-31, accession 0001640147-24-000101, filed 2024-03-26.
  accessionNumber: '0001640147-24-000101',
  periodEnd: '2024-01-31',
  totalAssets: 8_223_383_000,
  totalLiabilities: 3_032_789_000,
  currentAssets: 5_039_264_000,
  currentLiabilities: 2_731_230_000,
  retainedEarnings: -4_075_604_000,
  ebit: -1_094_773_000, // 2023-02-01..2024-01-31
  netSales: 2_806_489_000,
  bookValueEquity: 5_180_308_000,
  sharesOutstanding: 334_200_000, // cover page as of 2024-03-15
};
const snowflakeFy2021 = {
  // First 10-K after the IPO: fiscal year ended 2021-01-31, accession 0001640147-21-000073.
  accessionNumber: '0001640147-21-000073',
  periodEnd: '2021-01-31',
  totalAssets: 5_921_739_000,
  totalLiabilities: 985_268_000,
  currentAssets: 4_300_652_000,
  currentLiabilities: 789_264_000,
  retainedEarnings: -1_239_421_000,
  ebit: -543_937_000, // 2020-02-01..2021-01-31
  netSales: 592_049_000,
  bookValueEquity: 4_936_471_000,
  sharesOutstanding: 288_700_000, // cover page as of 2021-03-01
};

const amountFields = [
  'totalAssets',
  'totalLiabilities',
  'currentAssets',
  'currentLiabilities',
  'retainedEarnings',
  'ebit',
  'netSales',
  'bookValueEquity',
  'sharesOutstanding',
] as const;

describe('altmanInputsFromCompanyFacts on Snowflake (real company facts)', () => {
  for (const expected of [snowflakeFy2025, snowflakeFy2024, snowflakeFy2021]) {
    it(`picks the amounts printed in the 10-K ${expected.accessionNumber} (fiscal year ended ${expected.periodEnd})`, () => {
      const picked = altmanInputsFromCompanyFacts(snowflake(), { accessionNumber: expected.accessionNumber });
      expect(picked.report).toMatchObject({
        accessionNumber: expected.accessionNumber,
        formType: '10-K',
        periodEnd: expected.periodEnd,
      });
      for (const field of amountFields) {
        expect(picked.inputs[field], field).toBe(expected[field]);
        const source = picked.provenance[field]!;
        expect(source.accessionNumber).toBe(expected.accessionNumber);
        expect(source.formType).toBe('10-K');
        // Snowflake tags revenue only with the ASC 606 concept, the second rule after Revenues.
        expect(source.fallbackUsed, field).toBe(field === 'netSales');
        if (field !== 'sharesOutstanding') expect(source.end, field).toBe(expected.periodEnd);
      }
    });
  }

  it('records full provenance: tag, value, period, accession, form, filed date, fallback', () => {
    const { provenance, inputs } = altmanInputsFromCompanyFacts(snowflake(), {
      accessionNumber: '0001640147-25-000052',
    });
    expect(provenance.ebit).toMatchObject({
      field: 'ebit',
      value: snowflakeFy2025.ebit,
      tag: 'us-gaap:OperatingIncomeLoss',
      rule: 0,
      fallbackUsed: false,
      unit: 'USD',
      start: snowflakeFy2025.yearStart,
      end: snowflakeFy2025.periodEnd,
      accessionNumber: snowflakeFy2025.accessionNumber,
      formType: '10-K',
      filingDate: '2025-03-21',
    });
    expect(provenance.netSales?.tag).toBe('us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax');
    expect(provenance.netSales?.rule).toBe(1); // Revenues is not tagged by Snowflake
    expect(provenance.totalAssets).toMatchObject({ tag: 'us-gaap:Assets', start: null, end: '2025-01-31' });
    expect(provenance.sharesOutstanding).toMatchObject({
      tag: 'dei:EntityCommonStockSharesOutstanding',
      end: '2025-03-07',
      unit: 'shares',
    });
    // The raw fact keeps SEC's own fields, fy/fp included, for the record.
    expect(provenance.totalAssets?.facts).toEqual([
      {
        tag: 'us-gaap:Assets',
        value: snowflakeFy2025.totalAssets,
        unit: 'USD',
        start: null,
        end: '2025-01-31',
        accessionNumber: '0001640147-25-000052',
        formType: '10-K',
        filingDate: '2025-03-21',
        fy: 2025,
        fp: 'FY',
        frame: null,
      },
    ]);
    expect(inputs.marketValueEquity).toBeNull();
    expect(provenance.marketValueEquity).toBeNull();
  });

  it('a naive fy/fp pick returns the prior year; selection by period end does not', () => {
    const facts = snowflake();
    const assets = facts.facts['us-gaap']!.Assets!.units.USD! as XbrlFact[];
    const operatingIncome = facts.facts['us-gaap']!.OperatingIncomeLoss!.units.USD! as XbrlFact[];
    const naive = (list: readonly XbrlFact[]): XbrlFact =>
      list.find((f) => f.fy === 2025 && f.fp === 'FY' && f.form === '10-K')!;
    // The FY2025 10-K also reports the prior year's balance sheet and two prior years of
    // operations, every one tagged fy 2025 / fp FY: the first match is a comparative.
    expect(naive(assets)).toMatchObject({ end: '2024-01-31', val: snowflakeFy2024.totalAssets });
    expect(naive(operatingIncome)).toMatchObject({
      start: '2022-02-01',
      end: '2023-01-31',
      val: -842_267_000,
    });
    const picked = altmanInputsFromCompanyFacts(facts, { accessionNumber: '0001640147-25-000052' });
    expect(picked.report.fiscalYear).toBe(2025);
    expect(picked.inputs.totalAssets).toBe(snowflakeFy2025.totalAssets);
    expect(picked.inputs.ebit).toBe(snowflakeFy2025.ebit);
  });

  it('selects the latest 10-K by default, or by fiscal-year end date, or by accession without dashes', () => {
    expect(altmanInputsFromCompanyFacts(snowflake()).report.accessionNumber).toBe(
      snowflakeFy2025.accessionNumber,
    );
    const byEnd = altmanInputsFromCompanyFacts(snowflake(), { periodEnd: '2024-01-31' });
    expect(byEnd.report.accessionNumber).toBe(snowflakeFy2024.accessionNumber);
    expect(byEnd.inputs.totalAssets).toBe(snowflakeFy2024.totalAssets);
    const bare = altmanInputsFromCompanyFacts(snowflake(), { accessionNumber: '000164014721000073' });
    expect(bare.report.accessionNumber).toBe(snowflakeFy2021.accessionNumber);
  });

  it('accepts the JSON text as well as the parsed object', () => {
    const text = readFixture('sec-json/companyfacts_CIK0001640147.json.gz');
    const picked = altmanInputsFromCompanyFacts(text);
    expect(picked.cik).toBe('0001640147');
    expect(picked.entityName).toBe('SNOWFLAKE INC.');
    expect(picked.inputs.totalAssets).toBe(snowflakeFy2025.totalAssets);
  });

  it('market value of equity = cover-page shares × the caller’s price', () => {
    const picked = altmanInputsFromCompanyFacts(snowflake(), { price: 150 });
    expect(picked.inputs.marketValueEquity).toBe(334_100_000 * 150);
    expect(picked.provenance.marketValueEquity).toMatchObject({
      tag: 'dei:EntityCommonStockSharesOutstanding × options.price',
      end: '2025-03-07',
      accessionNumber: snowflakeFy2025.accessionNumber,
    });
    expect(picked.suggestedVariant).toBe('original');
    const direct = altmanInputsFromCompanyFacts(snowflake(), { marketValueEquity: 5e10 });
    expect(direct.inputs.marketValueEquity).toBe(5e10);
    expect(direct.provenance.marketValueEquity?.tag).toBe('options.marketValueEquity');
  });

  it('without a price says so and suggests Z″ with book equity', () => {
    const picked = altmanInputsFromCompanyFacts(snowflake());
    expect(picked.suggestedVariant).toBe('z_double_prime');
    expect(picked.warnings.join(' ')).toMatch(/no share price.*z_double_prime/);
  });
});

describe('tag fallbacks (a concept removed from the real facts)', () => {
  it('total liabilities = liabilities and equity − total equity when Liabilities is missing', () => {
    const picked = altmanInputsFromCompanyFacts(without(snowflake(), 'us-gaap:Liabilities'));
    // 9,033,938,000 − 3,006,643,000 (equity including noncontrolling interest), no temporary equity tagged.
    expect(picked.inputs.totalLiabilities).toBe(snowflakeFy2025.totalLiabilities);
    expect(picked.provenance.totalLiabilities).toMatchObject({
      rule: 1,
      fallbackUsed: true,
      tag: 'us-gaap:LiabilitiesAndStockholdersEquity − us-gaap:StockholdersEquityIncludingPortionAttributableToNoncontrollingInterest',
      end: '2025-01-31',
    });
    expect(picked.provenance.totalLiabilities?.facts.map((f) => f.value)).toEqual([
      9_033_938_000, 3_006_643_000,
    ]);
  });

  it('the first 10-K (no equity-including-NCI tag, temporary equity 0) reaches the same total', () => {
    const picked = altmanInputsFromCompanyFacts(without(snowflake(), 'us-gaap:Liabilities'), {
      accessionNumber: snowflakeFy2021.accessionNumber,
    });
    // 5,921,739,000 − 4,936,471,000 − 0 (TemporaryEquityCarryingAmountAttributableToParent at 2021-01-31).
    expect(picked.inputs.totalLiabilities).toBe(snowflakeFy2021.totalLiabilities);
    expect(picked.provenance.totalLiabilities?.facts.map((f) => f.tag)).toEqual([
      'us-gaap:LiabilitiesAndStockholdersEquity',
      'us-gaap:StockholdersEquity',
      'us-gaap:TemporaryEquityCarryingAmountAttributableToParent',
    ]);
  });

  it('EBIT = pre-tax income + interest expense when OperatingIncomeLoss is missing', () => {
    const picked = altmanInputsFromCompanyFacts(without(snowflake(), 'us-gaap:OperatingIncomeLoss'));
    // IncomeLossFromContinuingOperationsBeforeIncomeTaxes… −1,285,099,000 + InterestExpenseNonoperating 2,759,000.
    expect(picked.inputs.ebit).toBe(-1_285_099_000 + 2_759_000);
    expect(picked.provenance.ebit).toMatchObject({ rule: 1, fallbackUsed: true, start: '2024-02-01' });
    expect(picked.provenance.ebit?.facts.map((f) => f.tag)).toEqual([
      'us-gaap:IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest',
      'us-gaap:InterestExpenseNonoperating',
    ]);
  });

  it('says when the interest expense of the EBIT fallback is not tagged', () => {
    const picked = altmanInputsFromCompanyFacts(without(snowflake(), 'us-gaap:OperatingIncomeLoss'), {
      accessionNumber: snowflakeFy2021.accessionNumber,
    });
    expect(picked.inputs.ebit).toBe(-537_040_000);
    expect(picked.provenance.ebit?.missingOptional.length).toBe(1);
    expect(picked.warnings.join(' ')).toMatch(/ebit: .*not tagged \(taken as 0\)/);
  });

  it('a missing input is null with a warning naming the tags tried', () => {
    const picked = altmanInputsFromCompanyFacts(
      without(snowflake(), 'us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax'),
    );
    expect(picked.inputs.netSales).toBeNull();
    expect(picked.provenance.netSales).toBeNull();
    expect(picked.warnings.join(' ')).toMatch(/netSales: not found .*us-gaap:SalesRevenueNet/);
  });

  it('warns on an unclassified balance sheet (no current assets or liabilities)', () => {
    const picked = altmanInputsFromCompanyFacts(
      without(snowflake(), 'us-gaap:AssetsCurrent', 'us-gaap:LiabilitiesCurrent'),
    );
    expect(picked.warnings.join(' ')).toMatch(/not designed for financial companies/);
    const scored = altmanFromCompanyFacts(
      without(snowflake(), 'us-gaap:AssetsCurrent', 'us-gaap:LiabilitiesCurrent'),
      {
        variant: 'z_double_prime',
      },
    );
    expect(scored.z).toBeNull();
    expect(scored.reason).toMatch(/working capital/);
  });
});

describe('IFRS 20-F filer: Logistic Properties of the Americas (real company facts)', () => {
  it('skips a cover-page-only 20-F/A and reads the latest 20-F with ifrs-full concepts', () => {
    const picked = altmanInputsFromCompanyFacts(logisticProperties());
    // 20-F for the year ended 2024-12-31, accession 0001997711-25-000030, filed 2025-04-02; the
    // 20-F/A 0001641172-25-002932 filed 2025-04-07 holds only the cover-page share count.
    expect(picked.report).toMatchObject({
      accessionNumber: '0001997711-25-000030',
      formType: '20-F',
      periodEnd: '2024-12-31',
    });
    expect(picked.inputs).toMatchObject({
      totalAssets: 607_019_578, // ifrs-full:Assets, 2024-12-31
      totalLiabilities: 336_218_160, // ifrs-full:Liabilities
      currentAssets: 40_001_754, // ifrs-full:CurrentAssets
      currentLiabilities: 26_524_836, // ifrs-full:CurrentLiabilities
      retainedEarnings: 38_593_217, // ifrs-full:RetainedEarnings
      ebit: 36_606_814, // ifrs-full:ProfitLossFromOperatingActivities, 2024-01-01..2024-12-31
      netSales: 43_862_372, // ifrs-full:Revenue, same year
      bookValueEquity: 228_964_876, // ifrs-full:EquityAttributableToOwnersOfParent, 2024-12-31
      sharesOutstanding: 31_668_601, // dei:EntityCommonStockSharesOutstanding as of 2025-04-02
    });
    for (const field of amountFields) {
      expect(picked.provenance[field]?.fallbackUsed, field).toBe(false);
      expect(picked.provenance[field]?.accessionNumber, field).toBe('0001997711-25-000030');
    }
  });

  it('reads the prior 20-F by fiscal-year end', () => {
    const picked = altmanInputsFromCompanyFacts(logisticProperties(), { periodEnd: '2023-12-31' });
    // 20-F accession 0001493152-24-016772, filed 2024-04-26.
    expect(picked.report.accessionNumber).toBe('0001493152-24-016772');
    expect(picked.inputs).toMatchObject({
      totalAssets: 590_825_310,
      totalLiabilities: 329_882_393,
      currentAssets: 58_903_014,
      currentLiabilities: 34_552_809,
      retainedEarnings: 67_878_645,
      ebit: 34_184_829,
      netSales: 39_436_343,
      bookValueEquity: 222_326_402,
      sharesOutstanding: 31_709_747,
    });
  });

  it('scores the emerging-market Z″ without a price', () => {
    const r = altmanFromCompanyFacts(logisticProperties(), { variant: 'z_double_prime_em' });
    const x1 = (40_001_754 - 26_524_836) / 607_019_578;
    const x2 = 38_593_217 / 607_019_578;
    const x3 = 36_606_814 / 607_019_578;
    const x4 = 228_964_876 / 336_218_160;
    expect(r.z).toBeCloseTo(6.56 * x1 + 3.26 * x2 + 6.72 * x3 + 1.05 * x4 + 3.25, 12);
    expect(r.rating).toBe('B+'); // 4.72: 4.50 <= EM < 4.75
    expect(r.warnings.join(' ')).not.toMatch(/no share price/);
  });
});

describe('altmanFromCompanyFacts', () => {
  it('scores Snowflake FY2025 with a price and keeps the provenance', () => {
    const r = altmanFromCompanyFacts(snowflake(), { periodEnd: '2025-01-31', price: 150 });
    const manual = altmanZ({ ...snowflakeFy2025, marketValueEquity: 334_100_000 * 150 });
    expect(r.z).toBe(manual.z);
    expect(r.zone).toBe('safe');
    expect(r.report.accessionNumber).toBe(snowflakeFy2025.accessionNumber);
    expect(r.provenance.totalLiabilities?.tag).toBe('us-gaap:Liabilities');
  });

  it('without a price gives z: null with a reason offering Z″', () => {
    const r = altmanFromCompanyFacts(snowflake());
    expect(r.z).toBeNull();
    expect(r.zone).toBeNull();
    expect(r.reason).toMatch(/no share price.*z_double_prime/);
    expect(r.ratios.wc_ta).toBeCloseTo((5_869_372_000 - 3_301_183_000) / 9_033_938_000, 12);
    const book = altmanFromCompanyFacts(snowflake(), { variant: 'z_double_prime' });
    const f = snowflakeFy2025;
    const z2 =
      (6.56 * (f.currentAssets - f.currentLiabilities)) / f.totalAssets +
      (3.26 * f.retainedEarnings) / f.totalAssets +
      (6.72 * f.ebit) / f.totalAssets +
      (1.05 * f.bookValueEquity) / f.totalLiabilities;
    expect(book.z).toBeCloseTo(z2, 12);
    expect(book.zone).toBe('distress'); // about −0.33: an accumulated deficit of 81% of assets
    expect(book.warnings.join(' ')).not.toMatch(/no share price/);
  });
});

describe('bad company facts and options', () => {
  it('rejects what is not company-facts JSON, naming the argument', () => {
    for (const bad of [null, 42, {}, { facts: 'x' }, 'not json']) {
      const call = () => altmanInputsFromCompanyFacts(bad as never);
      expect(call).toThrow(InvalidArgumentError);
      try {
        call();
      } catch (error) {
        expect((error as InvalidArgumentError).field).toBe('companyFacts');
      }
    }
  });

  it('rejects invalid options, naming the option', () => {
    const cases: [object, string][] = [
      [{ accessionNumber: '1640147-2552' }, 'options.accessionNumber'],
      [{ periodEnd: '31/01/2025' }, 'options.periodEnd'],
      [{ accessionNumber: '0001640147-25-000052', periodEnd: '2025-01-31' }, 'options.periodEnd'],
      [{ price: -3 }, 'options.price'],
      [{ price: '150' }, 'options.price'],
      [{ forms: [] }, 'options.forms'],
      [{ annualDurationDays: [380, 350] }, 'options.annualDurationDays'],
      [{ variant: 'zeta' }, 'options.variant'],
    ];
    for (const [options, field] of cases) {
      let caught: unknown;
      try {
        altmanFromCompanyFacts(snowflake(), options as never);
      } catch (error) {
        caught = error;
      }
      expect(caught, JSON.stringify(options)).toBeInstanceOf(InvalidArgumentError);
      expect((caught as InvalidArgumentError).field).toBe(field);
    }
  });

  it('a report that does not exist is a CompanyFactsError listing what does', () => {
    expect(() => altmanInputsFromCompanyFacts(snowflake(), { periodEnd: '2019-01-31' })).toThrow(
      /fiscal-year ends found: 2021-01-31, 2022-01-31, 2023-01-31, 2024-01-31, 2025-01-31/,
    );
    expect(() =>
      altmanInputsFromCompanyFacts(snowflake(), { accessionNumber: '0000000000-00-000000' }),
    ).toThrow(CompanyFactsError);
    expect(() => altmanInputsFromCompanyFacts(logisticProperties(), { forms: ['10-K'] })).toThrow(
      /no annual report \(10-K\)/,
    );
    expect(() => altmanInputsFromCompanyFacts(snowflake(), { currency: 'EUR' })).toThrow(/reported in USD/);
    try {
      altmanInputsFromCompanyFacts(snowflake(), { currency: 'EUR' });
    } catch (error) {
      expect(isFinTabTextError(error)).toBe(true);
      expect((error as CompanyFactsError).code).toBe('REPORT_NOT_FOUND');
    }
  });

  it('a 10-Q given by accession is read with a warning (no ~1-year income facts)', () => {
    // 10-Q for the quarter ended 2024-10-31, accession 0001640147-24-000250.
    const picked = altmanInputsFromCompanyFacts(snowflake(), { accessionNumber: '0001640147-24-000250' });
    expect(picked.report.formType).toBe('10-Q');
    expect(picked.report.periodEnd).toBe('2024-10-31');
    expect(picked.inputs.ebit).toBeNull();
    expect(picked.warnings.join(' ')).toMatch(/is a 10-Q/);
  });
});
