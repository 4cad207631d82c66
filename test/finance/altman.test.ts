// Property tests here run from the fixed seed set in test/support/property-seed.ts (a vitest setup
// file); FC_SEED=<integer> overrides it, and fast-check prints the seed of a failure to replay it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors/index.js';
import {
  type AltmanInputs,
  type AltmanOptions,
  type AltmanRatioInputs,
  altmanModels,
  altmanRatios,
  altmanZ,
  altmanZFromRatios,
  emRatingEquivalent,
  emRatingTable,
} from '../../src/finance/index.js';
import { readJsonl } from '../support/fixtures.js';

interface GoldenRow {
  source: string;
  company: string;
  inputs: Record<string, number>;
  ratios: Record<string, number>;
  variant: string;
  published_z: number | null;
  expected_z_recomputed: number;
  zone: string;
  em_rating_equivalent?: string;
}

const golden = readJsonl<GoldenRow>('golden/altman.jsonl');

const inputKey: Record<string, keyof AltmanInputs | undefined> = {
  current_assets: 'currentAssets',
  current_liabilities: 'currentLiabilities',
  working_capital: 'workingCapital',
  total_assets: 'totalAssets',
  total_liabilities: 'totalLiabilities',
  retained_earnings: 'retainedEarnings',
  ebit: 'ebit',
  sales: 'netSales',
  market_value_equity: 'marketValueEquity',
  book_value_equity: 'bookValueEquity',
};
const ratioKey: Record<string, string> = {
  x1_wc_ta: 'wc_ta',
  x2_re_ta: 're_ta',
  x3_ebit_ta: 'ebit_ta',
  x4_mve_tl: 'mve_tl',
  x4_bve_tl: 'bve_tl',
  x5_sales_ta: 'sales_ta',
};

function optionsOf(variant: string): AltmanOptions {
  if (variant === 'original_0.999') return { variant: 'original', salesCoefficient: 0.999 };
  if (variant === 'original_1.0') return { variant: 'original', salesCoefficient: 1 };
  if (variant === 'z_double_prime' || variant === 'z_double_prime_em') return { variant };
  throw new Error(`unknown golden variant ${variant}`);
}

/**
 * Whether `z` prints as `published`: rounded (within half a unit of the last printed decimal) or
 * truncated (the formiax row prints 11.0976… as 11.097).
 */
function printsAs(z: number, published: number): boolean {
  const unit = 10 ** -(String(published).split('.')[1]?.length ?? 0);
  const diff = z - published;
  return Math.abs(diff) <= unit / 2 + 1e-12 || (diff >= 0 && diff < unit);
}

