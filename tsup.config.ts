import { defineConfig } from 'tsup';
import { buildBrowser } from './scripts/browser-build.js';

// ESM-only runtime dependencies are bundled into the CommonJS build so that
// `require('fin-tabtext')` works (tslab notebooks, older tooling).
const esmOnly = ['p-limit', 'yocto-queue', 'stemmer', 'hyparquet-writer', 'hyparquet'];

// The package entry points: `fin-tabtext` and its subpaths (package.json `exports`).
// Both formats split shared code into chunks, so one class (an error, a client) is the same
// object whichever entry a program imports it from.
const entry = {
  index: 'src/index.ts',
  score: 'src/score/entry.ts',
  extract: 'src/extract/index.ts',
  edgar: 'src/edgar/index.ts',
  finance: 'src/finance/index.ts',
  records: 'src/records/index.ts',
  summarize: 'src/summarize/index.ts',
  pipeline: 'src/pipeline/index.ts',
  queue: 'src/queue/index.ts',
  // The pool thread's module, loaded by path beside the chunk that starts the pool.
  'pipeline-worker': 'src/pipeline/worker.ts',
};

// No source maps in the published build: they would double the tarball for code that is
// readable as shipped (not minified).
export default defineConfig([
  {
    entry,
    format: ['esm'],
    dts: { compilerOptions: { ignoreDeprecations: '6.0' } },
    sourcemap: false,
    clean: true,
    target: 'node20',
    platform: 'node',
  },
  {
    entry,
    format: ['cjs'],
    dts: { compilerOptions: { ignoreDeprecations: '6.0' } },
    sourcemap: false,
    splitting: true,
    target: 'node20',
    platform: 'node',
    noExternal: esmOnly,
    shims: true,
  },
  {
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    sourcemap: false,
    target: 'node20',
    platform: 'node',
    banner: { js: '#!/usr/bin/env node' },
    // The browser/edge build of fin-tabtext/score, /extract and /finance (scripts/browser-build.ts).
    onSuccess: async () => {
      await buildBrowser({ outdir: 'dist/browser' });
    },
  },
]);
