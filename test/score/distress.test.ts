import { describe, expect, it } from 'vitest';
import { documentToText } from '../../src/extract/index.js';
import { scoreText } from '../../src/score/score-text.js';
import { iterateSentences } from '../../src/text/index.js';
import { readFixture } from '../support/fixtures.js';

// Fixture filings whose text discusses going concern, covenant violations, defaults, material
// weaknesses or restatements (Sire's 2008 covenant violations, Galaxy's going-concern doubt and
// material weakness, Ford's Rouge going-concern note, CIGF5's liquidation basis, ...).
const FILINGS = [
  'sire_10-K_2008-12.htm',
  'galaxy_10-K_2021-09.htm',
  'ford_10-K_2002-03.txt',
  'cigf5_10-K_2016.htm',
  'nauh_10-Q_2014-10.htm',
  'gme_10-K_2024-03.htm',
  'alcoa_10-Q_2018-08.htm',
];
// A sentence discusses distress when it names one of these events (selected by pattern, so the
// test reads whatever real sentences the filings hold; none is written by us).
const DISTRESS =
  /going concern|covenant (?:violation|breach)|event of default|events of default|(?:is|are|be|was|were) in default|default on|material weakness|restatement of (?:our|the|its) (?:previously|consolidated)|restated (?:our|its) (?:previously|financial)/i;

function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(q * (sorted.length - 1))]!;
}

describe('distress check on real filing sentences', () => {
  const all: Array<{ negative: number; risk: number }> = [];
  const distress: Array<{ text: string; negative: number; risk: number }> = [];
  for (const name of FILINGS) {
    const raw = readFixture(`filings/${name}`);
    const text = name.endsWith('.txt') ? raw : documentToText(raw);
    for (const s of iterateSentences(text)) {
      // Table rows and exhibit lists run together into very long "sentences"; leave them out.
      if (s.text.length > 1500) continue;
      const r = scoreText(s.text, { attributes: ['negative', 'risk'] });
      if (r.word_count < 5) continue;
      const row = { negative: r.negative!, risk: r.risk! };
      all.push(row);
      if (DISTRESS.test(s.text)) distress.push({ text: s.text.slice(0, 120), ...row });
    }
  }

  it('finds distress sentences in the fixtures', () => {
    expect(all.length).toBeGreaterThan(5000);
    expect(distress.length).toBeGreaterThanOrEqual(30);
  });

  it('scores every distress sentence above the median sentence on negative and on risk', () => {
    const medianNegative = quantile(
      all.map((r) => r.negative),
      0.5,
    );
    const medianRisk = quantile(
      all.map((r) => r.risk),
      0.5,
    );
    for (const d of distress) {
      expect(d.negative, d.text).toBeGreaterThan(medianNegative);
      expect(d.risk, d.text).toBeGreaterThan(medianRisk);
    }
  });

  it('puts the median distress sentence above 9 in 10 sentences of the filings', () => {
    const p90Negative = quantile(
      all.map((r) => r.negative),
      0.9,
    );
    const p90Risk = quantile(
      all.map((r) => r.risk),
      0.9,
    );
    expect(
      quantile(
        distress.map((d) => d.negative),
        0.5,
      ),
    ).toBeGreaterThan(p90Negative);
    expect(
      quantile(
        distress.map((d) => d.risk),
        0.5,
      ),
    ).toBeGreaterThan(p90Risk);
  });

  it('puts most distress sentences in the top 5% of sentences (the distress vocabulary counts)', () => {
    // With the lists before the distress vocabulary (covenant violations, events of default,
    // delinquent, arrears, ...) was added, 58% (negative) and 87% (risk) of these sentences were
    // in the top 5%; with it, 73% and 96%.
    const p95Negative = quantile(
      all.map((r) => r.negative),
      0.95,
    );
    const p95Risk = quantile(
      all.map((r) => r.risk),
      0.95,
    );
    expect(distress.filter((d) => d.negative > p95Negative).length / distress.length).toBeGreaterThanOrEqual(
      0.7,
    );
    expect(distress.filter((d) => d.risk > p95Risk).length / distress.length).toBeGreaterThanOrEqual(0.9);
  });
});