describe('altman golden cases (test/fixtures/golden/altman.jsonl)', () => {
  it('has the 14 documented rows', () => {
    expect(golden).toHaveLength(14);
  });

  for (const [index, row] of golden.entries()) {
    const title = `row ${index + 1}: ${row.company} (${row.variant})`;
    it(title, () => {
      const options = optionsOf(row.variant);
      const fromAmounts = Object.keys(row.inputs).length > 0;
      let result: ReturnType<typeof altmanZ>;
      if (fromAmounts) {
        const inputs: Record<string, number> = {};
        for (const [key, value] of Object.entries(row.inputs)) {
          const mapped = inputKey[key];
          if (mapped !== undefined) inputs[mapped] = value;
        }
        result = altmanZ(inputs as AltmanInputs, options);
        // Our ratios agree with the row's (printed to 6 decimals).
        for (const [key, value] of Object.entries(row.ratios)) {
          const name = ratioKey[key]! as keyof typeof result.ratios;
          expect(result.ratios[name]).toBeCloseTo(value, 5);
        }
      } else {
        const ratios: Record<string, number> = {};
        for (const [key, value] of Object.entries(row.ratios)) ratios[ratioKey[key]!] = value;
        result = altmanZFromRatios(ratios as AltmanRatioInputs, options);
      }
      expect(result.z).not.toBeNull();
      expect(Math.abs(result.z! - row.expected_z_recomputed)).toBeLessThanOrEqual(0.005);
      if (row.published_z !== null) {
        expect(printsAs(result.z!, row.published_z)).toBe(true);
      }
      if (row.variant === 'z_double_prime_em') {
        expect(result.rating).toBe(row.em_rating_equivalent);
      } else {
        expect(result.zone).toBe(row.zone);
        expect(result.rating).toBeNull();
      }
      const sum = Object.values(result.contributions!).reduce((a, b) => a + b, 0);
      expect(sum).toBeCloseTo(result.z!, 12);
    });
  }

  it('the formiax row separates the 0.999 and 1.0 sales coefficients', () => {
    const row = golden[2]!;
    const inputs = {
      workingCapital: row.inputs.working_capital,
      totalAssets: row.inputs.total_assets,
      retainedEarnings: row.inputs.retained_earnings,
      ebit: row.inputs.ebit,
      marketValueEquity: row.inputs.market_value_equity,
      totalLiabilities: row.inputs.total_liabilities,
      netSales: row.inputs.sales,
    };
    const z999 = altmanZ(inputs).z!;
    const z1 = altmanZ(inputs, { salesCoefficient: 1 }).z!;
    expect(printsAs(z999, row.published_z!)).toBe(true);
    expect(printsAs(z1, row.published_z!)).toBe(false);
  });
});

// One hand-worked set of amounts: X1 = 0.1, X2 = 0.4, X3 = 0.05, MVE/TL = 6/7, BVE/TL = 3/7, X5 = 1.5.
const worked: AltmanInputs = {
  workingCapital: 100,
  totalAssets: 1000,
  retainedEarnings: 400,
  ebit: 50,
  marketValueEquity: 600,
  bookValueEquity: 300,
  totalLiabilities: 700,
  netSales: 1500,
};

