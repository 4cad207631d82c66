import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands/index.js';
import { MDNA_COLUMNS } from '../../src/cli/commands/mdna.js';
import { runCli } from '../../src/cli/run.js';
import { SCORE_COLUMNS } from '../../src/index.js';
import { capture, rows } from '../support/cli.js';
import { fixturePath, readFixture } from '../support/fixtures.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fin-tabtext-cli-'));
  await writeFile(join(dir, 'ford_10-K_2002-03.txt'), readFixture('filings/ford_10-K_2002-03.txt'));
  await writeFile(join(dir, 'txn_10-Q_2023-07-26.htm'), readFixture('filings/txn_10-Q_2023-07-26.htm'));
});

describe('--help', () => {
  it.each(['fetch', 'mdna', 'score', 'altman', 'tabtext', 'summarize'])(
    '%s prints help with an example',
    async (name) => {
      const c = capture(dir);
      expect(await runCli([name, '--help'], c.io)).toBe(0);
      expect(c.out()).toContain(`fin-tabtext ${name}`);
      expect(c.out()).toMatch(/Example:\n\s+fin-tabtext /);
    },
  );

  it('lists the commands in order', () => {
    expect(COMMANDS.map((c) => c.name).slice(0, 6)).toEqual([
      'fetch',
      'mdna',
      'score',
      'altman',
      'tabtext',
      'summarize',
    ]);
  });
});

