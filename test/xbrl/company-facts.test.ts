import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors/index.js';
import { altmanInputsFromCompanyFacts, altmanZ } from '../../src/finance/index.js';
import { companyFactsFromInlineXbrl, readInlineXbrlFacts } from '../../src/xbrl/index.js';
import { type ManifestRow, readFixture, readManifest } from '../support/fixtures.js';

const manifest: ManifestRow[] = [...readManifest('dev'), ...readManifest('dev2')];

/** The filing's identity from the manifest (filing dates there carry a "(signature date)" note). */
function filingOf(file: string): { accessionNumber: string; formType: string; filingDate: string } {
  const row = manifest.find((r) => r.file === `filings/${file}`);
  if (row === undefined) throw new Error(`${file} is not in the manifests`);
  return { accessionNumber: row.accession!, formType: row.form!, filingDate: row.filing_date!.slice(0, 10) };
}

function load(file: string): { html: string; accessionNumber: string; formType: string; filingDate: string } {
  return { html: readFixture(`filings/${file}`), ...filingOf(file) };
}

/**
 * Current-year amounts as printed in each 10-K's own consolidated balance sheet and income
 * statement (in millions of USD, converted to USD below). The prior-year comparative sits in the
 * same table and the same XBRL filing; these prove the current year is the one picked.
 */
const annualReports: readonly {
  file: string;
  periodEnd: string;
  totalAssets: number;
  totalLiabilities: number;
  currentAssets: number;
  currentLiabilities: number;
  retainedEarnings: number;
  netSales: number;
  ebit: number;
  priorTotalAssets: number;
}[] = [
  {
    // GameStop, balance sheet at February 3, 2024 vs January 28, 2023.
    file: 'gme_10-K_2024-03.htm',
    periodEnd: '2024-02-03',
    totalAssets: 2_709.0, // "Total assets $ 2,709.0 $ 3,113.4"
    totalLiabilities: 1_370.4, // "Total liabilities 1,370.4 1,791.1"
    currentAssets: 1_974.2, // "Total current assets 1,974.2 2,323.7"
    currentLiabilities: 934.5, // "Total current liabilities 934.5 1,339.1"
    retainedEarnings: -212.8, // "Retained loss ( 212.8 ) ( 219.5 )"
    netSales: 5_272.8, // "Net sales $ 5,272.8 $ 5,927.2 $ 6,010.7"
    ebit: -34.5, // "Operating loss ( 34.5 ) ( 311.6 ) ( 368.5 )"
    priorTotalAssets: 3_113.4,
  },
  {
    // McDonald's, December 31, 2023 vs 2022; no "Total liabilities" line (derived by finance).
    file: 'mcd_10-K_2024-02-22.htm',
    periodEnd: '2023-12-31',
    totalAssets: 56_146.8, // "Total assets $ 56,146.8 $ 50,435.6"
    // "Total liabilities and shareholders' equity (deficit) $ 56,146.8" − "Total shareholders' equity (deficit) ( 4,706.7 )"
    totalLiabilities: 56_146.8 + 4_706.7,
    currentAssets: 7_986.4, // "Total current assets 7,986.4 5,424.2"
    currentLiabilities: 6_859.0, // "Total current liabilities 6,859.0 3,802.1"
    retainedEarnings: 63_479.9, // "Retained earnings 63,479.9 59,543.9"
    netSales: 25_493.7, // "Total revenues 25,493.7 23,182.6 23,222.9"
    ebit: 11_646.7, // "Operating income 11,646.7 9,371.0 10,356.0"
    priorTotalAssets: 50_435.6,
  },
  {
    // Texas Instruments, December 31, 2023 vs 2022.
    file: 'txn_10-K_2024-02-02.htm',
    periodEnd: '2023-12-31',
    totalAssets: 32_348, // "Total assets $ 32,348 $ 27,207"
    totalLiabilities: 15_451, // "Total liabilities 15,451 12,630"
    currentAssets: 15_122, // "Total current assets 15,122 14,021"
    currentLiabilities: 3_320, // "Total current liabilities 3,320 2,985"
    retainedEarnings: 52_283, // "Retained earnings 52,283 50,353"
    netSales: 17_519, // "Revenue $ 17,519 $ 20,028 $ 18,344"
    ebit: 7_331, // "Operating profit 7,331 10,140 8,960"
    priorTotalAssets: 27_207,
  },
  {
    // Walmart, January 31, 2024 vs 2023; no "Total liabilities" line (derived by finance).
    file: 'wmt_10-K_2024-03-15.htm',
    periodEnd: '2024-01-31',
    totalAssets: 252_399, // "Total assets $ 252,399 $ 243,197"
    // "Total liabilities, redeemable noncontrolling interest, and equity $ 252,399" − "Total equity 90,349"
    totalLiabilities: 252_399 - 90_349,
    currentAssets: 76_877, // "Total current assets 76,877 75,655"
    currentLiabilities: 92_415, // "Total current liabilities 92,415 92,198"
    retainedEarnings: 89_814, // "Retained earnings 89,814 83,135"
    netSales: 648_125, // "Total revenues 648,125 611,289 572,754"
    ebit: 27_012, // "Operating income $ 27,012 $ 20,428"
    priorTotalAssets: 243_197,
  },
  {
    // Lowe's, February 2, 2024 vs February 3, 2023.
    file: 'low_10-K_2024-03-25.htm',
    periodEnd: '2024-02-02',
    totalAssets: 41_795, // "Total assets $ 41,795 $ 43,708"
    totalLiabilities: 56_845, // "Total liabilities 56,845 57,962"
    currentAssets: 19_071, // "Total current assets 19,071 21,442"
    currentLiabilities: 15_568, // "Total current liabilities 15,568 19,511"
    retainedEarnings: -15_637, // "Accumulated deficit ( 15,637 ) ( 14,862 )"
    netSales: 86_377, // "Net sales $ 86,377 $ 97,059 $ 96,250"
    ebit: 11_557, // "Operating income 11,557 13.38 10,159 10.47 12,093"
    priorTotalAssets: 43_708,
  },
  {
    // Alphabet, December 31, 2023 vs 2022 (its columns run 2022 | 2023).
    file: 'googl_10-K_2024-01-30.htm',
    periodEnd: '2023-12-31',
    totalAssets: 402_392, // "Total assets $ 365,264 $ 402,392"
    totalLiabilities: 119_013, // "Total liabilities 109,120 119,013"
    currentAssets: 171_530, // "Total current assets 164,795 171,530"
    currentLiabilities: 81_814, // "Total current liabilities 69,300 81,814"
    retainedEarnings: 211_247, // "Retained earnings 195,563 211,247"
    netSales: 307_394, // "Total revenues $ 282,836 $ 307,394"
    ebit: 84_293, // "Operating income $ 74,842 $ 84,293"
    priorTotalAssets: 365_264,
  },
];

