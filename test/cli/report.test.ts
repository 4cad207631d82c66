import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatValue, REPORT_SCORES, renderReport } from '../../src/cli/report.js';
import { runCli } from '../../src/cli/run.js';
import { SCORE_ATTRIBUTES } from '../../src/score/index.js';
import { capture, rows as readRows } from '../support/cli.js';

let html: string;
let table: Record<string, unknown>[];

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ftt-report-'));
  const c = capture(dir);
  expect(await runCli(['demo', '--out', 'out', '--quiet'], c.io)).toBe(0);
  html = readFileSync(join(dir, 'out', 'report.html'), 'utf8');
  table = await readRows(join(dir, 'out', 'tabtext.csv'));
});

const svgs = (): string[] => html.match(/<svg[\s\S]*?<\/svg>/g) ?? [];

describe('the demo report', () => {
  it('is one self-contained file: no scripts, no external resources', () => {
    expect(html).not.toMatch(/<script|<link|<img|<iframe|url\(|@import/i);
    expect(html.replaceAll('xmlns="http://www.w3.org/2000/svg"', '')).not.toMatch(/https?:\/\//);
  });

  it('has a summary table with identity, MD&A status, all 11 scores, Altman Z and zone', () => {
    const summary = /<table class="summary">[\s\S]*?<\/table>/.exec(html)![0];
    const heads = [...summary.matchAll(/<th scope="col"[^>]*>(.*?)<\/th>/g)].map((m) =>
      m[1]!.replace(/<[^>]+>.*$/, ''),
    );
    expect(heads).toEqual([
      'filing',
      'form type',
      'filing date',
      'MD&amp;A',
      ...SCORE_ATTRIBUTES,
      'Altman Z',
      'zone',
    ]);
    expect(summary.match(/<tr>/g)).toHaveLength(table.length + 1);
    expect(summary).toContain('<colgroup>');
    expect(html).toMatch(/table\.summary \{ width: 100%; table-layout: fixed;/);
    // Missing values are blank, never the word "null".
    expect(html).not.toMatch(/>null</);
    expect(summary).toMatch(/<td class="num"><\/td>/);
  });

  it('formats numbers with units and separators', () => {
    expect(formatValue('total_assets', 32_348_000_000)).toBe('USD 32,348.0 m');
    expect(formatValue('wc_ta', 0.123_456)).toBe('0.123');
    expect(formatValue('word_count', 12_345)).toBe('12,345');
    expect(formatValue('negative', 0.012_34)).toBe('1.23 %');
    expect(formatValue('polarity', null)).toBe('');
    // GameStop FY2023 total assets as printed: $2,709.0 million.
    expect(html).toContain('<dt>total_assets</dt><dd>USD 2,709.0 m</dd>');
    // No raw amounts such as 32348000000 (zero-padded CIKs are identifiers, not amounts).
    expect(html).not.toMatch(/>-?[1-9]\d{6,}</);
  });

  it('charts all 11 scores and Altman Z, each with both axes, ticks, a unit and a meaning', () => {
    expect(svgs()).toHaveLength(12);
    for (const score of REPORT_SCORES) {
      const figure = new RegExp(`<figure class="chart" id="fig-${score.column}">([\\s\\S]*?)</figure>`).exec(
        html,
      );
      expect(figure, score.column).not.toBeNull();
      expect(figure![1]).toContain(score.meaning.replaceAll('&', '&#38;').replaceAll("'", '&#39;'));
    }
    for (const svg of svgs()) {
      expect(svg).toMatch(/<g class="y-axis"><line /);
      expect(svg).toMatch(/<g class="x-axis"><line /);
      expect((svg.match(/<g class="tick">/g) ?? []).length).toBeGreaterThanOrEqual(3);
      expect(svg).toMatch(/<text class="axis-title"[^>]*>[^<]+</);
    }
  });

  it('labels every bar (a row without a ticker too) and leaves room for the longest label', () => {
    for (const svg of svgs()) {
      const labels = [...svg.matchAll(/<text class="y-label" x="([\d.]+)"[^>]*>([^<]*)</g)];
      expect(labels).toHaveLength(table.length);
      for (const [, x, label] of labels) {
        expect(label!.trim()).not.toBe('');
        // Right-aligned at x: the label needs x px to its left (11 px sans-serif, about 0.6 em a character).
        expect(Number(x)).toBeGreaterThanOrEqual(label!.length * 11 * 0.6);
      }
    }
    expect(html).toContain('>SNOWFLAKE INC. 2025-03-21<');
  });

  it('shows the Altman zones with their cut-offs, and does not repeat date when it equals filing_date', () => {
    expect(html).toMatch(/<line class="cut-off"/);
    expect(html).toMatch(
      /Z″ \(non-manufacturers, book equity\)<\/th><td class="num">below 1\.10<\/td><td class="num">1\.10 – 2\.60<\/td><td class="num">above 2\.60/,
    );
    const details = /<section id="details">[\s\S]*<\/section>/.exec(html)![0];
    expect(details.match(/<details>/g)).toHaveLength(table.length);
    const gme = details.split('<details>').find((d) => d.includes('GME 10-K 2024-03-26'))!;
    expect(gme).toContain('<dt>filing_date</dt>');
    expect(gme).not.toContain('<dt>date</dt>');
  });

  it('renders rows with missing fields without empty labels', () => {
    const page = renderReport(
      [
        { cik: null, ticker: null },
        { ticker: 'X', negative: 0.5 },
      ],
      { title: 't' },
    );
    expect(page).toContain('>row 1<');
    expect(page).toContain('>X<');
  });
});
