// Property tests here run from the fixed seed set in test/support/property-seed.ts (a vitest setup
// file); FC_SEED=<integer> overrides it, and fast-check prints the seed of a failure to replay it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isFinTabTextError } from '../../src/errors/index.js';
import {
  companyFactsFromInlineXbrl,
  type InlineXbrlFact,
  readInlineXbrlFacts,
} from '../../src/xbrl/index.js';
import { parseDisplayedNumber, scaleDecimal } from '../../src/xbrl/transforms.js';
import { readFixture } from '../support/fixtures.js';

const gme = readFixture('filings/gme_10-K_2024-03.htm');
const gmeFacts = readInlineXbrlFacts(gme);
const gmeOptions = { accessionNumber: '0001326380-24-000012', formType: '10-K', filingDate: '2024-03-26' };

function byId(facts: readonly InlineXbrlFact[], id: string): InlineXbrlFact {
  const fact = facts.find((f) => f.id === id);
  if (fact === undefined) throw new Error(`no fact ${id}`);
  return fact;
}

describe('readInlineXbrlFacts on GameStop FY2023 10-K', () => {
  it('reads every ix:nonFraction that is not nil', () => {
    const tags = gme.match(/<ix:nonFraction\b/g)?.length ?? 0;
    const nil = gme.match(/<ix:nonFraction\b[^>]*xsi:nil="true"/g)?.length ?? 0;
    expect(tags).toBeGreaterThan(900);
    expect(gmeFacts.length).toBe(tags - nil);
  });

  it('resolves contexts and units: an instant, a duration, money, shares and a ratio unit', () => {
    const assets = gmeFacts.filter((f) => f.concept === 'us-gaap:Assets' && !f.dimensional);
    expect(assets[0]).toMatchObject({
      taxonomy: 'us-gaap',
      name: 'Assets',
      unit: 'USD',
      end: '2024-02-03',
      instant: '2024-02-03',
      decimals: -5,
      dimensional: false,
      dimensions: [],
    });
    expect(assets[0]?.start).toBeUndefined();
    // Income statement, "Net sales $ 5,272.8": the 53-week fiscal 2023 duration.
    const sales = gmeFacts.find(
      (f) => f.concept === 'us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax' && !f.dimensional,
    );
    expect(sales).toMatchObject({
      start: '2023-01-29',
      end: '2024-02-03',
      value: 5_272_800_000,
      unit: 'USD',
    });
    expect(sales?.instant).toBeUndefined();
    // "Basic … $ 0.02" net income per share, unit iso4217:USD / xbrli:shares.
    expect(byId(gmeFacts, 'f-136')).toMatchObject({ unit: 'USD/shares', value: 0.02, decimals: 2 });
  });

  it('applies sign="-" and scale (Accumulated other comprehensive loss "( 83.6 )" at scale 6)', () => {
    expect(byId(gmeFacts, 'f-95')).toMatchObject({
      concept: 'us-gaap:AccumulatedOtherComprehensiveIncomeLossNetOfTax',
      value: -83_600_000,
    });
    // "Operating loss ( 34.5 )": the sign sits on the fact, the text is "34.5".
    const operating = gmeFacts.find(
      (f) => f.concept === 'us-gaap:OperatingIncomeLoss' && f.end === '2024-02-03',
    );
    expect(operating?.value).toBe(-34_500_000);
  });

  it('reads ixt:fixed-zero "—" and ixt-sec:numwordsen "no" / "four" as numbers', () => {
    expect(byId(gmeFacts, 'f-125').value).toBe(0); // fixed-zero, text "&#8212;"
    expect(byId(gmeFacts, 'f-388').value).toBe(0); // numwordsen "no" (impairment)
    expect(byId(gmeFacts, 'f-364')).toMatchObject({ value: 4, unit: 'segment' }); // "four" segments
  });

  it('keeps dimensions: explicit members of the segment', () => {
    const segment = gmeFacts.find((f) => f.dimensional);
    expect(segment?.dimensions[0]?.dimension).toMatch(/^[a-z-]+:\w+Axis$/);
    expect(segment?.dimensions[0]?.typed).toBe(false);
  });

  it('reads nested ix:nonFraction elements (Walmart: "none" preferred shares issued inside outstanding)', () => {
    const wmt = readInlineXbrlFacts(readFixture('filings/wmt_10-K_2024-03-15.htm'));
    expect(byId(wmt, 'f-634')).toMatchObject({
      concept: 'us-gaap:PreferredStockSharesOutstanding',
      value: 0,
    });
    expect(byId(wmt, 'f-635')).toMatchObject({ concept: 'us-gaap:PreferredStockSharesIssued', value: 0 });
  });
});

