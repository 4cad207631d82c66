import { execFileSync } from 'node:child_process';
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build, type Options } from 'tsup';
import { describe, expect, it } from 'vitest';
import configs from '../../tsup.config.js';

const ROOT = resolve(import.meta.dirname, '../..');

// The worker file must be found beside the built module, in both module formats: build the
// package with the real tsup config (declarations aside) into a folder shaped like dist/.
describe('the pool thread from the built package', () => {
  it('runs from the ESM and the CommonJS build', async () => {
    const out = mkdtempSync(join(tmpdir(), 'ftt-dist-'));
    const dist = join(out, 'dist');
    // The library builds only: the CLI build's onSuccess writes the browser bundle into the
    // repository's own dist/, which other tests read at the same time. `config: false`: without
    // it tsup's build() also loads tsup.config.ts and runs each of its builds with these options
    // on top, all at once into one folder (truncated files) and with the browser onSuccess.
    for (const config of (configs as Options[]).filter((c) => c.onSuccess === undefined)) {
      await build({
        ...config,
        config: false,
        outDir: dist,
        dts: false,
        sourcemap: false,
        silent: true,
        clean: false,
      });
    }
    // The built files resolve their dependencies from the package's node_modules, as when installed.
    symlinkSync(join(ROOT, 'node_modules'), join(out, 'node_modules'));
    symlinkSync(join(ROOT, 'wordlists'), join(out, 'wordlists'));
    symlinkSync(join(ROOT, 'data'), join(out, 'data'));
    writeFileSync(join(out, 'package.json'), JSON.stringify({ name: 'fin-tabtext', type: 'module' }));
    const script = (load: string): string => `${load}
const pool = await createPipelinePool({ workers: 2 });
try {
  const scores = await pool.run({ kind: 'scores', texts: ['Losses increased.', 'We expect strong growth.'], options: undefined });
  console.log(JSON.stringify(scores.map((s) => [s.word_count, s.negative, s.positive])));
} finally {
  await pool.close();
}`;
    writeFileSync(join(out, 'esm.mjs'), script("import { createPipelinePool } from './dist/pipeline.js';"));
    writeFileSync(
      join(out, 'cjs.cjs'),
      `(async () => {${script("const { createPipelinePool } = require('./dist/pipeline.cjs');")}})();`,
    );
    const expected = JSON.stringify([
      [2, 0.5, 0],
      [4, 0, 0.25],
    ]);
    for (const file of ['esm.mjs', 'cjs.cjs']) {
      const stdout = execFileSync(process.execPath, [file], { cwd: out, encoding: 'utf8' });
      expect([file, stdout.trim()]).toEqual([file, expected]);
    }
  }, 120_000);
});
