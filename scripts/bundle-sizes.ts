/**
 * Sizes of the browser build (`npm run bundle-sizes`): for each entry, the code a page loads for
 * it (the entry module and the chunks it imports) and the data module, minified, raw and gzip
 * (level 9). Prints a Markdown table; docs/packaging.md quotes its output.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { BROWSER_ENTRIES, buildBrowser } from './browser-build.js';

const outdir = mkdtempSync(join(tmpdir(), 'fin-tabtext-sizes-'));
try {
  const { files, metafile } = await buildBrowser({ outdir, minify: true, write: false });
  const bytes = new Map(files.map((f) => [basename(f.path), f.contents]));
  const imports = new Map<string, string[]>();
  const readsData = new Set<string>();
  for (const [path, output] of Object.entries(metafile.outputs)) {
    imports.set(
      basename(path),
      output.imports.filter((i) => !i.external).map((i) => basename(i.path)),
    );
    if (output.imports.some((i) => i.external && i.path === './data.js')) readsData.add(basename(path));
  }
  const closure = (name: string, seen = new Set<string>()): Set<string> => {
    if (seen.has(name)) return seen;
    seen.add(name);
    for (const next of imports.get(name) ?? []) closure(next, seen);
    return seen;
  };
  const size = (names: Iterable<string>): { raw: number; gzip: number } => {
    const parts = [...names].map((n) => bytes.get(n) ?? new Uint8Array());
    const all = Buffer.concat(parts);
    return { raw: all.length, gzip: gzipSync(all, { level: 9 }).length };
  };
  const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;
  const data = size(['data.js']);
  console.log('| entry | code, minified | code, gzip | with data.js, minified | with data.js, gzip |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const name of Object.keys(BROWSER_ENTRIES)) {
    const modules = closure(`${name}.js`);
    const code = size(modules);
    // Only the modules that read data files import data.js.
    const needsData = [...modules].some((m) => readsData.has(m));
    const all = needsData ? size([...modules, 'data.js']) : code;
    console.log(
      `| fin-tabtext/${name} | ${kb(code.raw)} | ${kb(code.gzip)} | ${needsData ? kb(all.raw) : '(no data)'} | ${needsData ? kb(all.gzip) : '(no data)'} |`,
    );
  }
  console.log(`| data.js alone | | | ${kb(data.raw)} | ${kb(data.gzip)} |`);
} finally {
  rmSync(outdir, { recursive: true, force: true });
}
