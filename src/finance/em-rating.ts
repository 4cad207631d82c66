import { InvalidArgumentError } from '../errors/index.js';

/** A bond-rating equivalent of an emerging-market score, from `'AAA'` down to `'D'`. */
export type EmRating =
  | 'AAA'
  | 'AA+'
  | 'AA'
  | 'AA-'
  | 'A+'
  | 'A'
  | 'A-'
  | 'BBB+'
  | 'BBB'
  | 'BBB-'
  | 'BB+'
  | 'BB'
  | 'BB-'
  | 'B+'
  | 'B'
  | 'B-'
  | 'CCC+'
  | 'CCC'
  | 'CCC-'
  | 'D';

/** One row of {@link emRatingTable}: the lowest EM score that earns `rating`. */
export interface EmRatingRow {
  /** The bond-rating equivalent. */
  readonly rating: EmRating;
  /** Scores at or above this value (and below the row above) map to `rating`. */
  readonly minScore: number;
}

/**
 * Altman's US bond-rating equivalents of the emerging-market score (EM score = Z″ + 3.25 =
 * 6.56·X1 + 3.26·X2 + 6.72·X3 + 1.05·X4 + 3.25), best rating first. Source: E. I. Altman (2005),
 * "An emerging market credit scoring system for corporate bonds", Emerging Markets Review 6(4),
 * 311–323, table of "US bond rating equivalents based on EM score" (first published in Altman,
 * Hartzell & Peck 1995). Altman lists the score of each rating class; we read each as the class's
 * lower bound, so a score equal to a listed value earns that rating, and anything below CCC−'s 1.75
 * is D.
 *
 * @example
 * ```ts
 * import { emRatingTable } from 'fin-tabtext/finance';
 * emRatingTable[0]; // { rating: 'AAA', minScore: 8.15 }
 * ```
 */
export const emRatingTable: readonly EmRatingRow[] = Object.freeze(
  (
    [
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
      ['D', Number.NEGATIVE_INFINITY],
    ] as const
  ).map(([rating, minScore]) => Object.freeze({ rating, minScore })),
);

/**
 * The bond-rating equivalent of an emerging-market score (Altman 2005), see {@link emRatingTable}.
 *
 * @param emScore - An EM score (Z″ + 3.25), for example `altmanZ(inputs, { variant: 'z_double_prime_em' }).z`.
 * @returns The rating whose lower bound is the highest one not above `emScore`.
 * @throws {InvalidArgumentError} When `emScore` is not a finite number.
 * @example
 * ```ts
 * import { emRatingEquivalent } from 'fin-tabtext/finance';
 * emRatingEquivalent(6.32); // 'BBB+'
 * emRatingEquivalent(1.2); // 'D'
 * ```
 */
export function emRatingEquivalent(emScore: number): EmRating {
  if (typeof emScore !== 'number' || !Number.isFinite(emScore)) {
    throw new InvalidArgumentError(
      'emScore',
      `emRatingEquivalent(emScore) needs a finite number, got ${String(emScore)}; e.g. emRatingEquivalent(6.32)`,
    );
  }
  for (const row of emRatingTable) if (emScore >= row.minScore) return row.rating;
  return 'D';
}
