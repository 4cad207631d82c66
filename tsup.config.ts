import { defineConfig } from 'tsup';

// ESM-only runtime dependencies are bundled into the CommonJS build so that
// `require('fin-tabtext')` works (tslab notebooks, older tooling).
const esmOnly = ['p-limit', 'yocto-queue', 'stemmer', 'hyparquet-writer', 'hyparquet'];

export default defineConfig([
  {
    entry: {
      index: 'src/index.ts',
      score: 'src/score/entry.ts',
      'pipeline-worker': 'src/pipeline/worker.ts',
      queue: 'src/queue/index.ts',
    },
    format: ['esm'],
    dts: { compilerOptions: { ignoreDeprecations: '6.0' } },
    sourcemap: true,
    clean: true,
    target: 'node20',
    platform: 'node',
  },
  {
    entry: {
      index: 'src/index.ts',
      score: 'src/score/entry.ts',
      'pipeline-worker': 'src/pipeline/worker.ts',
      queue: 'src/queue/index.ts',
    },
    format: ['cjs'],
    dts: { compilerOptions: { ignoreDeprecations: '6.0' } },
    sourcemap: true,
    target: 'node20',
    platform: 'node',
    noExternal: esmOnly,
    shims: true,
  },
  {
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    sourcemap: true,
    target: 'node20',
    platform: 'node',
    banner: { js: '#!/usr/bin/env node' },
  },
]);