const millions = (value: number): number => Math.round(value * 1e6);

describe('companyFactsFromInlineXbrl on real 10-K iXBRL filings', () => {
  it('reads GameStop total assets and total liabilities at 2024-02-03 and the prior-year comparative', () => {
    const { html, accessionNumber, formType, filingDate } = load('gme_10-K_2024-03.htm');
    expect(accessionNumber).toBe('0001326380-24-000012');
    const result = companyFactsFromInlineXbrl(html, { accessionNumber, formType, filingDate });
    const assets = result.facts['us-gaap']?.Assets?.units.USD ?? [];
    // "Total assets $ 2,709.0 $ 3,113.4" (February 3, 2024 | January 28, 2023), in millions.
    expect(assets.map((f) => [f.end, f.val])).toEqual([
      ['2023-01-28', 3_113_400_000],
      ['2024-02-03', 2_709_000_000],
    ]);
    // "Total liabilities 1,370.4 1,791.1".
    expect(result.facts['us-gaap']?.Liabilities?.units.USD?.map((f) => f.val)).toEqual([
      1_791_100_000, 1_370_400_000,
    ]);
    expect(assets[1]).toEqual({
      end: '2024-02-03',
      val: 2_709_000_000,
      accn: '0001326380-24-000012',
      fy: 2023,
      fp: 'FY',
      form: '10-K',
      filed: '2024-03-26',
    });
    expect(result.cik).toBe(1326380);
    expect(result.entityName).toBe('GameStop Corp.');
    expect(Object.keys(result.facts).sort()).toEqual(['dei', 'gme', 'us-gaap']);
  });

  it.each(annualReports)('$file: Altman inputs are the current-year values', (expected) => {
    const { html, accessionNumber, formType, filingDate } = load(expected.file);
    const facts = companyFactsFromInlineXbrl(html, { accessionNumber, formType, filingDate });
    const picked = altmanInputsFromCompanyFacts(facts, { accessionNumber });
    expect(picked.report.periodEnd).toBe(expected.periodEnd);
    expect(picked.report.accessionNumber).toBe(accessionNumber);
    expect(picked.inputs).toMatchObject({
      totalAssets: millions(expected.totalAssets),
      totalLiabilities: millions(expected.totalLiabilities),
      currentAssets: millions(expected.currentAssets),
      currentLiabilities: millions(expected.currentLiabilities),
      retainedEarnings: millions(expected.retainedEarnings),
      netSales: millions(expected.netSales),
      ebit: millions(expected.ebit),
    });
    expect(picked.inputs.totalAssets).not.toBe(millions(expected.priorTotalAssets));
    // The comparative is in the same filing, one year earlier.
    const assets = facts.facts['us-gaap']?.Assets?.units.USD ?? [];
    expect(assets.map((f) => f.val)).toContain(millions(expected.priorTotalAssets));
    const z = altmanZ(picked.inputs, { variant: 'z_double_prime' });
    expect(z.z).not.toBeNull();
    expect(Number.isFinite(z.z)).toBe(true);
  });

  it('keeps one fact per concept, unit and period though the document repeats them', () => {
    for (const { file } of annualReports) {
      const { html, accessionNumber, formType, filingDate } = load(file);
      const raw = readInlineXbrlFacts(html);
      const result = companyFactsFromInlineXbrl(html, { accessionNumber, formType, filingDate });
      let kept = 0;
      for (const concepts of Object.values(result.facts)) {
        for (const concept of Object.values(concepts)) {
          for (const list of Object.values(concept.units)) {
            const periods = list.map((f) => `${f.start ?? ''}/${f.end}`);
            expect(new Set(periods).size).toBe(periods.length);
            kept += list.length;
          }
        }
      }
      const nonDimensional = raw.filter((f) => !f.dimensional);
      expect(kept).toBeLessThan(nonDimensional.length);
      expect(kept).toBeGreaterThan(100);
    }
  });

  it('leaves dimensional facts out, as SEC does (GameStop segment assets are not total assets)', () => {
    const { html, accessionNumber, formType, filingDate } = load('gme_10-K_2024-03.htm');
    const raw = readInlineXbrlFacts(html);
    const dimensional = raw.filter((f) => f.dimensional);
    expect(dimensional.length).toBeGreaterThan(50);
    expect(dimensional.every((f) => f.dimensions.length > 0)).toBe(true);
    const result = companyFactsFromInlineXbrl(html, { accessionNumber, formType, filingDate });
    const revenues =
      result.facts['us-gaap']?.RevenueFromContractWithCustomerExcludingAssessedTax?.units.USD ?? [];
    const segmentValues = new Set(
      dimensional
        .filter((f) => f.concept === 'us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax')
        .map((f) => f.value),
    );
    expect(segmentValues.size).toBeGreaterThan(0);
    // The non-dimensional annual revenue is the consolidated one: "Net sales $ 5,272.8".
    expect(revenues.find((f) => f.end === '2024-02-03' && f.start === '2023-01-29')?.val).toBe(5_272_800_000);
  });

  it('sums Alphabet share classes when shares outstanding are only reported by class', () => {
    const { html, accessionNumber, formType, filingDate } = load('googl_10-K_2024-01-30.htm');
    const result = companyFactsFromInlineXbrl(html, { accessionNumber, formType, filingDate });
    // Cover page: "5,893 million shares of Alphabet's Class A … 869 million … Class B … and 5,671 million … Class C".
    const shares = result.facts.dei?.EntityCommonStockSharesOutstanding?.units.shares ?? [];
    expect(shares.map((f) => [f.end, f.val])).toEqual([['2024-01-23', (5_893 + 869 + 5_671) * 1e6]]);
    expect(result.warnings.some((w) => w.includes('by class only') && w.includes('summed 3'))).toBe(true);
    const picked = altmanInputsFromCompanyFacts(result, { accessionNumber, price: 140 });
    expect(picked.inputs.marketValueEquity).toBe(12_433e6 * 140);
  });

  it('uses the non-dimensional cover share count when there is one (no summing)', () => {
    const { html, accessionNumber, formType, filingDate } = load('gme_10-K_2024-03.htm');
    const result = companyFactsFromInlineXbrl(html, { accessionNumber, formType, filingDate });
    // "Class A Common Stock outstanding as of March 20, 2024: 305,873,200".
    expect(result.facts.dei?.EntityCommonStockSharesOutstanding?.units.shares).toMatchObject([
      { end: '2024-03-20', val: 305_873_200 },
    ]);
    expect(result.warnings.some((w) => w.includes('by class only'))).toBe(false);
  });

  it('reads a filing whose contexts use an unusual prefix (Galaxy: i:context, i:measure)', () => {
    const html = readFixture('filings/galaxy_10-K_2021-09.htm');
    const result = companyFactsFromInlineXbrl(html, {
      accessionNumber: '0001127993-21-000001',
      formType: '10-K',
      filingDate: '2021-09-16',
    });
    expect(result.cik).toBe(1127993);
    // Unit id "Shares" with measure i:shares is SEC's unit "shares".
    expect(result.facts.dei?.EntityCommonStockSharesOutstanding?.units.shares?.[0]?.val).toBe(3_232_382_882);
    const assets = result.facts['us-gaap']?.Assets?.units.USD ?? [];
    expect(assets.find((f) => f.end === '2021-06-30')?.val).toBe(7_325_197);
  });

  it('gives an empty facts object, not an error, for a pre-iXBRL HTML filing', () => {
    const { html, accessionNumber, formType, filingDate } = load('dell_10-K_2006-03.htm');
    const result = companyFactsFromInlineXbrl(html, { accessionNumber, formType, filingDate });
    expect(result.facts).toEqual({});
    expect(result.warnings.join(' ')).toMatch(/no inline XBRL/);
    expect(readInlineXbrlFacts(html)).toEqual([]);
    expect(readInlineXbrlFacts('')).toEqual([]);
  });

  it('reads a 10-Q too (quarterly durations kept as they are)', () => {
    const { html, accessionNumber, formType, filingDate } = load('gme_10-Q_2023-09-06.htm');
    const result = companyFactsFromInlineXbrl(html, { accessionNumber, formType, filingDate });
    expect(result.facts['us-gaap']?.Assets?.units.USD?.every((f) => f.form === '10-Q')).toBe(true);
    expect(result.facts['us-gaap']?.Assets?.units.USD?.[0]?.fp).toMatch(/^Q[1-4]$/);
  });

  it('validates options with errors that name the field', () => {
    const html = '<html></html>';
    const good = { accessionNumber: '0001326380-24-000012', formType: '10-K', filingDate: '2024-03-26' };
    const cases: [unknown, string][] = [
      [{ ...good, accessionNumber: '12345' }, 'options.accessionNumber'],
      [{ ...good, formType: '' }, 'options.formType'],
      [{ ...good, filingDate: '03/26/2024' }, 'options.filingDate'],
      [{ ...good, cik: 'ABC' }, 'options.cik'],
      [{ ...good, entityName: 5 }, 'options.entityName'],
      [null, 'options'],
    ];
    for (const [options, field] of cases) {
      let caught: unknown;
      try {
        companyFactsFromInlineXbrl(html, options as never);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(InvalidArgumentError);
      expect((caught as InvalidArgumentError).field).toBe(field);
    }
    expect(() => companyFactsFromInlineXbrl(42 as never, good)).toThrow(InvalidArgumentError);
    expect(() => readInlineXbrlFacts(null as never)).toThrow(InvalidArgumentError);
    // Accession without dashes, numeric CIK and a name are accepted and normalized.
    const result = companyFactsFromInlineXbrl(html, {
      ...good,
      accessionNumber: '000132638024000012',
      cik: '0001326380',
      entityName: 'GameStop Corp.',
    });
    expect(result).toMatchObject({ cik: 1326380, entityName: 'GameStop Corp.', facts: {} });
  });
});
