import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors/index.js';
import {
  altmanFromCompanyFacts,
  altmanInputsFromCompanyFacts,
  altmanZ,
  altmanZFromRatios,
} from '../../src/finance/index.js';
import { checkDate, isIsoDate } from '../../src/options/index.js';
import { normalizeColumns } from '../../src/records/index.js';
import { summarizeColumn, summarizeJaccard, summarizeKMedoids } from '../../src/summarize/index.js';
import { companyFactsFromInlineXbrl } from '../../src/xbrl/index.js';
import { readFixture } from '../support/fixtures.js';

/** Sears Holdings FY2011 inputs (USD millions), as in the finance tests. */
const inputs = {
  workingCapital: 2_007,
  totalAssets: 21_381,
  retainedEarnings: 2_705,
  ebit: -1_506,
  marketValueEquity: 3_490,
  totalLiabilities: 16_573,
  netSales: 41_567,
  bookValueEquity: 4_808,
};

function thrown(fn: () => unknown): InvalidArgumentError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidArgumentError);
    return error as InvalidArgumentError;
  }
  throw new Error('expected a throw');
}

describe('misspelled options are errors with a suggestion, in every module', () => {
  it('altmanZ and altmanZFromRatios', () => {
    const e = thrown(() => altmanZ(inputs, { varient: 'z_prime' } as never));
    expect(e.field).toBe('options.varient');
    expect(e.message).toMatch(/altmanZ: unknown option 'options.varient'. Did you mean 'variant'\?/);
    expect(thrown(() => altmanZ(inputs, [] as never)).message).toMatch(/must be an object, got array/);
    expect(thrown(() => altmanZ(inputs, { variant: 'z_prim' } as never)).message).toMatch(
      /Did you mean 'z_prime'\?/,
    );
    expect(thrown(() => altmanZFromRatios({}, { salesCoeficient: 1 } as never)).field).toBe(
      'options.salesCoeficient',
    );
  });

  it('company facts: altmanFromCompanyFacts, altmanInputsFromCompanyFacts and calendar dates', () => {
    const facts = readFixture('sec-json/companyfacts_CIK0001640147.json.gz');
    expect(thrown(() => altmanFromCompanyFacts(facts, { pric: 150 } as never)).message).toMatch(
      /altmanFromCompanyFacts: unknown option 'options.pric'. Did you mean 'price'\?/,
    );
    // Both halves of the options are still accepted together.
    expect(altmanFromCompanyFacts(facts, { price: 150, variant: 'z_double_prime' }).variant).toBe(
      'z_double_prime',
    );
    expect(thrown(() => altmanInputsFromCompanyFacts(facts, { variant: 'z_prime' } as never)).field).toBe(
      'options.variant',
    );
    expect(thrown(() => altmanInputsFromCompanyFacts(facts, { periodEnd: '2025-02-30' })).field).toBe(
      'options.periodEnd',
    );
  });

  it('companyFactsFromInlineXbrl', () => {
    const html = readFixture('filings/gme_10-K_2024-03.htm');
    const good = { accessionNumber: '0001326380-24-000012', formType: '10-K', filingDate: '2024-03-26' };
    expect(
      thrown(() => companyFactsFromInlineXbrl(html, { ...good, entityNmae: 'x' } as never)).message,
    ).toMatch(/Did you mean 'entityName'\?/);
    expect(thrown(() => companyFactsFromInlineXbrl(html, { ...good, filingDate: '2024-02-30' })).field).toBe(
      'options.filingDate',
    );
    expect(thrown(() => companyFactsFromInlineXbrl(html, [] as never)).message).toMatch(/got array/);
  });

  it('summaries and normalization', () => {
    expect(
      thrown(() => summarizeJaccard('A. B.', { summarySize: 1, maxExactPair: 1 } as never)).message,
    ).toMatch(/Did you mean 'maxExactPairs'\?/);
    expect(
      thrown(() => summarizeKMedoids('A. B.', { summarySize: 1, maxSentence: 9 } as never)).message,
    ).toMatch(/Did you mean 'maxSentences'\?/);
    expect(thrown(() => summarizeKMedoids('A. B.', { summarySize: 1, maxSentences: 1 })).field).toBe(
      'options.maxSentences',
    );
    expect(thrown(() => summarizeColumn([], [] as never)).field).toBe('options');
    expect(thrown(() => normalizeColumns([], [], { methd: 'zscore' } as never)).message).toMatch(
      /Did you mean 'method'\?/,
    );
  });
});

describe('one date rule', () => {
  it('accepts real calendar dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2025-02-30')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('2025-1-01')).toBe(false);
    expect(checkDate('f', 'options.d', undefined)).toBeUndefined();
    expect(() => checkDate('f', 'options.d', '2025-02-30', "f({ d: '2025-02-28' })")).toThrow(
      "f: options.d must be a calendar date YYYY-MM-DD, got '2025-02-30'. Call it as f({ d: '2025-02-28' }).",
    );
  });
});
