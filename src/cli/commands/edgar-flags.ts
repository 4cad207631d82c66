import { type EdgarProgressEvent, SEC_BASE_URLS, validateUserAgent } from '../../edgar/index.js';
import { EdgarClient } from '../../index.js';
import { type Flags, optionalDate, optionalString } from '../command.js';
import type { CliIo } from '../io.js';
import { UsageError } from '../io.js';
import { inCliTerms } from '../terms.js';
import { parseList, resolvePath } from './shared.js';

// The flags, their checks and the client set-up that every command reading EDGAR shares
// (fetch, dataset, queue), so one flag means one thing with one error message everywhere.

/** Flag specs of the filing selection: which companies, forms and dates, and the SEC identity. */
export const SELECTION_OPTIONS = {
  tickers: { type: 'string' },
  ciks: { type: 'string' },
  forms: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  'user-agent': { type: 'string' },
  'with-text': { type: 'boolean' },
} as const;

/** Flag specs of the local document cache. */
export const CACHE_OPTIONS = {
  'cache-dir': { type: 'string' },
  offline: { type: 'boolean' },
} as const;

/** Library option fields in the terms of these flags, for {@link inCliTerms}. */
export const SELECTION_FIELDS = {
  'options.userAgent': '--user-agent',
  userAgent: '--user-agent',
  'options.cacheDir': '--cache-dir',
  cacheDir: '--cache-dir',
  filingDateStart: '--from',
  filingDateEnd: '--to',
  formTypes: '--forms',
} as const;

/** The filing selection as the library's query fields (absent fields take the library default). */
export interface Selection {
  readonly tickersOrCiks: string[];
  readonly formTypes?: string[];
  readonly filingDateStart?: string;
  readonly filingDateEnd?: string;
}

/**
 * `--tickers`/`--ciks` (at least one company), `--forms` and the `--from`/`--to` dates, checked:
 * a usage error names the flag and shows a correct value.
 */
export function readSelection(flags: Flags, command: string): Selection {
  const tickersOrCiks = [
    ...parseList(optionalString(flags, 'tickers')),
    ...parseList(optionalString(flags, 'ciks')),
  ];
  if (tickersOrCiks.length === 0) {
    throw new UsageError(
      `Give --tickers AAPL,MSFT or --ciks 320193. Run \`fin-tabtext ${command} --help\` for usage.`,
    );
  }
  const formTypes = parseList(optionalString(flags, 'forms'));
  const from = optionalDate(flags, 'from', command);
  const to = optionalDate(flags, 'to', command);
  if (from !== undefined && to !== undefined && from > to) {
    throw new UsageError(`--from ${from} is after --to ${to}; give --from on or before --to.`);
  }
  return {
    tickersOrCiks,
    ...(formTypes.length > 0 ? { formTypes } : {}),
    ...(from === undefined ? {} : { filingDateStart: from }),
    ...(to === undefined ? {} : { filingDateEnd: to }),
  };
}

const USER_AGENT_HOW_TO = 'pass --user-agent "Acme Research jane@acme.com" or set FIN_TABTEXT_USER_AGENT.';

/**
 * The SEC identity from `--user-agent` or `FIN_TABTEXT_USER_AGENT`, checked with the client's own
 * rule. Absent: a usage error when `required`, else `undefined`.
 */
export function readUserAgent(flags: Flags, io: CliIo, required: true): string;
export function readUserAgent(flags: Flags, io: CliIo, required: boolean): string | undefined;
export function readUserAgent(flags: Flags, io: CliIo, required: boolean): string | undefined {
  const value = optionalString(flags, 'user-agent') ?? io.env.FIN_TABTEXT_USER_AGENT;
  if (value === undefined || value.trim() === '') {
    if (!required) return undefined;
    throw new UsageError(`SEC asks every client to identify itself: ${USER_AGENT_HOW_TO}`);
  }
  try {
    validateUserAgent(value);
  } catch (error) {
    const reason = inCliTerms(error instanceof Error ? error.message : String(error), SELECTION_FIELDS);
    throw new UsageError(
      `${reason.replace(/^--user-agent '[^']*'/, `--user-agent "${value}"`)} SEC wants a name or company and a contact email: ${USER_AGENT_HOW_TO}`,
    );
  }
  return value;
}

/** SEC's base URLs, or the mirrors (a test server) named by the CLI's environment. */
export function secBaseUrls(io: CliIo): { www: string; data: string } {
  return {
    www: io.env.FIN_TABTEXT_SEC_WWW_URL ?? SEC_BASE_URLS.www,
    data: io.env.FIN_TABTEXT_SEC_DATA_URL ?? SEC_BASE_URLS.data,
  };
}

/**
 * The EDGAR client of a command: its identity, `--cache-dir`, `--offline` and base URLs (the
 * client reads base URLs from `process.env`; the CLI's environment is `io.env`). A rate-limit
 * pause is reported on stderr unless `--quiet`.
 */
export function createCliClient(
  io: CliIo,
  flags: Flags,
  command: string,
  userAgent: string,
  onProgress?: (event: EdgarProgressEvent) => void,
): EdgarClient {
  const cacheDir = optionalString(flags, 'cache-dir');
  const quiet = flags.quiet === true;
  return new EdgarClient({
    userAgent,
    offline: flags.offline === true,
    ...(cacheDir === undefined ? {} : { cacheDir: resolvePath(io, cacheDir) }),
    baseUrls: secBaseUrls(io),
    onProgress: (event) => {
      if (event.type === 'rate-limited' && !quiet) {
        io.stderr.write(`${command}: SEC rate limit hit, pausing ${Math.round(event.pauseMs / 1000)} s\n`);
      }
      onProgress?.(event);
    },
  });
}

/** The per-row failures of a run, collected while the rows stream to the writer. */
export interface FailureLog {
  /** One line per failed row, in order. */
  readonly errors: string[];
  /** Write the first ten failures (and how many more) to stderr. */
  report(): void;
}

/**
 * Pass `rows` through, noting each row whose `error` is set (`describe` gives its line). When
 * every row failed, throw at the end: the writer then drops its temporary file, so a run that got
 * nothing leaves no output that looks like data.
 */
export function guardFailures<T extends { readonly error: string | null }>(
  io: CliIo,
  command: string,
  rows: AsyncIterable<T>,
  describe: (row: T) => string,
): { rows: AsyncGenerator<T>; log: FailureLog } {
  const errors: string[] = [];
  let ok = 0;
  async function* checked(): AsyncGenerator<T> {
    for await (const row of rows) {
      if (row.error === null) ok++;
      else errors.push(describe(row));
      yield row;
    }
    if (ok === 0 && errors.length > 0) {
      throw new Error(`every filing failed; nothing written. First error: ${errors[0]}`);
    }
  }
  const report = (): void => {
    for (const error of errors.slice(0, 10)) io.stderr.write(`${command}: ${error}\n`);
    if (errors.length > 10) io.stderr.write(`${command}: ... and ${errors.length - 10} more errors\n`);
  };
  return { rows: checked(), log: { errors, report } };
}
