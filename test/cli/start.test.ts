import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('npm start', () => {
  it('builds silently (tsup --silent) before the demo, so its first lines are the demo’s', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts.build).toMatch(/^tsup\b/);
    // `npm run build --silent` only quiets npm; the arguments after `--` reach tsup.
    expect(pkg.scripts.start).toMatch(/^npm run build --silent -- --silent && node dist\/cli\.js demo$/);
  });
});