describe('mdna → score → tabtext → summarize on real filings', () => {
  it('runs the pipeline', async () => {
    const c = capture(dir);
    expect(
      await runCli(['mdna', 'ford_10-K_2002-03.txt', 'txn_10-Q_2023-07-26.htm', '--out', 'mdna.csv'], c.io),
    ).toBe(0);
    const mdna = await rows(join(dir, 'mdna.csv'));
    expect(mdna.map((r) => [r.file, r.form_type, r.mdna_status])).toEqual([
      ['ford_10-K_2002-03.txt', '10-K', 'found'],
      ['txn_10-Q_2023-07-26.htm', '10-Q', 'found'],
    ]);
    // Identity from the inline-XBRL cover page (TXN) and the file name (its filing date).
    expect([mdna[1]?.cik, mdna[1]?.ticker, mdna[1]?.filing_date, mdna[1]?.report_date]).toEqual([
      '0000097476',
      'TXN',
      '2023-07-26',
      '2023-06-30',
    ]);
    expect(String(mdna[0]?.heading)).toMatch(/^Item 7\. Management's Discussion/);
    expect(mdna[0]?.chars).toBe(String(mdna[0]?.mdna).length);

    const s = capture(dir);
    expect(
      await runCli(['score', '--in', 'mdna.csv', '--out', 'scores.jsonl', '--fog', 'gunning'], s.io),
    ).toBe(0);
    const scores = await rows(join(dir, 'scores.jsonl'));
    expect(Object.keys(scores[0] ?? {})).toEqual([...MDNA_COLUMNS, ...SCORE_COLUMNS]);
    expect(scores[0]?.word_count).toBeGreaterThan(5000);
    // One closing line, counted in rows (no byte counter that says 100% before scoring ends).
    expect(s.err()).toBe(`score: wrote 2 rows to ${join(dir, 'scores.jsonl')}\n`);

    // A tabular table keyed by file, one row after each filing: the as-of join picks the filing.
    const scored = scores.map((r, i) => ({ ...r, filing_date: ['2002-03-28', '2023-07-26'][i] }));
    await writeFile(join(dir, 'text.jsonl'), scored.map((r) => JSON.stringify(r)).join('\n'));
    await writeFile(
      join(dir, 'prices.csv'),
      'file,date,price\nford_10-K_2002-03.txt,2002-04-01,15.2\nford_10-K_2002-03.txt,2002-03-01,16\n',
    );
    const t = capture(dir);
    const args = [
      'tabtext',
      '--text',
      'text.jsonl',
      '--tabular',
      'prices.csv',
      '--on',
      'file',
      '--normalize',
      'price',
      '--method',
      'minmax',
      '--out',
      'tab.csv',
    ];
    expect(await runCli(args, t.io)).toBe(0);
    const joined = await rows(join(dir, 'tab.csv'));
    expect(joined.map((r) => [r.date, r.price, r.filing_date])).toEqual([
      ['2002-04-01', 0, '2002-03-28'],
      ['2002-03-01', 1, null],
    ]);
    expect(joined[0]?.word_count).toBe(scores[0]?.word_count);

    const m = capture(dir);
    expect(await runCli(['summarize', '--in', 'mdna.csv', '--size', '2', '--out', 'summary.csv'], m.io)).toBe(
      0,
    );
    const summaries = await rows(join(dir, 'summary.csv'));
    expect(Object.keys(summaries[0] ?? {})).toContain('summary');
    const summary = String(summaries[0]?.summary);
    expect(summary.length).toBeGreaterThan(20);
    // Extractive: the first few words of the summary come verbatim from the MD&A.
    expect(String(mdna[0]?.mdna)).toContain(summary.slice(0, 40));
  });

  it('summarizes a filing to stdout with k-medoids', async () => {
    const c = capture(dir);
    expect(
      await runCli(
        ['summarize', '--in', 'txn_10-Q_2023-07-26.htm', '--method', 'kmedoids', '--size', '3'],
        c.io,
      ),
    ).toBe(0);
    expect(c.out().trim().length).toBeGreaterThan(50);
    expect(c.out()).not.toMatch(/<[a-z]+[ >]/i);
  });
});

describe('altman', () => {
  const facts = fixturePath('sec-json/companyfacts_CIK0001640147.json.gz');

  it('prints Snowflake FY2025 Z with provenance', async () => {
    const c = capture(dir);
    expect(
      await runCli(
        ['altman', '--in', facts, '--accession-number', '0001640147-25-000052', '--price', '150'],
        c.io,
      ),
    ).toBe(0);
    expect(c.out()).toContain('SNOWFLAKE INC.');
    expect(c.out()).toMatch(/Z: 4\.069\s+zone: safe/);
    expect(c.out()).toMatch(/totalAssets\s+9,033,938,000\s+2025-01-31\s+no\s+us-gaap:Assets/);
  });

  it('gives JSON with --json, and exit 1 with the reason when Z cannot be computed', async () => {
    const j = capture(dir);
    expect(await runCli(['altman', '--in', facts, '--variant', 'z_double_prime', '--json'], j.io)).toBe(0);
    const result = JSON.parse(j.out()) as {
      z: number;
      variant: string;
      provenance: Record<string, { tag: string }>;
    };
    expect(result.variant).toBe('z_double_prime');
    expect(result.z).toBeCloseTo(-1.328, 3);
    expect(result.provenance.ebit?.tag).toBe('us-gaap:OperatingIncomeLoss');
    const n = capture(dir);
    expect(await runCli(['altman', '--in', facts], n.io)).toBe(1);
    expect(n.err()).toMatch(/no share price/);
  });
});

describe('bad arguments and missing inputs: exit 2, a clear message, no output file', () => {
  const cases: [string, string[], RegExp][] = [
    [
      'score missing input',
      ['score', '--in', 'missing.csv', '--out', 'bad1.csv'],
      /Input not found for --in: missing\.csv/,
    ],
    [
      'score bad fog',
      ['score', '--in', 'mdna.csv', '--out', 'bad2.csv', '--fog', 'flesch'],
      /--fog must be one of textstat, gunning/,
    ],
    [
      'score unknown column',
      ['score', '--in', 'mdna.csv', '--out', 'bad3.csv', '--text-column', 'nope'],
      /nope/,
    ],
    ['mdna missing file', ['mdna', 'missing.htm', '--out', 'bad4.csv'], /Input not found/],
    [
      'mdna bad out',
      ['mdna', 'ford_10-K_2002-03.txt', '--out', 'bad5.xlsx'],
      /--out must end in \.csv or \.jsonl/,
    ],
    [
      'mdna bad form type',
      ['mdna', 'ford_10-K_2002-03.txt', '--form-type', '8-K', '--out', 'bad6.csv'],
      /--form-type 8-K has no MD&A to extract/,
    ],
    ['altman missing file', ['altman', '--in', 'missing.json'], /Input not found/],
    ['altman bad price', ['altman', '--in', 'x.json', '--price', 'cheap'], /--price must be a number/],
    [
      'tabtext missing',
      ['tabtext', '--text', 'missing.csv', '--tabular', 'prices.csv', '--on', 'cik', '--out', 'bad7.csv'],
      /Input not found/,
    ],
    [
      'tabtext bad match',
      [
        'tabtext',
        '--text',
        'a.csv',
        '--tabular',
        'b.csv',
        '--on',
        'cik',
        '--match',
        'nearest',
        '--out',
        'bad8.csv',
      ],
      /--match must be one of asof, bucket/,
    ],
    [
      'summarize both sizes',
      ['summarize', '--in', 'mdna.csv', '--size', '2', '--percentage', '3', '--out', 'bad9.csv'],
      /not both/,
    ],
    ['summarize missing', ['summarize', '--in', 'missing.txt', '--out', 'bad10.txt'], /Input not found/],
    ['unknown flag', ['score', '--color', 'red'], /color/],
    [
      'fetch no companies',
      ['fetch', '--out', 'bad11.csv', '--user-agent', 'Acme jane@acme.com'],
      /--tickers/,
    ],
    ['fetch no user agent', ['fetch', '--tickers', 'AAPL', '--out', 'bad12.csv'], /--user-agent/],
  ];
  it.each(cases)('%s', async (_name, argv, message) => {
    const c = capture(dir);
    expect(await runCli(argv, c.io)).toBe(2);
    expect(c.err()).toMatch(message);
    // CLI terms: a flag or a path, never an API call.
    expect(c.err()).toMatch(/--[a-z][a-z-]+|\.\w{2,5}\b/);
    expect(c.err()).not.toMatch(/\b[a-z]+[A-Z]\w*\(|new [A-Z]\w*\(|\{ *[a-z]\w*: |options\.|Call it as/);
    expect(c.out()).toBe('');
    const files = await readdir(dir);
    expect(files.filter((f) => f.startsWith('bad') || f.includes('.tmp'))).toEqual([]);
  });
});

describe('fetch', () => {
  it('offline with an empty cache fails with the cache-miss error and writes nothing', async () => {
    const cache = await mkdtemp(join(tmpdir(), 'fin-tabtext-cache-'));
    const c = capture(dir);
    const code = await runCli(
      [
        'fetch',
        '--tickers',
        'AAPL',
        '--offline',
        '--cache-dir',
        cache,
        '--user-agent',
        'Acme Research jane@acme.com',
        '--out',
        'fetched.csv',
      ],
      c.io,
    );
    expect(code).toBe(1);
    expect(c.err()).toMatch(
      /--offline: https:\/\/\S+ is not in the cache at .*Run once without --offline \(same --cache-dir\)/,
    );
    expect(c.err()).not.toMatch(/new EdgarClient|\{ *userAgent/);
    expect(await readdir(dir)).not.toContain('fetched.csv');
  });

  it('writes records from a local EDGAR server', async () => {
    const { startEdgarServer } = await import('../support/edgar-server.js');
    const server = await startEdgarServer();
    try {
      const cache = await mkdtemp(join(tmpdir(), 'fin-tabtext-cache-'));
      const c = capture(dir, {
        FIN_TABTEXT_SEC_WWW_URL: server.baseUrls.www,
        FIN_TABTEXT_SEC_DATA_URL: server.baseUrls.data,
        FIN_TABTEXT_USER_AGENT: 'Acme Research jane@acme.com',
      });
      const code = await runCli(
        ['fetch', '--tickers', 'GME', '--forms', '10-K', '--cache-dir', cache, '--out', 'gme.jsonl'],
        c.io,
      );
      expect(c.err()).toMatch(/fetch: wrote \d+ records/);
      expect(code).toBe(0);
      const fetched = await rows(join(dir, 'gme.jsonl'));
      expect(fetched.length).toBeGreaterThan(0);
      expect(fetched[0]?.form_type).toBe('10-K');
      expect(fetched.some((r) => r.mdna_status === 'found')).toBe(true);
      expect(server.requests.length).toBeGreaterThan(0);
      expect(await readFile(join(dir, 'gme.jsonl'), 'utf8')).toContain('"ticker":"GME"');
    } finally {
      await server.close();
    }
  });
});
