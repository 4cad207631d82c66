import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { identityFromDocument, identityFromFileName } from '../../src/cli/identity.js';
import { Interrupted } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/run.js';
import { inCliTerms } from '../../src/cli/terms.js';
import { capture, rows } from '../support/cli.js';
import { fixturePath, readFixture } from '../support/fixtures.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fin-tabtext-cli-edges-'));
  await writeFile(join(dir, 'gme_10-K_2024-03.htm'), readFixture('filings/gme_10-K_2024-03.htm'));
  await writeFile(join(dir, 'aapl-20250628.htm'), readFixture('filings/aapl_10-Q_2025-08-01.htm'));
  await writeFile(join(dir, 'ford_10-K_2002-03.txt'), readFixture('filings/ford_10-K_2002-03.txt'));
  await writeFile(
    join(dir, 'aapl_8-K_1999-09-07.txt'),
    await readFile(fixturePath('cli/aapl_8-K_1999-09-07.txt')),
  );
  await writeFile(join(dir, 'nocol.csv'), 'a,b\nRevenue rose.,1\n');
  await writeFile(join(dir, 'texts.csv'), 'mdna\nRevenue rose sharply in the quarter.\n');
  await mkdir(join(dir, 'adir'));
});

/** Exit code, stderr and stdout of one in-process run. */
async function run(
  argv: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number; err: string; out: string }> {
  const c = capture(dir, env);
  const code = await runCli(argv, c.io);
  return { code, err: c.err(), out: c.out() };
}

