/**
 * Measure word lists on text chunks: for every list, its matches per 10,000 words, the share of
 * its most frequent entry, the chunks where it finds nothing, and the Spearman rank correlation of
 * its per-chunk scores with the paired Loughran–McDonald (LM) category.
 *
 *   npx tsx scripts/wordlist-report.ts --chunks ../shared/golden/lm-dev-chunks.jsonl
 *   npx tsx scripts/wordlist-report.ts --chunks chunks.jsonl --lm Loughran-McDonald_MasterDictionary_1993-2023.csv
 *   npx tsx scripts/wordlist-report.ts --chunks chunks.jsonl --lists path/to/lists --top 10 --json
 *
 * Options:
 *   --chunks FILE  JSON lines, one chunk per line: `{ "source": "...", "text": "...", "lm": { "negative": 0.01, ... } }`
 *                  (the layout of the project's LM dev chunks; `lm` is optional when --lm is given).
 *   --lm FILE      your own copy of the LM Master Dictionary CSV (any public release layout); the LM
 *                  scores of every chunk are then computed from it instead of read from `lm`.
 *   --lists DIR    word list files (`<name>.txt`) to measure instead of the shipped `wordlists/`.
 *   --top N        also list the N most frequent entries of every list (default 0).
 *   --json         print the figures as JSON instead of Markdown.
 * Chunks are grouped by the part of `source` before the first `/` (e.g. `dev`, `dev2`), and the
 * correlations are given for every group as well as for all chunks, so one group can be held out.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadLoughranMcDonald } from '../src/score/loughran-mcdonald.js';
import {
  appendWordListTokens,
  type CompiledWordLists,
  compileWordLists,
  countWordListMatches,
  DEFAULT_WORD_LIST_NAMES,
  defaultWordLists,
  loadWordListFile,
  type WordLists,
} from '../src/score/wordlists.js';
import { iterateSentences } from '../src/text/index.js';

/** The LM category each list is compared with (lists without a counterpart have none). */
export const LM_PAIRS: Readonly<Record<string, string>> = {
  negative: 'negative',
  positive: 'positive',
  uncertainty: 'uncertainty',
  litigious: 'litigious',
  certainty: 'strong_modal',
};

export interface Chunk {
  readonly source: string;
  readonly text: string;
  readonly lm?: Readonly<Record<string, number>>;
}

/** Word count and per-list entry matches of one text, sentence by sentence as `scoreText` matches. */
export function measureText(
  text: string,
  compiled: CompiledWordLists,
): { words: number; counts: Record<string, number>; matches: Record<string, Record<string, number>> } {
  const tokens: string[] = [];
  let words = 0;
  for (const s of iterateSentences(text)) {
    words += appendWordListTokens(tokens, text, s.start, s.end, compiled);
    tokens.push('\u0000');
  }
  const result = countWordListMatches(tokens, compiled, { explain: true });
  return {
    words,
    counts: { ...result.counts },
    matches: result.matches as Record<string, Record<string, number>>,
  };
}

/** Ranks 1..n, ties get their average rank. */
function ranks(values: readonly number[]): number[] {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const out = new Array<number>(values.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]![0] === order[i]![0]) j++;
    for (let k = i; k <= j; k++) out[order[k]![1]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return out;
}

/** Spearman's rank correlation (Pearson correlation of the tie-averaged ranks); null if undefined. */
export function spearman(x: readonly number[], y: readonly number[]): number | null {
  const rx = ranks(x);
  const ry = ranks(y);
  const n = x.length;
  const mx = rx.reduce((a, b) => a + b, 0) / n;
  const my = ry.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (rx[i]! - mx) * (ry[i]! - my);
    sxx += (rx[i]! - mx) ** 2;
    syy += (ry[i]! - my) ** 2;
  }
  return sxx === 0 || syy === 0 ? null : sxy / Math.sqrt(sxx * syy);
}

export interface ListFigures {
  readonly list: string;
  readonly entries: number;
  readonly per10k: number;
  readonly matches: number;
  readonly topEntry: string;
  readonly topShare: number;
  readonly zeroChunks: number;
  readonly zeroShare: number;
  readonly lmCategory: string | null;
  /** Spearman ρ with the paired LM category: all chunks and per group. */
  readonly rho: Readonly<Record<string, number | null>>;
  readonly top: ReadonlyArray<readonly [string, number]>;
}

