import { parseCik } from '../identifiers/index.js';

/** One row of SEC's `company_tickers.json`. */
export interface TickerEntry {
  /** Ticker as SEC spells it, upper case (class shares with a dash: `BRK-B`). */
  readonly ticker: string;
  /** 10-digit zero-padded CIK. */
  readonly cik: string;
  /** Company name as SEC lists it. */
  readonly title: string;
}

/** Ticker lookup built from `company_tickers.json`. */
export interface TickerTable {
  readonly entries: readonly TickerEntry[];
  readonly byTicker: ReadonlyMap<string, TickerEntry>;
  readonly byCik: ReadonlyMap<string, TickerEntry>;
}

/** Normalize a ticker the way SEC's file spells it: upper case, `.` and `/` as `-`. */
export function normalizeTicker(ticker: string): string {
  return ticker.trim().toUpperCase().replace(/[./]/g, '-');
}

/** Parse `company_tickers.json` (`{"0":{"cik_str":789019,"ticker":"MSFT","title":"..."},...}`). */
export function parseTickerTable(json: unknown): TickerTable {
  const entries: TickerEntry[] = [];
  const byTicker = new Map<string, TickerEntry>();
  const byCik = new Map<string, TickerEntry>();
  const rows =
    json !== null && typeof json === 'object' ? Object.values(json as Record<string, unknown>) : [];
  for (const row of rows) {
    if (row === null || typeof row !== 'object') continue;
    const r = row as { cik_str?: unknown; ticker?: unknown; title?: unknown };
    const cik = parseCik(r.cik_str);
    if (cik === null || typeof r.ticker !== 'string') continue;
    const entry: TickerEntry = {
      ticker: normalizeTicker(r.ticker),
      cik,
      title: typeof r.title === 'string' ? r.title : '',
    };
    entries.push(entry);
    if (!byTicker.has(entry.ticker)) byTicker.set(entry.ticker, entry);
    // The file lists a company's main ticker first.
    if (!byCik.has(cik)) byCik.set(cik, entry);
  }
  return { entries, byTicker, byCik };
}

function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      row.push(value);
      if (value < best) best = value;
    }
    if (best > limit) return limit + 1;
    prev = row;
  }
  return prev[b.length]!;
}

/**
 * Tickers close to an unknown one: edit distance up to 2 (transpositions count 2), tickers that
 * start with it, and companies whose name contains it as a word.
 *
 * @param table - The ticker table.
 * @param query - What the user typed.
 * @param max - How many to return.
 * @returns Up to `max` entries, closest first.
 */
export function closeTickerMatches(table: TickerTable, query: string, max = 5): TickerEntry[] {
  const q = normalizeTicker(query);
  const scored: Array<{ entry: TickerEntry; score: number }> = [];
  const word = q.length >= 3 ? new RegExp(`\\b${q.replace(/[^A-Z0-9]/g, '')}\\b`, 'i') : null;
  for (const entry of table.entries) {
    const distance = editDistance(q, entry.ticker, 2);
    let score = Number.POSITIVE_INFINITY;
    if (distance <= 2) score = distance;
    else if (entry.ticker.startsWith(q)) score = 2.5;
    else if (word?.test(entry.title)) score = 2.8;
    if (score !== Number.POSITIVE_INFINITY) scored.push({ entry, score });
  }
  // Stable on SEC's order, which lists larger companies first.
  scored.sort((a, b) => a.score - b.score);
  const out: TickerEntry[] = [];
  const seen = new Set<string>();
  for (const { entry } of scored) {
    if (seen.has(entry.ticker)) continue;
    seen.add(entry.ticker);
    out.push(entry);
    if (out.length === max) break;
  }
  return out;
}
