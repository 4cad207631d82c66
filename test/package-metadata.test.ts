// package.json metadata a registry page and `npm repo` / `npm bugs` / `npm home` read: the
// repository, its issue tracker and its README, all at the project's public home.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  repository: { type: string; url: string };
  homepage: string;
  bugs: { url: string };
};
const HOME = 'https://github.com/fin-tabtext/fin-tabtext';

describe('package.json links', () => {
  it('point at the public repository, its README and its issues', () => {
    expect(pkg.repository).toEqual({ type: 'git', url: `git+${HOME}.git` });
    expect(pkg.homepage).toBe(`${HOME}#readme`);
    expect(pkg.bugs).toEqual({ url: `${HOME}/issues` });
  });

  it('hold no placeholder host', () => {
    const links = [pkg.repository.url, pkg.homepage, pkg.bugs.url];
    for (const link of links)
      expect(new URL(link.replace(/^git\+/, '')).hostname).not.toMatch(/\.invalid$|^localhost$/);
  });
});
