import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { capture } from '../support/cli.js';

describe('fin-tabtext demo (the offline main job)', () => {
  it('runs the pipeline on the bundled real filings and writes tabtext.csv and report.html', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ftt-demo-'));
    const { io, out, err } = capture(dir);
    const code = await runCli(['demo', '--out', 'out', '--quiet'], io);
    const csvPath = join(dir, 'out', 'tabtext.csv');
    // stdout holds the table only; where the files went is a message, on stderr.
    expect(err()).toBe(`Wrote ${csvPath}\nWrote ${join(dir, 'out', 'report.html')}\n`);
    expect(code).toBe(0);

    const rows = parse(readFileSync(csvPath, 'utf8'), { columns: true }) as Record<string, string>[];
    // six bundled filings plus Snowflake's company-facts row
    expect(rows).toHaveLength(7);
    const filingRows = rows.filter((row) => row.accession_number !== '');
    expect(filingRows).toHaveLength(6);
    for (const row of filingRows) {
      expect(row.mdna_status).toBe('found');
      expect(Number(row.word_count)).toBeGreaterThan(1000);
      expect(Number(row.readability)).toBeGreaterThan(8);
    }
    // GameStop FY2023 10-K: Z'' from the filing's own inline XBRL; total assets $2,709.0M as
    // printed in its balance sheet at 2024-02-03.
    const gme = rows.find((row) => row.accession_number === '0001326380-24-000012')!;
    expect(Number(gme.total_assets)).toBe(2_709_000_000);
    expect(gme.period_end).toBe('2024-02-03');
    expect(gme.altman_zone).toBe('safe');
    // Ford 2002 is a plain-text filing from before XBRL: no Z, and the reason says so.
    const ford = rows.find((row) => row.accession_number === '0000037996-02-000015')!;
    expect(ford.altman_z).toBe('');
    expect(ford.altman_note).toMatch(/no inline XBRL/);
    // Snowflake comes from SEC company facts through EdgarClient.companyFacts (offline cache).
    const snow = rows.find((row) => row.cik === '0001640147')!;
    expect(snow.xbrl_source).toMatch(/SEC company facts \(10-K/);
    expect(Number.isFinite(Number(snow.altman_z))).toBe(true);

    const html = readFileSync(join(dir, 'out', 'report.html'), 'utf8');
    expect(html).toContain('<svg');
    expect(html).toContain('GameStop');
    expect(html).not.toMatch(/<script|<link|src="http/);
    expect(out()).toMatch(/^ticker\s+form_type\s+filing_date/);
    expect(out()).not.toContain('Wrote');
  });

  it('rejects an unknown flag with exit code 2 and writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ftt-demo-'));
    const { io, err } = capture(dir);
    const code = await runCli(['demo', '--outt', 'x'], io);
    expect(code).toBe(2);
    expect(err()).toMatch(/--outt/);
    expect(existsSync(join(dir, 'x'))).toBe(false);
  });
});
