import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { scoreFile, writeRecords } from '../../src/index.js';
import { capture } from '../support/cli.js';
import { readFixture } from '../support/fixtures.js';

/** 300 real paragraphs of Ford's 2002 10-K, with a few empty and null texts among them. */
async function input(dir: string): Promise<string> {
  const paragraphs = readFixture('filings/ford_10-K_2002-03.txt')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length >= 100)
    .slice(0, 300);
  const path = join(dir, 'paragraphs.jsonl');
  await writeRecords(
    path,
    paragraphs.map((text, i) => ({
      cik: '0000037996',
      paragraph: i,
      mdna: i % 50 === 7 ? null : i % 50 === 8 ? '' : text,
    })),
  );
  return path;
}

describe('scoreFile with workers', () => {
  it('writes the same file with 2 worker threads as in this thread', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ftt-score-workers-'));
    const path = await input(dir);
    await scoreFile(path, join(dir, 'here.csv'), { textColumn: 'mdna' });
    const result = await scoreFile(path, join(dir, 'pool.csv'), {
      textColumn: 'mdna',
      workers: 2,
      wordLists: { esg: ['emissions', 'climate'] },
    });
    await scoreFile(path, join(dir, 'here-esg.csv'), {
      textColumn: 'mdna',
      wordLists: { esg: ['emissions', 'climate'] },
    });
    expect(result.rows).toBe(300);
    expect(readFileSync(join(dir, 'pool.csv'), 'utf8')).toBe(readFileSync(join(dir, 'here-esg.csv'), 'utf8'));
    await scoreFile(path, join(dir, 'pool-plain.csv'), { textColumn: 'mdna', workers: 1 });
    expect(readFileSync(join(dir, 'pool-plain.csv'), 'utf8')).toBe(
      readFileSync(join(dir, 'here.csv'), 'utf8'),
    );
  }, 120_000);

  it('refuses workers with a custom scorer, naming the option', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ftt-score-workers-'));
    const path = await input(dir);
    await expect(
      scoreFile(path, join(dir, 'x.csv'), {
        textColumn: 'mdna',
        workers: 2,
        scorer: (t) => ({ n: t.length }),
      }),
    ).rejects.toThrow(/options\.workers needs the default scorer/);
  });

  it('fin-tabtext score --workers 2 writes the same rows', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ftt-score-workers-'));
    await input(dir);
    const { io, err } = capture(dir);
    expect(
      await runCli(
        ['score', '--in', 'paragraphs.jsonl', '--out', 'cli.csv', '--workers', '2', '--quiet'],
        io,
      ),
    ).toBe(0);
    expect(err()).toBe('');
    await scoreFile(join(dir, 'paragraphs.jsonl'), join(dir, 'lib.csv'), { textColumn: 'mdna' });
    expect(readFileSync(join(dir, 'cli.csv'), 'utf8')).toBe(readFileSync(join(dir, 'lib.csv'), 'utf8'));
  }, 120_000);
});