describe('altmanZ variants', () => {
  it('original Z with each sales coefficient (Altman 1968)', () => {
    // 0.12 + 0.56 + 0.165 + 0.6·6/7 + c·1.5
    expect(altmanZ(worked).z).toBeCloseTo(2.857785714, 8);
    expect(altmanZ(worked, { salesCoefficient: 1 }).z).toBeCloseTo(2.859285714, 8);
    expect(altmanZ(worked, { salesCoefficient: 0.99 }).z).toBeCloseTo(2.844285714, 8);
    expect(altmanZ(worked).contributions).toEqual({
      wc_ta: expect.closeTo(0.12, 12),
      re_ta: expect.closeTo(0.56, 12),
      ebit_ta: expect.closeTo(0.165, 12),
      mve_tl: expect.closeTo(0.514285714, 8),
      sales_ta: expect.closeTo(1.4985, 12),
    });
    expect(altmanZ(worked).zone).toBe('grey');
  });

  it('Z′ (private firms): 0.717, 0.847, 3.107, 0.420 on book equity, 0.998', () => {
    const r = altmanZ(worked, { variant: 'z_prime' });
    expect(r.z).toBeCloseTo(0.0717 + 0.3388 + 0.15535 + 0.18 + 1.497, 10);
    expect(r.zone).toBe('grey');
    expect(Object.keys(r.contributions!)).toEqual(['wc_ta', 're_ta', 'ebit_ta', 'bve_tl', 'sales_ta']);
  });

  it('Z″ (non-manufacturers): 6.56, 3.26, 6.72, 1.05, no sales term; EM adds 3.25 and a rating', () => {
    const z2 = altmanZ(worked, { variant: 'z_double_prime' });
    expect(z2.z).toBeCloseTo(0.656 + 1.304 + 0.336 + 0.45, 10);
    expect(z2.zone).toBe('safe');
    expect(z2.contributions).not.toHaveProperty('sales_ta');
    const em = altmanZ(worked, { variant: 'z_double_prime_em' });
    expect(em.z).toBeCloseTo(2.746 + 3.25, 10);
    expect(em.contributions?.constant).toBe(3.25);
    expect(em.rating).toBe('BBB');
    expect(em.zone).toBe('safe');
  });

  it('Z″ needs no sales and no market value', () => {
    const { netSales: _s, marketValueEquity: _m, ...book } = worked;
    expect(altmanZ(book, { variant: 'z_double_prime' }).z).toBeCloseTo(2.746, 10);
  });

  it('warns when salesCoefficient is given to a variant without it', () => {
    const r = altmanZ(worked, { variant: 'z_double_prime', salesCoefficient: 1 });
    expect(r.warnings.join(' ')).toMatch(/salesCoefficient applies only/);
  });

  it('current assets and liabilities give the same score as working capital', () => {
    const split = { ...worked, workingCapital: undefined, currentAssets: 350, currentLiabilities: 250 };
    expect(altmanZ(split).z).toBe(altmanZ(worked).z);
    const clash = altmanZ({ ...split, workingCapital: 90 });
    expect(clash.z).toBe(altmanZ(worked).z);
    expect(clash.warnings.join(' ')).toMatch(/differs from currentAssets − currentLiabilities/);
  });

  it('negative working capital, retained earnings, EBIT and book equity are scored', () => {
    const bad = {
      ...worked,
      workingCapital: -300,
      retainedEarnings: -900,
      ebit: -120,
      bookValueEquity: -200,
    };
    for (const variant of ['original', 'z_prime', 'z_double_prime', 'z_double_prime_em'] as const) {
      const r = altmanZ(bad, { variant });
      expect(Number.isFinite(r.z)).toBe(true);
      expect(r.reason).toBeNull();
    }
    expect(altmanZ(bad, { variant: 'z_double_prime' }).zone).toBe('distress');
    expect(altmanZ(bad, { variant: 'z_double_prime_em' }).rating).toBe('D');
  });

  it('warns on an unclassified (financial-company) balance sheet', () => {
    const bank = { ...worked, workingCapital: undefined, currentAssets: 0, currentLiabilities: 0 };
    expect(altmanZ(bank).warnings.join(' ')).toMatch(/financial companies/);
  });
});

describe('altmanRatios and the JumpStart letters', () => {
  it('names and letters agree (A=EBIT/TA, B=Sales/TA, C=MVE/TL, D=WC/TA, E=RE/TA)', () => {
    const r = altmanRatios(worked);
    expect(r).toMatchObject({ wc_ta: 0.1, re_ta: 0.4, ebit_ta: 0.05, sales_ta: 1.5 });
    expect(r.mve_tl).toBeCloseTo(6 / 7, 15);
    expect(r.bve_tl).toBeCloseTo(3 / 7, 15);
    expect([r.A, r.B, r.C, r.D, r.E]).toEqual([r.ebit_ta, r.sales_ta, r.mve_tl, r.wc_ta, r.re_ta]);
  });

  it('missing inputs give null ratios, not errors', () => {
    const r = altmanRatios({ totalAssets: 1000, ebit: 50 });
    expect(r.ebit_ta).toBe(0.05);
    expect(r.wc_ta).toBeNull();
    expect(r.mve_tl).toBeNull();
  });

  it('altmanZFromRatios takes letters as aliases; a name wins over a conflicting letter', () => {
    const byName = altmanZFromRatios({ wc_ta: 0.34, re_ta: 0.15, ebit_ta: 0, mve_tl: 0.8, sales_ta: 1.6 });
    const byLetter = altmanZFromRatios({ A: 0, B: 1.6, C: 0.8, D: 0.34, E: 0.15 });
    expect(byLetter.z).toBe(byName.z);
    const both = altmanZFromRatios({ A: 0, B: 1.6, C: 0.8, D: 0.34, E: 0.15, wc_ta: 0.3 });
    expect(both.ratios.wc_ta).toBe(0.3);
    expect(both.warnings.join(' ')).toMatch(/alias ratios\.D/);
  });
});