describe('duplicates and conflicts', () => {
  it('warns about a conflicting duplicate and keeps the more precise value', () => {
    // Total assets appears once in the balance sheet; add a second, rounder copy that disagrees.
    const original = '<ix:nonFraction unitRef="usd" contextRef="c-4" decimals="-5" name="us-gaap:Assets"';
    expect(gme).toContain(original);
    const conflicting = `${gme.replace(
      '</body>',
      '<ix:nonFraction unitRef="usd" contextRef="c-4" decimals="-8" name="us-gaap:Assets" scale="9" format="ixt:num-dot-decimal">3.1</ix:nonFraction></body>',
    )}`;
    const result = companyFactsFromInlineXbrl(conflicting, gmeOptions);
    const assets = result.facts['us-gaap']?.Assets?.units.USD?.find((f) => f.end === '2024-02-03');
    expect(assets?.val).toBe(2_709_000_000);
    expect(
      result.warnings.some((w) => w.startsWith('us-gaap:Assets (USD, 2024-02-03) has conflicting values')),
    ).toBe(true);
  });

  it('treats a rounded copy that agrees at its own precision as the same fact (no warning)', () => {
    const rounded = gme.replace(
      '</body>',
      '<ix:nonFraction unitRef="usd" contextRef="c-4" decimals="-8" name="us-gaap:Assets" scale="9" format="ixt:num-dot-decimal">2.7</ix:nonFraction></body>',
    );
    const result = companyFactsFromInlineXbrl(rounded, gmeOptions);
    expect(result.facts['us-gaap']?.Assets?.units.USD?.find((f) => f.end === '2024-02-03')?.val).toBe(
      2_709_000_000,
    );
    expect(result.warnings.filter((w) => w.includes('conflicting'))).toEqual([]);
  });
});

describe('number formats', () => {
  const cases: [string, string | undefined, string | null][] = [
    ['1,234.50', 'ixt:num-dot-decimal', '1234.5'],
    ['1,234', 'ixt:numdotdecimal', '1234'],
    ['0.25', undefined, '0.25'],
    ['1.234,5', 'ixt:num-comma-decimal', '1234.5'],
    ['1 234,50', 'ixt:numspacecomma', '1234.5'],
    ['5 dollars and 10 cents', 'ixt:num-unit-decimal', '5.1'],
    ['—', 'ixt:fixed-zero', '0'],
    ['-', 'ixt:zerodash', '0'],
    ['no', 'ixt-sec:numwordsen', '0'],
    ['None', 'ixt-sec:numwordsen', '0'],
    ['twenty-one', 'ixt-sec:numwordsen', '21'],
    ['one hundred five thousand', 'ixt-sec:numwordsen', '105000'],
    ['1.2.3', 'ixt:num-dot-decimal', null],
    ['—', 'ixt:num-dot-decimal', null],
    ['twelve', 'ixt-sec:durwordsen', null],
  ];
  it.each(cases)('%j under %s', (text, format, expected) => {
    const parsed = parseDisplayedNumber(text, format);
    expect(parsed.ok ? parsed.decimal : null).toBe(expected);
  });

  it('scales exactly by moving the decimal point', () => {
    expect(scaleDecimal('1234.5', 6)).toBe(1_234_500_000);
    expect(scaleDecimal('2709', 5)).toBe(270_900_000);
    expect(scaleDecimal('12.5', -2)).toBe(0.125);
    expect(scaleDecimal('3', -4)).toBe(0.0003);
    expect(scaleDecimal('0.1', 0)).toBe(0.1);
  });

  it('scaleDecimal agrees with multiplication for any number and scale (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 ** 9 }),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: -6, max: 9 }),
        (n, places, scale) => {
          const decimal = places === 0 ? String(n) : (n / 10 ** places).toFixed(places);
          const expected = Number(decimal) * 10 ** scale;
          expect(Math.abs(scaleDecimal(decimal, scale) - expected)).toBeLessThanOrEqual(
            Math.abs(expected) * 1e-12,
          );
        },
      ),
    );
  });
});

describe('malformed input', () => {
  const fragments = [
    '<ix:nonFraction name="us-gaap:Assets" contextRef="c-4" unitRef="usd" decimals="-5" scale="6">',
    '<ix:nonFraction name="us-gaap:Assets" contextRef="c-4" unitRef="usd" scale="x"',
    '</ix:nonFraction>',
    '<xbrli:context id="c-4"><xbrli:period><xbrli:instant>',
    '2024-02-03',
    '</xbrli:instant></xbrli:period></xbrli:context>',
    '<xbrli:unit id="usd"><xbrli:measure>iso4217:USD</xbrli:measure></xbrli:unit>',
    '<xbrli:segment><xbrldi:explicitMember dimension="us-gaap:StatementClassOfStockAxis">',
    '<ix:nonNumeric name="dei:EntityRegistrantName" contextRef="c-4">',
    '</ix:nonNumeric>',
    '1,234.5',
    '&#8212;',
    '&#99999999;',
    '<!--',
    '-->',
    '<![CDATA[',
    '<',
    '>',
    '"',
    "'",
    '/>',
    ' ',
  ];

  it('never throws on random markup built from iXBRL fragments', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...fragments), { maxLength: 60 }), (parts) => {
        const html = parts.join('');
        const facts = readInlineXbrlFacts(html);
        for (const fact of facts) expect(Number.isFinite(fact.value)).toBe(true);
        companyFactsFromInlineXbrl(html, gmeOptions);
      }),
      { numRuns: 400 },
    );
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (html) => {
        expect(Array.isArray(readInlineXbrlFacts(html))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('reads a truncated or cut real filing without throwing, and only throws FinTabTextError at all', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: gme.length }),
        fc.integer({ min: 0, max: gme.length }),
        (a, b) => {
          const [from, to] = a < b ? [a, b] : [b, a];
          const cut = gme.slice(0, from) + gme.slice(to);
          try {
            const result = companyFactsFromInlineXbrl(cut, gmeOptions);
            expect(typeof result.facts).toBe('object');
          } catch (error) {
            expect(isFinTabTextError(error)).toBe(true);
            throw error;
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
