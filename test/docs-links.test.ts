// Keeps the README and the guides true: every relative link resolves (file and, for Markdown,
// heading anchor), the README's quick start is the code of examples/tour.mjs (which .ci/examples
// runs), and the README's column list is pipelineColumns().
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pipelineColumns } from '../src/pipeline/index.js';

const root = resolve(import.meta.dirname, '..');
const docs = readdirSync(join(root, 'docs'))
  .filter((name) => name.endsWith('.md'))
  .map((name) => join('docs', name));
const files = ['README.md', 'examples/README.md', ...docs];

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
const anchorsOf = (markdown: string): Set<string> => {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    const heading = fenced ? null : /^#{1,6} (.*)$/.exec(line);
    if (!heading) continue;
    const base = heading[1]!
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N} _-]/gu, '')
      .replace(/ /g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    anchors.add(n === 0 ? base : `${base}-${n}`);
  }
  return anchors;
};

/** Relative link targets of a Markdown file, code blocks and inline code left out. */
const linksOf = (markdown: string): string[] => {
  const text = markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!).filter((t) => !/^[a-z]+:/i.test(t));
};

describe('docs links', () => {
  for (const file of files) {
    it(`every relative link of ${file} resolves`, () => {
      const markdown = readFileSync(join(root, file), 'utf8');
      const broken: string[] = [];
      for (const link of linksOf(markdown)) {
        const [path = '', anchor] = link.split('#');
        const target = path === '' ? join(root, file) : resolve(root, dirname(file), path);
        if (!existsSync(target)) {
          broken.push(`${link} (no file ${target})`);
          continue;
        }
        if (anchor && target.endsWith('.md') && statSync(target).isFile()) {
          if (!anchorsOf(readFileSync(target, 'utf8')).has(anchor))
            broken.push(`${link} (no heading #${anchor})`);
        }
      }
      expect(broken).toEqual([]);
    });
  }

  it('finds links and anchors at all', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    expect(linksOf(readme)).toContain('docs/index.md');
    expect(anchorsOf('## `fetch` — EDGAR filings to CSV/JSONL\n## A B\n## A B')).toEqual(
      new Set(['fetch--edgar-filings-to-csvjsonl', 'a-b', 'a-b-1']),
    );
  });
});

describe('README', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');

  it('has at most 400 lines and no internal wording', () => {
    expect(readme.split('\n').length).toBeLessThanOrEqual(400);
    for (const file of files) {
      expect(readFileSync(join(root, file), 'utf8')).not.toMatch(
        /design card|dev filings|project machine|no machine here/i,
      );
    }
  });

  it('quick start is the code of examples/tour.mjs', () => {
    const block = /## Quick start[\s\S]*?```js\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(block).toBeDefined();
    expect(block!.split('\n').length).toBeLessThanOrEqual(21);
    expect(readFileSync(join(root, 'examples/tour.mjs'), 'utf8')).toContain(block!);
  });

  it('lists the columns of pipelineColumns(), in order', () => {
    const block = /<!-- columns -->([\s\S]*?)<!-- \/columns -->/.exec(readme)?.[1] ?? '';
    const listed = [...block.matchAll(/`([a-z0-9_]+)`/g)].map((m) => m[1]);
    expect(listed).toEqual([...pipelineColumns()]);
  });
});
