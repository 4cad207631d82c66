import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { readFixture, readManifest } from '../support/fixtures.js';

/** Paragraphs (blank-line separated, at least 200 characters) of Ford's FY2001 10-K, as filed. */
export function fordParagraphs(): string[] {
  return readFixture('filings/ford_10-K_2002-03.txt')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length >= 200);
}

/** The filing fixtures of both manifests whose CIK and date are known, as raw manifest cells. */
export function manifestFilings(): {
  file: string;
  company: string;
  cik: string;
  form: string;
  date: string;
  accession: string;
}[] {
  return [...readManifest('dev'), ...readManifest('dev2')]
    .filter(
      (row) =>
        row.file.startsWith('filings/') &&
        /^\d+$/.test(row.cik ?? '') &&
        /^\d{4}-\d{2}-\d{2}/.test(row.filing_date ?? ''),
    )
    .map((row) => ({
      file: row.file,
      company: row.company ?? '',
      cik: row.cik ?? '',
      form: row.form ?? '',
      date: (row.filing_date ?? '').slice(0, 10),
      accession: row.accession ?? '',
    }));
}

const dirs: string[] = [];

/** A fresh temporary folder, removed after the test. */
export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'fin-tabtext-records-'));
  dirs.push(dir);
  return dir;
}

afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** Collect an async iterable. */
export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}