/** The rule for every CLI error: it names a flag or a path, and never shows an API call. */
function expectCliTerms(err: string): void {
  expect(err).toMatch(/--[a-z][a-z-]+|\/|\.\w{2,5}\b/);
  expect(err).not.toMatch(/\b[a-z]+[A-Z]\w*\(|new [A-Z]\w*\(|\{ *[a-z]\w*: |options\.|Call it as/);
}

describe('errors speak flags, not API calls (exit 2)', () => {
  const cases: [string, string[], RegExp][] = [
    [
      'score: the text column is missing',
      ['score', '--in', 'nocol.csv', '--out', 'x1.csv'],
      /--text-column mdna: nocol\.csv has no such column; its columns are a, b\. Pass --text-column a\./,
    ],
    [
      'altman: an HTML filing without --inline-xbrl',
      ['altman', '--in', 'gme_10-K_2024-03.htm'],
      /--in gme_10-K_2024-03\.htm is an HTML\/inline-XBRL filing.*Add --inline-xbrl/,
    ],
    [
      'altman: not company-facts JSON',
      ['altman', '--in', 'nocol.csv'],
      /--in nocol\.csv is not SEC company-facts JSON/,
    ],
    ['altman: a folder', ['altman', '--in', 'adir'], /--in adir is a folder; give a file\./],
    [
      'altman: a negative price',
      ['altman', '--in', 'nocol.csv', '--price', '-3'],
      /--price must be a positive number, got -3/,
    ],
    [
      'altman: an impossible period end',
      ['altman', '--in', 'nocol.csv', '--period-end', '2025-02-30'],
      /--period-end must be a calendar date YYYY-MM-DD, got "2025-02-30"/,
    ],
    [
      'altman: an impossible filing date',
      [
        'altman',
        '--in',
        'gme_10-K_2024-03.htm',
        '--inline-xbrl',
        '--accession-number',
        '0001326380-24-000012',
        '--form-type',
        '10-K',
        '--filing-date',
        '2024-02-30',
      ],
      /--filing-date must be a calendar date YYYY-MM-DD/,
    ],
    [
      'fetch: an impossible date, same rule',
      [
        'fetch',
        '--tickers',
        'AAPL',
        '--from',
        '2019-02-30',
        '--out',
        'x2.csv',
        '--user-agent',
        'Acme jane@acme.com',
      ],
      /--from must be a calendar date YYYY-MM-DD, got "2019-02-30"/,
    ],
    [
      'fetch: a user agent without an email',
      ['fetch', '--tickers', 'AAPL', '--out', 'x3.csv', '--user-agent', 'Acme Research'],
      /--user-agent "Acme Research" has no contact email\. .*pass --user-agent "Acme Research jane@acme\.com"/,
    ],
    [
      'dataset: an impossible date, same rule as fetch',
      [
        'dataset',
        '--tickers',
        'AAPL',
        '--from',
        '2019-02-30',
        '--out',
        'x6.parquet',
        '--user-agent',
        'Acme jane@acme.com',
      ],
      /--from must be a calendar date YYYY-MM-DD, got "2019-02-30"/,
    ],
    [
      'dataset: a user agent without an email, same rule as fetch',
      ['dataset', '--tickers', 'AAPL', '--out', 'x7.parquet', '--user-agent', 'Acme Research'],
      /--user-agent "Acme Research" has no contact email\. .*pass --user-agent "Acme Research jane@acme\.com"/,
    ],
    [
      'dataset: --from after --to',
      [
        'dataset',
        '--tickers',
        'AAPL',
        '--from',
        '2021-01-01',
        '--to',
        '2020-01-01',
        '--out',
        'x8.parquet',
        '--user-agent',
        'Acme jane@acme.com',
      ],
      /--from 2021-01-01 is after --to 2020-01-01; give --from on or before --to\./,
    ],
    [
      'queue add: an impossible date, before any connection',
      ['queue', 'add', '--tickers', 'AAPL', '--to', '2020-13-01', '--user-agent', 'Acme jane@acme.com'],
      /--to must be a calendar date YYYY-MM-DD, got "2020-13-01"/,
    ],
    [
      'queue add: a user agent without an email',
      ['queue', 'add', '--ciks', '320193', '--user-agent', 'Acme Research'],
      /--user-agent "Acme Research" has no contact email\./,
    ],
    [
      'queue add: --max-rps not a number',
      ['queue', 'add', '--ciks', '320193', '--user-agent', 'Acme jane@acme.com', '--max-rps', 'fast'],
      /--max-rps must be a number, got "fast"/,
    ],
    [
      'a misspelled flag gets a suggestion',
      ['score', '--in', 'texts.csv', '--out', 'x4.csv', '--textcolumn', 'mdna'],
      /unknown flag --textcolumn\. Did you mean --text-column\?/,
    ],
    ['a misspelled command gets a suggestion', ['scroe'], /unknown command "scroe"\. Did you mean "score"\?/],
    [
      'altman: a flag renamed in 0.2.0 suggests its new name',
      ['altman', '--in', 'gme_10-K_2024-03.htm', '--inline-xbrl', '--accession', '0001326380-24-000012'],
      /unknown flag --accession\. Did you mean --accession-number\?/,
    ],
    [
      'mdna: --filed is now --filing-date',
      ['mdna', 'gme_10-K_2024-03.htm', '--out', 'x9.csv', '--filed', '2024-03-26'],
      /unknown flag --filed\. Did you mean --filing-date\?/,
    ],
    [
      'mdna: --form is now --form-type',
      ['mdna', 'gme_10-K_2024-03.htm', '--out', 'x10.csv', '--form', '10-K'],
      /unknown flag --form\. Did you mean --form-type\?/,
    ],
    [
      'score: --out is the input',
      ['score', '--in', 'texts.csv', '--out', 'texts.csv'],
      /--out .*texts\.csv is the same file as --in/,
    ],
    [
      'summarize: --out is the input',
      ['summarize', '--in', 'texts.csv', '--out', './texts.csv'],
      /is the same file as --in/,
    ],
    [
      'summarize: a binary file',
      ['summarize', '--in', process.execPath],
      /--in .* is a binary file \(it holds NUL bytes\), not text/,
    ],
    ['mdna: a binary file', ['mdna', process.execPath, '--out', 'x5.csv'], /is a binary file/],
  ];
  it.each(cases)('%s', async (_name, argv, message) => {
    const { code, err, out } = await run(argv);
    expect(err).toMatch(message);
    expect(code).toBe(2);
    expect(out).toBe('');
    expectCliTerms(err);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect((await readdir(dir)).filter((f) => f.startsWith('x') || f.endsWith('.tmp'))).toEqual([]);
  });

  it('input files are untouched when --out names them', async () => {
    await run(['score', '--in', 'texts.csv', '--out', 'texts.csv']);
    expect(await readFile(join(dir, 'texts.csv'), 'utf8')).toBe(
      'mdna\nRevenue rose sharply in the quarter.\n',
    );
  });

  it('maps library messages to flags and drops API advice', () => {
    expect(
      inCliTerms(
        'scoreFile: the input has no column "x"; its columns are a. Call it as scoreFile(input, output, { textColumn: \'a\' }).',
        { 'options.textColumn': '--text-column' },
      ),
    ).toBe('the input has no column "x"; its columns are a.');
    expect(
      inCliTerms(
        "altmanInputsFromCompanyFacts: options.accessionNumber must be an accession number, got 'x'; e.g. f(x)",
        {
          'options.accessionNumber': '--accession-number',
        },
      ),
    ).toBe("--accession-number must be an accession number, got 'x'.");
  });
});

describe('help', () => {
  it('help <command> shows that command, help alone the list', async () => {
    const score = await run(['help', 'score']);
    expect(score.code).toBe(0);
    expect(score.out).toMatch(/^fin-tabtext score: add text scores/);
    const all = await run(['help']);
    expect(all.out).toMatch(/Commands:/);
    expect(all.out).toMatch(/130 interrupted/);
    const bad = await run(['help', 'scor']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/Did you mean "score"\?/);
  });
});

describe('negative numbers as flag values', () => {
  it('tabtext takes --max-age-days -1 as a value and rejects it in flag terms', async () => {
    await writeFile(join(dir, 'p.csv'), 'cik,date,price\n1,2024-01-02,3\n');
    await writeFile(join(dir, 't.csv'), 'cik,filing_date,x\n1,2024-01-01,2\n');
    const { code, err } = await run([
      'tabtext',
      '--text',
      't.csv',
      '--tabular',
      'p.csv',
      '--on',
      'cik',
      '--max-age-days',
      '-1',
      '--out',
      'x6.csv',
    ]);
    expect(code).toBe(2);
    expect(err).toMatch(/--max-age-days must be a number >= 0 or null, got -1/);
    expectCliTerms(err);
  });
});

describe('mdna rows can be joined', () => {
  it('reads cik, ticker, form and period from the cover page, the filing date from the name or --filing-date', async () => {
    const { code, err } = await run([
      'mdna',
      'aapl-20250628.htm',
      'gme_10-K_2024-03.htm',
      '--filing-date',
      '2025-08-01',
      '--out',
      'm.csv',
    ]);
    expect(err).toBe(`mdna: wrote 2 records to ${join(dir, 'm.csv')}\n`);
    expect(code).toBe(0);
    const got = await rows(join(dir, 'm.csv'));
    expect(
      got.map((r) => [
        r.file,
        r.ticker,
        r.cik,
        r.company,
        r.form_type,
        r.filing_date,
        r.report_date,
        r.mdna_status,
      ]),
    ).toEqual([
      // A 10-Q, though its name says nothing: the cover page's dei:DocumentType.
      ['aapl-20250628.htm', 'AAPL', '0000320193', 'Apple Inc.', '10-Q', '2025-08-01', '2025-06-28', 'found'],
      [
        'gme_10-K_2024-03.htm',
        'GME',
        '0001326380',
        'GameStop Corp.',
        '10-K',
        '2025-08-01',
        '2024-02-03',
        'found',
      ],
    ]);
  });

  it('reads the SGML header of a full submission, and skips a form without MD&A with a note', async () => {
    const identity = identityFromDocument(readFixture('cli/aapl_8-K_1999-09-07.txt'));
    expect(identity).toEqual({
      cik: '0000320193',
      ticker: null,
      company: 'APPLE COMPUTER INC',
      formType: '8-K',
      filingDate: '1999-09-07',
      reportDate: '1999-09-03',
    });
    const { code, err } = await run([
      'mdna',
      'aapl_8-K_1999-09-07.txt',
      'ford_10-K_2002-03.txt',
      '--out',
      'h.csv',
    ]);
    expect(code).toBe(0);
    expect(err).toMatch(/^mdna: skipped aapl_8-K_1999-09-07\.txt is a 8-K, which has no MD&A item$/m);
    const got = await rows(join(dir, 'h.csv'));
    expect(got.map((r) => [r.file, r.form_type, r.mdna_status])).toEqual([
      ['ford_10-K_2002-03.txt', '10-K', 'found'],
    ]);
  });

  it('reads form and filing date from file names', () => {
    expect(identityFromFileName('txn_10-Q_2023-07-26.htm')).toMatchObject({
      formType: '10-Q',
      filingDate: '2023-07-26',
    });
    expect(identityFromFileName('aapl-20250628.htm')).toMatchObject({
      formType: null,
      filingDate: null,
      reportDate: '2025-06-28',
    });
    expect(identityFromFileName('ford_10-K_2002-03.txt.gz')).toMatchObject({
      formType: '10-K',
      filingDate: null,
      ticker: null,
    });
  });
});

describe('CSV formula escaping from the CLI', () => {
  it('is on by default and off with --csv-escape off', async () => {
    await writeFile(
      join(dir, 'risky.jsonl'),
      `${JSON.stringify({ company: '=HYPERLINK("http://x")', mdna: 'Sales rose.' })}\n`,
    );
    expect((await run(['score', '--in', 'risky.jsonl', '--out', 'r1.csv'])).code).toBe(0);
    expect((await rows(join(dir, 'r1.csv')))[0]?.company).toBe('\'=HYPERLINK("http://x")');
    expect((await run(['score', '--in', 'risky.jsonl', '--out', 'r2.csv', '--csv-escape', 'off'])).code).toBe(
      0,
    );
    expect((await rows(join(dir, 'r2.csv')))[0]?.company).toBe('=HYPERLINK("http://x")');
    const bad = await run(['score', '--in', 'risky.jsonl', '--out', 'r3.csv', '--csv-escape', 'no']);
    expect(bad.err).toMatch(/--csv-escape must be one of on, off/);
  });
});

describe('an aborted run (in-process)', () => {
  it('returns 130 with one line and leaves no temporary file', async () => {
    const big = Array.from({ length: 3000 }, (_, i) => ({ mdna: `Revenue rose ${i} percent. Costs fell.` }));
    await writeFile(join(dir, 'big.jsonl'), big.map((r) => JSON.stringify(r)).join('\n'));
    const controller = new AbortController();
    const c = capture(dir);
    const outputs = new Set<string>();
    const running = runCli(['score', '--in', 'big.jsonl', '--out', 'aborted.csv'], {
      ...c.io,
      signal: controller.signal,
      outputs,
    });
    setTimeout(() => controller.abort(new Interrupted('SIGINT')), 50);
    expect(await running).toBe(130);
    expect(c.err()).toMatch(/^fin-tabtext score: interrupted by SIGINT; stopped.*no partial output left\n$/);
    expect((await readdir(dir)).filter((f) => f.includes('aborted'))).toEqual([]);
  });
});