export function report(chunks: readonly Chunk[], lists: WordLists, lmLists?: WordLists): ListFigures[] {
  const compiled = compileWordLists(lists);
  const lmCompiled = lmLists === undefined ? undefined : compileWordLists(lmLists);
  const measured = chunks.map((c) => measureText(c.text, compiled));
  const lmScores = chunks.map((c, i) => {
    if (lmCompiled === undefined) return c.lm ?? {};
    const m = measureText(c.text, lmCompiled);
    const words = measured[i]!.words;
    return Object.fromEntries(Object.entries(m.counts).map(([k, v]) => [k, words === 0 ? 0 : v / words]));
  });
  const groups = [...new Set(chunks.map((c) => c.source.split('/')[0]!))].sort();
  const totalWords = measured.reduce((a, m) => a + m.words, 0);
  return compiled.names.map((list) => {
    const byEntry = new Map<string, number>();
    for (const m of measured) {
      for (const [entry, n] of Object.entries(m.matches[list] ?? {}))
        byEntry.set(entry, (byEntry.get(entry) ?? 0) + n);
    }
    const top = [...byEntry].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const entryHits = top.reduce((a, [, n]) => a + n, 0);
    const matches = measured.reduce((a, m) => a + (m.counts[list] ?? 0), 0);
    const zeroChunks = measured.filter((m) => (m.counts[list] ?? 0) === 0).length;
    const lmCategory = LM_PAIRS[list] ?? null;
    const rho: Record<string, number | null> = {};
    if (lmCategory !== null && lmScores.every((s) => typeof s[lmCategory] === 'number')) {
      const ours = measured.map((m) => (m.words === 0 ? 0 : (m.counts[list] ?? 0) / m.words));
      const theirs = lmScores.map((s) => s[lmCategory]!);
      rho.all = spearman(ours, theirs);
      for (const g of groups) {
        const idx = chunks.flatMap((c, i) => (c.source.split('/')[0] === g ? [i] : []));
        rho[g] = spearman(
          idx.map((i) => ours[i]!),
          idx.map((i) => theirs[i]!),
        );
      }
    }
    return {
      list,
      entries: compiled.sizes[list] ?? 0,
      per10k: totalWords === 0 ? 0 : (matches / totalWords) * 10_000,
      matches,
      topEntry: top[0]?.[0] ?? '',
      topShare: entryHits === 0 ? 0 : (top[0]?.[1] ?? 0) / entryHits,
      zeroChunks,
      zeroShare: chunks.length === 0 ? 0 : zeroChunks / chunks.length,
      lmCategory,
      rho,
      top,
    };
  });
}

function markdown(figures: readonly ListFigures[], chunks: readonly Chunk[], topN: number): string {
  const groups = [...new Set(chunks.map((c) => c.source.split('/')[0]!))].sort();
  const f3 = (x: number | null | undefined): string => (x === null || x === undefined ? '–' : x.toFixed(3));
  const lines = [
    `${chunks.length} chunks (${groups.map((g) => `${g}: ${chunks.filter((c) => c.source.startsWith(`${g}/`)).length}`).join(', ')})`,
    '',
    `| list | entries | matches / 10k words | top entry (share of matches) | zero chunks | LM category | ρ all | ${groups.map((g) => `ρ ${g}`).join(' | ')} |`,
    `|---|---:|---:|---|---:|---|---:|${groups.map(() => '---:|').join('')}`,
    ...figures.map(
      (f) =>
        `| ${f.list} | ${f.entries} | ${f.per10k.toFixed(1)} | ${f.topEntry || '–'} (${(f.topShare * 100).toFixed(1)}%) | ` +
        `${f.zeroChunks} (${(f.zeroShare * 100).toFixed(1)}%) | ${f.lmCategory ?? '–'} | ${f3(f.rho.all)} | ${groups.map((g) => f3(f.rho[g])).join(' | ')} |`,
    ),
  ];
  if (topN > 0) {
    lines.push('');
    for (const f of figures) {
      lines.push(
        `- **${f.list}**: ${
          f.top
            .slice(0, topN)
            .map(([e, n]) => `${e} ${n}`)
            .join(', ') || '–'
        }`,
      );
    }
  }
  return lines.join('\n');
}

function main(): void {
  const args = process.argv.slice(2);
  const value = (flag: string): string | undefined => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const chunksPath = value('--chunks');
  if (chunksPath === undefined) {
    process.stderr.write(
      'usage: npx tsx scripts/wordlist-report.ts --chunks FILE [--lm LM.csv] [--lists DIR] [--top N] [--json]\n',
    );
    process.exit(2);
  }
  const chunks = readFileSync(chunksPath, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Chunk);
  const listsDir = value('--lists');
  const lists: WordLists =
    listsDir === undefined
      ? defaultWordLists()
      : Object.fromEntries(
          DEFAULT_WORD_LIST_NAMES.map((n) => [n, loadWordListFile(join(listsDir, `${n}.txt`))]),
        );
  const lmPath = value('--lm');
  const lm = lmPath === undefined ? undefined : loadLoughranMcDonald(readFileSync(lmPath, 'utf8'));
  if (lm === undefined && chunks.some((c) => c.lm === undefined)) {
    process.stderr.write('some chunks have no "lm" figures: pass --lm with your copy of the LM dictionary\n');
    process.exit(2);
  }
  const figures = report(chunks, lists, lm as WordLists | undefined);
  const topN = Number(value('--top') ?? 0);
  process.stdout.write(
    args.includes('--json')
      ? `${JSON.stringify(figures, null, 2)}\n`
      : `${markdown(figures, chunks, topN)}\n`,
  );
}

if (process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '')) main();