describe('zone boundaries', () => {
  // With the sales coefficient 1 and only sales/TA non-zero, z equals sales/TA exactly.
  const onlySales = (s: number) =>
    altmanZFromRatios({ wc_ta: 0, re_ta: 0, ebit_ta: 0, mve_tl: 0, sales_ta: s }, { salesCoefficient: 1 });

  it('original: safe above 2.99, grey from 1.81 to 2.99 inclusive, distress below 1.81', () => {
    expect(onlySales(2.99).z).toBe(2.99);
    expect(onlySales(2.99).zone).toBe('grey');
    expect(onlySales(2.990001).zone).toBe('safe');
    expect(onlySales(1.81).zone).toBe('grey');
    expect(onlySales(1.809999).zone).toBe('distress');
  });

  const cases = [
    ['z_prime', 2.9, 1.23],
    ['z_double_prime', 2.6, 1.1],
    ['z_double_prime_em', 5.85, 4.35],
  ] as const;
  for (const [variant, safe, distress] of cases) {
    it(`${variant}: safe above ${safe}, distress below ${distress}`, () => {
      expect(altmanModels[variant].safeAbove).toBe(safe);
      expect(altmanModels[variant].distressBelow).toBe(distress);
      // Move z with X1 only: z = constant + 6.56·X1 (Z″, EM) or 0.717·X1 (Z′).
      const c1 = altmanModels[variant].coefficients.wc_ta!;
      const k = altmanModels[variant].constant;
      const at = (z: number) =>
        altmanZFromRatios({ wc_ta: (z - k) / c1, re_ta: 0, ebit_ta: 0, bve_tl: 0, sales_ta: 0 }, { variant });
      expect(at(safe + 1e-6).zone).toBe('safe');
      expect(at(safe - 1e-6).zone).toBe('grey');
      expect(at(distress + 1e-6).zone).toBe('grey');
      expect(at(distress - 1e-6).zone).toBe('distress');
    });
  }
});

describe('emerging-market rating equivalents (Altman 2005)', () => {
  it('maps each listed score to its rating, and just below it to the next one', () => {
    const listed = emRatingTable.filter((row) => row.rating !== 'D');
    expect(listed.map((row) => [row.rating, row.minScore])).toEqual([
      ['AAA', 8.15],
      ['AA+', 7.6],
      ['AA', 7.3],
      ['AA-', 7.0],
      ['A+', 6.85],
      ['A', 6.65],
      ['A-', 6.4],
      ['BBB+', 6.25],
      ['BBB', 5.85],
      ['BBB-', 5.65],
      ['BB+', 5.25],
      ['BB', 4.95],
      ['BB-', 4.75],
      ['B+', 4.5],
      ['B', 4.15],
      ['B-', 3.75],
      ['CCC+', 3.2],
      ['CCC', 2.5],
      ['CCC-', 1.75],
    ]);
    for (const [i, row] of listed.entries()) {
      expect(emRatingEquivalent(row.minScore)).toBe(row.rating);
      expect(emRatingEquivalent(row.minScore - 1e-9)).toBe(emRatingTable[i + 1]!.rating);
    }
    expect(emRatingEquivalent(20)).toBe('AAA');
    expect(emRatingEquivalent(-5)).toBe('D');
  });

  it('rejects a non-number', () => {
    expect(() => emRatingEquivalent(Number.NaN)).toThrow(InvalidArgumentError);
  });
});

