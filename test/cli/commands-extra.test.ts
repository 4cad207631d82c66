import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { capture, rows } from '../support/cli.js';
import { readFixture } from '../support/fixtures.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fin-tabtext-cli-extra-'));
  await writeFile(join(dir, 'gme_10-K_2024-03.htm'), readFixture('filings/gme_10-K_2024-03.htm'));
});

describe('altman --inline-xbrl on the GameStop 10-K for fiscal 2023', () => {
  const filing = [
    'altman',
    '--in',
    'gme_10-K_2024-03.htm',
    '--inline-xbrl',
    '--accession-number',
    '0001326380-24-000012',
    '--form-type',
    '10-K',
    '--filing-date',
    '2024-03-26',
  ];

  it('gives Z″ as JSON with the balance sheet read from the filing', async () => {
    const c = capture(dir);
    expect(await runCli([...filing, '--variant', 'z_double_prime', '--json'], c.io)).toBe(0);
    const result = JSON.parse(c.out()) as {
      z: number;
      variant: string;
      entityName: string;
      report: { accessionNumber: string; formType: string; periodEnd: string };
      inputs: Record<string, number | null>;
      provenance: Record<string, { tag: string; end: string | null; value: number } | null>;
    };
    expect(result.variant).toBe('z_double_prime');
    expect(result.entityName).toBe('GameStop Corp.');
    expect(result.report).toMatchObject({
      accessionNumber: '0001326380-24-000012',
      formType: '10-K',
      periodEnd: '2024-02-03',
    });
    // Consolidated balance sheet, February 3, 2024 (in millions): total assets $2,709.0.
    expect(result.inputs.totalAssets).toBe(2_709_000_000);
    expect(result.provenance.totalAssets).toMatchObject({
      tag: 'us-gaap:Assets',
      end: '2024-02-03',
      value: 2_709_000_000,
    });
    // Z″ needs no share price; its market-value ratio is absent.
    expect(result.inputs.marketValueEquity).toBeNull();
    expect(result.z).toBeCloseTo(3.2017, 3);
  });

  it('gives the original Z with --price, equity valued at cover shares × price', async () => {
    const c = capture(dir);
    expect(await runCli([...filing, '--price', '10'], c.io)).toBe(0);
    expect(c.out()).toContain('GameStop Corp. (CIK 0001326380)');
    expect(c.out()).toContain('variant: original');
    expect(c.out()).toMatch(/Z: 3\.592\s+zone: safe/);
    expect(c.out()).toMatch(/input\s+value\s+period\s+fallback\s+tag\n/);
    expect(c.out()).toMatch(/totalAssets\s+2,709,000,000\s+2024-02-03\s+no\s+us-gaap:Assets\n/);
    // 305,873,200 shares on the cover × $10.
    expect(c.out()).toMatch(/marketValueEquity\s+3,058,732,000\s/);
  });

  it('without --price the original Z is not computed: exit 1 with the reason', async () => {
    const c = capture(dir);
    expect(await runCli(filing, c.io)).toBe(1);
    expect(c.err()).toMatch(/no share price/);
  });
});

describe('fetch --with-text', () => {
  it('fills the text column with the main document from a local EDGAR server', async () => {
    const { startEdgarServer } = await import('../support/edgar-server.js');
    const server = await startEdgarServer();
    try {
      const cache = await mkdtemp(join(tmpdir(), 'fin-tabtext-cache-'));
      const env = {
        FIN_TABTEXT_SEC_WWW_URL: server.baseUrls.www,
        FIN_TABTEXT_SEC_DATA_URL: server.baseUrls.data,
        FIN_TABTEXT_USER_AGENT: 'Acme Research jane@acme.com',
      };
      const base = ['fetch', '--tickers', 'GME', '--forms', '10-K', '--cache-dir', cache];

      const plain = capture(dir, env);
      expect(await runCli([...base, '--out', 'gme-plain.jsonl'], plain.io)).toBe(0);
      const withoutText = await rows(join(dir, 'gme-plain.jsonl'));
      expect(withoutText.length).toBeGreaterThan(0);
      expect(withoutText.every((r) => r.text === null || r.text === '')).toBe(true);

      const c = capture(dir, env);
      expect(await runCli([...base, '--with-text', '--out', 'gme-text.jsonl'], c.io)).toBe(0);
      expect(c.err()).toMatch(/fetch: wrote \d+ records \(0 failed\)/);
      const fetched = await rows(join(dir, 'gme-text.jsonl'));
      expect(Object.keys(fetched[0] ?? {})).toContain('text');
      const found = fetched.find((r) => r.mdna_status === 'found');
      expect(found?.accession_number).toBe('0001326380-24-000012');
      const text = String(found?.text ?? '');
      expect(text.length).toBeGreaterThan(100_000);
      expect(text).toMatch(/^UNITED STATES\s+SECURITIES AND EXCHANGE COMMISSION/);
      expect(text).not.toMatch(/<[a-z]+[ >]/i);
      // The MD&A column is a section of the whole document.
      expect(text).toContain(String(found?.mdna).slice(0, 120));
    } finally {
      await server.close();
    }
  });
});