describe('bad inputs', () => {
  const fieldOf = (fn: () => unknown): string | undefined => {
    try {
      fn();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidArgumentError);
      return (error as InvalidArgumentError).field;
    }
    return undefined;
  };

  it('non-numeric inputs throw InvalidArgumentError naming the field', () => {
    expect(fieldOf(() => altmanZ({ ...worked, ebit: '50' as unknown as number }))).toBe('inputs.ebit');
    expect(fieldOf(() => altmanZ({ ...worked, totalAssets: Number.NaN }))).toBe('inputs.totalAssets');
    expect(fieldOf(() => altmanZ({ ...worked, netSales: Number.POSITIVE_INFINITY }))).toBe('inputs.netSales');
    expect(fieldOf(() => altmanRatios({ ...worked, currentAssets: {} as unknown as number }))).toBe(
      'inputs.currentAssets',
    );
    expect(fieldOf(() => altmanZ(null as unknown as AltmanInputs))).toBe('inputs');
    expect(fieldOf(() => altmanZFromRatios({ A: 'x' as unknown as number }))).toBe('ratios.A');
  });

  it('a missing input the variant needs throws, and the message shows a correct call', () => {
    const { marketValueEquity: _m, ...noMarket } = worked;
    expect(fieldOf(() => altmanZ(noMarket))).toBe('inputs.marketValueEquity');
    expect(() => altmanZ(noMarket)).toThrow(/variant: 'z_double_prime'/);
    const { bookValueEquity: _b, ...noBook } = worked;
    expect(fieldOf(() => altmanZ(noBook, { variant: 'z_prime' }))).toBe('inputs.bookValueEquity');
    const { workingCapital: _w, ...noWc } = worked;
    expect(fieldOf(() => altmanZ(noWc))).toBe('inputs.workingCapital');
    expect(fieldOf(() => altmanZFromRatios({ wc_ta: 0.1 }, { variant: 'z_double_prime' }))).toBe(
      'ratios.re_ta',
    );
  });

  it('invalid options throw naming the option', () => {
    expect(fieldOf(() => altmanZ(worked, { variant: 'zeta' as never }))).toBe('options.variant');
    expect(fieldOf(() => altmanZ(worked, { salesCoefficient: 0.98 as never }))).toBe(
      'options.salesCoefficient',
    );
    expect(fieldOf(() => altmanZ(worked, 'original' as never))).toBe('options');
  });

  it('total assets or total liabilities <= 0 give z: null with a reason, never Infinity or NaN', () => {
    for (const patch of [
      { totalLiabilities: 0 },
      { totalLiabilities: -5 },
      { totalAssets: 0 },
      { totalAssets: -1 },
    ]) {
      for (const variant of ['original', 'z_prime', 'z_double_prime', 'z_double_prime_em'] as const) {
        const r = altmanZ({ ...worked, ...patch }, { variant });
        expect(r.z).toBeNull();
        expect(r.zone).toBeNull();
        expect(r.contributions).toBeNull();
        expect(r.reason).toMatch(/must be > 0/);
        for (const value of Object.values(r.ratios)) {
          expect(value === null || Number.isFinite(value)).toBe(true);
        }
      }
    }
  });

  it('overflowing ratios give z: null with a reason (found by the property test)', () => {
    const r = altmanZ({ ...worked, totalAssets: 5e-324, netSales: 1e12 }, { variant: 'original' });
    expect(r.z).toBeNull();
    expect(r.reason).toMatch(/not a finite number/);
    for (const value of Object.values(r.ratios)) expect(value === null || Number.isFinite(value)).toBe(true);
  });

  it('z is a finite number or null for any finite inputs (property)', () => {
    const amount = fc.double({ min: -1e12, max: 1e12, noNaN: true });
    fc.assert(
      fc.property(
        amount,
        amount,
        amount,
        amount,
        amount,
        amount,
        amount,
        amount,
        (ca, cl, ta, tl, re, ebit, s, e) => {
          const inputs = {
            currentAssets: ca,
            currentLiabilities: cl,
            totalAssets: ta,
            totalLiabilities: tl,
            retainedEarnings: re,
            ebit,
            netSales: s,
            marketValueEquity: Math.abs(e),
            bookValueEquity: e,
          };
          for (const variant of ['original', 'z_prime', 'z_double_prime', 'z_double_prime_em'] as const) {
            const r = altmanZ(inputs, { variant });
            if (r.z === null) expect(r.reason).not.toBeNull();
            else expect(Number.isFinite(r.z)).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
